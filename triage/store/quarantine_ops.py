"""Store operations on quarantined mail: list it, find where it lives, requeue it once.

A quarantined row keeps its headers and the reason, not the message: the mailbox keeps that
(triage never deletes or moves mail away), and the row keeps where it was seen. So a requeue
is "fetch it again, parse it again, and write the outcome here" (triage/flow/requeue.py).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import update
from sqlalchemy.engine import CursorResult, Engine
from sqlmodel import col, select

from triage.domain import Intake, MailKey
from triage.errors import NotFound
from triage.parse.charsets import decode_header_value
from triage.store.engine import session_scope
from triage.store.intake_rows import email_values
from triage.store.tables import AuditRow, EmailRow, LocationRow


def raw_header(headers: str | None, name: str, limit: int = 300) -> str:
    """One header from a quarantined row's stored header block, decoded as far as it goes.

    The parser failed on this message, so nothing of it was read into columns; the stored
    block still says who wrote it and about what, which is how agents recognise it.
    """
    if not headers:
        return ""
    m = re.search(rf"^{re.escape(name)}[ \t]*:(.*(?:\r?\n[ \t].*)*)", headers, re.I | re.M)
    if m is None:
        return ""
    value = " ".join(m.group(1)[: limit * 4].split())
    return decode_header_value(value)[0][:limit]  # never raises


@dataclass(frozen=True, slots=True)
class QuarantineItem:
    id: int
    message_id: str
    subject: str
    from_name: str | None
    from_address: str | None
    received_at: datetime
    size: int
    reason: str
    folder: str | None  # where it was seen last (agents look for it there)


@dataclass(frozen=True, slots=True)
class Requeued:
    """What a requeue did. ``outcome``: parsed (now waits for triage), quarantined (still
    fails: ``reason`` is the new why) or duplicate (the store already holds this message as
    ``duplicate_of``, which went through triage itself)."""

    email_id: int
    outcome: str
    reason: str | None = None
    duplicate_of: int | None = None


class QuarantineOps:
    engine: Engine

    def quarantined(self, limit: int | None = None) -> list[QuarantineItem]:
        """Quarantined mail, oldest first."""
        with session_scope(self.engine) as s:
            q = select(EmailRow).where(EmailRow.status == "quarantined").order_by(col(EmailRow.id))
            if limit is not None:
                q = q.limit(limit)
            rows = list(s.exec(q))
            folders = {
                r.email_id: r.folder
                for r in s.exec(
                    select(LocationRow)
                    .where(col(LocationRow.email_id).in_([r.id for r in rows]))
                    .order_by(col(LocationRow.id))
                )
            }
            return [
                QuarantineItem(
                    id=r.id,
                    message_id=r.message_id,
                    subject=r.subject or raw_header(r.raw_headers, "Subject"),
                    # the raw From header is a display name, not a checked address
                    from_name=r.from_name or raw_header(r.raw_headers, "From") or None,
                    from_address=r.from_address,
                    received_at=r.received_at,
                    size=r.size,
                    reason=r.error or "",
                    folder=folders.get(r.id),
                )
                for r in rows
                if r.id is not None
            ]

    def mail_locations(self, email_id: int) -> list[MailKey]:
        """Every place the message was seen, newest first."""
        with session_scope(self.engine) as s:
            rows = s.exec(
                select(LocationRow)
                .where(LocationRow.email_id == email_id)
                .order_by(col(LocationRow.id).desc())
            )
            return [MailKey(r.account, r.folder, r.uidvalidity, r.uid) for r in rows]

    def requeue(self, email_id: int, item: Intake, agent: str, now: datetime) -> Requeued:
        """Write the outcome of parsing a quarantined message again, in one transaction.

        Parsed, the row becomes a new email (stage ``new``), so the triage stage claims it
        like any other: once. The claim is a compare-and-set on the status, taken first: it
        holds the write lock (SQLite) or the row lock (PostgreSQL), so of two requeues at once
        the second finds it no longer quarantined and changes nothing.
        """

        with session_scope(self.engine) as s:
            emails = EmailRow.__table__  # type: ignore[attr-defined]
            claimed = cast(
                CursorResult[Any],
                s.execute(
                    update(emails)
                    .where(emails.c.id == email_id, emails.c.status == "quarantined")
                    .values(status="quarantined")
                ),
            )
            if claimed.rowcount != 1:
                if s.get(EmailRow, email_id) is None:
                    raise NotFound(f"no email with id {email_id} (see `triage queue --all`)")
                raise NotFound(f"email {email_id} is not quarantined: nothing to requeue")
            row = s.get(EmailRow, email_id)
            assert row is not None
            before = row.error
            values = email_values(item, row.account, now)
            # the response target started when the mailbox first received it
            if item.received_at is not None:
                values["received_at"] = min(item.received_at, row.received_at)
            else:
                values["received_at"] = row.received_at
            for keep in ("account", "review"):
                values.pop(keep)
            twin = None
            if not item.quarantined:
                twin = s.exec(
                    select(EmailRow.id).where(
                        EmailRow.account == row.account,
                        EmailRow.message_id == values["message_id"],
                        EmailRow.content_hash == values["content_hash"],
                        EmailRow.id != email_id,
                    )
                ).first()
            if twin is not None:
                # the message came in again meanwhile (another folder, a rescan) and parsed:
                # that row is the message now; this one keeps its old identity and steps aside
                result = Requeued(email_id, "duplicate", duplicate_of=twin)
                values = {"status": "parsed", "stage": "duplicate", "error": f"same as #{twin}"}
            elif item.quarantined:
                result = Requeued(email_id, "quarantined", reason=item.error)
            else:
                result = Requeued(email_id, "parsed")
            s.execute(update(emails).where(emails.c.id == email_id).values(**values))
            after = result.reason if result.outcome == "quarantined" else result.outcome
            detail: dict[str, object] = {"before": before, "after": after}
            if twin is not None:
                detail["duplicate_of"] = twin
            # not through ReviewOps._act: a requeue is no review of the reply, so it must not
            # set first_reviewed_at (the time-to-first-review figure)
            s.add(
                AuditRow(
                    email_id=email_id,
                    action="requeue",
                    agent=agent,
                    at=now,
                    detail=json.dumps(detail),
                )
            )
            return result
