"""Whether an email gives a phone number to ring: in its text ("call me on 07700 900123",
"I'm on ext. 4417") or in its signature. Split from evidence.py and compose.py. Pure."""

from __future__ import annotations

import re

from triage.reading.ask_lexicon import PHONE_NUMBER

# a phone number (the reading's pattern); gives_number asks seven digits of it
_NUMBER = re.compile(PHONE_NUMBER)


_REFERENCE = re.compile(
    r"\b(?:ticket|case|ref(?:erence)?|order|invoice|account|incident|inc|no|number|id|po)"
    r"\.?\s*(?:number|no\.?)?\s*[:#]?\s*$",
    re.I,
)


# an internal extension given to ring: "call me on 5500", "call the Nurse in Charge on 5500",
# "I'm on ext. 4417" (not "I called the desk on 4000", "Extension 4417 has no dial tone", a
# year or a screen size)
_EXTENSION = re.compile(
    r"(?:^|[.!?]\s+|\b(?:please|and|can\s+you|could\s+you|could\s+someone|can\s+someone)\s+)"
    r"(?:call|ring|phone)\s+(?:me|us|the\s+[\w' ]{2,40}?)\s+on\s+\d{3,5}\b(?![\d.:/%-])"
    r"|\b(?:i'm|i\s+am|we're|we\s+are|me)\s+on\s+ext(?:ension)?\.?\s*\d{3,5}\b(?![\d.:/%-])",
    re.I,
)


def gives_number(text: str) -> bool:
    """Whether the email gives a phone number to call (a ticket's or an order's is none)."""
    return _EXTENSION.search(text) is not None or any(
        sum(c.isdigit() for c in m.group(0)) >= 7 and not _REFERENCE.search(text[: m.start()])
        for m in _NUMBER.finditer(text)
    )


_NOT_A_PHONE = re.compile(
    r"\b(?:vat|fax|reg(?:istered|istration)?|company|charity|account|sort)\b", re.I
)


def signature_number(signature: str) -> bool:
    """Whether a signature gives a phone number: a line with a number that is not a VAT, fax,
    company or account number."""
    return any(
        gives_number(line) for line in signature.splitlines() if not _NOT_A_PHONE.search(line)
    )
