"""An ask's "it" or "them" named from the email (triage/reading/refers.py), through the whole
reader: the thing the subject line names, the subject's own topic, or the one thing the
sentence before acts on; left alone whenever what it stands for is not safe to say."""

from __future__ import annotations

import pytest

from tests.reading.conftest import RECEIVED
from triage.domain import Reading
from triage.reading.reader import TextReader
from triage.reading.serial import reading_from_dict, reading_to_dict


def _named(reader: TextReader, subject: str, text: str) -> list[str]:
    return [a.named for a in reader.read(subject, text, RECEIVED).asks]


def test_the_thing_the_subject_names_is_taken_from_the_body(reader: TextReader) -> None:
    text = (
        "I've lost my work iPhone, think I left it on the train last night. It has Outlook "
        "on it. Can you wipe it or block it? Thanks, Ravi"
    )
    # "iPhone" ends with the subject's "phone"; the train it was left on is not the thing
    assert _named(reader, "Lost phone", text) == ["Can you wipe my work iPhone or block it?"]


def test_the_subjects_topic_stands_in_when_the_body_has_no_match(reader: TextReader) -> None:
    text = "Hi, could someone come and move it over this week? Ta"
    assert _named(reader, "Label printer in dispensary", text) == [
        "Hi, could someone come and move the label printer over this week?"
    ]


def test_them_is_the_one_thing_the_sentence_before_acts_on(reader: TextReader) -> None:
    text = (
        "The numbers don't agree for two people. My guess is the report excludes archived "
        "projects? If so, is there a way to include them?"
    )
    named = _named(reader, "Utilisation report doesn't match timesheets", text)
    assert named[-1] == "If so, is there a way to include the archived projects?"


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        # the matter in hand, not a thing: "someone is on it", "get round to it", "do it"
        ("Shared drive slow", "The shared drive is slow again. Is anyone on it?"),
        ("printer list", "The printer list is out of date. Whenever you get round to it."),
        ("Data recovery quote", "I sent my old drive in. If you can't do it, tell me."),
        # the ask names its thing itself before the pronoun
        ("Import stuck", "Could you import the file for us if I send it over?"),
        # "it" is the whole situation as often as a thing: only "them" is read from the
        # sentence before without the subject's word
        ("Campaign approval stuck", "My patience is running out. Please approve it today."),
        # an act on a thing is not the thing ("Laptop repair": I need the laptop)
        ("Laptop repair - any update?", "It has been two weeks. I need it for my course."),
        # nor an event it is needed for, nor a symptom
        ("Interview in 2 hours", "My video interview starts at 2. Please look at it now."),
        ("Headset echo on calls", "My headset echoes. Could I swap it for a new one?"),
        # what is carried in is the whole device, not the part the subject names
        ("Trackpad still sticking", "The trackpad sticks again. When can I bring it back in?"),
        # "fix it" is the whole trouble, not a thing ("fix the Outlook password prompt")
        ("Outlook password prompt", "Outlook keeps asking for my password. Can someone fix it?"),
        # a thing in a prepositional phrase is no antecedent: "it" is the authenticator
        (
            "New phone - no authenticator codes",
            "The Authenticator didn't carry over and it asks for a sign-in on my old phone. "
            "Can you reset it so I can set it up on the new phone?",
        ),
        # "them" is the "these" the ask names first
        (
            "DPA / subprocessor list",
            "We need the DPA. Could you send these over or tell me where I can download them?",
        ),
        # a nearer thing the customer named may be what "it" is: left unnamed (review)
        ("Laptop", "The laptop is fine now but I left my charger here. Can you send it to me?"),
        ("Laptop", "The laptop is fine now but the charger is broken. Can you replace it?"),
        ("Phone", "Phone screen cracked. Can you replace it?"),
        (
            "New laptop",
            "Thanks for the new laptop. I still have the old monitor on my desk. Could you collect it on Friday?",
        ),
        # a subject that says what to do names no thing ("the reschedule engineer visit")
        ("Reschedule engineer visit", "I'm away on Tuesday. Could we move it to next week?"),
    ],
)
def test_no_safe_antecedent_leaves_the_ask_as_written(
    reader: TextReader, subject: str, text: str
) -> None:
    named = _named(reader, subject, text)
    assert named, "the ask was not found: the case tests nothing"
    assert set(named) == {""}


def test_their_judgement_of_the_thing_is_not_said_back(reader: TextReader) -> None:
    text = "The crappy router keeps dropping. Can you replace it?"
    assert _named(reader, "Router", text) == ["Can you replace the router?"]
    dodgy = "Your dodgy router keeps dropping. Can you replace it?"  # "dodgy" tagged a noun
    assert _named(reader, "Router", dodgy) == ["Can you replace the router?"]
    # a capital that starts a sentence is no name ("replace Router")
    plain = "Router keeps dropping out. Can you replace it?"
    assert _named(reader, "Router", plain) == ["Can you replace the router?"]


def test_a_person_is_never_what_it_stands_for(reader: TextReader) -> None:
    text = "My colleagues are locked out. Could you unlock them before 9?"
    assert _named(reader, "Colleagues locked out", text) == [""]


def test_the_named_ask_is_stored_with_the_reading(reader: TextReader) -> None:
    text = "Hi, my new logo has gone from the portal. Change it back please."
    read = reader.read("new logo", text, RECEIVED)
    assert read.asks[-1].named == "Change my new logo back please."
    # the store keeps it; a reading stored before it existed reads as none
    stored = reading_to_dict(
        Reading("request", 0.9, False, "one", (), read.asks, None, (), "en", 0, False)
    )
    assert stored["asks"][-1]["named"] == "Change my new logo back please."
    assert reading_from_dict(stored).asks == read.asks
    del stored["asks"][-1]["named"]
    assert reading_from_dict(stored).asks[-1].named == ""
