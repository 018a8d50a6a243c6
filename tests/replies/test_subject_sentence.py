"""A subject line that is a sentence already, said back as our clause (or not at all)."""

from __future__ import annotations

import pytest

from triage.replies.subject_sentence import subject_sentence


@pytest.mark.parametrize(
    ("subject", "said"),
    [
        ("Pop ups are back", "the pop ups are back"),
        ("Our API key may have been exposed", "your API key may have been exposed"),
        ("My laptop keeps freezing", "your laptop keeps freezing"),
        ("Re: Shared drive files being renamed", "the shared drive files are being renamed"),
        (
            "Customer replies to ticket emails going nowhere",
            "the customer replies to ticket emails are going nowhere",
        ),
        ("Not getting notification emails", "you're not getting notification emails"),
        ("Need email working before my flight", "you need email working before your flight"),
        ("HR folder visible to all staff", "the HR folder is visible to all staff"),
        (
            "Study room unusable since the router was moved",
            "the study room is unusable since the router was moved",
        ),
        # what goes on for them, and a clause before a dash that says only when
        ("Still getting email bills", "you're still getting email bills"),
        ("Still waiting for the migration call", "you're still waiting for the migration call"),
        (
            "HR folder visible to all staff - reported this yesterday",
            "the HR folder is visible to all staff",
        ),
        ("The shared printer offline - day 2", "the shared printer is offline"),
        ("The office Wi-Fi blocked since Monday", "the office Wi-Fi is blocked since Monday"),
    ],
)
def test_a_sentence_subject_is_said_in_our_words(subject: str, said: str) -> None:
    assert subject_sentence(subject) == said


@pytest.mark.parametrize(
    "subject",
    [
        "MY NAME IS NOT KEVIN",  # shouted: a name we would have to guess the case of
        "Plotwise is down",  # a name: its article is a guess
        "Karen is locked out",
        "Staff are locked out",  # people, not a thing of theirs
        "Why is it slow",
        "After engineer move socket Wi-Fi is weak upstairs",
        "Dashboard vs export totals don't match",
        "Bill £12 higher than usual",
        "Your support is useless",  # hostile
        "Focused inbox",  # no state
        # what they say of a thing of ours would be said in our own voice
        "Your prices are extortionate",
        "Your help articles are out of date",
        "Your new policy is illegal",
        "My bill is a scam",  # a claim
        "Needs replacing",
        "List of users going missing",
        "Forced MFA rollout locked out our warehouse staff",  # a deed done to them, not a state
        "Server shut down",  # "down" after a verb is no state
    ],
)
def test_anything_else_is_not_said_back(subject: str) -> None:
    assert subject_sentence(subject) == ""
