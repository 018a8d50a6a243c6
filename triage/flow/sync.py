"""One pass over one folder: new UIDs -> fetch in batches -> parse -> commit with the high-water mark.

Order matters for "nothing lost, nothing doubled" (imap-reliability.md §3.6):
1. fetch with PEEK (the source never sets \\Seen);
2. store the batch and the folder's new ``last_uid`` in ONE transaction;
3. only then may anything change the mailbox (a later stage, after its own commit).
A crash before 2 refetches the batch next time; a crash after it finds every UID known.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from triage.domain import RawMessage
from triage.mailbox import MailSource
from triage.parse.intake import to_intake
from triage.store import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PassStats:
    fetched: int = 0
    stored: int = 0
    quarantined: int = 0
    already_known: int = 0
    uidvalidity_reset: bool = False

    def __add__(self, other: PassStats) -> PassStats:
        return PassStats(
            self.fetched + other.fetched,
            self.stored + other.stored,
            self.quarantined + other.quarantined,
            self.already_known + other.already_known,
            self.uidvalidity_reset or other.uidvalidity_reset,
        )

    def as_dict(self) -> dict[str, int]:
        return {
            "fetched": self.fetched,
            "stored": self.stored,
            "quarantined": self.quarantined,
            "already_known": self.already_known,
        }


def sync_folder(
    source: MailSource,
    store: Store,
    folder: str,
    *,
    batch_size: int,
    max_bytes: int | None,
    clock: Callable[[], datetime],
    should_stop: Callable[[], bool] = lambda: False,
) -> PassStats:
    account = source.account
    state = source.select(folder)
    known = store.folder_sync(account, folder)
    reset = False
    if known is not None and known.uidvalidity != state.uidvalidity:
        # The server says every UID we stored for this folder is void (folder recreated,
        # server migrated). Rescan from UID 1: the store matches each message to its existing
        # row by Message-ID + content hash, so nothing is duplicated.
        log.warning(
            "%s/%s: UIDVALIDITY changed %s -> %s; rescanning and matching by Message-ID",
            account,
            folder,
            known.uidvalidity,
            state.uidvalidity,
        )
        store.reset_folder(account, folder, state.uidvalidity)
        known = store.folder_sync(account, folder)
        reset = True
    after = known.last_uid if known is not None else 0
    uids = source.search_new(folder, after)
    total = PassStats(uidvalidity_reset=reset)
    for start in range(0, len(uids), batch_size):
        chunk = uids[start : start + batch_size]
        raws: list[RawMessage] = list(source.fetch(folder, chunk))
        items, parse_ms = [], []
        for raw in raws:
            t0 = time.perf_counter()
            items.append(to_intake(raw, max_bytes=max_bytes))
            parse_ms.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        result = store.record_batch(
            account, folder, state.uidvalidity, items, last_uid=max(chunk), now=clock()
        )
        commit_ms = (time.perf_counter() - t0) * 1000
        for item, ms in zip(items, parse_ms, strict=True):
            # one line per email: its key and timings, never its content
            log.info(
                "%s %s",
                item.key,
                "quarantined" if item.quarantined else "parsed",
                extra={
                    "key": str(item.key),
                    "status": "quarantined" if item.quarantined else "parsed",
                    "parse_ms": round(ms, 2),
                    "batch_commit_ms": round(commit_ms, 1),
                    "bytes": item.size,
                },
            )
        total = total + PassStats(
            fetched=len(raws),
            stored=result.stored,
            quarantined=result.quarantined,
            already_known=result.already_known,
        )
        log.info(
            "%s/%s: batch of %d committed up to UID %d (stored %d, quarantined %d, known %d)",
            account,
            folder,
            len(raws),
            max(chunk),
            result.stored,
            result.quarantined,
            result.already_known,
        )
        # First SIGTERM: the batch above is committed; stop before starting another.
        if should_stop():
            break
    store.mark_synced(account, folder, state.uidvalidity, state.uidnext, clock())
    return total
