"""Customer vs auto-reply vs bounce vs list (triage/parse/kinds.py), one test per rule."""

from __future__ import annotations

import pytest

from triage.domain import MailKind
from triage.parse.kinds import detect_kind


def _kind(
    headers: dict[str, str], subject: str = "Printer broken", ctype: str = "text/plain"
) -> MailKind:
    return detect_kind({k: [v] for k, v in headers.items()}, subject, ctype)[0]


def test_plain_customer_mail() -> None:
    assert detect_kind({"from": ["a@example.com"]}, "Printer broken", "text/plain") == (
        MailKind.CUSTOMER,
        None,
    )


@pytest.mark.parametrize(
    ("headers", "subject", "reason"),
    [
        ({"auto-submitted": "auto-replied"}, "Re: hi", "Auto-Submitted: auto-replied"),
        (
            {"auto-submitted": "auto-generated; owner-email=x@y"},
            "Alert",
            "Auto-Submitted: auto-generated",
        ),
        ({"x-autoreply": "yes"}, "Re: hi", "X-Autoreply header"),
        ({"x-autorespond": "Vacation"}, "Re: hi", "X-Autorespond header"),
        ({"precedence": "auto_reply"}, "Re: hi", "Precedence: auto_reply"),
        (
            {"x-auto-response-suppress": "All"},
            "I am away until Monday",
            "X-Auto-Response-Suppress with out-of-office subject",
        ),
        ({}, "Automatic reply: Printer broken", "subject looks like an automatic reply"),
        ({}, "Auto: Printer broken", "subject looks like an automatic reply"),
        ({}, "Abwesenheitsnotiz: Drucker", "subject looks like an automatic reply"),
    ],
)
def test_auto_reply_rules(headers: dict[str, str], subject: str, reason: str) -> None:
    assert detect_kind({k: [v] for k, v in headers.items()}, subject, "text/plain") == (
        MailKind.AUTO_REPLY,
        reason,
    )


def test_auto_submitted_no_is_a_person() -> None:
    assert _kind({"auto-submitted": "no"}) is MailKind.CUSTOMER


def test_x_auto_response_suppress_alone_is_not_enough() -> None:
    # Outlook sets it on ordinary mail too; only with an out-of-office subject does it count
    assert _kind({"x-auto-response-suppress": "All"}) is MailKind.CUSTOMER


def test_subject_mentioning_office_mid_sentence_is_customer() -> None:
    assert _kind({}, subject="Printer in the back office is out of toner") is MailKind.CUSTOMER


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        ("out of office", "how do i set an out of office on outlook web? off from friday"),
        ("Out of office message won't turn off", "My out of office is still going out."),
        ("Out of office reply not sending", "I set it up but nobody gets the reply."),
        ("On vacation: can't get email on my phone", "Email won't load on my phone abroad."),
        ("Out of office stuck on", ""),
    ],
)
def test_a_customers_subject_about_being_away_is_a_customer(subject: str, text: str) -> None:
    # without headers, an away subject is a notice only over a notice's own opening
    assert detect_kind({}, subject, "text/plain", text)[0] is MailKind.CUSTOMER


@pytest.mark.parametrize(
    ("subject", "text"),
    [
        ("Out of Office: Printer broken", "I am out of the office until Monday 5 January."),
        (
            "Out of Office Response: laptop",
            "Thank you for your email. I am currently on annual leave and will reply on my return.",
        ),
        ("Out of office", "I'm off on annual leave until Monday. Please contact Jo Bloggs."),
        ("On vacation", "I will be away until 3 January with limited access to email."),
    ],
)
def test_an_away_notice_is_told_by_its_subject_and_opening(subject: str, text: str) -> None:
    assert detect_kind({}, subject, "text/plain", text) == (
        MailKind.AUTO_REPLY,
        "subject and opening look like an away notice",
    )


@pytest.mark.parametrize(
    ("headers", "subject", "ctype", "reason"),
    [
        (
            {"content-type": 'multipart/report; report-type="delivery-status"; boundary=x'},
            "Failure",
            "multipart/report",
            "Content-Type: multipart/report; report-type=delivery-status",
        ),
        (
            {"from": "MAILER-DAEMON@mx.example.org"},
            "hello",
            "text/plain",
            "From: mailer-daemon/postmaster",
        ),
        (
            {"from": "Postmaster <postmaster@example.org>"},
            "x",
            "text/plain",
            "From: mailer-daemon/postmaster",
        ),
        (
            {"sender": "mailer-daemon@mx.example.org"},
            "x",
            "text/plain",
            "Sender: mailer-daemon/postmaster",
        ),
        (
            {"return-path": "<>"},
            "Undeliverable: Printer broken",
            "text/plain",
            "Return-Path: <> with delivery-failure content",
        ),
    ],
)
def test_bounce_rules(headers: dict[str, str], subject: str, ctype: str, reason: str) -> None:
    assert detect_kind({k: [v] for k, v in headers.items()}, subject, ctype) == (
        MailKind.BOUNCE,
        reason,
    )


def test_empty_return_path_alone_is_not_a_bounce() -> None:
    # auto-generated notifications also use <>; without DSN content it is not a bounce
    assert _kind({"return-path": "<>"}) is MailKind.CUSTOMER


@pytest.mark.parametrize(
    ("headers", "reason"),
    [
        ({"list-id": "<users.lists.example.org>"}, "List-Id header"),
        ({"list-unsubscribe": "<mailto:leave@example.org>"}, "List-Unsubscribe header"),
        ({"precedence": "bulk"}, "Precedence: bulk"),
        ({"precedence": "list"}, "Precedence: list"),
        ({"precedence": "junk"}, "Precedence: junk"),
    ],
)
def test_list_rules(headers: dict[str, str], reason: str) -> None:
    assert detect_kind({k: [v] for k, v in headers.items()}, "News", "text/plain") == (
        MailKind.MAILING_LIST,
        reason,
    )


def test_bounce_beats_auto_reply_beats_list() -> None:
    everything = {"from": "mailer-daemon@x.org", "auto-submitted": "auto-replied", "list-id": "<l>"}
    assert _kind(everything) is MailKind.BOUNCE
    assert _kind({"auto-submitted": "auto-replied", "list-id": "<l>"}) is MailKind.AUTO_REPLY
