"""Which fetched messages are the same email: over a real Dovecot and over a Maildir.

Messages without a Message-ID that share a body (or have none) are different emails; only a
byte-for-byte copy in another folder is the same one. Each case runs against both sources,
because IMAP hands out CRLF and the Maildir holds LF: the identity must not care.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest
from imapclient import IMAPClient
from sqlalchemy import delete, select, update

from triage.flow.sync import PassStats, sync_folder
from triage.mailbox import MailSource
from triage.mailbox.imap import ImapMailSource
from triage.mailbox.maildir import MaildirMailSource
from triage.settings import ImapSettings
from triage.store import Store
from triage.store.tables import EmailRow, LocationRow

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
# not INBOX: the IMAP server will not delete it, and one test recreates both folders
FOLDERS = ("Support", "Escalations")
# three bodies for twenty messages; "" makes header-only messages, some without a blank line
BODIES = ("Please help, it is urgent.\n", "", "The printer on floor 2 is on fire.\n")


def mail(n: int, body: str, sender: str = "", subject: str = "", message_id: str = "") -> bytes:
    """Message n from its own sender, with its own subject and date; no Message-ID unless given."""
    head = (
        f"From: {sender or f'Customer {n}'} <c{n}@customer.example>\n"
        f"To: support@helpdesk.example\nSubject: {subject or f'Case {n}'}\n"
        f"Date: Mon, 23 Nov 2026 09:{n:02d}:00 +0000\n"
        + (f"Message-ID: {message_id}\n" if message_id else "")
    )
    if not body and n % 2:
        return head.encode()  # only a header block, not even the empty line
    return f"{head}\n{body}".encode()


def no_message_id(n: int) -> bytes:
    return mail(n, BODIES[n % len(BODIES)])


@dataclass
class Mailbox:
    """One mailbox behind a MailSource, filled the way its kind is filled in real life."""

    kind: str
    deliver: Callable[[str, bytes], None]
    make_source: Callable[[], MailSource]
    # forget the folder's UIDs (IMAP: recreate the folder; Maildir: lose the UID map)
    renumber: Callable[[str], None]
    delivered: dict[str, list[bytes]] = field(default_factory=dict)

    def put(self, folder: str, data: bytes) -> None:
        self.deliver(folder, data)
        self.delivered.setdefault(folder, []).append(data)

    def poll(self, store: Store) -> PassStats:
        src = self.make_source()
        src.connect()
        try:
            total = PassStats()
            for folder in FOLDERS:
                total = total + sync_folder(
                    src, store, folder, batch_size=7, max_bytes=None, clock=lambda: NOW
                )
            return total
        finally:
            src.close()


def _maildir(tmp_path: Path) -> Mailbox:
    root = tmp_path / "Maildir"
    dirs = {folder: root / f".{folder}" for folder in FOLDERS}
    for d in (root, *dirs.values()):
        for sub in ("new", "cur", "tmp"):
            (d / sub).mkdir(parents=True)
    state = tmp_path / "state"
    count = iter(range(10**6))

    def deliver(folder: str, data: bytes) -> None:
        (dirs[folder] / "new" / f"{int(time.time())}.M{next(count)}P1.test").write_bytes(data)

    def renumber(folder: str) -> None:
        for path in (state / "maildir-uids").glob(f"default-{folder}-*.json"):
            path.unlink()

    return Mailbox("maildir", deliver, lambda: MaildirMailSource(root, state), renumber=renumber)


def _imap(imap: IMAPClient, settings: ImapSettings) -> Mailbox:
    for folder in FOLDERS:
        imap.create_folder(folder)

    def deliver(folder: str, data: bytes) -> None:
        imap.append(folder, data.replace(b"\n", b"\r\n"))

    def renumber(folder: str) -> None:
        # the folder is deleted and recreated with the same messages: a new UIDVALIDITY
        imap.delete_folder(folder)
        imap.create_folder(folder)
        for data in box.delivered.get(folder, []):
            deliver(folder, data)

    box = Mailbox("imap", deliver, lambda: ImapMailSource(settings), renumber=renumber)
    return box


@pytest.fixture(params=["maildir", pytest.param("imap", marks=pytest.mark.live)])
def mailbox(request: pytest.FixtureRequest, tmp_path: Path) -> Mailbox:
    if request.param == "maildir":
        return _maildir(tmp_path)
    imap: IMAPClient = request.getfixturevalue("imap")
    make_settings: Callable[..., ImapSettings] = request.getfixturevalue("imap_settings")
    return _imap(imap, make_settings())


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(f"sqlite:///{tmp_path / 'triage.db'}")


def placements(store: Store) -> set[tuple[str, int, str]]:
    """(folder, uid, subject of the row the location points at) for every location."""
    subjects = {row.id: row.subject for row in store.emails()}
    return {
        (loc.folder, loc.uid, subjects[loc.email_id])
        for folder in FOLDERS
        for loc in store.locations("default", folder)
    }


def test_messages_without_message_id_sharing_a_body_stay_apart(
    mailbox: Mailbox, store: Store
) -> None:
    for n in range(20):
        mailbox.put(FOLDERS[n % 2], no_message_id(n))
    mailbox.put(FOLDERS[1], no_message_id(4))  # an exact copy of a message in the first
    stats = mailbox.poll(store)
    assert (stats.fetched, stats.stored, stats.already_known) == (21, 20, 1)
    assert store.counts() == {"total": 20, "quarantined": 0, "locations": 21}
    got = placements(store)
    # every location points at its own message's row: nobody's mail hides in another row
    assert sorted((f, s) for f, _, s in got) == sorted(
        [(FOLDERS[n % 2], f"Case {n}") for n in range(20)] + [(FOLDERS[1], "Case 4")]
    )
    copies = [loc.email_id for f in FOLDERS for loc in store.locations("default", f)]
    assert len(copies) - len(set(copies)) == 1


def test_a_lone_header_and_an_empty_message_stay_apart(tmp_path: Path, store: Store) -> None:
    # Maildir only: Dovecot refuses to APPEND a zero-byte message, a Maildir can hold one
    mailbox = _maildir(tmp_path)
    mailbox.put(FOLDERS[0], b"")  # quarantined: not a message
    mailbox.put(FOLDERS[0], b"Subject: only a header\n")
    stats = mailbox.poll(store)
    assert (stats.stored, stats.quarantined, stats.already_known) == (1, 1, 0)
    assert store.counts()["total"] == 2


def old_body_hash(data: bytes) -> str:
    """The content hash earlier versions stored: sha256 of the body alone (LF line ends)."""
    data = data.replace(b"\r\n", b"\n")
    return hashlib.sha256(data.split(b"\n\n", 1)[1] if b"\n\n" in data else b"").hexdigest()


def as_written_before(store: Store, delivered: list[bytes]) -> None:
    """Turn the database into what an earlier version stored for the same mail: rows without a
    Message-ID keyed by the body hash, and every such row with an earlier row's body merged
    into that row (its locations pointing there)."""
    by_subject = {
        line.split(b":", 1)[1].strip().decode(): data
        for data in delivered
        for line in data.splitlines()
        if line.startswith(b"Subject:")
    }
    emails, locations = EmailRow.__table__, LocationRow.__table__  # type: ignore[attr-defined]
    with store.engine.begin() as conn:
        kept: dict[str, int] = {}
        rows = conn.execute(
            select(emails.c.id, emails.c.subject)
            .where(emails.c.message_id == "")
            .order_by(emails.c.id)
        )
        for row_id, subject in list(rows):
            h = old_body_hash(by_subject[subject])
            keep = kept.setdefault(h, row_id)
            if keep == row_id:
                conn.execute(update(emails).where(emails.c.id == row_id).values(content_hash=h))
            else:
                conn.execute(
                    update(locations).where(locations.c.email_id == row_id).values(email_id=keep)
                )
                conn.execute(delete(emails).where(emails.c.id == row_id))


def test_rows_from_before_are_found_again_and_a_wrong_merge_comes_apart(
    mailbox: Mailbox, store: Store
) -> None:
    urgent = "Please help, it is urgent.\n"
    first, second = FOLDERS
    mailbox.put(first, mail(0, urgent, "Alice", "Laptop broken"))
    mailbox.put(first, mail(1, urgent, "Bob", "Payroll system down"))
    for n in range(2, 6):
        mailbox.put(FOLDERS[n % 2], mail(n, f"Problem number {n}.\n"))
    mailbox.put(first, mail(6, urgent, message_id="<six@customer.example>"))
    mailbox.put(second, mail(0, urgent, "Alice", "Laptop broken"))  # a copy
    assert mailbox.poll(store).stored == 7
    everything = [d for f in FOLDERS for d in mailbox.delivered[f]]
    as_written_before(store, everything)
    assert store.counts()["total"] == 6  # Bob's email hidden in Alice's row, as reported
    # both folders renumbered (IMAP: recreated; Maildir: UID map lost): everything is rescanned
    for folder in FOLDERS:
        mailbox.renumber(folder)
    stats = mailbox.poll(store)
    assert stats.uidvalidity_reset
    # nothing is stored twice; only Bob's email, hidden before, gets its own row at last
    assert (stats.fetched, stats.stored, stats.already_known) == (8, 1, 7)
    assert store.counts()["total"] == 7
    current = {f: store.folder_sync("default", f).uidvalidity for f in FOLDERS}  # type: ignore[union-attr]
    subjects = {row.id: row.subject for row in store.emails()}
    got = sorted(
        (f, subjects[loc.email_id])
        for f in FOLDERS
        for loc in store.locations("default", f)
        if loc.uidvalidity == current[f]
    )
    assert got == sorted(
        [(first, "Laptop broken"), (first, "Payroll system down"), (first, "Case 6")]
        + [(FOLDERS[n % 2], f"Case {n}") for n in range(2, 6)]
        + [(second, "Laptop broken")]
    )
    # and a third pass finds every message by its new key
    for folder in FOLDERS:
        mailbox.renumber(folder)
    again = mailbox.poll(store)
    assert (again.stored, again.already_known) == (0, 8)
