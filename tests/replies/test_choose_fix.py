"""choose_fix.py: which entry's steps a draft offers, and the lone-keyword last resort."""

from __future__ import annotations

from dataclasses import replace

from triage.replies.choose_fix import sure
from triage.replies.config import ReplyConfig
from triage.replies.knowledge import KnowledgeBase
from triage.replies.rules import ReplyRules
from triage.replies.values import KbMatch

from .test_compose import email, make, reading


def test_a_topic_is_sure_only_on_keywords_never_on_the_embedding_alone(
    keyword_kb: KnowledgeBase,
) -> None:
    entry = keyword_kb.entries[0]
    rules = ReplyRules()
    near = KbMatch(entry, 0.7, 0.9, 0.59, True, "embedding+keywords")  # one common word
    rare = KbMatch(entry, 0.61, 0.9, 0.78, True, "embedding+keywords")  # one rare word
    strong = KbMatch(entry, 0.75, 0.5, 0.95, True, "embedding+keywords")  # a phrase and more
    unsure = KbMatch(entry, 0.4, 0.9, 0.95, False, "embedding+keywords")
    assert [sure(m, rules) for m in (near, rare, strong, unsure)] == [False, False, True, False]


def test_one_rare_phrase_is_enough_only_when_no_other_entry_comes_near_it(
    keyword_kb: KnowledgeBase,
) -> None:
    entry = keyword_kb.entries[0]
    rules = replace(ReplyRules(), topic_keyword_alone=0.75, topic_lead=0.15)
    rare = KbMatch(entry, 0.61, 0.9, 0.78, True, "embedding+keywords")
    assert sure(rare, rules, runner_up=0.59)  # nothing else near it
    assert not sure(rare, rules, runner_up=0.7)  # another topic's phrase as strong
    assert not sure(rare, rules)  # (no ranking given: the strict rule)


def test_the_last_resort_fills_only_a_draft_that_would_offer_nothing(
    reply_config: ReplyConfig, keyword_kb: KnowledgeBase
) -> None:
    # one phrase points to one entry, and no question fits: its steps are offered
    twice = email(
        "You've taken my direct debit twice this month, £64.99 on the 1st and again on the "
        "3rd. It's put me into my overdraft.",
        subject="Charged twice this month??",
    )
    s = make(reply_config, keyword_kb, twice, read=reading())
    assert s.kb_entry == "billing-duplicate-charge"  # recorded as the fix it is
    assert not s.placeholder
    # ... and only by the last resort: the strict rule alone offers nothing here
    strict = replace(reply_config, rules=replace(reply_config.rules, topic_keyword_alone=0.0))
    assert make(strict, keyword_kb, twice, read=reading()).kb_entry is None
    # a phrase two entries share, or a draft that asks its questions, stays as it was
    blank = make(reply_config, keyword_kb, email("The app on my tablet shows a blank page."))
    assert blank.kb_entry != "print-quality"
    assert "When did it start" in blank.text
