"""Helpers for the live end-to-end tests (real Dovecot, real SQLite, the real worker)."""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from imapclient import IMAPClient
from sqlmodel import Session, select

from triage.settings import ImapSettings, ModelSettings, PathsSettings, Settings, StoreSettings
from triage.store import Store
from triage.store.tables import EmailRow

REPO = Path(__file__).resolve().parent.parent
TRIAGE = str(Path(sys.executable).with_name("triage"))

_TOPICS = [
    ("Printer on floor 2 jams again", "The printer near the kitchen jams on every second page."),
    ("Cannot log in to VPN", "Since this morning the VPN client says my certificate is invalid."),
    ("Outlook not syncing", "My inbox has not updated since yesterday afternoon."),
    ("Laptop very slow", "It takes five minutes to open a spreadsheet, the fan is loud."),
    ("Shared drive access", "I need read access to the Finance share for the audit on Friday."),
]


def support_email(n: int, *, size_pad: int = 0) -> bytes:
    subject, body = _TOPICS[n % len(_TOPICS)]
    m = EmailMessage()
    m["From"] = f"User {n} <user{n}@customer.example>"
    m["To"] = "support@helpdesk.example"
    m["Subject"] = f"{subject} (#{n})"
    m["Message-ID"] = f"<live-{n}@customer.example>"
    m["Date"] = format_datetime(datetime(2026, 11, 23, 9, n % 60, tzinfo=UTC))
    m.set_content(f"Hello,\n\n{body}\nTicket ref {n}.\n{'x' * size_pad}\nThanks,\nUser {n}\n")
    return bytes(m)


def append_many(client: IMAPClient, folder: str, count: int, start: int = 0) -> list[bytes]:
    msgs = [support_email(n) for n in range(start, start + count)]
    if folder.upper() != "INBOX" and not client.folder_exists(folder):
        client.create_folder(folder)
    for data in msgs:
        client.append(folder, data)
    return msgs


def settings_for(imap: ImapSettings, tmp_path: Path, **imap_overrides: object) -> Settings:
    return Settings(
        model=ModelSettings(cache_dir=REPO / "var" / "model-cache"),
        imap=imap.model_copy(update=imap_overrides),
        store=StoreSettings(url=f"sqlite:///{tmp_path / 'triage.db'}", busy_timeout=0.5),
        paths=PathsSettings(data_dir=tmp_path / "var"),
    )


def write_config(imap: ImapSettings, tmp_path: Path, **imap_overrides: object) -> Path:
    """A TOML file for a worker subprocess (the password travels in the environment)."""
    values = imap.model_dump(exclude={"password", "oauth2_token"})
    values.update(imap_overrides)
    lines = ["[imap]"]
    for key, value in values.items():
        if value is None:
            continue
        if isinstance(value, bool):
            lines.append(f"{key} = {'true' if value else 'false'}")
        elif isinstance(value, int | float):
            lines.append(f"{key} = {value}")
        elif isinstance(value, tuple | list):
            lines.append(f"{key} = [{', '.join(repr(str(v)) for v in value)}]")
        else:
            lines.append(f"{key} = {str(value)!r}")
    lines += [
        "[model]",
        "threads = 1",
        # one inference-graph cache for the whole test session, not one build per test
        f"cache_dir = '{REPO / 'var' / 'model-cache'}'",
        "[store]",
        f"url = 'sqlite:///{tmp_path / 'triage.db'}'",
        "[paths]",
        f"data_dir = '{tmp_path / 'var'}'",
        "[worker]",
        "heartbeat_seconds = 1.0",
        "backoff_initial = 0.2",
        "backoff_max = 1.0",
        # a SIGKILLed worker's claimed emails come back after this, not after 5 minutes
        "claim_lease_seconds = 20.0",
    ]
    path = tmp_path / "triage.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def worker_env(password: str = "test") -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRIAGE_")}
    env["TRIAGE_IMAP_PASSWORD"] = password
    return env


def message_ids(store: Store) -> list[str]:
    with Session(store.engine) as s:
        return list(s.exec(select(EmailRow.message_id)))


def assert_exactly_once(store: Store, expected: list[bytes]) -> None:
    """Every expected message has exactly one row, and there are no other rows."""
    want = sorted(
        line.split(b":", 1)[1].strip().decode()
        for data in expected
        for line in data.splitlines()
        if line.lower().startswith(b"message-id:")
    )
    got = sorted(message_ids(store))
    missing = sorted(set(want) - set(got))
    assert not missing, f"{len(missing)} messages lost, e.g. {missing[:3]}"
    assert got == want, "some message was stored twice or an unexpected row exists"
