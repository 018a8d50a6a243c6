"""Asks that hold several (triage/replies/split_asks.py)."""

from __future__ import annotations

import pytest

from triage.replies.split_asks import split_ask


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "I need a date, an engineer, and someone to actually ring me back.",
            ("I need a date", "I need an engineer", "I need someone to actually ring me back"),
        ),
        (
            "Please (a) call ED now and (b) explain why.",
            ("Please call ED now", "Please explain why."),
        ),
        ("I want a refund and an apology.", ("I want a refund", "I want an apology")),
        (
            "We need (1) the audit log, (2) a list of leavers and (3) a meeting at 4pm.",
            ("We need the audit log", "We need a list of leavers", "We need a meeting at 4pm."),
        ),
        # what they ask, or a spare meanwhile (judges: "the spare printer is ignored")
        (
            "Please can somebody tell me what is happening, or lend us a spare one.",
            ("Can somebody tell me what is happening?", "Can somebody lend us a spare one?"),
        ),
        (
            "Please check what is wrong, or lend us a spare one.",
            ("Please check what is wrong.", "Please lend us a spare one."),
        ),
        # ... but a decision or the news of it is one ask: split, it read as a promise to
        # approve (paired judges)
        (
            "Please approve it or tell me what's wrong with it.",
            ("Please approve it or tell me what's wrong with it.",),
        ),
        (
            "Please give us an ETA and some way of exporting today's appointments.",
            ("Please give us an ETA", "Please give us some way of exporting today's appointments"),
        ),
        # review: a comma clause after "get me", "or else", a decision first
        (
            "Can you get me a new mouse, the scroll wheel is broken?",
            ("Can you get me a new mouse, the scroll wheel is broken?",),
        ),
        (
            "Can you reset my password or else let me know who does?",
            ("Can you reset my password?", "Can you let me know who does?"),
        ),
        (
            "Can you approve it or tell me what's wrong with it?",
            ("Can you approve it or tell me what's wrong with it?",),
        ),
        # two ways of doing one thing, or of reaching them, or who decides: one ask
        (
            "Can you replace the battery, or swap the unit?",
            ("Can you replace the battery, or swap the unit?",),
        ),
        ("Please call me or email me.", ("Please call me or email me.",)),
        (
            "Please refund it today, or at least tell me who I can speak to who can.",
            ("Please refund it today, or at least tell me who I can speak to who can.",),
        ),
        # one ask: a clause, or a thing with its details
        ("I need it fixed today.", ("I need it fixed today.",)),
        ("I want the laptop back, fixed, today.", ("I want the laptop back, fixed, today.",)),
        ("I'd like a call back", ("I'd like a call back",)),
        # the same thing said again, or one ask about all of them
        (
            "We need the login for Sarah, the new starter.",
            ("We need the login for Sarah, the new starter.",),
        ),
        ("I need the report, the one from March.", ("I need the report, the one from March.",)),
        (
            "I need the printer, the scanner and the copier working again by Monday.",
            ("I need the printer, the scanner and the copier working again by Monday.",),
        ),
    ],
)
def test_an_ask_is_split_into_the_asks_it_holds(text: str, parts: tuple[str, ...]) -> None:
    assert split_ask(text) == parts


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "Can't log in - can you reset it manually or tell me what's going on?",
            ("Can you reset it manually?", "Can you tell me what's going on?"),
        ),
        (
            "Could you fix it or send a replacement?",
            ("Could you fix it?", "Could you send a replacement?"),
        ),
        # "or" inside one thing asked about is no second ask
        ("can you tell me if it is on or off?", ("can you tell me if it is on or off?",)),
        (
            "Could you confirm whether I should call or send the form by post?",
            ("Could you confirm whether I should call or send the form by post?",),
        ),
        (
            "Can you tell me whether to reboot or call the vendor?",
            ("Can you tell me whether to reboot or call the vendor?",),
        ),
        (
            "Can you reset it or tell me what's going on.",
            ("Can you reset it?", "Can you tell me what's going on?"),
        ),
    ],
)
def test_the_thing_or_news_of_it_are_two_asks(text: str, parts: tuple[str, ...]) -> None:
    assert split_ask(text) == parts


def test_an_instruction_inside_a_lettered_point_is_its_own_ask() -> None:
    text = (
        "I want to know (a) whether the old laptop has been wiped yet and if not, DO NOT WIPE "
        "IT, and (b) who is going to recover this today."
    )
    assert split_ask(text) == (
        "I want to know whether the old laptop has been wiped yet",
        "DO NOT WIPE IT",
        "I want to know who is going to recover this today.",
    )
