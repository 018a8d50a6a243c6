"""Store operations of the triage stage: pick up new emails, history, save decisions, actions."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np
from sqlalchemy import func, or_
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from triage.domain import Attachment, Email, History, MailKind, Scores
from triage.route import RouteDecision
from triage.store.engine import session_scope
from triage.store.tables import EmailRow, LocationRow, MailboxActionRow


@dataclass(frozen=True, slots=True)
class StoredEmail:
    id: int
    account: str
    received_at: datetime
    email: Email


@dataclass(frozen=True, slots=True)
class TriageResult:
    email_id: int
    scores: Scores
    decision: RouteDecision
    suggestion_json: str | None
    actions: tuple[tuple[str, str], ...] = ()  # (action, target) to apply to the mailbox


@dataclass(frozen=True, slots=True)
class ActionTodo:
    id: int
    email_id: int
    action: str
    target: str
    message_id: str
    locations: tuple[tuple[str, int, int], ...]  # (folder, uidvalidity, uid), newest first


def email_of(row: EmailRow) -> Email:
    return Email(
        message_id=row.message_id or None,
        subject=row.subject,
        from_name=row.from_name,
        from_address=row.from_address,
        date=row.date,
        newest_text=row.newest_text,
        quoted_text=row.quoted_text,
        signature=row.signature,
        in_reply_to=row.in_reply_to,
        references=tuple(json.loads(row.thread_refs or "[]")),
        attachments=tuple(Attachment(**a) for a in json.loads(row.attachments or "[]")),
        kind=MailKind(row.kind),
        kind_reason=row.kind_reason,
        html_only=row.html_only,
        defects=tuple(json.loads(row.defects or "[]")),
        content_hash=row.content_hash,
    )


def stored_of(row: EmailRow) -> StoredEmail:
    assert row.id is not None
    return StoredEmail(row.id, row.account, row.received_at, email_of(row))


class TriageOps:
    engine: Engine

    def pending(self, limit: int = 64) -> list[StoredEmail]:
        """Parsed emails not triaged yet, oldest first (read-only; see ``triage_batch``)."""
        with session_scope(self.engine) as s:
            rows = s.exec(
                select(EmailRow)
                .where(EmailRow.stage == "new", EmailRow.status == "parsed")
                .order_by(col(EmailRow.id))
                .limit(limit)
            )
            return [stored_of(r) for r in rows]

    def triage_batch(
        self,
        limit: int,
        decide: Callable[[list[StoredEmail]], list[TriageResult]],
        now: Callable[[], datetime],
    ) -> int:
        """Claim up to ``limit`` new emails, decide, and commit the decisions, in ONE transaction.

        On PostgreSQL the claim is ``SELECT … FOR UPDATE SKIP LOCKED``: several workers take
        disjoint batches, and a worker that dies mid-batch releases its rows for the others.
        (SQLite has one writer at a time; the clause is simply left out there.)
        """
        with session_scope(self.engine) as s:
            rows = list(
                s.exec(
                    select(EmailRow)
                    .where(EmailRow.stage == "new", EmailRow.status == "parsed")
                    .order_by(col(EmailRow.id))
                    .limit(limit)
                    .with_for_update(skip_locked=True)
                )
            )
            if not rows:
                return 0
            results = decide([stored_of(r) for r in rows])
            self._write(s, results, now())
            return len(rows)

    def history(self, item: StoredEmail, window_days: int) -> History:
        """Earlier emails from the same sender, and in the same thread, within the window."""
        since = item.received_at - timedelta(days=window_days)
        e = item.email
        refs = [r for r in (e.in_reply_to, *e.references) if r]
        with session_scope(self.engine) as s:
            base = (
                select(func.count())
                .select_from(EmailRow)
                .where(
                    EmailRow.account == item.account,
                    EmailRow.id != item.id,
                    col(EmailRow.id) < item.id,
                    EmailRow.received_at >= since,
                )
            )
            sender = 0
            if e.from_address:
                sender = s.exec(
                    base.where(func.lower(EmailRow.from_address) == e.from_address.lower())
                ).one()
            thread = 0
            if refs:
                thread = s.exec(
                    base.where(
                        or_(col(EmailRow.message_id).in_(refs), col(EmailRow.in_reply_to).in_(refs))
                    )
                ).one()
        return History(same_sender=int(sender), same_thread=int(thread), window_days=window_days)

    def save_triage(self, results: list[TriageResult], now: datetime) -> None:
        """Decisions and the mailbox actions they imply commit together (actions run later)."""
        with session_scope(self.engine) as s:
            self._write(s, results, now)

    @staticmethod
    def _write(s: Session, results: list[TriageResult], now: datetime) -> None:
        for r in results:
            row = s.get(EmailRow, r.email_id)
            if row is None or row.stage != "new":
                continue  # another worker got there first: the first decision stands
            sc, d = r.scores, r.decision
            row.urgency, row.urgency_score = sc.urgency, sc.urgency_score
            row.frustration, row.frustration_score = sc.frustration, sc.frustration_score
            row.not_customer = sc.not_customer
            row.evidence = json.dumps(
                [{"label": x.label, "phrase": x.phrase, "weight": x.weight} for x in sc.evidence]
            )
            row.embedding = (
                np.asarray(sc.embedding, dtype=np.float32).tobytes() if sc.embedding else None
            )
            row.model_version = sc.model_version
            row.suggestion = r.suggestion_json
            row.queue, row.due_at = d.queue, d.due
            row.supervisor, row.repeat = d.supervisor, d.repeat
            row.route_reasons = json.dumps(list(d.reasons))
            row.triaged_at = now
            row.stage = "triaged"
            s.add(row)
            for action, target in r.actions:
                s.add(
                    MailboxActionRow(
                        email_id=r.email_id,
                        account=row.account,
                        action=action,
                        target=target,
                        created_at=now,
                    )
                )

    def apply_actions(
        self,
        account: str,
        apply: Callable[[ActionTodo], tuple[str, int | None, str | None]],
        now: Callable[[], datetime],
        limit: int = 100,
    ) -> int:
        """Carry out pending mailbox actions one at a time, each inside its own transaction.

        The action row is claimed ``FOR UPDATE SKIP LOCKED`` while the mailbox is changed and
        its outcome recorded, so two workers never apply the same action at once; a crash in
        between leaves it pending, and ``apply`` checks the mailbox before acting again.
        """
        done = 0
        while done < limit:
            with session_scope(self.engine) as s:
                a = s.exec(
                    select(MailboxActionRow)
                    .where(MailboxActionRow.account == account, MailboxActionRow.state == "pending")
                    .order_by(col(MailboxActionRow.id))
                    .limit(1)
                    .with_for_update(skip_locked=True)
                ).first()
                if a is None:
                    return done
                assert a.id is not None
                email = s.get(EmailRow, a.email_id)
                locs = s.exec(
                    select(LocationRow)
                    .where(LocationRow.email_id == a.email_id)
                    .order_by(col(LocationRow.id).desc())
                )
                todo = ActionTodo(
                    a.id,
                    a.email_id,
                    a.action,
                    a.target,
                    email.message_id if email else "",
                    tuple((x.folder, x.uidvalidity, x.uid) for x in locs),
                )
                state, dest_uid, note = apply(todo)
                a.attempts += 1
                a.state, a.dest_uid, a.last_error = state, dest_uid, note
                if state in ("done", "skipped"):
                    a.done_at = now()
                s.add(a)
            done += 1
        return done

    def queue_depths(self) -> dict[str, int]:
        """Triaged emails still waiting for an agent, per queue."""
        with session_scope(self.engine) as s:
            rows = s.exec(
                select(EmailRow.queue, func.count())
                .where(EmailRow.stage == "triaged", EmailRow.review == "pending")
                .group_by(EmailRow.queue)
            )
            depths = {"priority": 0, "normal": 0, "ignored": 0}
            depths.update({str(q): int(n) for q, n in rows if q})
            return depths
