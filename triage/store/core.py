"""Store: schema setup, intake writes and sync state."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, func, insert, update
from sqlalchemy.engine import Engine, Row
from sqlmodel import Session, col, select

from triage.domain import BatchResult, FolderSync, Intake
from triage.store.case_ops import CaseOps
from triage.store.engine import make_engine, session_scope
from triage.store.intake_rows import email_values
from triage.store.locks import FolderLocks
from triage.store.quarantine_ops import QuarantineOps
from triage.store.review_ops import ReviewOps
from triage.store.tables import EmailRow, LocationRow, SyncStateRow
from triage.store.triage_ops import TriageOps


def _adopt_legacy(legacy: dict[str, Row[Any]], item: Intake) -> int | None:
    """The row an earlier version stored for ``item`` under its body-only hash, if any.

    Those versions merged every message without a Message-ID that had the same body, so the
    body hash alone proves nothing: the row must also have this message's sender, subject
    and date (what it was stored with). A row that passes is the same email and is re-keyed
    to the new hash by the caller; one that does not (another customer's email with the same
    body) is left alone, and ``item`` becomes a row of its own. Rows written before cannot
    be re-keyed in a migration: the store never kept the raw message to hash it again.
    """
    row = legacy.get(item.legacy_hash or "")
    e = item.email
    if row is None or e is None or row.content_hash == item.content_hash:
        return None
    same = (row.from_address, row.subject, _utc(row.date)) == (
        e.from_address,
        e.subject,
        _utc(e.date),
    )
    if not same:
        return None
    del legacy[row.content_hash]  # one row, one email: a second look-alike gets its own row
    return int(row.id)


def _utc(value: datetime | None) -> datetime | None:
    return value.astimezone(UTC) if value is not None and value.tzinfo else value


def _folder_sync(row: SyncStateRow) -> FolderSync:
    return FolderSync(
        account=row.account,
        folder=row.folder,
        uidvalidity=row.uidvalidity,
        last_uid=row.last_uid,
        uidnext=row.uidnext,
        last_sync=row.last_sync,
        uidvalidity_changes=row.uidvalidity_changes,
    )


class Store(TriageOps, ReviewOps, QuarantineOps, CaseOps, FolderLocks):
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(
        cls,
        url: str,
        *,
        busy_timeout: float = 10.0,
        create: bool = True,
        data_dir: Path | None = None,
    ) -> Store:
        """``data_dir``: the only place where a missing SQLite directory is created."""
        store = cls(make_engine(url, busy_timeout=busy_timeout, data_dir=data_dir))
        if create:
            store.create_schema()
        return store

    def create_schema(self) -> None:
        """Create an empty database at the newest schema; refuse an outdated one (never
        migrate a production database behind the operator's back: `triage db upgrade`)."""
        from triage.store import schema

        schema.ensure_schema(self.engine)

    def close(self) -> None:
        self.release_folder_locks()
        self.engine.dispose()

    # -- sync state -----------------------------------------------------------------------

    def folder_sync(self, account: str, folder: str) -> FolderSync | None:
        with session_scope(self.engine) as s:
            row = self._sync_row(s, account, folder)
            return _folder_sync(row) if row else None

    def folder_syncs(self) -> list[FolderSync]:
        with session_scope(self.engine) as s:
            rows = s.exec(select(SyncStateRow).order_by(SyncStateRow.account, SyncStateRow.folder))
            return [_folder_sync(r) for r in rows]

    def reset_folder(self, account: str, folder: str, uidvalidity: int) -> None:
        """UIDVALIDITY changed: every old UID is meaningless, rescan from the start.

        Message rows stay; the rescan maps messages back to them by (Message-ID, content hash).
        """
        with session_scope(self.engine) as s:
            row = self._sync_row(s, account, folder)
            if row is None:
                row = SyncStateRow(account=account, folder=folder, uidvalidity=uidvalidity)
            else:
                row.uidvalidity_changes += 1
            row.uidvalidity = uidvalidity
            row.last_uid = 0
            s.add(row)

    def mark_synced(
        self, account: str, folder: str, uidvalidity: int, uidnext: int | None, now: datetime
    ) -> None:
        with session_scope(self.engine) as s:
            row = self._sync_row(s, account, folder)
            if row is None:
                row = SyncStateRow(account=account, folder=folder, uidvalidity=uidvalidity)
            row.uidnext = uidnext
            row.last_sync = now
            s.add(row)

    @staticmethod
    def _sync_row(s: Session, account: str, folder: str) -> SyncStateRow | None:
        return s.exec(
            select(SyncStateRow).where(
                SyncStateRow.account == account, SyncStateRow.folder == folder
            )
        ).first()

    # -- intake ---------------------------------------------------------------------------

    def record_batch(
        self,
        account: str,
        folder: str,
        uidvalidity: int,
        items: list[Intake],
        last_uid: int,
        now: datetime,
    ) -> BatchResult:
        """Store a fetched batch and advance the folder's high-water mark in ONE transaction.

        Either all of it commits or none of it does, so a crash at any point replays the batch
        and the unique keys turn the replay into 'already known'. Lookups are done per batch
        (two queries, plus one update when rows stored by earlier versions are re-keyed), not
        per message.
        """
        stored = quarantined = known = 0
        emails, locations = EmailRow.__table__, LocationRow.__table__  # type: ignore[attr-defined]
        with session_scope(self.engine) as s:
            seen = {
                (r.folder, r.uidvalidity, r.uid)
                for r in s.execute(
                    select(LocationRow.folder, LocationRow.uidvalidity, LocationRow.uid).where(
                        LocationRow.account == account,
                        LocationRow.folder == folder,
                        col(LocationRow.uid).in_([i.key.uid for i in items]),
                    )
                )
            }
            mids = sorted({i.message_id or "" for i in items})
            hashes = sorted({h for i in items for h in (i.content_hash, i.legacy_hash) if h})
            existing: dict[tuple[str, str], int] = {}
            legacy: dict[str, Row[Any]] = {}  # content hash -> row without a Message-ID
            # Served by uq_email's index; filtering on the hashes too keeps a batch from reading
            # every row without a Message-ID. ``legacy`` keeps those rows for _adopt_legacy.
            c = emails.c
            for r in s.execute(
                emails.select()
                .with_only_columns(
                    c.id, c.message_id, c.content_hash, c.subject, c.from_address, c.date
                )
                .where(c.account == account, c.message_id.in_(mids), c.content_hash.in_(hashes))
            ):
                existing[(r.message_id, r.content_hash)] = r.id
                if not r.message_id:
                    legacy[r.content_hash] = r
            new_emails: list[dict[str, Any]] = []
            pending: dict[tuple[str, str], int] = {}  # identity -> index into new_emails
            new_locations: list[tuple[dict[str, Any], int | None, int | None]] = []
            rekeyed: list[dict[str, Any]] = []
            for item in items:
                k = item.key
                if (k.folder, k.uidvalidity, k.uid) in seen:
                    known += 1
                    continue
                seen.add((k.folder, k.uidvalidity, k.uid))
                identity = (item.message_id or "", item.content_hash)
                email_id = existing.get(identity)
                index = pending.get(identity)
                if email_id is None and index is None and item.legacy_hash:
                    email_id = _adopt_legacy(legacy, item)
                    if email_id is not None:
                        existing[identity] = email_id
                        rekeyed.append({"row": email_id, "new_hash": item.content_hash})
                if email_id is None and index is None:
                    index = pending[identity] = len(new_emails)
                    new_emails.append(email_values(item, account, now))
                    if item.quarantined:
                        quarantined += 1
                    else:
                        stored += 1
                else:
                    known += 1
                loc = {
                    "account": k.account,
                    "folder": k.folder,
                    "uidvalidity": k.uidvalidity,
                    "uid": k.uid,
                    "seen_at": now,
                }
                new_locations.append((loc, email_id, index))
            ids: list[int] = []
            if new_emails:
                # one executemany with RETURNING in parameter order (SQLite >= 3.35, PostgreSQL)
                result = s.execute(
                    insert(emails).returning(emails.c.id, sort_by_parameter_order=True),
                    new_emails,
                )
                ids = [int(r[0]) for r in result]
            if rekeyed:
                s.execute(
                    update(emails)
                    .where(emails.c.id == bindparam("row"))
                    .values(content_hash=bindparam("new_hash")),
                    rekeyed,
                )
            if new_locations:
                rows = []
                for loc, email_id, index in new_locations:
                    loc["email_id"] = email_id if email_id is not None else ids[index or 0]
                    rows.append(loc)
                s.execute(insert(locations), rows)
            row_state = self._sync_row(s, account, folder)
            if row_state is None:
                row_state = SyncStateRow(account=account, folder=folder, uidvalidity=uidvalidity)
            if row_state.uidvalidity == uidvalidity:
                row_state.last_uid = max(row_state.last_uid, last_uid)
            row_state.last_sync = now
            s.add(row_state)
        return BatchResult(stored=stored, quarantined=quarantined, already_known=known)

    # -- reading --------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        with session_scope(self.engine) as s:
            total = s.exec(select(func.count()).select_from(EmailRow)).one()
            q = s.exec(
                select(func.count()).select_from(EmailRow).where(EmailRow.status == "quarantined")
            ).one()
            locs = s.exec(select(func.count()).select_from(LocationRow)).one()
            return {"total": int(total), "quarantined": int(q), "locations": int(locs)}

    def emails(self, limit: int | None = None) -> list[EmailRow]:
        with session_scope(self.engine) as s:
            q = select(EmailRow).order_by(col(EmailRow.id))
            if limit is not None:
                q = q.limit(limit)
            return list(s.exec(q))

    def locations(self, account: str, folder: str) -> list[LocationRow]:
        with session_scope(self.engine) as s:
            q = (
                select(LocationRow)
                .where(LocationRow.account == account, LocationRow.folder == folder)
                .order_by(col(LocationRow.uidvalidity), col(LocationRow.uid))
            )
            return list(s.exec(q))
