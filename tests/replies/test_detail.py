"""What the restatement adds (triage/replies/detail.py): since when, the message on the
screen and what the trouble stops, told in the opening of the email."""

from __future__ import annotations

import pytest

from triage.replies.detail import Detail, detail, since_said, with_detail


@pytest.mark.parametrize(
    ("text", "since"),
    [
        ("Since Monday's update the Reports page takes 40 seconds.", "since Monday's update"),
        ("The VPN has been down since 7am. Nobody can work.", "since 7am"),
        ("No internet since last Thursday and nobody has called.", "since last Thursday"),
        # the desk's update is ours when said back
        ("Live updates stopped since your update on Tuesday.", "since our update"),
        ("Hi,\n\nThe till has been dead since about 12:05 today.", "since about 12:05 today"),
        # a "since" of reason, or of how long they have been with us, is no start
        ("Since I need it for Friday, please hurry. The printer is jammed.", ""),
        ("I've been a customer since 2015 and the router keeps dropping.", ""),
        ("We have used you since March. The portal is down.", ""),
    ],
)
def test_since_when_is_a_time_in_the_opening(text: str, since: str) -> None:
    assert detail(text).since == since


def test_the_subjects_since_comes_first_and_nothing_changed_is_no_start() -> None:
    body = "We have not changed anything on our side since last week. Nobody can sign in."
    assert detail(body).since == ""
    assert detail(body, "SSO failing for all users since ~8:40").since == "since about 8:40"


def test_since_comes_from_the_opening_only() -> None:
    later = " ".join(["Some background about us."] * 6) + " It has been down since Monday."
    assert detail(later).since == ""


@pytest.mark.parametrize(
    ("text", "shows"),
    [
        ('Grace\'s account now shows "Account suspended" when she logs in.', "Account suspended"),
        ("The terminals say 'Host unreachable - E31' on every card.", "Host unreachable - E31"),
        ('The upload fails with "Upload could not be completed".', "Upload could not be completed"),
        ('Catch-up gives me "Error E-112" every time.', "Error E-112"),
        # a status that says nothing is wrong, a scare quote or an instruction is no message
        ('The tracking page says "label created" since Monday.', ""),
        ('The app says "Connected" but nothing arrives.', ""),
        ('Your "support" call emptied my account.', ""),
        ('The portal tells me to "check the import tool".', ""),
        # a paragraph in quotes is not a message on a screen
        ('It says "this is a very long message that goes on and on for ever and ever".', ""),
    ],
)
def test_the_message_on_the_screen_is_quoted_as_written(text: str, shows: str) -> None:
    assert detail(text).shows == shows


@pytest.mark.parametrize(
    ("text", "stops"),
    [
        (
            "The checkout is blocked, so no customer can pay right now.",
            "no customer can pay right now",
        ),
        ("The card machine is down so we can't take payments.", "you can't take payments"),
        # what it is for is not what it stops
        ("Please fix the scanner so we can print the labels.", ""),
        ("Send the engineer so the engineer can see it.", ""),
    ],
)
def test_what_the_trouble_stops_is_said_in_our_words(text: str, stops: str) -> None:
    assert detail(text).stops == stops


@pytest.mark.parametrize(
    ("clause", "since", "said"),
    [
        ("the VPN is down", "since 7am", "the VPN has been down since 7am"),
        ("the printers are offline", "since Monday", "the printers have been offline since Monday"),
        ("you can't log in", "since Monday", "you haven't been able to log in since Monday"),
        (
            "the Wi-Fi keeps dropping out",
            "since Saturday",
            "the Wi-Fi has kept dropping out since Saturday",
        ),
        (
            "voicemails aren't coming through to email anymore",
            "since the phone update",
            "voicemails haven't been coming through to email since the phone update",
        ),
        (
            "the board has stopped working",
            "since 15:20",
            "the board has stopped working since 15:20",
        ),
        # no tense that takes "since" without a verb we cannot conjugate: the clause as it was
        ("the laptop won't switch on", "since Monday", "the laptop won't switch on"),
        ("the printer is printing faintly", "since Monday", "the printer is printing faintly"),
        # a clause that says when already keeps its own
        ("the VPN has been down since 9", "since 7am", "the VPN has been down since 9"),
    ],
)
def test_since_is_said_only_where_the_tense_takes_it(clause: str, since: str, said: str) -> None:
    assert since_said(clause, since) == said


def test_the_details_join_the_clause_once_each() -> None:
    told = Detail(
        since="since 7am", shows="Host unreachable - E31", stops="you can't take payments"
    )
    assert with_detail("the card terminals are offline", told) == (
        'the card terminals have been offline since 7am, with the message "Host unreachable -'
        " E31\", so you can't take payments"
    )
    # an error the clause names is that error; a message the clause already says is not added
    assert with_detail("the sync button is showing an error", Detail(shows="Error 409")) == (
        'the sync button is showing "Error 409"'
    )
    assert with_detail("the app is showing an error", Detail(shows="Token invalid")) == (
        'the app is showing the error "Token invalid"'
    )
    assert with_detail("your password has expired", Detail(shows="password expired")) == (
        "your password has expired"
    )
    assert with_detail("the VPN is down", Detail()) == "the VPN is down"
