"""Who wrote a message: a customer, an auto-responder, a bounce, or a list. Header rules only.

Order matters and is fixed: bounce beats auto-reply beats mailing list (a bounce of a list mail
carries list headers; an out-of-office reply to a list carries both). The reason names the rule
that fired, so a wrong call can be traced to one header.
"""

from __future__ import annotations

import re

from triage.domain import MailKind

_DAEMON = re.compile(r"(?:^|[<\s\"])(?:mailer-daemon|postmaster)@", re.IGNORECASE)
_DAEMON_NAME = re.compile(r"\b(?:mailer-daemon|mail delivery (?:subsystem|system))\b", re.I)
_DSN_SUBJECT = re.compile(
    r"undeliverable|undelivered mail|delivery status notification|delivery (?:has )?failed"
    r"|mail delivery failed|returned mail|failure notice|could not be delivered"
    r"|unzustellbar|non remis",
    re.IGNORECASE,
)
_DELIVERY_REPORT = re.compile(r"report-type\s*=\s*\"?delivery-status", re.IGNORECASE)
_READ_RECEIPT = re.compile(r"report-type\s*=\s*\"?disposition-notification", re.IGNORECASE)
# a machine's own label: no customer heads an email "Automatic reply:"
_AUTO_SUBJECT = re.compile(
    r"^\s*(?:automatic reply|auto(?:matic)?[- ]?reply|auto(?:response)?:"
    r"|autoreply|auto-response|abwesenheitsnotiz|automatische antwort|réponse automatique"
    r"|respuesta automática|risposta automatica|vacation reply"
    r"|i am out of the office|i'm out of the office)",
    re.IGNORECASE,
)
# An away notice's subject ("Out of Office: Printer broken", "Out of office until 5 Jan", "On
# vacation") is also a customer's ("out of office", "Out of office message won't turn off",
# "On vacation: can't get email on my phone"), and such mail was once ignored, unanswered, as
# an auto-reply. Without headers that say so, it is an away notice only when its text opens
# as one: the writer away, in the first person, asking nothing and not about the feature
_AWAY_SUBJECT = re.compile(
    r"^\s*(?:out of (?:the )?office|away from (?:the )?office|on (?:vacation|holiday|leave))\b",
    re.IGNORECASE,
)
# the writer away, as an away notice says it ("I am currently out of the office", "I'll be on
# annual leave"); the reader drops such a sentence too (``reading.asks``)
AWAY_SELF = (
    r"(?:i\s*(?:am|'m)|i\s*(?:will|'ll)\s+be)\s+(?:currently\s+|now\s+|off\s+|away\s+)?"
    r"(?:out\s+of\s+(?:the\s+)?office|away|on\s+(?:annual\s+|parental\s+|sick\s+)?leave|"
    r"on\s+(?:holiday|vacation)|travelling)\b"
)
_AWAY_OPENING = re.compile(
    rf"\b{AWAY_SELF}"
    r"|\blimited\s+access\s+to\s+(?:my\s+)?e-?mail"
    r"|\b(?:respond|reply|get\s+back\s+to\s+you)\b[^.]{0,40}\b(?:on|upon|after)\s+my\s+return\b",
    re.IGNORECASE,
)
# "my out of office is still on", "how do I set up automatic replies": about the feature
_ABOUT_THE_FEATURE = re.compile(
    r"\b(?:my|an|the|our|his|her|their|your)\s+out[- ]of[- ]office\b|\bautomatic\s+repl"
    r"|\bauto-?\s*repl",
    re.IGNORECASE,
)
_OPENING = 400  # characters of the newest text that an away notice's formula sits in
_OOF_SUBJECT = re.compile(r"out of (?:the )?office|\booof?\b|away|vacation|abwesen", re.IGNORECASE)

Headers = dict[str, list[str]]


