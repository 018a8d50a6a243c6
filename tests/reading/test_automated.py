"""Mail no person wrote to the desk, told from its subject and footers."""

from __future__ import annotations

import pytest

from triage.reading.automated import is_automated


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        ("Automatic reply: your ticket", "I am on leave."),
        ("Undeliverable: RE: laptop", "Delivery has failed to these recipients."),
        ("Accepted: Laptop refresh", "Kemal has accepted this meeting."),
        ("[users] Digest, Vol 112, Issue 4", "Today's topics"),
        ("March specials", "You're receiving this email because you subscribed. Unsubscribe"),
        ("Payroll query received", "Please do not reply to this message."),
        ("Out of office", "I am out of the office until Monday. Please contact Jo."),
    ],
)
def test_automated(subject: str, text: str) -> None:
    assert is_automated(subject, text)


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        ("survey emails", "Please unsubscribe me from these surveys, it's the sixth one."),
        ("RE: printer", "Still broken. Please send someone today."),
        ("out of office", "how do i set an out of office on outlook web? off from friday"),
    ],
)
def test_customers(subject: str, text: str) -> None:
    assert not is_automated(subject, text)
