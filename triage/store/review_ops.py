"""Store operations of the agents' review: the queue, one item, actions with an audit trail."""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np
from sqlalchemy import case, func
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from triage.domain import Scores
from triage.errors import NotFound
from triage.reading.serial import needs_speaker, reading_from_dict
from triage.store.engine import session_scope
from triage.store.tables import AuditRow, EmailRow, FeedbackRow

_QUEUE_RANK = case({"priority": 0, "normal": 1, "ignored": 2}, value=EmailRow.queue, else_=3)


@dataclass(frozen=True, slots=True)
class QueueItem:
    id: int
    message_id: str
    from_name: str | None
    from_address: str | None
    subject: str
    received_at: datetime
    queue: str
    due: datetime | None
    urgency: int
    urgency_score: float
    frustration: int
    frustration_score: float
    repeat: bool
    supervisor: bool
    review: str
    reading: str | None = None  # the stored reading (JSON)

    def flags(self, now: datetime) -> list[str]:
        out = []
        if self.repeat:
            out.append("repeat")
        if self.supervisor:
            out.append("supervisor")
        if self.due is not None and self.due < now and self.review in ("pending", "approved"):
            out.append("overdue")
        if self.reading:
            language = needs_speaker(reading_from_dict(json.loads(self.reading)))
            if language:
                out.append(f"needs a {language} speaker")
        return out


def _item(r: EmailRow) -> QueueItem:
    assert r.id is not None
    return QueueItem(
        r.id,
        r.message_id,
        r.from_name,
        r.from_address,
        r.subject,
        r.received_at,
        r.queue or "",
        r.due_at,
        r.urgency or 0,
        r.urgency_score or 0.0,
        r.frustration or 0,
        r.frustration_score or 0.0,
        r.repeat,
        r.supervisor,
        r.review,
        r.reading,
    )


