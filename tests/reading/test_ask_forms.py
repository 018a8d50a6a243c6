"""ask_forms.py: the clause shapes the parser gets wrong in lower-case chat text."""

from __future__ import annotations

import pytest

from tests.reading.conftest import RECEIVED
from triage.reading.reader import TextReader


def test_a_lower_case_call_with_a_number_is_a_command(reader: TextReader) -> None:
    # spaCy parses "call chef ade" as a noun compound; the phone number shows the command
    got = reader.read(
        "card machine", "Our card machine is dead. call chef ade NOW 555-0123", RECEIVED
    )
    assert [(a.text, a.type) for a in got.asks] == [("call chef ade NOW 555-0123", "request")]


@pytest.mark.parametrize(
    "text",
    [
        "The call logs 555-0123 are missing from the report.",
        "call centre 0800 123 456 is down again.",
        "call chef ade tomorrow about the menu.",  # no number: the parse's reading stands
        # the nouns that open such lines, with a number, which only the guards turn away
        "call logs 555-0123 attached",
        "phone number 07700 900123",
        "call history 07700 900123 shows nothing",
    ],
)
def test_call_as_a_noun_or_without_a_number_asks_nothing(reader: TextReader, text: str) -> None:
    assert reader.read("", text, RECEIVED).asks == ()


def test_kindness_told_is_no_request(reader: TextReader) -> None:
    told = "The Head of Department has kindly agreed to nominate me for emeritus status."
    assert reader.read("Retiring", told, RECEIVED).asks == ()
    asked = reader.read("Retiring", "Kindly send me the form for emeritus status.", RECEIVED)
    assert [a.type for a in asked.asks] == ["request"]
    mine = reader.read("Password", "I kindly ask you to reset my password.", RECEIVED)
    assert [a.type for a in mine.asks] == ["request"]


def test_a_command_to_whoever_reads_it_asks(reader: TextReader) -> None:
    shouted = "I CLICKED THE LINK AND NOW MY SCREEN IS FULL OF POPUPS. SOMEONE GET HERE NOW"
    assert [a.text for a in reader.read("HELP", shouted, RECEIVED).asks] == ["SOMEONE GET HERE NOW"]
    told = "Someone has to get in at 8. Someone must have changed it. Someone got in."
    assert reader.read("HELP", told, RECEIVED).asks == ()


def test_an_ultimatum_to_us_asks(reader: TextReader) -> None:
    text = (
        "I have called you five times. Either you send a real engineer this week and fix it,"
        " or I cancel and I put a review on every website."
    )
    assert [a.type for a in reader.read("Drops", text, RECEIVED).asks] == ["request"]


def test_their_own_question_in_brackets_asks(reader: TextReader) -> None:
    own = "It is not urgent (how do I add a logo to report headers?), but the portal is awful."
    assert [a.type for a in reader.read("Portal", own, RECEIVED).asks] == ["question"]
    theirs = "I asked the students (what did you do on Friday?) and nobody knew."
    assert reader.read("Portal", theirs, RECEIVED).asks == ()
    ours = "I asked the students (how did we do in the mock?) and nobody knew."
    assert reader.read("Portal", ours, RECEIVED).asks == ()


def test_who_approved_it_is_asked_however_it_is_shouted(reader: TextReader) -> None:
    text = (
        "Who approved this new mandatory signature template?? It has stripped out my title and"
        " qualifications, put a giant logo banner in every single email, and my replies now"
        " look like marketing spam. I have spent twenty years building relationships with"
        " these clients and now every email I send looks like a flyer."
    )
    assert [a.type for a in reader.read("Signature", text, RECEIVED).asks] == ["question"]
    calm = "Who approved this new signature template? It has stripped out my title."
    assert [a.type for a in reader.read("Signature", calm, RECEIVED).asks] == ["question"]
