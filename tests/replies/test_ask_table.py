"""ask_table.py: the ordered table of ask classes. Each class must be reachable: a class whose
every ask an earlier class takes first would never be answered its own way."""

from __future__ import annotations

from triage.domain import Ask
from triage.replies.ask_classes import ask_class
from triage.replies.ask_table import ASK_CLASSES
from triage.replies.ask_words import price_ask

# one ask each class answers, as customers put it
EXAMPLES = {
    "security_data": "I want to know whether patient data has been stolen",
    "rhetorical": "WTF, guys?",
    "dont": "Do NOT touch my desktop again.",
    "apology": "I'd like a written apology",
    "noted": "I'd like the complaint noted",
    "pass_on": "Please forward this on to whoever handles billing",
    "escalate": "I want your most senior person on a call with me",
    "conduct": "I want the person who laughed at me disciplined.",
    "recording": "I want the call recording.",
    "bring_in": "Shall I bring it down to you?",
    "call": "Call me. 555-0148. Today.",
    "cause": "Why did you call my mobile at midnight?",
    "when": "Give me a realistic time it'll be back",
    "update": "Please keep me updated",
    "stop_contact": "Please stop calling me at work.",
    "visit": "Can someone come to the house on Friday?",
    "money": "A refund for every day it's been off",
    "spare": "Any spare laptop?",
    "cost": "Let me know what it'd cost",
    "cancel": "Please cancel my subscription.",
    "revert": "Put it back TODAY.",
    "confirm": "I want that in writing",
    "what_to_do": "What should I do?",
    "inform": "Can you tell me who it was passed on to?",
    "how": "is there a way to turn on version history for the whole workspace",
    "feature": "Could you please add export to .ods?",
    "deadline": "I need it done by Friday",
    "attend": "WHERE IS YOUR ON-CALL?!?!",
}


def test_the_class_names_are_unique() -> None:
    names = [name for name, _ in ASK_CLASSES]
    assert len(names) == len(set(names))


def test_every_class_is_reached_by_an_ask_of_its_own() -> None:
    assert set(EXAMPLES) == {name for name, _ in ASK_CLASSES}
    for name, text in EXAMPLES.items():
        assert ask_class(Ask(text, "request")) == name, text


def test_an_echo_setting_is_no_cancellation_and_dont_let_it_wait_asks_for_speed() -> None:
    # "echo cancellation" once came back as a cancellation request (judges: harmful)
    assert ask_class(Ask("Is there an echo cancellation setting?", "question")) != "cancel"
    assert ask_class(Ask("Please process my cancellation.", "request")) == "cancel"
    # asks for speed, not an instruction noted on the account
    assert ask_class(Ask("Please don't let this wait until tomorrow.", "request")) == "deadline"
    assert ask_class(Ask("Do not wipe the old laptop", "request")) == "dont"


def test_only_an_ask_about_the_price_paid_is_a_price_ask() -> None:
    assert price_ask("Either you match the new customer price or I'm off")
    assert price_ask("Put me on the same deal as new customers")
    for text in (
        "Can you give me the price for a new laptop?",  # a quote
        "Can you give me the refresh rate of the new monitors?",
        "Can you match the tariff code to the invoice line?",
        "Refund the difference and honour the old price",  # money back: a refund answer
    ):
        assert not price_ask(text), text
    assert (
        ask_class(Ask("Can you give me the refresh rate of the new monitors?", "question"))
        != "money"
    )


def test_for_how_long_it_lasts_is_no_wait_but_for_how_long_we_wait_is() -> None:
    from triage.domain import Ask
    from triage.replies.ask_classes import ask_class

    lasts = Ask("Will my email address continue after July, and if so for how long?", "question")
    assert ask_class(lasts) != "when"
    assert ask_class(Ask("For how long will we be without email?", "question")) == "when"
