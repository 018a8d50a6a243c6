"""Words about a chase or a letter, not about the problem (triage/replies/gist.py): "my email of
10 days ago got no reply" is a letter to us, not a broken e-mail service; "Fourth email on
this." opens a chase; "ticket closed AGAIN" is our failure back, not the fault. Pure.
"""

from __future__ import annotations

import re

# a letter to us, not a thing that is broken: "my email of 10 days ago got no reply", "my last
# email", "two emails, no reply", "the email I sent you"
LETTER_BEFORE = re.compile(
    r"(?:last|previous|earlier|first|second|third|fourth|fifth|another|several|original|"
    r"two|three|four|five|many|\d+(?:st|nd|rd|th)?)\s+$",
    re.I,
)
LETTER_AFTER = re.compile(
    r"^s?\s+(?:of\s+(?:the\s+)?(?:\d|last|yesterday|mon|tue|wed|thu|fri|sat|sun)|dated|to\s+(?:you|the\s+desk|your)\b|"
    r"(?:that\s+|which\s+)?i\s+sent|below|above|(?:has\s+|have\s+)?(?:got|had|went|gone|received)\s+no\b|"
    r"(?:was|were|has\s+been|have\s+been)\s+(?:ignored|unanswered)|no\s+(?:reply|response|answer))",
    re.I,
)
# a short sentence about the chase, not the problem: "Fourth email on this.", "Still nothing.",
# "Following up again."
ABOUT_THE_CHASE = re.compile(
    # counted contact, or nothing heard: not "My email stopped working again."
    r"^\W*(?:(?:(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|another|yet\s+another)\s+"
    r"(?:e-?mail|message|chase|reminder|time|attempt)\b|still\s+(?:nothing|no\s+\w+|waiting)\b|"
    r"(?:just\s+)?(?:following\s+up|chasing|circling\s+back)\b|no\s+(?:reply|response|answer)\b|"
    r"nothing\s+(?:yet|heard|back)\b))(?:\s+\S+){0,5}\W*$",
    re.I,
)
# (not "ticket closed AGAIN", "chasing again": what is back is our failure, not the fault)
CHASED_AGAIN = re.compile(
    r"\b(?:closed|chas\w*|ask\w*|writ\w*|email\w*|follow\w*|ticket|reminder)\b\W+(?:\w+\W+)?again\b",
    re.I,
)


def is_letter(sent: str, start: int, end: int) -> bool:
    """Whether "email" at ``sent[start:end]`` is a letter the customer sent us, not their
    e-mail service."""
    return bool(LETTER_BEFORE.search(sent[:start]) or LETTER_AFTER.match(sent[end:]))
