"""The urgency level whose response time a reply promises: the model's urgency, raised to
what the kind of email needs and kept below the around-the-clock level when the email shows
nothing critical. The customer's deadline may move it up again (sla.callback_for_deadline).
Pure."""

from __future__ import annotations

from triage.domain import Reading
from triage.replies.evidence import says_attack, says_many_stopped, says_wide


def promise_floor(kind: str, reading: Reading) -> int:
    """The lowest urgency level whose response time the reply promises for this kind of email
    (design/labels.md, and the judges' rubric: "a security incident" is critical): a whole site
    or everyone down and a security matter are critical, any other outage at least high,
    whatever the model's urgency says; 0 otherwise."""
    if kind == "outage":
        return 3 if reading.scope in ("site", "everyone") else 2
    return 3 if kind == "security" else 0


def promised_level(urgency: int, kind: str, reading: Reading, text: str) -> int:
    """The level whose response time the reply promises (before the customer's deadline moves
    it): the model's urgency, raised to the kind's floor, and kept below critical when the email
    shows nothing critical, raised to critical when it says many people cannot work. The desk's
    critical hour is around the clock for a site or service
    down, many people stopped or a security matter (the judges' rubric); promising an on-call
    answer at 02:45 on a Saturday for one dead laptop was the judges' "unrealistic"."""
    level = max(urgency, promise_floor(kind, reading))
    if kind in ("fault", "outage") and says_many_stopped(text):
        return 3  # "140 users can't sign in": many people stopped is critical (the rubric)
    critical = kind in ("outage", "security") or says_wide(text) or says_attack(text)
    return level if critical else min(level, 2)