def detect_kind(
    headers: Headers, subject: str, content_type: str, text: str = ""
) -> tuple[MailKind, str | None]:
    """(kind, reason) from lower-cased raw headers, the decoded subject, the MIME type and the
    newest text (``text``: only an away notice's subject needs it)."""
    for rules, kind in (
        (_bounce, MailKind.BOUNCE),
        (_auto_reply, MailKind.AUTO_REPLY),
        (_mailing_list, MailKind.MAILING_LIST),
    ):
        reason = rules(headers, subject, content_type, text)
        if reason is not None:
            return kind, reason
    return MailKind.CUSTOMER, None


def _first(headers: Headers, name: str) -> str | None:
    values = headers.get(name)
    return values[0].strip() if values else None


def _bounce(headers: Headers, subject: str, content_type: str, _text: str) -> str | None:
    raw_type = _first(headers, "content-type") or ""
    is_report = content_type == "multipart/report" or raw_type.lower().startswith(
        "multipart/report"
    )
    if is_report and _DELIVERY_REPORT.search(raw_type):
        return "Content-Type: multipart/report; report-type=delivery-status"
    for name in ("from", "sender"):
        value = _first(headers, name)
        if value and (_DAEMON.search(value) or _DAEMON_NAME.search(value)):
            return f"{name.title()}: mailer-daemon/postmaster"
    return_path = _first(headers, "return-path")
    if return_path is not None and return_path.replace(" ", "") == "<>":
        if is_report or _DSN_SUBJECT.search(subject):
            return "Return-Path: <> with delivery-failure content"
    return None


def _auto_reply(headers: Headers, subject: str, _content_type: str, text: str) -> str | None:
    raw_type = _first(headers, "content-type") or ""
    if _READ_RECEIPT.search(raw_type):
        return "Content-Type: multipart/report; report-type=disposition-notification (read receipt)"
    auto_submitted = _first(headers, "auto-submitted")
    if auto_submitted and auto_submitted.split(";")[0].strip().lower() != "no":
        return f"Auto-Submitted: {auto_submitted.split(';')[0].strip().lower()}"
    for name in ("x-autoreply", "x-autorespond", "x-autoresponder"):
        value = _first(headers, name)
        if value is not None and value.lower() not in ("no", "false", "0"):
            return f"{_title(name)} header"
    precedence = (_first(headers, "precedence") or "").lower()
    if precedence == "auto_reply":
        return "Precedence: auto_reply"
    if "x-auto-response-suppress" in headers and _OOF_SUBJECT.search(subject):
        return "X-Auto-Response-Suppress with out-of-office subject"
    if _AUTO_SUBJECT.search(subject):
        return "subject looks like an automatic reply"
    if away_notice(subject, text):
        return "subject and opening look like an away notice"
    return None


def away_notice(subject: str, text: str) -> bool:
    """An away notice told by its subject and the opening of its text alone (no headers):
    "Out of Office: Printer broken" over "I am out of the office until Monday ...", not
    "out of office" over "how do i set an out of office on outlook web?"."""
    opening = text[:_OPENING]
    return (
        _AWAY_SUBJECT.search(subject) is not None
        and _AWAY_OPENING.search(opening) is not None
        and "?" not in opening
        and _ABOUT_THE_FEATURE.search(opening) is None
    )


def _mailing_list(headers: Headers, _subject: str, _content_type: str, _text: str) -> str | None:
    if "list-id" in headers:
        return "List-Id header"
    if "list-unsubscribe" in headers:
        return "List-Unsubscribe header"
    precedence = (_first(headers, "precedence") or "").lower()
    if precedence in ("bulk", "list", "junk"):
        return f"Precedence: {precedence}"
    return None


def automated_subject(subject: str) -> bool:
    """An auto-reply or delivery-failure subject line, for text read without its headers
    (``triage.reading``); with headers, ``detect_kind`` is the stronger test."""
    return bool(_AUTO_SUBJECT.search(subject) or _DSN_SUBJECT.search(subject))


def _title(name: str) -> str:
    return "-".join(part.capitalize() for part in name.split("-"))
