"""ask_trim.py: an ask cut to its point before it is said back."""

from __future__ import annotations

import pytest

from triage.replies.ask_trim import to_point


@pytest.mark.parametrize(
    ("text", "question", "point"),
    [
        ("Question: Can I use the guest Wi-Fi, yes or no", True, "Can I use the guest Wi-Fi"),
        (
            "Can this be sorted today please, we can't do anything",
            False,
            "Can this be sorted today",
        ),
        ("how do I mute my phone, been driving me mad lol", False, "how do I mute my phone"),
        ("My disk is full, how do I clear space", True, "how do I clear space"),
        # a question's second alternative goes when the question is long ...
        (
            "Is there a way to export every one of our projects with their tasks to a CSV file, "
            "or only one at a time",
            True,
            "Is there a way to export every one of our projects with their tasks to a CSV file",
        ),
        # ... a request's stays: it asks for either
        (
            "Is there any chance someone could restart the print server in the basement this "
            "afternoon, or reset the queue for us",
            True,
            "Is there any chance someone could restart the print server in the basement this "
            "afternoon, or reset the queue for us",
        ),
        # a chat word goes, and the aside it ends, but not a list before it
        (
            "Can you install Zoom, Teams and Slack on my laptop haha",
            False,
            "Can you install Zoom, Teams and Slack on my laptop",
        ),
    ],
)
def test_an_ask_is_cut_to_its_point(text: str, question: bool, point: str) -> None:
    assert to_point(text, question, 18) == point
