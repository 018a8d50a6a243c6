"""Replies leave as drafts in the agent's mailbox (default) or, when configured, via SMTP.

Never automatic: only `triage send ID` by a person calls this. A draft threads with the
customer's email (In-Reply-To, References, "Re: " subject) so the agent sends it from their
usual mail client with the conversation intact.
"""

from __future__ import annotations

import smtplib
import ssl
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid

from triage.errors import ConfigError, MailboxUnavailable
from triage.mailbox import MailboxWriter
from triage.textsafe import clean


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
