"""The brief reply to a short message (triage/replies/brief.py)."""

from __future__ import annotations

import re
from dataclasses import replace

from triage.replies.config import ReplyConfig
from triage.replies.knowledge import KnowledgeBase

from .test_compose import email, make, reading, scores

SHORT = "My laptop keeps crashing."


def _anything_else(cfg: ReplyConfig) -> set[str]:
    return {x for vs in cfg.templates.slots["anything_else"].values() for x in vs}


def test_a_short_message_gets_one_question_and_no_closing_lines(
    reply_config: ReplyConfig, keyword_kb: KnowledgeBase
) -> None:
    short = make(reply_config, keyword_kb, email(SHORT))
    # the same message in the full form (the brief form off): its questions numbered
    off = replace(reply_config, rules=replace(reply_config.rules, brief_chars=0))
    full = make(off, keyword_kb, email(SHORT))
    assert len(re.findall(r"\?$", short.fix, re.M)) == 1
    assert len(re.findall(r"^\d\. ", full.fix, re.M)) >= 2
    assert not any(x in short.text for x in _anything_else(reply_config))
    assert len(short.text) < len(full.text)
    assert short.callback == full.callback  # the plan is the same promise


def test_the_brief_form_keeps_the_plan_the_answers_and_the_escalation(
    reply_config: ReplyConfig, keyword_kb: KnowledgeBase
) -> None:
    e = email("Printer on 2 is jammed again. Can someone come up today?")
    s = make(
        reply_config,
        keyword_kb,
        e,
        scores(urgency=2, frustration=3),
        supervisor=True,
        read=reading(asks=("Can someone come up today?",)),
    )
    assert reply_config.templates.supervisor in s.plan
    assert s.answers
    assert all(sentence in s.text for _, sentence in s.answers)


def test_security_keeps_its_full_shape_and_the_form_can_be_turned_off(
    reply_config: ReplyConfig, keyword_kb: KnowledgeBase
) -> None:
    e = email("I clicked a link in a fake invoice email and typed my password.")
    sec = make(reply_config, keyword_kb, e, read=reading("security", security=True))
    assert len(re.findall(r"^\d\. ", sec.text, re.M)) >= 2  # the safe steps, numbered
    off = replace(reply_config, rules=replace(reply_config.rules, brief_chars=0))
    assert len(re.findall(r"^\d\. ", make(off, keyword_kb, email(SHORT)).fix, re.M)) >= 2


def test_a_brief_request_is_not_apologised_for_and_no_lead_in_dangles(
    reply_config: ReplyConfig, keyword_kb: KnowledgeBase
) -> None:
    apologies = {
        x
        for n in ("apology", "apology_neutral")
        for vs in reply_config.templates.slots[n].values()
        for x in vs
    }
    asked = make(
        reply_config,
        keyword_kb,
        email("Can I get Visio installed on my laptop?"),
        scores(urgency=2),
        read=reading("request", asks=("Can I get Visio installed on my laptop?",)),
    )
    assert not any(a in asked.text for a in apologies)
    fault = make(
        reply_config,
        keyword_kb,
        email("My laptop keeps crashing. What should I do?"),
        read=reading(asks=("What should I do?",)),
    )
    assert not re.search(r":\s*$", fault.plan, re.M)  # no "could you tell us:" left hanging
