"""complaint_subject.py: a complaint's outburst of a subject said as what it is about."""

from __future__ import annotations

import pytest

from triage.replies.complaint_subject import complaint_object


@pytest.mark.parametrize(
    ("subject", "said"),
    [
        ("WHO APPROVED THIS FONT", "the font"),
        ("what is this router", "the router"),
        ("WHO CHANGED MY BACKGROUND", "your background"),
        ("why did you change our logo?!", "your logo"),
        ("WHERE HAVE MY ICONS GONE", "what's happened to your icons"),
        ("You REMOVED offline mode??", "offline mode being removed"),
        ("what have you done to my laptop", "what's been done to your laptop"),
        ("Who signed off this update??", "the update"),
        ("The dark mode you promised in 2022", "the dark mode"),
    ],
)
def test_an_outburst_is_said_as_its_thing(subject: str, said: str) -> None:
    assert complaint_object(subject) == said


@pytest.mark.parametrize(
    "subject",
    [
        "Printer broken",  # no outburst: the other restatements say it
        "Who decided this stupid idiotic popup",  # hostile
        "Badges. Seriously.",
        "Who approved this 2024-10 change",  # a number, not a plain thing
        "YOU CHANGED MY PLAN WITHOUT ASKING",  # how, not what
        "WHAT IS THE POINT",
        "What is this about",
        "Who is this engineer",  # a person
    ],
)
def test_anything_else_is_not_said(subject: str) -> None:
    assert complaint_object(subject) == ""
