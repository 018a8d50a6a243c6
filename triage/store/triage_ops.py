"""Store operations of the triage stage: pick up new emails, history, save decisions, actions."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import numpy as np
from sqlalchemy import func, or_
from sqlalchemy import select as sa_select
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from triage.domain import Attachment, Email, History, MailKind, RouteDecision, Scores
from triage.history import Seen, history_of, thread_refs
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
    reading_json: str | None = None


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


@dataclass(frozen=True, slots=True)
class Claim:
    """New emails this worker holds until ``until``; a dead worker's claim simply expires."""

    token: str
    until: datetime
    items: tuple[StoredEmail, ...]


class TriageOps:
    engine: Engine

    def pending(self, limit: int = 64) -> list[StoredEmail]:
        """Parsed emails not triaged yet, oldest first (read-only; see ``claim_batch``)."""
        with session_scope(self.engine) as s:
            rows = s.exec(
                select(EmailRow)
                .where(EmailRow.stage == "new", EmailRow.status == "parsed")
                .order_by(col(EmailRow.id))
                .limit(limit)
            )
            return [stored_of(r) for r in rows]

    def claim_batch(self, limit: int, now: datetime, lease: timedelta) -> Claim:
        """Claim up to ``limit`` new emails for ``lease``, in one short transaction.

        Nothing slow happens while rows are locked: the caller classifies and composes after
        this commits, then saves with :meth:`save_decisions`, which checks the claim still
        holds. On PostgreSQL the pick is ``SELECT … FOR UPDATE SKIP LOCKED``, so workers
        claiming at the same moment take disjoint batches (SQLite has one writer at a time;
        the clause is left out there). A worker killed between claim and save leaves rows
        whose claim runs out after ``lease``; then any worker takes them: nothing is lost,
        and the stage check on save means nothing is decided twice.
        """
        token = uuid.uuid4().hex
        until = now + lease
        with session_scope(self.engine) as s:
            rows = list(
                s.exec(
                    select(EmailRow)
                    .where(
                        EmailRow.stage == "new",
                        EmailRow.status == "parsed",
                        or_(col(EmailRow.claim_until).is_(None), col(EmailRow.claim_until) < now),
                    )
                    .order_by(col(EmailRow.id))
                    .limit(limit)
                    .with_for_update(skip_locked=True)
                )
            )
            for row in rows:
                row.claim_token, row.claim_until = token, until
                s.add(row)
            items = tuple(stored_of(r) for r in rows)
        return Claim(token, until, items)

    def history(self, item: StoredEmail, window_days: int) -> History:
        """Earlier emails from the same sender, and in the same thread, within the window."""
        return self.histories([item], window_days)[0]

    def histories(self, items: Sequence[StoredEmail], window_days: int) -> list[History]:
        """:meth:`history` of each item, from ONE query for the whole batch.

        Counts the account's earlier emails (lower id, received within the window before the
        item) from the same sender, and those in the same thread (Message-ID or In-Reply-To
        among the item's References/In-Reply-To), and of those the ones about the same matter
        (``history_of``).
        """
        if not items:
            return []
        senders = {i.email.from_address.lower() for i in items if i.email.from_address}
        refs = {r for i in items for r in thread_refs(i.email)}
        since = min(i.received_at for i in items) - timedelta(days=window_days)
        matches = [func.lower(EmailRow.from_address).in_(senders)] if senders else []
        if refs:
            matches += [col(EmailRow.message_id).in_(refs), col(EmailRow.in_reply_to).in_(refs)]
        if not matches:
            return [History(window_days=window_days) for _ in items]
        with session_scope(self.engine) as s:
            # sqlalchemy's select: sqlmodel's typed overloads stop at four columns
            rows = s.execute(
                sa_select(
                    col(EmailRow.id),
                    col(EmailRow.account),
                    col(EmailRow.received_at),
                    col(EmailRow.from_address),
                    col(EmailRow.message_id),
                    col(EmailRow.in_reply_to),
                    col(EmailRow.subject),
                ).where(
                    col(EmailRow.account).in_({i.account for i in items}),
                    col(EmailRow.id) < max(i.id for i in items),
                    col(EmailRow.received_at) >= since,
                    or_(*matches),
                )
            ).all()
        return [_history_of(item, rows, window_days) for item in items]

    def save_decisions(self, claim: Claim, results: Sequence[TriageResult], now: datetime) -> int:
        """Save the decisions of a claim, and the mailbox actions they imply, in one transaction.

        A row is written only while it is still ``new`` and still claimed by this claim's
        token: if the lease ran out and another worker took the row, that worker's decision
        stands. Returns how many rows were saved.
        """
        saved = 0
        with session_scope(self.engine) as s:
            for r in results:
                row = s.get(EmailRow, r.email_id)
                if row is None or row.stage != "new" or row.claim_token != claim.token:
                    continue  # lost the claim: the other worker's decision stands
                _write(s, row, r, now)
                saved += 1
        return saved

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


def _history_of(item: StoredEmail, rows: Sequence[Any], window_days: int) -> History:
    earlier = (
        Seen(r.received_at, r.from_address, r.message_id, r.in_reply_to, r.subject)
        for r in rows
        if r.account == item.account and r.id < item.id
    )
    return history_of(item.email, item.received_at, earlier, window_days)


def _write(s: Session, row: EmailRow, r: TriageResult, now: datetime) -> None:
    sc, d = r.scores, r.decision
    row.urgency, row.urgency_score = sc.urgency, sc.urgency_score
    row.frustration, row.frustration_score = sc.frustration, sc.frustration_score
    row.not_customer = sc.not_customer
    row.evidence = json.dumps(
        [{"label": x.label, "phrase": x.phrase, "weight": x.weight} for x in sc.evidence]
    )
    row.embedding = np.asarray(sc.embedding, dtype=np.float32).tobytes() if sc.embedding else None
    row.model_version = sc.model_version
    row.embedding_model = sc.embedding_model or None
    row.suggestion = r.suggestion_json
    row.reading = r.reading_json
    row.queue, row.due_at = d.queue, d.due
    row.supervisor, row.repeat = d.supervisor, d.repeat
    row.route_reasons = json.dumps(list(d.reasons))
    row.triaged_at = now
    row.stage = "triaged"
    row.claim_token, row.claim_until = None, None
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
