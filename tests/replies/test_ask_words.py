"""What an ask's words say about its answer: work and things the desk commits to, decisions
it does not, asks too vague to say back, and asks the customer would act on themselves."""

from __future__ import annotations

import pytest

from triage.replies.ask_words import (
    committed,
    dont_phrase,
    for_themselves,
    in_writing_phrase,
    specific,
)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("us to check your approver permissions", True),
        ("us to pop down when we can", True),
        ("us to swap it", True),
        ("for a keyboard that isn't sticky", True),
        # a decision or an outcome is not ours to promise
        ("for a discount", False),
        ("for a new feature in the app", False),
        ("us to approve it or tell you what's wrong with it", False),
        ("for the termination fee to be removed", False),
        ("us to extend your contract end date", False),
        ("us to correct your bill", False),
        ("us to apply the discount we promised", False),
        ("us to switch you to the cheaper plan", False),
        ("us to look into why you were charged twice", False),
        ("us to add the discount code to your account", False),
        ("us to correct the charges on your bill", False),
        ("us to swap the charger on your desk", True),  # kit, not money
    ],
)
def test_work_and_things_the_desk_provides_are_committed_to(phrase: str, expected: bool) -> None:
    assert committed(phrase) is expected


def test_an_ask_is_specific_when_it_names_what_to_do_to_what() -> None:
    assert specific("us to check your approver permissions")
    assert not specific("us to look at it")
    assert not specific("us to fix it today")
    assert not specific(None)


def test_an_ask_they_would_act_on_themselves() -> None:
    assert for_themselves("to pick it up on Friday")
    assert for_themselves("whether you can collect it")
    assert not for_themselves("us to collect it")


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("DO NOT WIPE IT", "us not to wipe it"),
        ("Please don't touch my desktop again.", "us not to touch your desktop again"),
        ("Never call my mobile", "us not to call your mobile"),
        ("Don't think I won't", None),  # no instruction to us
        ("Don't worry about it", None),
        ("Do not, under any circumstances, send another engineer who has no idea", None),
    ],
)
def test_an_instruction_not_to_do_something_is_said_back(text: str, said: str | None) -> None:
    assert dont_phrase(text) == said


@pytest.mark.parametrize(
    ("ask", "said"),
    [
        (
            "I want written confirmation TODAY that the account is closed and the balance is zero.",
            "that the account is closed and the balance is zero",
        ),
        ("Tell me in writing when our last good backup was.", "of when your last good backup was"),
        (
            "Written confirmation of exactly what was sent, to whom, and when.",
            "of exactly what was sent, to whom, and when",
        ),
        (
            "I want to know, in writing, whether ANY copy of our data exists.",
            "of whether any copy of your data exists",
        ),
        ("I want confirmation in writing.", None),  # nothing named: the plain answer
        ("Put in writing that you are useless.", None),  # hostile: never said back
        # what they were promised, or a clause that runs on into another ask (review)
        ("Please send the written confirmation that you promised last week.", None),
        ("I told you in writing what the problem was, can you confirm it's fixed?", None),
        (
            "I want written confirmation that there is no CCJ on my file please.",
            "that there is no CCJ on your file",
        ),
    ],
)
def test_what_they_want_in_writing_is_said_back(ask: str, said: str | None) -> None:
    assert in_writing_phrase(ask) == said
