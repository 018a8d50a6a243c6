"""A subject line read as a topic or as what a chase is still without
(triage/replies/subject_topic.py)."""

from __future__ import annotations

import pytest

from triage.replies.subject_topic import still_without


@pytest.mark.parametrize(
    ("subject", "said"),
    [
        ("Day 3 no email on phone", "you still have no email on your phone"),
        ("Still no laptop", "you still have no laptop"),
        ("RE: Week 2 - still no internet", "you still have no internet"),
        ("STILL NO LAPTOP!!!", "you still have no laptop"),
        # the wait itself, not a thing they are without
        ("No reply to my ticket", ""),
        ("No update on ticket #4411", ""),
        ("still no progress", ""),
        ("Printer list", ""),
        ("Still no email from you", ""),
        ("Still no fix", ""),
        ("No show by engineer", ""),
        ("Still no wifi in office", "you still have no Wi-Fi in your office"),
    ],
)
def test_a_chase_says_what_they_are_still_without(subject: str, said: str) -> None:
    assert still_without(subject) == said