class ReviewOps:
    engine: Engine

    def queue(
        self, *, priority_only: bool = True, open_only: bool = True, limit: int | None = None
    ) -> list[QueueItem]:
        """Angriest first (frustration score), then most urgent, then oldest."""
        with session_scope(self.engine) as s:
            q = select(EmailRow).where(EmailRow.stage == "triaged")
            if priority_only:
                q = q.where(EmailRow.queue == "priority")
            if open_only:
                q = q.where(col(EmailRow.review).in_(["pending", "approved"]))
            q = q.order_by(
                _QUEUE_RANK,
                col(EmailRow.frustration_score).desc(),
                col(EmailRow.urgency_score).desc(),
                col(EmailRow.received_at),
                col(EmailRow.id),
            )
            if limit is not None:
                q = q.limit(limit)
            return [_item(r) for r in s.exec(q)]

    def row(self, email_id: int) -> EmailRow:
        with session_scope(self.engine) as s:
            r = s.get(EmailRow, email_id)
            if r is None:
                raise NotFound(f"no email with id {email_id} (see `triage queue --all`)")
            return r

    def _act(
        self,
        s: Session,
        email_id: int,
        action: str,
        agent: str,
        now: datetime,
        detail: dict[str, Any],
    ) -> EmailRow:
        r = s.get(EmailRow, email_id)
        if r is None:
            raise NotFound(f"no email with id {email_id} (see `triage queue --all`)")
        if r.first_reviewed_at is None and action != "mailbox":
            r.first_reviewed_at = now
        s.add(
            AuditRow(
                email_id=email_id, action=action, agent=agent, at=now, detail=json.dumps(detail)
            )
        )
        return r

    def set_review(
        self,
        email_id: int,
        state: str,
        action: str,
        agent: str,
        now: datetime,
        detail: dict[str, Any] | None = None,
    ) -> None:
        with session_scope(self.engine) as s:
            r = self._act(s, email_id, action, agent, now, detail or {})
            r.review = state
            s.add(r)

    def set_suggestion(
        self, email_id: int, suggestion_json: str, embedding: Scores | None = None
    ) -> None:
        """The email's suggested reply; with ``embedding``, the Scores it was composed from,
        whose embedding (and its space) replace the stored one: a case learned from this email
        later is then found in the space new emails are in."""
        with session_scope(self.engine) as s:
            r = s.get(EmailRow, email_id)
            if r is None:
                raise NotFound(f"no email with id {email_id}")
            r.suggestion = suggestion_json
            if embedding is not None and embedding.embedding:
                r.embedding = np.asarray(embedding.embedding, dtype=np.float32).tobytes()
                r.embedding_model = embedding.space
            s.add(r)

    def save_reply(
        self,
        email_id: int,
        text: str,
        agent: str,
        now: datetime,
        diff: str,
        detail: dict[str, Any] | None = None,
    ) -> None:
        """An edit of the reply, its diff (and ``detail``: what was inserted) in the audit."""
        with session_scope(self.engine) as s:
            r = self._act(s, email_id, "edit", agent, now, {"diff": diff, **(detail or {})})
            r.reply_text = text
            if r.review == "approved":
                r.review = "pending"  # an edit after approval needs a fresh approval
            s.add(r)

    def relabel(
        self,
        email_id: int,
        agent: str,
        now: datetime,
        *,
        urgency: int,
        frustration: int,
        not_customer: bool,
    ) -> None:
        with session_scope(self.engine) as s:
            before = s.get(EmailRow, email_id)
            detail = {
                "urgency": [before.urgency if before else None, urgency],
                "frustration": [before.frustration if before else None, frustration],
                "not_customer": not_customer,
            }
            self._act(s, email_id, "relabel", agent, now, detail)
            s.add(
                FeedbackRow(
                    email_id=email_id,
                    agent=agent,
                    at=now,
                    urgency=urgency,
                    frustration=frustration,
                    not_customer=not_customer,
                )
            )

    def audit(self, email_id: int) -> list[AuditRow]:
        with session_scope(self.engine) as s:
            return list(
                s.exec(
                    select(AuditRow).where(AuditRow.email_id == email_id).order_by(col(AuditRow.id))
                )
            )

    def feedback(self) -> list[tuple[FeedbackRow, EmailRow]]:
        """The newest correction per email, with the email (for the eval-format export)."""
        with session_scope(self.engine) as s:
            rows = list(s.exec(select(FeedbackRow).order_by(col(FeedbackRow.id))))
            latest = {f.email_id: f for f in rows}
            out = []
            for email_id, f in latest.items():
                e = s.get(EmailRow, email_id)
                if e is not None:
                    out.append((f, e))
            return out

    def stats(self, now: datetime) -> dict[str, Any]:
        with session_scope(self.engine) as s:
            by_queue = {
                str(q): int(n)
                for q, n in s.exec(
                    select(EmailRow.queue, func.count())
                    .where(EmailRow.stage == "triaged")
                    .group_by(EmailRow.queue)
                )
            }
            levels: dict[str, dict[str, int]] = {"urgency": {}, "frustration": {}}
            for name, column in (
                ("urgency", col(EmailRow.urgency)),
                ("frustration", col(EmailRow.frustration)),
            ):
                for level, n in s.exec(
                    select(column, func.count())
                    .where(EmailRow.stage == "triaged", EmailRow.queue != "ignored")
                    .group_by(column)
                ):
                    levels[name][str(level)] = int(n)
            overdue = int(
                s.exec(
                    select(func.count())
                    .select_from(EmailRow)
                    .where(
                        EmailRow.stage == "triaged",
                        col(EmailRow.due_at) < now,
                        col(EmailRow.review).in_(["pending", "approved"]),
                        EmailRow.queue != "ignored",
                    )
                ).one()
            )
            waits = [
                (first - received).total_seconds()
                for received, first in s.exec(
                    select(EmailRow.received_at, EmailRow.first_reviewed_at).where(
                        col(EmailRow.first_reviewed_at).is_not(None)
                    )
                )
                if first is not None
            ]
            quarantined = int(
                s.exec(
                    select(func.count())
                    .select_from(EmailRow)
                    .where(EmailRow.status == "quarantined")
                ).one()
            )
            review = {
                str(k): int(n)
                for k, n in s.exec(
                    select(EmailRow.review, func.count())
                    .where(EmailRow.stage == "triaged")
                    .group_by(EmailRow.review)
                )
            }
        return {
            "queues": by_queue,
            "levels": levels,
            "review": review,
            "overdue": overdue,
            "quarantined": quarantined,
            "median_seconds_to_first_review": statistics.median(waits) if waits else None,
            "reviewed": len(waits),
        }
