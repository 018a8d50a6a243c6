"""Someone who said they were someone else (triage/replies/pretext.py)."""

from __future__ import annotations

import pytest

from triage.replies.pretext import says_posed_as_us, says_pretext


@pytest.mark.parametrize(
    ("text", "posed"),
    [
        ("A call from someone saying they were from IT needed my code.", True),
        ("He phoned saying he was from your technical department.", True),
        ("An email from someone claiming to be the help desk.", True),
        ("He said he was from the bank.", False),
        ("The engineer said he was from the council.", False),
        ("I was told by IT to reset it.", False),
    ],
)
def test_someone_who_said_they_were_us_is_seen(text: str, posed: bool) -> None:
    assert says_posed_as_us(text) is posed


def test_a_claim_to_be_someone_is_a_pretext() -> None:
    assert says_pretext("A man rang claiming to be from the bank.")
    assert not says_pretext("The bank rang me back.")
