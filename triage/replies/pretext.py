"""Someone who contacted the customer saying they were someone they may not be: a pretext,
whose story is not the customer's trouble (replies/restate.py), and, when they said they were
the desk, what the desk never does said plainly (replies/kinds.py). Pure."""

from __future__ import annotations

import re

# someone who said they were someone else: what they said is a pretext ("a call from someone
# saying they were from IT", "he said he was from your technical department")
_CLAIMED = (
    r"\b(?:saying|said|claiming|claimed|pretending)\s+(?:to\s+be|(?:he|she|they)\s+(?:was|were|"
    r"is|are|'s|'re))"
)
_PRETEXT = re.compile(rf"{_CLAIMED}\b", re.I)
# ... that they were us: the desk's own rule answers it
_POSED_AS_US = re.compile(
    rf"{_CLAIMED}\s+(?:calling\s+)?(?:from\s+)?(?:it|i\.t\.|you|your|us|the\s+(?:it|help\s*desk|"
    r"service\s+desk|support|technical)|tech\w*\s+(?:support|department)|support|help\s*desk)\b",
    re.I,
)


def says_pretext(text: str) -> bool:
    """Someone contacted the customer saying they were someone they may not be."""
    return _PRETEXT.search(text) is not None


def says_posed_as_us(text: str) -> bool:
    """Someone contacted the customer saying they were from the desk or its company."""
    return _POSED_AS_US.search(text) is not None
