"""Store: schema setup, intake writes and sync state."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime

from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel, col, select

from triage.domain import BatchResult, FolderSync, Intake
from triage.store.engine import make_engine, session_scope
from triage.store.tables import EmailRow, LocationRow, SyncStateRow
from triage.store.triage_ops import TriageOps


def _email_row(item: Intake, account: str, now: datetime) -> EmailRow:
    e = item.email
    row = EmailRow(
        account=account,
        message_id=item.message_id or "",
        content_hash=item.content_hash,
        status="quarantined" if item.quarantined else "parsed",
        error=item.error,
        raw_headers=item.raw_headers,
        size=item.size,
        received_at=now,
    )
    if e is not None:
        row.subject = e.subject
        row.from_name = e.from_name
        row.from_address = e.from_address
        row.date = e.date
        row.in_reply_to = e.in_reply_to
        row.thread_refs = json.dumps(list(e.references))
        row.newest_text = e.newest_text
        row.quoted_text = e.quoted_text
        row.signature = e.signature
        row.attachments = json.dumps([asdict(a) for a in e.attachments])
        row.kind = e.kind.value
        row.kind_reason = e.kind_reason
        row.html_only = e.html_only
        row.defects = json.dumps(list(e.defects))
    if item.quarantined:
        row.stage = "quarantined"
    return row


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


class Store(TriageOps):
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str, *, busy_timeout: float = 10.0, create: bool = True) -> Store:
        store = cls(make_engine(url, busy_timeout=busy_timeout))
        if create:
            store.create_schema()
        return store

    def create_schema(self) -> None:
        SQLModel.metadata.create_all(self.engine)

    def close(self) -> None:
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
        and the unique keys turn the replay into 'already known'.
        """
        stored = quarantined = known = 0
        with session_scope(self.engine) as s:
            for item in items:
                k = item.key
                if s.exec(
                    select(LocationRow.id).where(
                        LocationRow.account == k.account,
                        LocationRow.folder == k.folder,
                        LocationRow.uidvalidity == k.uidvalidity,
                        LocationRow.uid == k.uid,
                    )
                ).first():
                    known += 1
                    continue
                email_id = s.exec(
                    select(EmailRow.id).where(
                        EmailRow.account == account,
                        EmailRow.message_id == (item.message_id or ""),
                        EmailRow.content_hash == item.content_hash,
                    )
                ).first()
                if email_id is None:
                    row = _email_row(item, account, now)
                    s.add(row)
                    s.flush()
                    email_id = row.id
                    if item.quarantined:
                        quarantined += 1
                    else:
                        stored += 1
                else:
                    known += 1
                assert email_id is not None
                s.add(
                    LocationRow(
                        email_id=email_id,
                        account=k.account,
                        folder=k.folder,
                        uidvalidity=k.uidvalidity,
                        uid=k.uid,
                        seen_at=now,
                    )
                )
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
