"""Requests put as a question about whether something can be done ("Is it possible to swap the
handheld?", "Is there any way you can generate the export on your side?"), and the words both
the ask classes and the ask said back share: who "you" may be in an ask, and the verbs of work
asked of the desk. Pure.
"""

from __future__ import annotations

import re

from triage.replies.ourwords import polish

WHO = (
    # "you guys" before "you": the longer one first, or "can you guys answer" leaves "guys"
    r"(?:you\s+(?:guys|all|lot|folks)|you"
    r"|(?:someone|somebody|anyone)(?:\s+(?:from|in|on)\s+(?:the|your)\s+[\w-]+(?:\s+[\w-]+)?\s+team)?"
    r"|one\s+of\s+you|the\s+team|your\s+team|y'?all)"
)
# "Can I ...", "Could we at least ...": the opener of asking for something for themselves
CAN_I = r"(?:please\s+)?(?:can|could|may)\s+(?:i|we)\s+(?:please\s+|at\s+least\s+)?"
# the verbs of work asked of the desk: an ask that opens with one is a request
IMPERATIVES = frozenset(
    """approve kill mark provide arrange schedule review activate deactivate migrate merge
    block format halt keep leave pause pull ring shut add allow arrange book cancel change check clear close confirm connect copy correct create
    delete disable enable explain extend find fix forward get give grant increase install issue
    let lift list lock look make move order print publish put raise reactivate recalibrate
    reconnect recover reinstate reissue release remove rename renew reopen repair replace reply
    reset resend restore return revoke run send set share show sort stop switch take tell transfer
    turn undo unlock update upgrade waive wipe freeze suspend terminate preserve quarantine
    deprovision swap generate split lend loan rerun resync test expedite escalate chase match
    honour honor bring""".split()
)
# "Is it possible to swap the handheld?", "Is there any way you can generate the export on your
# side?": a request put as a question about whether it can be done; said back as the thing to
# do ("us to swap the handheld") when what follows is a verb of work the desk does
# (IMPERATIVES), and answered as a request, not "we'll find out" (judges, training split)
_CAN_IT_BE_DONE = re.compile(
    rf"^(?:is\s+it\s+possible\s+(?P<for>for\s+(?:you|someone|your\s+team)\s+)?to|is\s+there\s+(?:any|a)\s+"
    rf"(?:way|chance)\s+(?:that\s+)?(?P<who>{WHO})\s+(?:can|could|might|would))\s+(?:please\s+)?"
    r"(?:just\s+)?(?P<rest>(?P<verb>\w+)\b.+)$",
    re.I,
)
# ... where it names no one, only work that is plainly ours ("Is it possible to swap the
# handheld?"); "is it possible to get fewer?" or "to reset my own password from the portal?"
# is theirs to do, a how-to question
_DESK_WORK = frozenset("swap replace lend loan supply deliver reissue expedite extend".split())


def desk_request(text: str) -> str | None:
    """What "Is it possible to ...?" / "Is there any way you can ...?" asks us to do ("swap the
    handheld for a different one"), or None when it asks something else ("is it possible to
    see who ...": a question)."""
    m = _CAN_IT_BE_DONE.match(polish(text))
    if m is None:
        return None
    verb = m.group("verb").lower()
    named = m.group("for") or m.group("who")
    if verb not in (IMPERATIVES if named else _DESK_WORK):
        return None
    return m.group("rest")
