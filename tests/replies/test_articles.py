"""The article a subject line drops, put back (triage/replies/articles.py)."""

from __future__ import annotations

import pytest

from triage.replies.articles import articled


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the dates have been off by a day since 5.2 update", "since the 5.2 update"),
        ("the SSO is broken after cert rotation, with the message", "after the cert rotation,"),
        ("the strict NAT since router update", "since the router update"),
        # a time, an idiom, a plural, a gerund or a quantity keeps its own words
        ("the laptop has been off since lunch", "since lunch"),
        ("it locked after failed logins", "after failed logins"),
        ("locked after too many sign-in attempts", "after too many"),
        ("it stops after exactly 60 minutes", "after exactly 60 minutes"),
        ("the screen went black after updating", "after updating"),
        ("it broke after 3 days", "after 3 days"),
        ("slow since the move", "since the move"),
        ("down since tuesday", "since tuesday"),
        ("since 5 pm", "since 5 pm"),
        ("it broke after someone changed it", "after someone changed"),
    ],
)
def test_a_bare_noun_after_since_or_after_gets_its_article(text: str, expected: str) -> None:
    assert expected in articled(text)
