"""The main problem clause (triage/reading/problem.py) through the whole reader: cut to its
core, on the subject line's topic, never a side remark, an ask or the desk's own doing."""

from __future__ import annotations

import pytest

from tests.reading.conftest import RECEIVED
from triage.reading.reader import TextReader


def _problem(reader: TextReader, text: str, subject: str = "") -> str:
    return reader.read(subject, text, RECEIVED).problem


@pytest.mark.parametrize(
    ("subject", "text", "problem"),
    [
        (
            "Northgate offline - no comms",
            "Hi team. The whole of Northgate has been offline for an hour, and the radios are "
            "down too. Please call me.",
            "the whole of Northgate has been offline for an hour",
        ),
        (
            "Maple St site STILL no internet",
            "Still no internet at our Maple Street site. That's two days now.",
            "there's still no internet at our Maple Street site",
        ),
        (
            "Photo backup stopped syncing",
            "Hi, It hasn't uploaded anything since last Tuesday. The app just says waiting.",
            "the photo backup hasn't uploaded anything since last Tuesday",
        ),
        (  # a side word before the subject is left out
            "reports tab crash ipad",
            "hey so the app on my ipad keeps crashing when i open the reports tab. pls fix",
            "the app on my ipad keeps crashing",
        ),
        (  # no verb: the thing and its state said as a clause, its acronym as written
            "help",
            "VPN slow as treacle again today. Usable, barely.",
            "the VPN is slow",
        ),
        (
            "Leeds",
            "Internet down at the Leeds office since 9. Nobody can work.",
            "the Internet is down at the Leeds office",
        ),
        (  # the verb "be" left out is put back; a shouted clause is said calmly
            "MONITOR ARM",
            "MONITOR ARM STILL BROKEN. PROPPED UP ON PAPER FOR A MONTH.",
            "the monitor arm is still broken",
        ),
        (  # a shouted contraction is lowered whole: "DOESN'T" is two tokens, "DOESN" + "'T"
            "Workday password reset - AGAIN",
            "The reset link sends me to a page that says contact your administrator. Self-service "
            "reset just DOESN'T WORK on Workday.",
            "self-service reset just doesn't work on Workday",
        ),
        (  # ... whichever way spaCy splits it: "CA" + "N'T", "I" + "'M"
            "help",
            "The printer CAN'T print anything since Monday.",
            "the printer can't print anything since Monday",
        ),
        ("help", "I'M LOCKED OUT of the portal since 9.", "I'm locked out of the portal"),
        (  # the trouble inside a chase: a clause of its own
            "Still waiting - ticket 77120",
            "I opened ticket 77120 eight days ago about my calendar not syncing with the mobile "
            "app. Where is it?",
            "my calendar is not syncing with the mobile app",
        ),
    ],
)
def test_the_main_problem_is_cut_to_its_clause(
    reader: TextReader, subject: str, text: str, problem: str
) -> None:
    assert _problem(reader, text, subject) == problem


def test_a_side_remark_off_the_subjects_topic_is_not_the_problem(reader: TextReader) -> None:
    # "we haven't changed anything" reports nothing about the bill the subject names
    text = "We haven't changed anything on our side. Could you check the amount?"
    assert _problem(reader, text, "Bill £12 higher than usual") == ""


def test_asks_questions_greetings_and_the_desks_doing_are_not_problems(
    reader: TextReader,
) -> None:
    assert _problem(reader, "I need a new charger for my laptop today.", "laptop charger") == ""
    assert _problem(reader, "Why is the printer still broken?", "printer broken") == ""
    # said back, "your update broke my printer" would turn into our admission
    assert _problem(reader, "Your update has broken my printer again.", "printer broken") == ""


