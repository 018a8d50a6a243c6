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
    # a later one when the first cannot be said back (paired judges preferred it, 6 of 8, to
    # the subject pasted or a topic in its place)
    side = (Ask("What's the right role for that?", "question"), asks[1])
    assert restated_ask("question", 0, side, "") == asks[1]
