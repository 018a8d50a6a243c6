"""history.py: earlier contact, and which of it is about the same matter."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from triage.domain import Email
from triage.history import Seen, history_of, subject_key

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)


def _email(
    subject: str, sender: str = "dana@customer.example", refs: tuple[str, ...] = ()
) -> Email:
    return Email(
        message_id="<new@customer.example>",
        subject=subject,
        from_address=sender,
        from_name="Dana",
        date=None,
        newest_text="text",
        references=refs,
    )


def _seen(
    subject: str, sender: str = "dana@customer.example", mid: str = "<a@x>", days: int = 1
) -> Seen:
    return Seen(NOW - timedelta(days=days), sender, mid, None, subject)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("VPN down", "Re: VPN down", True),
        ("VPN down", "RE: Fwd: vpn  DOWN!", True),
        ("VPN down", "AW: VPN down", True),
        ("VPN down", "Printer jams", False),
        ("VPN down", "[EXTERNAL] Re: VPN down (ref INC0012)", True),
        # subjects that name no matter are no same matter
        ("", "", False),
        ("Help", "Re: help", False),
        ("URGENT!", "Urgent", False),
    ],
)
def test_subject_key(a: str, b: str, same: bool) -> None:
    assert (subject_key(a) == subject_key(b) and bool(subject_key(a))) is same


def test_only_the_thread_or_the_same_subject_is_the_same_matter() -> None:
    earlier = [
        _seen("Keyboard order", mid="<k@x>"),  # the sender, another matter
        _seen("VPN down", mid="<v@x>"),  # the sender, the same subject
        _seen("VPN down", sender="lee@other.example", mid="<l@x>"),  # someone else
        _seen("Printer", sender="lee@other.example", mid="<t@x>"),  # the thread, any sender
        _seen("VPN down", mid="<old@x>", days=30),  # outside the window
    ]
    h = history_of(_email("Re: VPN down", refs=("<t@x>",)), NOW, earlier, 14)
    assert (h.same_sender, h.same_thread, h.same_matter) == (2, 1, 2)


def test_a_repeat_sender_on_something_new_is_no_earlier_contact_about_it() -> None:
    h = history_of(_email("Keyboard order"), NOW, [_seen("Server down")], 14)
    assert h.repeat
    assert h.same_matter == 0


def test_an_empty_subject_matches_nothing() -> None:
    h = history_of(_email(""), NOW, [_seen("")], 14)
    assert h.same_sender == 1
    assert h.same_matter == 0
