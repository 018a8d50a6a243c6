"""Shared fixtures. Names are stable: other test modules rely on them.

Live IMAP (tests/dovecot_harness.py; mark such tests ``@pytest.mark.live``):

``dovecot``            (session) the shared private Dovecot. ``.imap_port`` (plain/STARTTLS),
                       ``.imaps_port`` (implicit TLS), ``.cert_file``, ``.ssl_context()``.
                       Do not crash or freeze it in a test: use ``dovecot_factory`` for that.
                       (If a test did, the next ``mailbox_user`` restarts it.)
``dovecot_factory``    (function) ``dovecot_factory(extra="") -> Dovecot``: a started server
                       of your own (fault injection, ``imap_capability`` overrides); stopped
                       and removed after the test, also when it fails.
``mailbox_user``       (function) a fresh, empty account ``MailboxUser(name="t-N",
                       password="test")``; unpacks as ``(name, password)``.
``imap_connect``       (function) ``imap_connect(user=None, server=None, password="test")
                       -> IMAPClient``:
                       a raw imapclient connection over implicit TLS with the harness CA,
                       logged in (default: ``mailbox_user`` on ``dovecot``); logged out after.
``imap``               (function) ``imap_connect()`` for ``mailbox_user``: for seeding and
                       inspecting the mailbox in tests.
``imap_settings``      (function) ``imap_settings(tls="implicit", server=None, **overrides)
                       -> triage.settings.ImapSettings`` for ``mailbox_user`` (host 127.0.0.1,
                       the port matching ``tls``, ca_file = the harness cert, password "test",
                       short timeouts). ``tls`` is "implicit", "starttls" or "none".

Data:

``data_dir``           (session) Path of the shared data sets (env ``TRIAGE_PATHS_DATA_SETS``,
                       default ``<repo>/../shared/data``).

Without Dovecot (or the data) these fixtures skip; under ``CI=true`` they fail instead, so CI
can never go green by skipping everything.
"""

from __future__ import annotations

import contextlib
import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from imapclient import IMAPClient
from pydantic import SecretStr

from tests.dovecot_harness import Dovecot, available
from triage.settings import ImapSettings

REPO = Path(__file__).resolve().parent.parent


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _missing(reason: str) -> None:
    """Skip on a laptop, fail in CI."""
    if _in_ci():
        pytest.fail(f"{reason} (CI=true: live tests must not be skipped)", pytrace=False)
    pytest.skip(reason)


class MailboxUser(NamedTuple):
    name: str
    password: str


_users = itertools.count()


@pytest.fixture(scope="session")
def dovecot() -> Iterator[Dovecot]:
    if not available():
        _missing(
            "Dovecot is not installed: apt-get install -y --no-install-recommends "
            "dovecot-imapd openssl (or `make dovecot`)"
        )
    server = Dovecot(users={"support": "secret"}).start()
    try:
        yield server
    finally:
        server.cleanup()


@pytest.fixture
def dovecot_factory(dovecot: Dovecot) -> Iterator[Callable[..., Dovecot]]:
    started: list[Dovecot] = []

    def make(extra: str = "", **kwargs: Any) -> Dovecot:
        server = Dovecot(extra=extra, **kwargs)
        started.append(server)  # before start(): a failed start still gets cleaned up
        return server.start()

    try:
        yield make
    finally:
        for server in started:
            server.cleanup()


@pytest.fixture
def mailbox_user(dovecot: Dovecot) -> MailboxUser:
    if not dovecot.running:  # an earlier test crashed the shared server despite the rule
        dovecot.stop()
        dovecot.start()
    dovecot.thaw()
    return MailboxUser(f"t-{next(_users)}", "test")


@pytest.fixture
def imap_connect(
    dovecot: Dovecot, mailbox_user: MailboxUser
) -> Iterator[Callable[..., IMAPClient]]:
    clients: list[IMAPClient] = []

    def connect(
        user: str | None = None, server: Dovecot | None = None, password: str = "test"
    ) -> IMAPClient:
        server = server or dovecot
        client = IMAPClient(
            "127.0.0.1",
            port=server.imaps_port,
            ssl=True,
            ssl_context=server.ssl_context(),
            timeout=10,
        )
        clients.append(client)
        client.login(user or mailbox_user.name, password if user else mailbox_user.password)
        return client

    try:
        yield connect
    finally:
        for client in clients:
            try:
                client.logout()
            except Exception:  # the server may be dead or frozen on purpose
                with contextlib.suppress(Exception):
                    client.shutdown()


@pytest.fixture
def imap(imap_connect: Callable[..., IMAPClient]) -> IMAPClient:
    return imap_connect()


@pytest.fixture
def imap_settings(dovecot: Dovecot, mailbox_user: MailboxUser) -> Callable[..., ImapSettings]:
    def make(
        tls: str = "implicit", server: Dovecot | None = None, **overrides: Any
    ) -> ImapSettings:
        server = server or dovecot
        values: dict[str, Any] = {
            "host": "127.0.0.1",
            "port": server.imaps_port if tls == "implicit" else server.imap_port,
            "tls": tls,
            "ca_file": Path(server.cert_file),
            "username": mailbox_user.name,
            "password": SecretStr(mailbox_user.password),
            "connect_timeout": 5.0,
            "read_timeout": 10.0,
        }
        values.update(overrides)
        return ImapSettings.model_validate(values)

    return make


@pytest.fixture(scope="session")
def data_dir() -> Path:
    path = Path(os.environ.get("TRIAGE_PATHS_DATA_SETS") or REPO.parent / "shared" / "data")
    if not path.is_dir():
        _missing(f"data sets not found at {path} (set TRIAGE_PATHS_DATA_SETS)")
    return path
