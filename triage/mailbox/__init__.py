"""Where mail comes from: the MailSource protocol and its two implementations.

``ImapMailSource`` (triage/mailbox/imap.py) is the product; ``MaildirMailSource``
(triage/mailbox/maildir.py) reads a local Maildir with the same semantics and is the embedded
default behind ``make demo``. Only triage/mailbox/imap.py imports imapclient.

Contract every source keeps (the worker relies on it to lose and duplicate nothing):
- nothing here ever changes a message's flags: no ``\\Seen``, ever (IMAP: ``BODY.PEEK[]``);
- UIDs are per (folder, uidvalidity), strictly ascending, never reused;
- ``fetch`` silently skips UIDs that vanished (another client moved or expunged them);
- connection problems raise ``MailboxUnavailable``, bad credentials ``AuthError``,
  wrong settings ``ConfigError`` (see triage/errors.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from triage.domain import RawMessage


@dataclass(frozen=True, slots=True)
class FolderState:
    folder: str
    uidvalidity: int
    uidnext: int | None
    exists: int
    highestmodseq: int | None = None


class MailSource(Protocol):
    account: str

    def connect(self) -> None:
        """Open (or re-open) the connection and log in."""

    def close(self) -> None:
        """Log out; never raises."""

    def select(self, folder: str) -> FolderState:
        """Open ``folder`` read-only for fetching and report its UIDVALIDITY and UIDNEXT."""

    def search_new(self, folder: str, after_uid: int) -> list[int]:
        """UIDs greater than ``after_uid`` in ``folder``, ascending (filtered client-side)."""

    def fetch(self, folder: str, uids: Sequence[int]) -> Iterator[RawMessage]:
        """Yield the messages, with only the header block for those over the size cap."""

    def wait(self, folder: str, timeout: float, should_stop: Callable[[], bool]) -> bool:
        """Block up to ``timeout`` s for news in ``folder`` (IMAP IDLE where offered, else sleep
        and poll); return True when something may have arrived. Returns early when
        ``should_stop()`` turns true (checked at least once a second)."""


class MailboxWriter(Protocol):
    """The few mailbox changes triage ever makes, all after the DB commit and all idempotent.

    Nothing here deletes or expunges. ``ImapMailSource`` implements it; the Maildir source does
    not (the demo keeps its decisions in the database only).
    """

    def ensure_folder(self, name: str) -> bool:
        """Create ``name`` if missing; True when it had to be created."""

    def copy_to(self, folder: str, uid: int, dest: str) -> int | None:
        """Copy one message; the destination UID from COPYUID, or None if the server gave none."""

    def find_by_message_id(self, folder: str, message_id: str) -> list[int]:
        """UIDs in ``folder`` whose Message-ID header equals ``message_id``."""

    def add_keyword(self, folder: str, uid: int, keyword: str) -> bool:
        """Set a keyword; False when the server does not store keywords (e.g. Exchange)."""

    def append(self, folder: str, msg: bytes, flags: Sequence[str] = ()) -> int | None:
        """APPEND a message (drafts); the new UID from APPENDUID when the server reports it."""

    def find_special_folder(self, flag: bytes) -> str | None:
        """The folder carrying a SPECIAL-USE attribute such as ``\\\\Drafts``."""
