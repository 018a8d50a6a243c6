"""restated_ask.py: which ask a request's or a question's restatement says back."""

from __future__ import annotations

from triage.domain import Ask
from triage.replies.restated_ask import restated_ask


def test_the_first_ask_that_can_be_said_back_is_restated() -> None:
    asks = (
        Ask("Is the IT induction session still on Thursday at 2?", "question"),
        Ask("Can I bring my own laptop?", "question"),
    )
    assert restated_ask("question", 0, asks, "") == asks[0]
    assert restated_ask("question", 3, asks, "") is None  # upset: often rhetorical
    assert restated_ask("fault", 0, asks, "") is None


def test_a_side_question_is_not_restated_when_the_main_one_cannot_be() -> None:
    # judges: "restates the side question, quotes the main one" ("What's the right role for
    # that?" cannot be said back; "whether a guest user counts" was, first)
    asks = (
        Ask("What's the right role for that?", "question"),
        Ask("Does a guest user count toward our seat total?", "question"),
    )
    assert restated_ask("question", 0, asks, "") is None
