"""What a complaint says we did, in our words (triage/replies/grievance.py)."""

from __future__ import annotations

import re

import pytest

from triage.replies.config import ReplyConfig
from triage.replies.grievance import complaint_about, grievance
from triage.replies.knowledge import KnowledgeBase

from .test_compose import email, make, reading, scores


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "A chat agent of yours closed my conversation while I was still typing. TWICE.",
            "a chat agent of ours closed your conversation while you were still typing",
        ),
        (
            "No, I will not do that. Your product let a junior employee invite 14 external "
            "contractors as full users.",
            "our product let a junior employee invite 14 external contractors as full users",
        ),
        (
            "Somebody from your company remoted into my computer last night and replaced the "
            "picture of my grandkids with a company logo.",
            "somebody from our company remoted into your computer last night",
        ),
        (
            "Your new adverts played during my kids' cartoons.",  # a plural's apostrophe
            "our new adverts played during your kids' cartoons",
        ),
        (
            "You have charged me £49.99 every month since I cancelled.",  # not cut at "£49."
            "we have charged you £49.99 every month since you cancelled",
        ),
        # allegations, demands, states: never said back as if ours to confirm
        ("You need to refund me the £300 you took.", None),
        ("Your company is a scam.", None),
        ("Your update leaked my personal data.", None),
        ("You are aware that I have been waiting.", None),
        ("You supposed to call me.", None),
        ("Your engineer touched me inappropriately.", None),
        ("You published my home address on your website.", None),
        # what we must not echo, or what says nothing of us
        ("Your useless engineer broke my router.", None),
        ("Your 'upgrade' killed my internet.", None),
        ('Your agent told me to "read the manual".', None),
        ("Your engineer left a MESS everywhere.", None),
        ("My bill went from $19 to $29.", None),
        ("Who approved the new router?", None),
    ],
)
def test_what_a_complaint_says_we_did(text: str, said: str | None) -> None:
    assert grievance(text) == said


def test_a_complaint_is_restated_by_what_we_did(
    reply_config: ReplyConfig, keyword_kb: KnowledgeBase
) -> None:
    text = (
        "A chat agent of yours closed my conversation while I was still typing. All I wanted "
        "was help with a report layout. I want a supervisor to contact me today."
    )
    s = make(
        reply_config,
        keyword_kb,
        email(text, subject="SUPERVISOR PLEASE"),
        scores(1, 2),
        read=reading("policy_complaint"),
    )
    assert "a chat agent of ours closed your conversation" in s.acknowledge
    assert "supervisor" not in s.acknowledge.split("\n\n")[1].lower()


@pytest.mark.parametrize(
    ("text", "about"),
    [
        (
            "I'd like to formally complain about how long it took to collect my old laptop.",
            "how long it took to collect your old laptop",
        ),
        (
            "Hi,\n\nI want to complain about the engineer who came to fix our line on Tuesday.",
            "the engineer who came to fix your line on Tuesday",
        ),
        (
            "I am writing to make a formal complaint about the way my account was closed.",
            "the way your account was closed",
        ),
        ("I want to complain about your lying scammers.", None),  # an allegation: not said
        ("I want to complain about you.", None),  # says nothing back
        ("I want to complain about it.", None),
        # conduct alleged is not said back as ours to agree with
        ("I want to complain about your engineer, who was rude to my mother.", None),
        # a name keeps its capital; "lodge a complaint" is a complaint too
        ("I want to complain about Mark in your billing team.", "Mark in our billing team"),
        (
            "I'd like to lodge a complaint about the way my account was closed.",
            "the way your account was closed",
        ),
        ("The engineer was rude. I want a refund.", None),  # not said in so many words
    ],
)
def test_what_a_complaint_says_it_is_about(text: str, about: str | None) -> None:
    assert complaint_about(text) == about


def test_a_complaint_is_restated_by_what_it_is_about_with_one_line_of_feeling(
    reply_config: ReplyConfig, keyword_kb: KnowledgeBase
) -> None:
    text = (
        "I'd like to formally complain about how long it took to collect my old laptop. It sat "
        "in a corridor for three months."
    )
    for n in range(6):  # whichever wording the key picks, the feeling is said once
        e = email(text, subject=f"complaint {n}")
        s = make(reply_config, keyword_kb, e, scores(1, 2), read=reading("policy_complaint"))
        assert "how long it took to collect your old laptop" in s.acknowledge
        said = s.acknowledge.split("\n\n")[1]
        assert len(re.findall(r"(?i)\b(?:upset|unhappy|understand why|sorry)\b", said)) <= 1
