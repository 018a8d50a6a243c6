"""Replies leave as drafts in the agent's mailbox (default) or, when configured, via SMTP.

Never automatic: only `triage send ID` by a person calls this. A draft threads with the
customer's email (In-Reply-To, References, "Re: " subject) so the agent sends it from their
usual mail client with the conversation intact.
"""

from __future__ import annotations

import json
import smtplib
import ssl
from collections.abc import Callable, Sequence
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid
from typing import TYPE_CHECKING, Any

from triage.errors import ConfigError, MailboxUnavailable, NotFound, Refused
from triage.mailbox import MailboxWriter
from triage.textsafe import clean

if TYPE_CHECKING:
    from triage.replies.values import Finding
    from triage.settings import Settings
    from triage.store import Store


def reply_subject(subject: str) -> str:
    subject = clean(subject, single_line=True)
    return subject if subject.lower().startswith("re:") else f"Re: {subject}".strip()


def build_reply(
    *,
    to_name: str | None,
    to_address: str,
    subject: str,
    message_id: str | None,
    references: list[str],
    text: str,
    from_address: str,
    now: datetime,
) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = from_address
    msg["To"] = formataddr((clean(to_name or "", single_line=True), to_address))
    msg["Subject"] = reply_subject(subject)
    msg["Date"] = format_datetime(now)
    msg["Message-ID"] = make_msgid(domain=from_address.rpartition("@")[2] or None)
    if message_id:
        msg["In-Reply-To"] = message_id
        chain = [r for r in references if r != message_id] + [message_id]
        msg["References"] = " ".join(chain[-20:])  # long threads: keep the newest 20 ids
    msg.set_content(text)
    return msg


def save_draft(writer: MailboxWriter, msg: EmailMessage) -> tuple[str, int | None]:
    """APPEND to the folder marked \\Drafts (RFC 6154), else "Drafts"; returns (folder, uid)."""
    folder = writer.find_special_folder(b"\\Drafts") or "Drafts"
    writer.ensure_folder(folder)
    uid = writer.append(folder, bytes(msg), flags=["\\Draft"])
    return folder, uid


def send_smtp(
    msg: EmailMessage,
    *,
    host: str,
    port: int,
    tls: str,
    username: str,
    password: str | None,
    ca_file: str | None = None,
    timeout: float = 30.0,
) -> None:
    if not host:
        raise ConfigError("[smtp] host is empty: set it (or send as a draft, the default)")
    ctx = ssl.create_default_context(cafile=ca_file)
    try:
        if tls == "implicit":
            server: smtplib.SMTP = smtplib.SMTP_SSL(host, port, timeout=timeout, context=ctx)
        else:
            server = smtplib.SMTP(host, port, timeout=timeout)
        with server:
            if tls == "starttls":
                server.starttls(context=ctx)
            if username and password:
                server.login(username, password)
            server.send_message(msg)
    except smtplib.SMTPAuthenticationError as exc:
        raise ConfigError(f"SMTP {host}:{port} refused the login for {username!r}") from exc
    except (smtplib.SMTPException, OSError) as exc:
        raise MailboxUnavailable(f"SMTP {host}:{port}: {type(exc).__name__}: {exc}") from exc


def deliver(
    settings: Settings,
    store: Store,
    item: int,
    agent: str,
    now: datetime,
    *,
    smtp: bool,
    force: bool,
    findings: Callable[[Any], Sequence[Finding]],
) -> dict[str, Any]:
    """`triage send`: check the rules, build the threaded reply, save or send it, record it.

    Refuses (``Refused``) an unapproved reply or one with error-level tone findings unless
    ``force``; the audit trail records that it was forced.
    """
    from triage.flow.sources import make_source
    from triage.replies.serial import reply_text

    row = store.row(item)
    text = reply_text(row)
    if text is None:
        raise NotFound(f"email {item} has no reply to send")
    if row.review != "approved" and not force:
        raise Refused(
            f"#{item} is {row.review}, not approved: `triage approve {item}` first (or --force)"
        )
    errors = [f for f in findings(row) if f.severity == "error"]
    if errors and not force:
        raise Refused(
            f"#{item}: {len(errors)} tone error(s); `triage edit {item}` (or --force)",
            (text, errors),
        )
    if not row.from_address:
        raise NotFound(f"email {item} has no sender address to reply to")
    from_address = settings.replies.from_address or settings.imap.username
    if not from_address:
        raise ConfigError("set [replies] from_address (or [imap] username) for the From: line")
    msg = build_reply(
        to_name=row.from_name,
        to_address=row.from_address,
        subject=row.subject,
        message_id=row.message_id or None,
        references=json.loads(row.thread_refs or "[]"),
        text=text,
        from_address=from_address,
        now=now,
    )
    detail: dict[str, Any]
    if smtp:
        s = settings.smtp
        send_smtp(
            msg,
            host=s.host,
            port=s.port,
            tls=s.tls,
            username=s.username,
            password=s.password.get_secret_value() if s.password else None,
            ca_file=str(s.ca_file) if s.ca_file else None,
        )
        detail = {"via": "smtp", "message_id": msg["Message-ID"], "forced": force}
    else:
        if not settings.uses_imap:
            raise ConfigError("drafts need an IMAP mailbox: set [imap] host (or use --smtp)")
        source = make_source(settings)
        source.connect()
        try:
            folder, uid = save_draft(source, msg)  # type: ignore[arg-type]
        finally:
            source.close()
        detail = {
            "via": "draft",
            "folder": folder,
            "uid": uid,
            "message_id": msg["Message-ID"],
            "forced": force,
        }
    store.set_review(item, "sent", "send", agent, now, detail)
    return detail
