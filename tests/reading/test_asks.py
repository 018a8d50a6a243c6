"""asks.py: where a list item ends, without a parse (the reader tests cover the rest)."""

from __future__ import annotations

from triage.reading.asks import _item_end


def test_a_list_line_cut_without_punctuation_runs_to_its_newline() -> None:
    text = "1) an engineer this week, first slot of the day\n2) compensation"
    cut = text.index(" the day")  # where a parse ended the sentence
    assert text[: _item_end(text, 0, cut)] == "1) an engineer this week, first slot of the day"


def test_a_list_line_that_ends_a_sentence_stops_there() -> None:
    text = "- A desk phone if we still do those? Otherwise a Teams number is fine\n- Laptop"
    end = text.index("?") + 1
    assert _item_end(text, 0, end) == end


def test_the_last_line_runs_to_the_end_of_the_text() -> None:
    text = "- Arrange collection of his laptop"
    assert _item_end(text, 0, 10) == len(text)
