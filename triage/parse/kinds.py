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
# An away notice's subject is a label before the subject it answers ("Out of Office: Printer
# broken", "Out of office AutoReply"): a customer's own subject may name the same thing ("out
# of office", "Out of office stuck on", "On vacation - can I get email abroad?"), and such
# mail was once ignored, unanswered, as an auto-reply
_AWAY_LABEL = r"\s*(?::|auto\s*-?\s*reply|reply|notice|notification|message\b|until\b|till\b)"
_AUTO_SUBJECT = re.compile(
    r"^\s*(?:automatic reply|auto(?:matic)?[- ]?reply|auto(?:response)?:"
    r"|autoreply|auto-response|abwesenheitsnotiz|automatische antwort|réponse automatique"
    r"|respuesta automática|risposta automatica|vacation reply"
    rf"|(?:out of (?:the )?office|away from (?:the )?office|on vacation){_AWAY_LABEL}"
    r"|i am out of the office|i'm out of the office)",
    re.IGNORECASE,
)
_OOF_SUBJECT = re.compile(r"out of (?:the )?office|\booof?\b|away|vacation|abwesen", re.IGNORECASE)

Headers = dict[str, list[str]]


def detect_kind(headers: Headers, subject: str, content_type: str) -> tuple[MailKind, str | None]:
    """(kind, reason) from lower-cased raw headers, the decoded subject and the MIME type."""
    for rules, kind in (
        (_bounce, MailKind.BOUNCE),
        (_auto_reply, MailKind.AUTO_REPLY),
        (_mailing_list, MailKind.MAILING_LIST),
    ):
        reason = rules(headers, subject, content_type)
        if reason is not None:
            return kind, reason
    return MailKind.CUSTOMER, None


def _first(headers: Headers, name: str) -> str | None:
    values = headers.get(name)
    return values[0].strip() if values else None


def _bounce(headers: Headers, subject: str, content_type: str) -> str | None:
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


def _auto_reply(headers: Headers, subject: str, _content_type: str) -> str | None:
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
    return None


def _mailing_list(headers: Headers, _subject: str, _content_type: str) -> str | None:
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
