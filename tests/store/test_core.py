from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from triage.domain import Email, Intake, MailKey
from triage.errors import StoreBusy
from triage.store import Store

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def item(
    uid: int,
    *,
    uidvalidity: int = 1,
    mid: str | None = None,
    body: str = "b",
    error: str | None = None,
    folder: str = "INBOX",
) -> Intake:
    mid = mid if mid is not None else f"<m{uid}@example>"
    email = Email(
        message_id=mid,
        subject=f"s{uid}",
        from_name="Ann",
        from_address="ann@x.example",
        date=NOW,
        newest_text="hello",
    )
    return Intake(
        key=MailKey("default", folder, uidvalidity, uid),
        size=100,
        content_hash=f"hash-{body}-{uid if mid else ''}",
        message_id=mid,
        email=email,
        error=error,
        raw_headers="Subject: x" if error else None,
    )


def test_batch_commits_rows_and_high_water_mark(store: Store) -> None:
    r = store.record_batch("default", "INBOX", 1, [item(1), item(2)], last_uid=2, now=NOW)
    assert (r.stored, r.quarantined, r.already_known) == (2, 0, 0)
    sync = store.folder_sync("default", "INBOX")
    assert sync is not None
    assert sync.last_uid == 2
    assert sync.uidvalidity == 1
    assert store.counts()["total"] == 2


def test_replayed_batch_is_a_no_op(store: Store) -> None:
    store.record_batch("default", "INBOX", 1, [item(1), item(2)], last_uid=2, now=NOW)
    r = store.record_batch("default", "INBOX", 1, [item(1), item(2)], last_uid=2, now=NOW)
    assert (r.stored, r.already_known) == (0, 2)
    assert store.counts() == {"total": 2, "quarantined": 0, "locations": 2}


def test_high_water_mark_never_goes_back(store: Store) -> None:
    store.record_batch("default", "INBOX", 1, [item(5)], last_uid=5, now=NOW)
    store.record_batch("default", "INBOX", 1, [item(3)], last_uid=3, now=NOW)
    sync = store.folder_sync("default", "INBOX")
    assert sync is not None
    assert sync.last_uid == 5


def test_uidvalidity_reset_maps_messages_back_by_message_id(store: Store) -> None:
    store.record_batch("default", "INBOX", 1, [item(1), item(2)], last_uid=2, now=NOW)
    store.reset_folder("default", "INBOX", 7)
    sync = store.folder_sync("default", "INBOX")
    assert sync is not None
    assert (sync.uidvalidity, sync.last_uid, sync.uidvalidity_changes) == (
        7,
        0,
        1,
    )
    # the same messages come back with new UIDs under the new UIDVALIDITY
    moved = [
        Intake(
            key=MailKey("default", "INBOX", 7, 10 + n),
            size=x.size,
            content_hash=x.content_hash,
            message_id=x.message_id,
            email=x.email,
        )
        for n, x in enumerate([item(1), item(2)])
    ]
    r = store.record_batch("default", "INBOX", 7, moved, last_uid=11, now=NOW)
    assert (r.stored, r.already_known) == (0, 2)
    assert store.counts() == {"total": 2, "quarantined": 0, "locations": 4}


def test_reused_message_id_with_other_content_is_a_second_email(store: Store) -> None:
    a = item(1, mid="<same@x>", body="one")
    b = item(2, mid="<same@x>", body="two")
    r = store.record_batch("default", "INBOX", 1, [a, b], last_uid=2, now=NOW)
    assert r.stored == 2


def test_same_message_in_a_second_folder_is_stored_once(store: Store) -> None:
    store.record_batch("default", "INBOX", 1, [item(1)], last_uid=1, now=NOW)
    r = store.record_batch(
        "default", "Archive", 9, [item(1, uidvalidity=9, folder="Archive")], last_uid=1, now=NOW
    )
    assert (r.stored, r.already_known) == (0, 1)
    assert store.counts()["total"] == 1


def test_quarantined_messages_are_counted_and_kept(store: Store) -> None:
    r = store.record_batch(
        "default", "INBOX", 1, [item(1, error="over the size cap")], last_uid=1, now=NOW
    )
    assert r.quarantined == 1
    row = store.emails()[0]
    assert row.status == "quarantined"
    assert row.error == "over the size cap"
    assert row.raw_headers == "Subject: x"
    assert store.counts()["quarantined"] == 1


def test_a_failing_batch_commits_nothing(store: Store) -> None:
    bad = item(2)
    broken = Intake(
        key=MailKey(None, "INBOX", 1, 2),
        size=1,  # type: ignore[arg-type]
        content_hash="h",
        message_id=None,
        email=bad.email,
    )
    with pytest.raises(Exception):  # noqa: B017, PT011 - any DB integrity error will do
        store.record_batch("default", "INBOX", 1, [item(1), broken], last_uid=2, now=NOW)
    assert store.counts()["total"] == 0
    assert store.folder_sync("default", "INBOX") is None


