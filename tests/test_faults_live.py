"""Fault tests against a real Dovecot: each one ends with 'every message stored exactly once'."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from imapclient import IMAPClient

from triage.flow.sources import make_source, watched_folders
from triage.flow.worker import Worker
from triage.settings import ImapSettings, Settings
from triage.store import Store

from .livehelp import (
    TRIAGE,
    append_many,
    assert_exactly_once,
    settings_for,
    worker_env,
    write_config,
)

pytestmark = pytest.mark.live


def make_worker(settings: Settings, store: Store) -> Worker:
    return Worker(
        store=store,
        source_factory=lambda: make_source(settings),
        folders=watched_folders(settings),
        batch_size=settings.imap.batch_size,
        max_bytes=settings.imap.max_message_bytes,
        clock=lambda: datetime.now(UTC),
        wait_seconds=1.0,
        backoff_initial=0.1,
        backoff_max=0.5,
        rand=lambda: 1.0,
    )


def wait_until(cond: Callable[[], bool], timeout: float = 30.0, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


class Running:
    """The real worker loop in a background thread (signals are tested in a subprocess)."""

    def __init__(self, worker: Worker) -> None:
        self.worker = worker
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        try:
            self.worker.run()
        except BaseException as exc:  # surfaced by stop()
            self.error = exc

    def __enter__(self) -> Running:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.worker.stop.request()
        self.thread.join(30)
        assert not self.thread.is_alive(), "worker did not stop within 30 s"
        if self.error is not None:
            raise self.error


def total(store: Store) -> int:
    return store.counts()["total"]


def test_server_killed_mid_fetch_and_restarted(
    dovecot_factory: Callable[..., object],
    imap_connect: Callable[..., IMAPClient],
    imap_settings: Callable[..., ImapSettings],
    mailbox_user: object,
    tmp_path: Path,
) -> None:
    server = dovecot_factory()
    client = imap_connect(server=server)
    sent = append_many(client, "INBOX", 600)
    client.logout()
    settings = settings_for(imap_settings(server=server), tmp_path, batch_size=25)
    store = Store.open(settings.store_url)
    with Running(make_worker(settings, store)):
        wait_until(lambda: total(store) >= 50, what="the first batches")
        server.kill_hard()  # type: ignore[attr-defined]
        partial = total(store)
        time.sleep(1.0)  # the worker sees the dead connection and backs off
        server.start()  # type: ignore[attr-defined]
        wait_until(lambda: total(store) == 600, what="all 600 messages after the restart")
    assert partial < 600, "the kill came too late to test anything"
    assert_exactly_once(store, sent)


def test_worker_sigkilled_mid_batch_and_restarted(
    imap: IMAPClient, imap_settings: Callable[..., ImapSettings], tmp_path: Path
) -> None:
    sent = append_many(imap, "INBOX", 400)
    config = write_config(imap_settings(), tmp_path, batch_size=20)
    proc = subprocess.Popen(
        [TRIAGE, "worker", "--config", str(config)],
        env=worker_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    store = Store.open(f"sqlite:///{tmp_path / 'triage.db'}")
    try:
        wait_until(lambda: total(store) >= 40, what="the worker to commit some batches")
    finally:
        proc.kill()  # SIGKILL: no cleanup at all, mid-batch
        proc.wait(10)
    before = total(store)
    assert before < 400
    done = subprocess.run(
        [TRIAGE, "poll", "--once", "--json", "--config", str(config)],
        env=worker_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    assert_exactly_once(store, sent)
    # the pass after the crash stored exactly what the killed batch had not committed
    assert summary["stored"] == 400 - before


def test_first_sigterm_finishes_the_batch_and_exits_zero(
    imap: IMAPClient, imap_settings: Callable[..., ImapSettings], tmp_path: Path
) -> None:
    sent = append_many(imap, "INBOX", 200)
    config = write_config(imap_settings(), tmp_path, batch_size=10)
    proc = subprocess.Popen(
        [TRIAGE, "worker", "--config", str(config)],
        env=worker_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    store = Store.open(f"sqlite:///{tmp_path / 'triage.db'}")
    wait_until(lambda: total(store) >= 10, what="the first batch")
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "finishing the current batch" in err
    subprocess.run(
        [TRIAGE, "poll", "--once", "--config", str(config)],
        env=worker_env(),
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert_exactly_once(store, sent)


def test_uidvalidity_change_rescans_without_duplicates(
    imap: IMAPClient, imap_settings: Callable[..., ImapSettings], tmp_path: Path
) -> None:
    sent = append_many(imap, "Support", 30)
    settings = settings_for(imap_settings(), tmp_path, folder="Support")
    store = Store.open(settings.store_url)
    w = make_worker(settings, store)
    assert w.poll_once().stored == 30
    before = store.folder_sync("default", "Support")
    # the folder is deleted and recreated with the same messages: a new UIDVALIDITY
    imap.delete_folder("Support")
    append_many(imap, "Support", 30)
    stats = w.poll_once()
    after = store.folder_sync("default", "Support")
    assert before is not None
    assert after is not None
    assert after.uidvalidity != before.uidvalidity
    assert (stats.stored, stats.already_known, stats.uidvalidity_reset) == (0, 30, True)
    assert_exactly_once(store, sent)


def test_another_client_reads_and_moves_mail_while_the_worker_runs(
    imap: IMAPClient, imap_settings: Callable[..., ImapSettings], tmp_path: Path
) -> None:
    imap.create_folder("Archive")
    sent = append_many(imap, "INBOX", 150)
    settings = settings_for(
        imap_settings(), tmp_path, extra_folders=("Archive",), batch_size=10, poll_interval=0.5
    )
    store = Store.open(settings.store_url)
    with Running(make_worker(settings, store)):
        imap.select_folder("INBOX")
        uids = sorted(imap.search(["ALL"]))
        # "Thunderbird": read some, move others to Archive, while our worker is fetching
        imap.add_flags(uids[::3], [b"\\Seen"])
        imap.move(uids[1::5], "Archive")
        sent += append_many(imap, "INBOX", 20, start=150)
        wait_until(lambda: total(store) == 170, what="all 170 messages")
    assert_exactly_once(store, sent)
    # we never marked anything read: only the messages the other client read are \Seen
    imap.select_folder("INBOX", readonly=True)
    seen = set(imap.search(["SEEN"]))
    assert seen <= set(uids[::3])


def test_database_locked_for_a_while(
    imap: IMAPClient, imap_settings: Callable[..., ImapSettings], tmp_path: Path
) -> None:
    sent = append_many(imap, "INBOX", 60)
    settings = settings_for(imap_settings(), tmp_path, batch_size=10, poll_interval=0.5)
    store = Store.open(settings.store_url)
    holder = sqlite3.connect(tmp_path / "triage.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # e.g. a backup or a migration holds the write lock
    with Running(make_worker(settings, store)):
        time.sleep(2.0)
        assert total(store) == 0
        holder.execute("ROLLBACK")
        holder.close()
        wait_until(lambda: total(store) == 60, what="all messages after the lock is released")
    assert_exactly_once(store, sent)
