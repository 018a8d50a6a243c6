"""kb_semantic.py, the pure parts: when the embedding alone makes an entry sure, and where it
ranks (through the knowledge base: tests/replies/test_knowledge.py)."""

from __future__ import annotations

from triage.replies.kb_files import parse_entry
from triage.replies.kb_semantic import named_patterns, rank_score, semantic_sure
from triage.replies.values import KbMatch

from .test_knowledge import GOOD_ENTRY

ENTRY = parse_entry(GOOD_ENTRY.replace('["paper jam"]', '["leaver", "can\'t print"]'), "e")


def test_a_keyword_counts_only_as_written() -> None:
    [pattern] = named_patterns([ENTRY])
    assert pattern is not None
    assert pattern.search("our new LEAVER starts")
    assert not pattern.search("she is on sick leave")  # stemmed alike, not the word
    assert pattern.search("I can't print")


def test_sure_needs_closeness_a_margin_and_the_word_or_the_problem() -> None:
    named = named_patterns([ENTRY, ENTRY])
    text = "our leaver's laptop"
    assert semantic_sure([0.7, 0.5], 0.6, 0.05, text, named, [False, False]) == [True, False]
    assert semantic_sure([0.58, 0.3], 0.6, 0.05, text, named, [False, False]) == [False, False]
    assert semantic_sure([0.7, 0.67], 0.6, 0.05, text, named, [False, False]) == [False, False]
    assert semantic_sure([0.7, 0.5], 0.6, 0.05, "sick leave", named, [False, False]) == [
        False,
        False,
    ]
    assert semantic_sure([0.7, 0.5], 0.6, 0.05, "sick leave", named, [True, False]) == [
        True,
        False,
    ]
    assert semantic_sure([0.7, 0.5], 0.0, 0.05, text, named, [False, False]) == [False, False]
    assert semantic_sure(None, 0.6, 0.05, text, named, [False, False]) == [False, False]
    # a curly apostrophe as typed on a phone is the keyword's straight one
    assert semantic_sure([0.7, 0.5], 0.6, 0.05, "I can\u2019t print", named, [False, False])[0]


def test_a_semantic_match_ranks_below_every_confident_score_and_above_the_rest() -> None:
    sure = KbMatch(ENTRY, 0.3, 0.7, 0.5, True, "embedding+keywords", semantic=True)
    scored = KbMatch(ENTRY, 0.56, 0.4, 0.9, True, "embedding+keywords")
    unsure = KbMatch(ENTRY, 0.54, 0.4, 0.6, False, "embedding+keywords")
    order = sorted([unsure, sure, scored], key=lambda m: -rank_score(m, 0.55))
    assert order == [scored, sure, unsure]
    assert rank_score(unsure, 0.55) == unsure.score  # no semantic match: its score
