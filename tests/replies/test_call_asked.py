"""A call the email demands that the reading missed (triage/replies/call_asked.py)."""

from __future__ import annotations

import pytest

from triage.domain import Ask
from triage.replies.call_asked import with_call_asked

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
