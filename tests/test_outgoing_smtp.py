"""`send --smtp` against a real SMTP server (aiosmtpd on loopback, STARTTLS, verified cert)."""

from __future__ import annotations

import email
import socket
import ssl
from collections.abc import Iterator
from datetime import UTC, datetime
from email.policy import default as default_policy
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from tests.dovecot_harness import make_cert
from triage.errors import ConfigError, MailboxUnavailable
from triage.outgoing import build_reply, send_smtp


class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        self.messages.append((envelope.mail_from, envelope.rcpt_tos, envelope.content))
        return "250 OK"


def free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = int(s.getsockname()[1])
    s.close()
    return port


@pytest.fixture
def smtp_server(tmp_path: Path) -> Iterator[tuple[int, Inbox, Path]]:
    make_cert(str(tmp_path))
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(tmp_path / "cert.pem", tmp_path / "key.pem")
    inbox = Inbox()
    port = free_port()
    controller = Controller(
        inbox, hostname="127.0.0.1", port=port, tls_context=ctx, require_starttls=True
    )
    controller.start()
    try:
        yield port, inbox, tmp_path / "cert.pem"
    finally:
        controller.stop()


def reply() -> email.message.EmailMessage:
    return build_reply(
        to_name="Dana Smith",
        to_address="dana@customer.example",
        subject="VPN down",
        message_id="<orig@customer.example>",
        references=["<older@customer.example>"],
        text="Dear Dana,\n\nWe have reset your VPN profile.\n",
        from_address="desk@helpdesk.example",
        now=datetime(2026, 11, 23, 10, 0, tzinfo=UTC),
    )


def test_sends_over_starttls_with_a_verified_certificate(
    smtp_server: tuple[int, Inbox, Path],
) -> None:
    port, inbox, cert = smtp_server
    send_smtp(
        reply(),
        host="127.0.0.1",
        port=port,
        tls="starttls",
        username="",
        password=None,
        ca_file=str(cert),
    )
    [(sender, rcpts, data)] = inbox.messages
    assert sender == "desk@helpdesk.example"
    assert rcpts == ["dana@customer.example"]
    msg = email.message_from_bytes(data, policy=default_policy)
    assert msg["Subject"] == "Re: VPN down"
    assert msg["In-Reply-To"] == "<orig@customer.example>"
    assert msg["References"] == "<older@customer.example> <orig@customer.example>"


def test_an_untrusted_certificate_is_refused(smtp_server: tuple[int, Inbox, Path]) -> None:
    port, inbox, _cert = smtp_server
    with pytest.raises(MailboxUnavailable, match="CERTIFICATE_VERIFY_FAILED|certificate"):
        send_smtp(reply(), host="127.0.0.1", port=port, tls="starttls", username="", password=None)
    assert inbox.messages == []


def test_no_host_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match=r"\[smtp\] host"):
        send_smtp(reply(), host="", port=25, tls="starttls", username="", password=None)
