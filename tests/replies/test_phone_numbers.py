"""A phone number to ring, in the email or its signature (triage/replies/phone_numbers.py)."""

from __future__ import annotations

import pytest

from triage.replies.phone_numbers import gives_number


@pytest.mark.parametrize(
    ("text", "given"),
    [
        ("Please call me on 07700 900123 as soon as you can.", True),
        ("Ring the shop: +44 (0)20 7946 0958", True),
        ("Chef Ade is on 555-0123.", True),
        ("It failed at 10:45 on 12/03/2026 with error 0x80070005.", False),
        ("We were charged £1,260.00 for 12 seats.", False),
        ("Ticket 4819023 is still open, ref 88123456.", False),  # a reference, not a phone
        # an internal extension is a number to ring
        ("Please call the ED Nurse in Charge on 5500 when someone is on it.", True),
        ("I'm on ext. 4417 all day.", True),
        ("Call me on Monday 2026 about it.", False),
        ("It crashed on 2024 files only.", False),
        ("I tried to call the service desk on 4000. Please call me back.", False),  # ours
        ("Extension 4417 has no dial tone, ring me.", False),  # the dead phone
        ("The screen is set to 1920 x 1080.", False),
    ],
)
def test_a_phone_number_in_the_email_is_seen(text: str, given: bool) -> None:
    assert gives_number(text) is given
