"""Fakes for unit tests of pure logic (the live tests use a real Dovecot instead).

``FakeMailSource`` keeps the MailSource contract (UIDs ascending per folder, vanished UIDs
skipped, never touching flags) and can be told to fail, so the sync and worker logic can be
tested for "nothing lost, nothing doubled" without a server.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from triage.domain import MailKey, RawMessage
from triage.errors import MailboxUnavailable
from triage.mailbox import FolderState
from triage.parse.intake import header_block


@dataclass
class FakeFolder:
    uidvalidity: int = 1
    messages: dict[int, bytes] = field(default_factory=dict)
    next_uid: int = 1

    def add(self, data: bytes) -> int:
        uid = self.next_uid
        self.messages[uid] = data
        self.next_uid += 1
        return uid


@dataclass
class FakeMailSource:
    account: str = "default"
    folders: dict[str, FakeFolder] = field(default_factory=lambda: {"INBOX": FakeFolder()})
    max_message_bytes: int = 1 << 20
    # fail_fetch_after(n): raise MailboxUnavailable after yielding n messages in a fetch call
    fail_after: int | None = None
    connect_failures: int = 0
    connects: int = 0
    waits: int = 0
    on_wait: Callable[[], None] | None = None

    def connect(self) -> None:
        self.connects += 1
        if self.connect_failures > 0:
            self.connect_failures -= 1
            raise MailboxUnavailable("fake: connection refused")

    def close(self) -> None:
        pass

    def select(self, folder: str) -> FolderState:
        f = self.folders[folder]
        return FolderState(folder, f.uidvalidity, f.next_uid, len(f.messages))

    def search_new(self, folder: str, after_uid: int) -> list[int]:
        return sorted(u for u in self.folders[folder].messages if u > after_uid)

    def fetch(self, folder: str, uids: Sequence[int]) -> Iterator[RawMessage]:
        f = self.folders[folder]
        for n, uid in enumerate(uids):
            if self.fail_after is not None and n >= self.fail_after:
                self.fail_after = None
                raise MailboxUnavailable("fake: connection dropped mid-fetch")
            data = f.messages.get(uid)
            if data is None:
                continue
            key = MailKey(self.account, folder, f.uidvalidity, uid)
            if len(data) > self.max_message_bytes:
                yield RawMessage(key, header_block(data), len(data), oversized=True)
            else:
                yield RawMessage(key, data, len(data))

    def wait(self, folder: str, timeout: float, should_stop: Callable[[], bool]) -> bool:
        self.waits += 1
        if self.on_wait is not None:
            self.on_wait()
        return True
