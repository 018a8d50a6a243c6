"""Folder sync against the fake source: the 'nothing lost, nothing doubled' logic in isolation.

The same properties are proven against a real Dovecot in tests/test_faults_live.py.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from triage.errors import MailboxUnavailable
from triage.flow.sync import sync_folder
from triage.store import Store
from triage.testing import FakeFolder, FakeMailSource

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def msg(n: int, body: str = "Hello, my printer is jammed.") -> bytes:
    return (
        f"From: Ann Lee <ann{n}@x.example>\r\nTo: support@helpdesk.example\r\n"
        f"Subject: issue {n}\r\nMessage-ID: <m{n}@x.example>\r\n"
        f"Date: Mon, 23 Nov 2026 09:00:00 +0000\r\n\r\n{body} #{n}\r\n"
    ).encode()


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(f"sqlite:///{tmp_path / 't.db'}")


def run(src: FakeMailSource, store: Store, **kw: object) -> dict[str, int]:
    stats = sync_folder(src, store, "INBOX", batch_size=3, max_bytes=None, clock=lambda: NOW, **kw)  # type: ignore[arg-type]
    return stats.as_dict()


def test_new_mail_is_stored_once_across_passes(store: Store) -> None:
    src = FakeMailSource()
    for n in range(7):
        src.folders["INBOX"].add(msg(n))
    assert run(src, store) == {"fetched": 7, "stored": 7, "quarantined": 0, "already_known": 0}
    assert run(src, store)["fetched"] == 0
    src.folders["INBOX"].add(msg(7))
    assert run(src, store)["stored"] == 1
    assert store.counts()["total"] == 8


def test_connection_drop_mid_fetch_loses_and_doubles_nothing(store: Store) -> None:
    src = FakeMailSource()
    for n in range(8):
        src.folders["INBOX"].add(msg(n))
    src.fail_after = 2  # the second batch dies after 2 of its 3 messages
    calls = 0
    original = src.fetch

    def fetch(folder, uids):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        if calls == 2:
            yield from original(folder, uids)
        else:
            saved, src.fail_after = src.fail_after, None
            yield from original(folder, uids)
            src.fail_after = saved

    src.fetch = fetch  # type: ignore[method-assign]
    with pytest.raises(MailboxUnavailable):
        run(src, store)
    assert store.counts()["total"] == 3  # the first batch committed, the broken one did not
    sync = store.folder_sync("default", "INBOX")
    assert sync is not None
    assert sync.last_uid == 3
    run(src, store)
    assert store.counts() == {"total": 8, "quarantined": 0, "locations": 8}


def test_uidvalidity_change_rescans_without_duplicates(store: Store) -> None:
    src = FakeMailSource()
    for n in range(5):
        src.folders["INBOX"].add(msg(n))
    run(src, store)
    # folder deleted and recreated: same messages, new UIDVALIDITY, UIDs restart
    recreated = FakeFolder(uidvalidity=99)
    for n in range(5):
        recreated.add(msg(n))
    recreated.add(msg(5))
    src.folders["INBOX"] = recreated
    stats = run(src, store)
    assert stats == {"fetched": 6, "stored": 1, "quarantined": 0, "already_known": 5}
    assert store.counts()["total"] == 6
    sync = store.folder_sync("default", "INBOX")
    assert sync is not None
    assert (sync.uidvalidity, sync.last_uid, sync.uidvalidity_changes) == (99, 6, 1)


def test_a_broken_message_is_quarantined_and_the_rest_go_on(store: Store) -> None:
    src = FakeMailSource()
    src.folders["INBOX"].add(msg(0))
    src.folders["INBOX"].add(b"")  # not a message at all
    src.folders["INBOX"].add(msg(2))
    stats = run(src, store)
    assert stats["stored"] == 2
    assert stats["quarantined"] == 1
    bad = [r for r in store.emails() if r.status == "quarantined"]
    assert len(bad) == 1
    assert bad[0].error


def test_oversized_message_is_kept_with_headers_only(store: Store) -> None:
    src = FakeMailSource(max_message_bytes=2000)
    src.folders["INBOX"].add(msg(0, body="x" * 5000))
    stats = run(src, store)
    assert stats["quarantined"] == 1
    row = store.emails()[0]
    assert row.subject == "issue 0"
    assert "over the" in (row.error or "")
    assert "Message-ID: <m0@x.example>" in (row.raw_headers or "")
    assert row.newest_text == ""


def test_stop_request_finishes_the_batch_and_resumes_next_time(store: Store) -> None:
    src = FakeMailSource()
    for n in range(7):
        src.folders["INBOX"].add(msg(n))
    stats = run(src, store, should_stop=lambda: True)
    assert stats["stored"] == 3  # one batch, committed, then stop
    assert run(src, store)["stored"] == 4
    assert store.counts()["total"] == 7
