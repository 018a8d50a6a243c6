"""choose_fix.py: which entry's steps a draft offers, and the lone-keyword last resort."""

from __future__ import annotations

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


def test_one_rare_phrase_never_offers_steps_on_its_own(
    reply_config: ReplyConfig, keyword_kb: KnowledgeBase
) -> None:
    # a lone phrase misleads ("Started on Monday" is no new starter; "blank page" in an app is
    # no print fault): tried as a last resort in session 17, it lost 7 of 11 paired calls
    blank = make(reply_config, keyword_kb, email("The app on my tablet shows a blank page."))
    assert blank.kb_entry is None
    assert "When did it start" in blank.text
    twice = email(
        "You've taken my direct debit twice this month, £64.99 on the 1st and again on the "
        "3rd. It's put me into my overdraft.",
        subject="Charged twice this month??",
    )
    assert make(reply_config, keyword_kb, twice, read=reading()).kb_entry is None
