"""Words about a chase or a letter, not the problem (triage/replies/chase_words.py)."""

from __future__ import annotations

import pytest

from triage.replies.chase_words import ABOUT_THE_CHASE, CHASED_AGAIN, is_letter


@pytest.mark.parametrize(
    ("sent", "letter"),
    [
        ("My email of 10 days ago got no reply.", True),
        ("This is my second email about it.", True),
        ("My email stopped working this morning.", False),
    ],
)
def test_an_email_to_us_is_a_letter_not_a_broken_service(sent: str, letter: bool) -> None:
    start = sent.lower().index("email")
    assert is_letter(sent, start, start + len("email")) is letter


def test_a_chase_opening_and_our_failure_back_are_not_the_fault() -> None:
    assert ABOUT_THE_CHASE.search("Fourth email on this.")
    assert not ABOUT_THE_CHASE.search("My email stopped working again.")
    assert CHASED_AGAIN.search("ticket closed AGAIN")
    assert CHASED_AGAIN.search("Chasing again - laptop repair")
    assert not CHASED_AGAIN.search("VPN down again")
