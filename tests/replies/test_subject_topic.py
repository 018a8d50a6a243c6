"""A subject line read as a topic or as what a chase is still without
(triage/replies/subject_topic.py)."""

from __future__ import annotations

import pytest

from triage.replies.subject_topic import (
    quoted_subject,
    still_without,
    subject_phrase,
    subject_shares,
)


@pytest.mark.parametrize(
    ("subject", "said"),
    [
        ("Day 3 no email on phone", "you still have no email on your phone"),
        ("Still no laptop", "you still have no laptop"),
        ("RE: Week 2 - still no internet", "you still have no internet"),
        ("STILL NO LAPTOP!!!", "you still have no laptop"),
        # the wait itself, not a thing they are without
        ("No reply to my ticket", ""),
        ("No update on ticket #4411", ""),
        ("still no progress", ""),
        ("Printer list", ""),
        ("Still no email from you", ""),
        ("Still no fix", ""),
        ("No show by engineer", ""),
        ("Still no wifi in office", "you still have no Wi-Fi in your office"),
    ],
)
def test_a_chase_says_what_they_are_still_without(subject: str, said: str) -> None:
    assert still_without(subject) == said


@pytest.mark.parametrize(
    ("subject", "quoted"),
    [
        ("Deactivated users still showing up", "Deactivated users still showing up"),
        ("Charged twice this month??", "Charged twice this month"),
        ("Re: [#123] VPN down again", "VPN down again"),
        ("CCTV FOOTAGE FROM LAST NIGHT", "CCTV footage from last night"),  # not shouted back
        # nothing to quote: no topic, a sentence or an order, hostile, or our claim in quotes
        ("URGENT!!!", ""),
        ("Question", ""),
        ("I want to speak to a HUMAN", ""),
        ("CANCEL our subscription", ""),
        ("This is a joke", ""),
        ("Page 1 rankings - guaranteed!", ""),
        ("New router password is Xk93pq", ""),  # a secret
        ("Mum passed away - her account", ""),  # a loss is not quoted back
        ("Your sales rep LIED about monthly billing", ""),  # an accusation, in capitals
        ("Printer won't print colour", "Printer won't print colour"),
        ("eBay orders not syncing", "eBay orders not syncing"),
    ],
)
def test_a_subject_is_quoted_back_only_when_it_names_the_matter(subject: str, quoted: str) -> None:
    assert quoted_subject(subject) == quoted


def test_a_question_after_a_dash_is_not_part_of_the_topic() -> None:
    assert subject_phrase("Contract ending - what can you offer?") == "the contract ending"
    assert subject_phrase("Contract ending - What can you offer?") == "the contract ending"


def test_an_accusation_is_no_topic_to_say_back() -> None:
    assert subject_phrase("Your sales rep LIED about monthly billing") == ""
    assert subject_phrase("Sales rep lied about monthly billing") == ""
    assert subject_phrase("Credit note promised on the phone") != ""
    # what it is about, in its own words, is a topic: an acronym, a theft or a scam reported
    assert subject_phrase("HDMI cable") == "the HDMI cable"
    assert subject_phrase("Stolen laptop") == "the stolen laptop"


@pytest.mark.parametrize(
    ("subject", "clause", "shares"),
    [
        ("Intermittent dropouts - line test results", "the connection keeps dropping out", True),
        ("WHO REMOVED MY ADMIN RIGHTS??", "you need administrator rights on a computer", True),
        ("toner - third time asking", "the printer is jammed or showing an error", False),
        ("RE: Laptop rebuild - things still missing", "the email signature looks wrong", False),
        ("", "the connection keeps dropping out", False),
        # words any complaint or chase shares with any topic
        ("Still not working - third time", "the laptop isn't working", False),
        ("Complaint about service", "the service is down", False),
        ("Isn’t it fixed yet", "the printer isn't printing", False),
        ("Headset echo on calls", "the desk phone is showing no service or dropping calls", False),
    ],
)
def test_a_subject_shares_a_topic_by_the_words_it_names(
    subject: str, clause: str, shares: bool
) -> None:
    assert subject_shares(subject, clause) is shares
