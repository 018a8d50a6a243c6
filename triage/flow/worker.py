"""The long-running worker loop (rq/dramatiq style).

check stop flag -> sync every folder in batches -> run the later stages -> wait for news
(IMAP IDLE, re-issued at least every ``idle_renew_seconds``; NOOP polling without IDLE) ->
heartbeat. Connection trouble is retried with capped, jittered backoff; bad credentials or
settings are fatal at once (a retry loop would only lock the account).

Signals: the first SIGTERM/SIGINT lets the current batch commit and then exits 0; a second one
exits at once. Both are safe: every batch commits atomically with its high-water mark.
"""

from __future__ import annotations

import logging
import os
import signal
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from types import FrameType

from triage.backoff import backoff_delay
from triage.errors import TransientError, TriageError
from triage.flow.sync import PassStats, sync_folder
from triage.mailbox import MailSource
from triage.metrics import Metrics
from triage.store import Store

log = logging.getLogger(__name__)


class StopFlag:
    """First signal: finish the batch, then stop. Second signal: leave now."""

    def __init__(self) -> None:
        self.requested = False

    def __call__(self) -> bool:
        return self.requested

    def request(self) -> None:
        self.requested = True

    def install(self) -> None:
        signal.signal(signal.SIGTERM, self._handle)
        signal.signal(signal.SIGINT, self._handle)

    def _handle(self, signum: int, _frame: FrameType | None) -> None:
        if self.requested:
            # Second signal: no cleanup on purpose. An open transaction is rolled back by the
            # database, and the next start re-fetches that batch.
            os._exit(128 + signum)
        self.requested = True
        log.warning(
            "%s received: finishing the current batch, then exiting (send again to exit now)",
            signal.Signals(signum).name,
        )


@dataclass
class Worker:
    store: Store
    source_factory: Callable[[], MailSource]
    folders: Sequence[str]
    batch_size: int
    max_bytes: int | None
    clock: Callable[[], datetime]
    stop: StopFlag = field(default_factory=StopFlag)
    # later pipeline stages (triage, mailbox actions), run after each sync with the live source
    stages: Sequence[Callable[[MailSource], object]] = ()
    wait_seconds: float = 60.0
    heartbeat_seconds: float = 60.0
    backoff_initial: float = 1.0
    backoff_max: float = 300.0
    rand: Callable[[], float] = field(default=lambda: 0.5)
    sleep: Callable[[float], None] = time.sleep
    metrics: Metrics | None = None
    # called after every pass (e.g. to rewrite the metrics textfile)
    after_pass: Callable[[], None] | None = None

    def sync_all(self, source: MailSource) -> PassStats:
        total = PassStats()
        for folder in self.folders:
            if self.stop():
                break
            if not self.store.try_folder_lock(source.account, folder):
                # another worker polls this folder; we still share the triage work below
                continue
            stats = sync_folder(
                source,
                self.store,
                folder,
                batch_size=self.batch_size,
                max_bytes=self.max_bytes,
                clock=self.clock,
                should_stop=self.stop,
            )
            total = total + stats
            if self.metrics is not None:
                self.metrics.ingested(stats.stored)
                self.metrics.quarantined(stats.quarantined)
                self.metrics.synced(source.account, folder, self.clock())
        for stage in self.stages:
            if self.stop():
                break
            stage(source)
        if self.after_pass is not None:
            self.after_pass()
        return total

    def poll_once(self) -> PassStats:
        source = self.source_factory()
        source.connect()
        try:
            return self.sync_all(source)
        finally:
            source.close()

    def _pause(self, seconds: float) -> None:
        """Sleep in short steps so a stop request is honoured within a second."""
        left = seconds
        while not self.stop() and left > 0:
            step = min(1.0, left)
            self.sleep(step)
            left -= step

    def run(self) -> None:
        source: MailSource | None = None
        attempt = 0
        last_beat = time.monotonic()
        passes = 0
        totals = PassStats()
        while not self.stop():
            try:
                if source is None:
                    source = self.source_factory()
                    source.connect()
                    if attempt:
                        log.info("reconnected after %d failed attempt(s)", attempt)
                        if self.metrics is not None:
                            self.metrics.reconnected()
                totals = totals + self.sync_all(source)
                passes += 1
                attempt = 0
                if time.monotonic() - last_beat >= self.heartbeat_seconds:
                    last_beat = time.monotonic()
                    log.info(
                        "heartbeat: alive, %d passes, fetched %d, stored %d, quarantined %d",
                        passes,
                        totals.fetched,
                        totals.stored,
                        totals.quarantined,
                    )
                if self.stop():
                    break
                source.wait(self.folders[0], self.wait_seconds, self.stop)
            except TriageError as exc:
                if self.metrics is not None:
                    self.metrics.error(exc)
                if not isinstance(exc, TransientError):
                    # bad credentials, settings, schema or model: report at once, never retry
                    # silently (the CLI logs it and exits with its code)
                    if source is not None:
                        source.close()
                    raise
                if source is not None:
                    source.close()
                    source = None
                delay = backoff_delay(
                    attempt, initial=self.backoff_initial, cap=self.backoff_max, rand=self.rand
                )
                attempt += 1
                log.warning("%s; retry %d in %.1f s", exc, attempt, delay)
                self._pause(delay)
        if source is not None:
            source.close()
        log.info("worker stopped cleanly after %d passes", passes)