def test_locked_sqlite_raises_store_busy_then_recovers(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    store = Store.open(f"sqlite:///{path}", busy_timeout=0.2)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    try:
        with pytest.raises(StoreBusy, match="locked"):
            store.record_batch("default", "INBOX", 1, [item(1)], last_uid=1, now=NOW)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    r = store.record_batch("default", "INBOX", 1, [item(1)], last_uid=1, now=NOW)
    assert r.stored == 1
    store.close()


def test_imap_numbers_beyond_32_bit_signed_fit(store: Store) -> None:
    # UIDVALIDITY and UIDs are unsigned 32-bit: PostgreSQL INTEGER would overflow
    big = 4_000_000_000
    it = item(big - 1, uidvalidity=big)
    store.record_batch("default", "INBOX", big, [it], last_uid=big - 1, now=NOW)
    sync = store.folder_sync("default", "INBOX")
    assert sync is not None
    assert (sync.uidvalidity, sync.last_uid) == (big, big - 1)


def test_received_at_is_the_mailbox_delivery_time_never_in_the_future(store: Store) -> None:
    from dataclasses import replace
    from datetime import timedelta

    early = replace(item(1), received_at=NOW - timedelta(days=2))
    future = replace(item(2), received_at=NOW + timedelta(hours=3))
    store.record_batch("default", "INBOX", 1, [early, future, item(3)], last_uid=3, now=NOW)
    got = {r.subject: r.received_at for r in store.emails()}
    assert got == {"s1": NOW - timedelta(days=2), "s2": NOW, "s3": NOW}


def no_id(uid: int, sender: str, subject: str, *, whole: str, legacy: str | None) -> Intake:
    """A message without a Message-ID, as the intake hands it over (hashes given by name)."""
    email = Email(
        message_id=None,
        subject=subject,
        from_name=sender,
        from_address=f"{sender.lower()}@x.example",
        date=NOW,
        newest_text="Please help, it is urgent.",
    )
    key = MailKey("default", "INBOX", 7 if legacy else 1, uid)
    return Intake(key, 100, whole, None, email, legacy_hash=legacy)


def test_a_row_keyed_by_the_old_body_hash_is_found_again_and_rekeyed(store: Store) -> None:
    # what an earlier version wrote for Alice's message: content_hash = hash of the body only
    old = no_id(1, "Alice", "Laptop broken", whole="body", legacy=None)
    store.record_batch("default", "INBOX", 1, [old], last_uid=1, now=NOW)
    store.reset_folder("default", "INBOX", 7)
    # the rescan: Bob's email has the same body; it must not be taken for Alice's
    bob = no_id(1, "Bob", "Payroll system down", whole="whole-bob", legacy="body")
    alice = no_id(2, "Alice", "Laptop broken", whole="whole-alice", legacy="body")
    r = store.record_batch("default", "INBOX", 7, [bob, alice], last_uid=2, now=NOW)
    assert (r.stored, r.already_known) == (1, 1)
    rows = {row.subject: row for row in store.emails()}
    assert {s: row.content_hash for s, row in rows.items()} == {
        "Laptop broken": "whole-alice",  # re-keyed: later copies find it by the new hash
        "Payroll system down": "whole-bob",
    }
    new = [loc for loc in store.locations("default", "INBOX") if loc.uidvalidity == 7]
    assert {loc.uid: loc.email_id for loc in new} == {
        1: rows["Payroll system down"].id,
        2: rows["Laptop broken"].id,
    }
    copy = replace(alice, key=MailKey("default", "Archive", 3, 1), legacy_hash="body")
    r = store.record_batch("default", "Archive", 3, [copy], last_uid=1, now=NOW)
    assert (r.stored, r.already_known) == (0, 1)
    assert store.counts()["total"] == 2


def test_an_old_row_is_adopted_by_one_look_alike_only(store: Store) -> None:
    old = no_id(1, "Alice", "Laptop broken", whole="body", legacy=None)
    store.record_batch("default", "INBOX", 1, [old], last_uid=1, now=NOW)
    store.reset_folder("default", "INBOX", 7)
    # two emails that match the old row's sender, subject and date but differ elsewhere
    # (a second delivery with other trace headers): one takes the row, the other is new
    a = no_id(1, "Alice", "Laptop broken", whole="whole-1", legacy="body")
    b = no_id(2, "Alice", "Laptop broken", whole="whole-2", legacy="body")
    r = store.record_batch("default", "INBOX", 7, [a, b], last_uid=2, now=NOW)
    assert (r.stored, r.already_known) == (1, 1)
    assert sorted(row.content_hash for row in store.emails()) == ["whole-1", "whole-2"]
