"""Store operations of the learned cases: add one (once per ref), read them all back, and find
the stored customer email a reply answers."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

import numpy as np
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from triage.replies.cases import Case, Origin, learned_answer, short_question
from triage.store.engine import session_scope
from triage.store.tables import CaseRow, EmailRow


def _case(r: CaseRow) -> Case:
    vec = np.frombuffer(r.embedding, dtype=np.float32) if r.embedding else ()
    return Case(
        email_id=r.email_id,
        ref=r.ref,
        origin="sent" if r.origin == "sent" else "approved",
        agent=r.agent,
        answered_at=r.answered_at,
        question=r.question,
        answer=r.answer,
        kind=r.kind,
        message_id=r.message_id,
        embedding=tuple(float(x) for x in vec),
        model_version=r.model_version or "",
        id=r.id,
    )


def case_for(
    row: EmailRow, reply: str, *, origin: Origin, ref: str, agent: str, at: datetime
) -> Case | None:
    """The case that ``reply`` (the desk's answer, quoted history gone) makes of the stored
    email ``row``, with the email's embedding; None when it says nothing the suggestion or its
    candidates did not (triage/replies/cases.py ``learned_answer``)."""
    assert row.id is not None
    stored = json.loads(row.suggestion) if row.suggestion else {}
    known = [str(f.get("text", "")) for f in stored.get("fixes") or ()]
    answer = learned_answer(reply, stored, known)
    if answer is None:
        return None
    kind = stored.get("kind") or json.loads(row.reading or "{}").get("kind") or ""
    vec = np.frombuffer(row.embedding, dtype=np.float32) if row.embedding else ()
    return Case(
        email_id=row.id,
        ref=ref,
        origin=origin,
        agent=agent,
        answered_at=at,
        question=short_question(f"{row.subject}\n{row.newest_text}"),
        answer=answer,
        kind=str(kind),
        message_id=row.message_id,
        embedding=tuple(float(x) for x in vec),
        # the case's vector is the email's, in the space the email's row says
        model_version=row.embedding_model or row.model_version or "",
    )


class CaseOps:
    engine: Engine

    def add_case(self, case: Case, now: datetime, *, replace: bool = False) -> bool:
        """Store ``case`` unless its ref is there; with ``replace`` (a re-approval after another
        edit) the stored one takes the new answer. True when something was written.

        Two writers (two ``kb import-sent`` runs, or one beside ``review``) may both find the
        ref missing and both insert: the second insert breaks the unique ref. That writer then
        reads again: without ``replace`` the case is there, so nothing is written; with it, the
        stored row is updated."""
        try:
            return self._add_case(case, now, replace=replace)
        except IntegrityError:
            if not replace:
                return False
            return self._add_case(case, now, replace=True)

    def _stored_case(self, s: Session, ref: str) -> CaseRow | None:
        return s.exec(select(CaseRow).where(CaseRow.ref == ref)).first()

    def _add_case(self, case: Case, now: datetime, *, replace: bool) -> bool:
        blob = np.asarray(case.embedding, dtype=np.float32).tobytes() if case.embedding else None
        with session_scope(self.engine) as s:
            row = self._stored_case(s, case.ref)
            if row is not None and not replace:
                return False
            if row is None:
                row = CaseRow(
                    ref=case.ref,
                    email_id=case.email_id,
                    origin=case.origin,
                    agent=case.agent,
                    answered_at=case.answered_at,
                    created_at=now,
                )
            row.origin, row.agent, row.answered_at = case.origin, case.agent, case.answered_at
            row.question, row.answer, row.kind = case.question, case.answer, case.kind
            row.message_id, row.embedding = case.message_id, blob
            row.model_version = case.model_version or None
            s.add(row)
            return True

    def forget_case(self, *, ref: str | None = None, case_id: int | None = None) -> bool:
        """Delete the case with ``ref`` (or ``case_id``); False when there is none."""
        with session_scope(self.engine) as s:
            where = CaseRow.ref == ref if ref is not None else CaseRow.id == case_id
            row = s.exec(select(CaseRow).where(where)).first()
            if row is None:
                return False
            s.delete(row)
            return True

    def cases(self) -> list[Case]:
        with session_scope(self.engine) as s:
            return [_case(r) for r in s.exec(select(CaseRow).order_by(col(CaseRow.id)))]

    def case_refs(self, refs: Sequence[str]) -> set[str]:
        """Which of ``refs`` are stored already."""
        if not refs:
            return set()
        with session_scope(self.engine) as s:
            found = s.exec(select(CaseRow.ref).where(col(CaseRow.ref).in_(list(refs))))
            return set(found)

    def case_answers(self, email_id: int) -> list[str]:
        """The answers stored for one email (a reply sent after its approval is no news)."""
        with session_scope(self.engine) as s:
            return list(s.exec(select(CaseRow.answer).where(CaseRow.email_id == email_id)))

    def answered_email(self, message_ids: Sequence[str]) -> EmailRow | None:
        """The stored customer email a reply answers: the first of ``message_ids`` (In-Reply-To,
        then References newest first) that names one. None when none does: never a guess."""
        wanted = [m for m in message_ids if m]
        if not wanted:
            return None
        with session_scope(self.engine) as s:
            rows = s.exec(
                select(EmailRow).where(
                    col(EmailRow.message_id).in_(wanted),
                    EmailRow.status == "parsed",
                    EmailRow.kind == "customer",
                )
            ).all()
        by_id = {r.message_id: r for r in rows}
        return next((by_id[m] for m in wanted if m in by_id), None)
