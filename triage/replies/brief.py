"""A short message gets a short reply (reply-guide: "a light question gets a light answer").

A one- or two-line message (a chat line, a post to a support account, "printer on 2 is jammed
again") answered with a full letter of stock paragraphs reads as a template and buries the one
thing it says. The brief form keeps, in the same order: the greeting, the problem said back and
as little empathy as fits (parts.empathy; thanks only for steps tried); the whole plan (who, by when, their deadline, an
escalation) with every answer to the customer's asks; the fix's steps when the knowledge base
has them, else the one question that finds the cause; the sign-off, without "anything else?". Security and outage replies keep their full shape: their
safe steps and incident lines are the point, however short the message. Pure.
"""

from __future__ import annotations

from dataclasses import replace

from triage.replies.parts import (
    Draft,
    empathy,
    feeling,
    greeting,
    paragraph,
    repeat_line,
    section,
    sign_off,
    thanks,
)
from triage.replies.restate import restatement
from triage.replies.shape import Shape
from triage.replies.unknown_fix import questions

BRIEF_KINDS = frozenset({"fault", "question", "request", "chase", "policy_complaint"})


def is_brief(d: Draft) -> bool:
    """Whether the newest text is short enough for the brief form ([compose] brief_chars)."""
    limit = d.rules.brief_chars
    return d.kind in BRIEF_KINDS and 0 < len(d.email.newest_text.strip()) <= limit


def brief(d: Draft, shape: Shape) -> Shape:
    """``shape`` cut to the brief form: a fault keeps one question, or the one line of what we'll
    do first; the answers to the asks are added after it as usual."""
    tried = thanks(d) if d.reading.tried else ""  # "we won't ask you to do it again" stays
    # a request or a question is no failure of ours: no apology, as in their full shape
    plain = d.kind in ("request", "question")
    sorry = paragraph(feeling(d), repeat_line(d)) if plain else empathy(d)
    ack = section(greeting(d), paragraph(restatement(d), sorry, tried))
    if shape.steps:  # a knowledge-base fix or answer stays whole
        return replace(shape, acknowledge=ack, close=sign_off(d))
    fix = ""
    if d.kind == "fault" and (asked := questions(d, d.kind)):
        fix = d.render("brief_question", question=asked[0])
    elif d.kind == "fault":
        # no question left to ask: kinds.fault's one sentence of what we'll do first (or
        # nothing), short enough for the brief form as it is
        fix = shape.fix
    # the full fix's lead-in ("could you tell us:") was the answer to "what should I do?"; it
    # is gone with the list, so that ask gets its own answer
    reuse = {k: v for k, v in shape.reuse.items() if k != "what_to_do"}
    return replace(shape, acknowledge=ack, fix=fix, close=sign_off(d), reuse=reuse)
