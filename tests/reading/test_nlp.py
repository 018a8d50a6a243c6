"""The pipeline's own rules: shouting lowered in place, line breaks as sentence ends."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from triage.reading import nlp
from triage.reading.reader import TextReader


def test_calm_lowers_shouted_words_only() -> None:
    assert nlp.calm("ANSWER THE PHONE, IT is down") == "answer the phone, IT is down"


@given(st.text(max_size=60))
def test_calm_keeps_the_length_so_offsets_stay_valid(text: str) -> None:
    assert len(nlp.calm(text)) == len(text)


def test_lines_end_sentences_and_list_markers_stay_with_their_line(reader: TextReader) -> None:
    doc = nlp.parse(
        reader._nlp, ["Hi IT,\n\nCan someone unlock pls\n1. my account\n- the printer"]
    )[0]
    sents = [s.text.strip() for s in doc.sents]
    assert sents == ["Hi IT,", "Can someone unlock pls", "1. my account", "- the printer"]


def test_a_hard_wrapped_line_stays_one_sentence(reader: TextReader) -> None:
    text = (
        "The shared drive has been very slow since the upgrade and the finance\n"
        "team cannot open the month-end workbook at all."
    )
    assert len(list(nlp.parse(reader._nlp, [text])[0].sents)) == 1


def test_ner_runs_on_time_sentences_only(reader: TextReader) -> None:
    doc = nlp.parse(reader._nlp, ["Error 809 on the VPN. I need it by 5pm tomorrow."])[0]
    assert [e.label_ for e in doc.ents] == ["TIME"]


def test_a_subject_is_tagged_as_the_full_parse_tags_it_without_the_parse(
    reader: TextReader,
) -> None:
    pipeline = reader._nlp
    for subject in ("ED tracking board down", "SWITCHBOARD PHONES DOWN", "grey streak on prints"):
        tagged = nlp.tag_plain(pipeline, subject)
        parsed = nlp.parse_plain(pipeline, [subject])[0]
        assert [t.tag_ for t in tagged] == [t.tag_ for t in parsed]
        assert not tagged.has_annotation("DEP")  # the parser, most of the time, did not run


def test_a_short_forms_full_stop_ends_no_sentence(reader: TextReader) -> None:
    text = (
        "I really need this sorted today. Could someone please call me on ext. 3318 so we can "
        "get it done while I'm on the phone? It is approx. 3 miles. Call ext. Then go."
    )
    sents = [s.text.strip() for s in nlp.parse(reader._nlp, [text])[0].sents]
    assert (
        "Could someone please call me on ext. 3318 so we can get it done while I'm on the phone?"
        in sents
    )
    assert "It is approx. 3 miles." in sents
    assert "Then go." in sents  # a capital after it: a new sentence
    said = nlp.parse(reader._nlp, ["is it fixed? they said no. i still cant log in."])[0]
    assert len(list(said.sents)) == 3  # "no" is a word, not "no." before a number


def test_a_question_mark_ends_a_sentence_typed_in_lower_case(reader: TextReader) -> None:
    text = "how do i set an out of office on outlook web? off from friday. see ?page=2"
    doc = nlp.parse(reader._nlp, [text])[0]
    assert [s.text.strip() for s in doc.sents][0] == "how do i set an out of office on outlook web?"


def test_a_question_mark_glued_to_a_query_ends_no_sentence(reader: TextReader) -> None:
    for query in ("?page=2", "?sort=desc"):
        text = f"The docs mention cursors but the examples use {query}. Which one should I use?"
        doc = nlp.parse(reader._nlp, [text])[0]
        assert [s.text.strip() for s in doc.sents] == [
            f"The docs mention cursors but the examples use {query}.",
            "Which one should I use?",
        ]
