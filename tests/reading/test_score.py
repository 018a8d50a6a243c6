"""The matching rule shared by the annotator agreement and the reader's evaluation."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from triage.reading.score import ask_f1, ask_matches, overlaps, phrases_agree, words


def test_words_keep_apostrophes_and_lower_case() -> None:
    assert words("Don't SWITCH it off!") == ["don't", "switch", "it", "off"]


def test_a_candidate_covering_half_the_gold_words_matches() -> None:
    gold = "Could someone reset it for me"  # 6 words
    assert overlaps("reset it for me please", gold)  # 4 of 6
    assert overlaps("someone reset it", gold)  # 3 of 6: exactly half
    assert not overlaps("reset it", gold)  # 2 of 6
    assert not overlaps("anything", "")  # an empty gold clause matches nothing


def test_matches_are_one_to_one_and_greedy_in_order() -> None:
    gold = ["switch it off for my account", "is that your policy or ours?"]
    pred = ["Please switch it off for my account", "switch it off", "is that your policy?"]
    assert ask_matches(pred, gold) == 2  # the second prediction has no gold left to take
    assert ask_matches([], gold) == 0


def test_ask_f1_over_items() -> None:
    gold = [["switch it off for my account"], []]
    pred = [["switch it off for my account", "call me"], []]
    assert ask_f1(gold, pred) == 2 * 1 / 3
    assert ask_f1([[]], [[]]) == 1.0


def test_deadline_phrases_agree_either_way_round() -> None:
    assert phrases_agree("by 10am tomorrow", "client filing due by 10am tomorrow")
    assert phrases_agree("Payroll run is due at 2pm", "2pm")
    assert phrases_agree(None, None)
    assert not phrases_agree("today", None)
    assert not phrases_agree("today", "by Friday")


_text = st.text(alphabet=st.sampled_from("abc xyz'?!"), max_size=40)


@given(_text)
def test_a_clause_with_words_matches_itself(text: str) -> None:
    assert overlaps(text, text) == bool(words(text))


@given(st.lists(_text, max_size=5), st.lists(_text, max_size=5))
def test_matches_never_exceed_either_side(pred: list[str], gold: list[str]) -> None:
    n = ask_matches(pred, gold)
    assert 0 <= n <= min(len(pred), len(gold))
    assert 0.0 <= ask_f1([gold], [pred]) <= 1.0


def test_the_agreement_script_uses_this_rule_and_keeps_its_published_figures() -> None:
    import subprocess
    import sys
    from pathlib import Path

    repo = Path(__file__).resolve().parents[2]
    script = (repo / "scripts" / "reading_agreement.py").read_text(encoding="utf-8")
    assert "from triage.reading.score import" in script
    out = subprocess.run(
        [sys.executable, "scripts/reading_agreement.py"],
        capture_output=True,
        text=True,
        check=True,
        cwd=repo,
    ).stdout
    # data/reading/README.md: ask-level F1 0.969 (synthetic) and 0.974 (twcs)
    assert "synthetic" in out
    assert "ask_f1 0.969" in out
    assert "ask_f1 0.974" in out
