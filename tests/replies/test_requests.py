"""Requests put as a question about whether something can be done (triage/replies/requests.py):
what they ask us to do, or None when they ask something else."""

from __future__ import annotations

import pytest

from triage.domain import Ask
from triage.replies.ask_classes import ask_class
from triage.replies.askback import ask_phrase
from triage.replies.requests import desk_request


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Is it possible to just swap the handheld for a different one?",
            "swap the handheld for a different one",
        ),
        (
            "Is there any way you can generate the export on your side?",
            "generate the export on your side",
        ),
        ("Is it possible for you to extend the trial by a week?", "extend the trial by a week"),
        ("Is there any chance someone could reset my PIN?", "reset my PIN"),
    ],
)
def test_a_request_put_as_can_it_be_done_is_what_to_do(text: str, expected: str) -> None:
    assert desk_request(text) == expected
    ask = Ask(text, "question")
    assert ask_class(ask) == "do"  # answered as a request, not "we'll find out"
    phrase = ask_phrase(text)
    assert phrase is not None
    assert phrase.startswith("us to ")


@pytest.mark.parametrize(
    "text",
    [
        "Is it possible to see who deleted the file?",  # asks to be told
        "Is it possible to get fewer notifications?",  # theirs to do: a how-to question
        "Is there a way to make the text bigger again?",
        "Is there a way I can change my password myself?",
        "Is there any way of getting the old router back?",
        "Is it possible to reset my own password from the portal?",  # theirs to do
        "Is it possible to book a meeting room for guests through Outlook?",
    ],
)
def test_a_how_to_question_is_no_request(text: str) -> None:
    assert desk_request(text) is None
    assert ask_class(Ask(text, "question")) != "do"


def test_an_engineer_asked_for_as_can_it_be_done_is_a_visit() -> None:
    assert ask_class(Ask("Is there any way to get an engineer out today?", "question")) == "visit"


def test_money_asked_as_can_it_be_done_stays_a_money_ask() -> None:
    # a refund is another team's decision, never "we will arrange it"
    assert ask_class(Ask("Is it possible to refund the second payment?", "question")) == "money"