@pytest.mark.parametrize(
    ("text", "subject", "problem"),
    [
        # a failure said not to have happened, and a consequence only feared, are no trouble
        ("The cable didn't break, but it pulled the pole over.", "Cable down", ""),
        ("JPG export is not blurry.", "Blurry PDFs", ""),
        ("If it bounces I'll be charged by my landlord.", "Charged twice", ""),
        # what a thing is said not to be is a verdict, not the fault
        ("The speaker does the job, but it's not ideal.", "Room 6 board - no sound", ""),
        ("It's not a gambling site.", "Radio streaming blocked", ""),
        ("The printer isn't online.", "Printer", "the printer isn't online"),
        (
            "The Wi-Fi signal is not good in room 4.",
            "Weak signal",
            "the Wi-Fi signal is not good in room 4",
        ),
        ("The sound is cutting out again.", "Room 6 board", "the sound is cutting out again"),
        # ... while a failure put negatively, or what happens when they do something, stays
        ("The printer is not working.", "Printer", "the printer is not working"),
        (
            "The app hasn't stopped crashing since Monday.",
            "App",
            "the app hasn't stopped crashing since Monday",
        ),
        # an end negated is the trouble going on, and a fault in the future tense is a fault
        ("The pop-up hasn't disappeared.", "Pop-up", "the pop-up hasn't disappeared"),
        (
            "If I restart it, the laptop will freeze again.",
            "Laptop",
            "the laptop will freeze again",
        ),
    ],
)
def test_trouble_denied_or_only_feared_is_not_the_problem(
    reader: TextReader, text: str, subject: str, problem: str
) -> None:
    assert _problem(reader, text, subject) == problem


def test_a_clause_too_long_to_say_back_is_said_without_where_and_when(reader: TextReader) -> None:
    text = (
        "The shared finance spreadsheet on the second floor network drive has been crashing "
        "every single time anyone in accounts tries to open it this week."
    )
    said = _problem(reader, text, "finance spreadsheet crashing")
    assert said == "the shared finance spreadsheet has been crashing"


def test_a_change_too_long_to_say_back_is_not_cut_to_its_verb(reader: TextReader) -> None:
    text = (
        "We received our renewal quote this week and the per-seat price has gone from £18 to "
        "£22 - an increase of just over 22%."
    )
    said = _problem(reader, text, "Renewal price increase")
    assert said == ""


def test_a_bare_it_is_named_only_by_a_subject_that_names_a_thing(reader: TextReader) -> None:
    text = "It hasn't worked properly since the weekend."
    assert _problem(reader, text, "Slow in the evenings") == ""  # no noun: "it" stays unknown
    assert _problem(reader, text, "") == ""


def test_a_verbless_no_phrase_agrees_in_number_and_case(reader: TextReader) -> None:
    got = _problem(reader, "No printers at the Leeds office since Monday.", "printers Leeds")
    assert got == "there are no printers at the Leeds office since Monday"


def test_a_bare_it_is_never_named_as_a_person(reader: TextReader) -> None:
    # "It has been dead for four days" under a subject about a brother is his phone line:
    # "your brother has been dead" would be a harmful restatement
    text = "My brother's landline is his only phone.\n\nIt has been dead for FOUR DAYS."
    assert "brother" not in _problem(reader, text, "Disabled brother - no phone")


def test_a_subject_of_several_things_is_not_cut_to_one(reader: TextReader) -> None:
    text = "Card machine, tills and stock system are all down, so we're cash only."
    assert _problem(reader, text, "Card machine and tills offline") != "Card machine are all down"


def test_a_thing_named_after_people_still_names_a_bare_it(reader: TextReader) -> None:
    text = "Hi. It has been down since nine this morning. Please help."
    assert _problem(reader, text, "Customer portal down").startswith("the customer portal has been")


@pytest.mark.parametrize(
    "text",
    [
        "I'm not talking to customer service again.",  # a stance, not a fault
        "@AskPlayStation still not working",  # an @handle is never said back
        "No one is able to help me https://t.co/jhzCjY2bOw",  # nor a link
    ],
)
def test_no_stance_handle_or_link_is_restated(reader: TextReader, text: str) -> None:
    assert _problem(reader, text) == ""


def test_a_sentences_capital_is_lowered_but_a_names_is_kept(reader: TextReader) -> None:
    files = _problem(reader, "Files in our shared folder are vanishing since Monday.", "files")
    assert files.startswith("files in our shared folder")
    joanne = _problem(reader, "Joanne can't log in to the tax server.", "Joanne login")
    assert joanne.startswith("Joanne")
