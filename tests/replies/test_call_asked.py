"""A call the email demands that the reading missed (triage/replies/call_asked.py)."""

from __future__ import annotations

import pytest

from triage.domain import Ask
from triage.replies.call_asked import call_to, with_call_asked

from .test_compose import reading


@pytest.mark.parametrize(
    ("text", "ask"),
    [
        (
            "I'm losing money. Somebody call me NOW 07700 900492. Unacceptable!",
            "Somebody call me NOW 07700 900492",
        ),
        (
            "I want:\n1) an engineer\n2) someone senior to ring me, not a script",
            "someone senior to ring me, not a script",
        ),
        ("Lock every login now. Then call me on 555-0176.", "Then call me on 555-0176"),
        ("Please call me on 07700 900123.", "Please call me on 07700 900123"),
    ],
)
def test_a_call_demanded_is_added_as_an_ask(text: str, ask: str) -> None:
    read = with_call_asked(reading("fault", asks=("Fix it today.",)), text)
    assert read.asks[-1] == Ask(ask, "request")
    assert len(read.asks) == 2


@pytest.mark.parametrize(
    "text",
    [
        "I was told an engineer would call me back within 24 hours. Nobody did.",
        "I have had FOUR customers ring me in the last half hour.",
        "If you're smart, you'll call me before the replies come in.",
    ],
)
def test_a_call_reported_is_no_ask(text: str) -> None:
    assert with_call_asked(reading("fault"), text).asks == ()


def test_a_call_the_reading_has_is_not_added_twice() -> None:
    read = reading("fault", asks=("Can someone ring me this afternoon?",))
    assert with_call_asked(read, "Can someone ring me this afternoon? Call me.") == read


@pytest.mark.parametrize(
    ("ask", "to"),
    [
        ("Call me on 07700 900938 and get this sorted", ("you", "07700 900938")),
        ("call me back on 01632 960123.", ("you", "01632 960123")),
        ("Someone needs to call Ward 6 on 6601 RIGHT NOW.", ("Ward 6", "6601")),
        ("(a) someone calling ED on 5502 immediately", ("ED", "5502")),
        ("I rang them on 0800 123 456 yesterday", None),  # no one is asked to call
        # the line they have been ringing is no number to ring for them (review)
        ("I've been ringing the Service Desk on 0345 600 1234, will someone call me?", None),
        ("Please call the ward on 6601", ("the ward", "6601")),
        ("Can you ring my manager on 07700 900222?", ("your manager", "07700 900222")),
        ("please call my mobile on 07700 900111", ("you", "07700 900111")),
        ("Can someone please actually ring me on 07700 900556", ("you", "07700 900556")),
        ("Please call me today.", None),  # no number
        # typed in a hurry: no "on", a name in lower case (a sous chef's whole ask)
        ("call chef ade NOW 555-0123", ("Chef Ade", "555-0123")),
        ("ring me asap 07700 900123", ("you", "07700 900123")),
        ("call centre staff 0800 123 456 are no help", None),  # a noun, not a call asked
        ("call me tomorrow 07700 900111", ("you", "07700 900111")),  # a time, not a name
        ("call ID 1234567 keeps dropping", None),
        ("call back 07700 900123", None),
        ("call ade 2024-01-05", None),  # a date is no number to ring
        ("call the office 07700 900123", None),  # no name to title-case
    ],
)
def test_who_to_ring_and_on_what_number(ask: str, to: tuple[str, str] | None) -> None:
    assert call_to(ask) == to
