"""The candidate fixes of a suggestion, as the agent sees them: the knowledge-base entries that
fit (``Suggestion.candidates``, the composer's order), then the nearest learned cases
(triage/replies/cases.py), numbered from 1, each with where it came from.

The composer itself is left alone: :func:`with_fixes` wraps the ``Composer`` and adds the list
to what it returns, so the draft's text is exactly what the composer wrote. A candidate enters
a draft only through :func:`put_fix`, which ``triage review`` runs when the agent presses its
number.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime

from triage.domain import Email, History, Reading, Scores
from triage.replies.case_config import CaseSettings
from triage.replies.cases import CaseBase, source_of
from triage.replies.knowledge import KnowledgeBase
from triage.replies.parts import numbered
from triage.replies.values import CandidateFix, KbEntry, Suggestion

MAX_FIXES = 9  # one key each in `triage review`

Composer = Callable[[Email, Scores, History, datetime, bool, Reading | None], Suggestion]


def kb_fix_text(entry: KbEntry) -> str:
    """What an entry puts in a draft's fix section: its numbered steps and why they work; an
    outage's incident wording when it has no end-user steps."""
    if entry.steps:
        return f"{numbered(entry.steps)}\n\n{entry.why}".strip()
    return (entry.incident or entry.why).strip()


def candidate_fixes(
    suggestion: Suggestion,
    kb: KnowledgeBase,
    cases: CaseBase,
    *,
    email: Email,
    scores: Scores,
    reading: Reading | None,
    settings: CaseSettings,
) -> tuple[CandidateFix, ...]:
    """The knowledge-base candidates, then the nearest cases of the same kind of reply (when
    the reading has a kind), at most :data:`MAX_FIXES`."""
    out: list[CandidateFix] = []
    for entry_id in suggestion.candidates:
        entry = kb.get(entry_id)
        if entry is not None and kb_fix_text(entry):
            out.append(CandidateFix("kb", entry.id, f"KB {entry.id}", kb_fix_text(entry)))
    kind = suggestion.kind if reading is not None and reading.kind else ""
    matches = cases.nearest(
        scores.embedding or None,
        scores.space,
        kind=kind,
        min_similarity=settings.min_similarity,
        n=settings.cases,
        text=f"{email.subject}\n{email.newest_text}",
        min_overlap=settings.min_overlap,
        exclude_message_id=email.message_id or "",
    )
    for m in matches:
        ref = str(m.case.id if m.case.id is not None else m.case.ref)
        out.append(CandidateFix("case", ref, source_of(m.case), m.case.answer, m.similarity))
    return tuple(out[:MAX_FIXES])


def with_fixes(
    composer: Composer,
    kb: KnowledgeBase,
    cases: Callable[[], CaseBase],
    settings: CaseSettings,
) -> Composer:
    """``composer``, its suggestions carrying their candidate fixes (``cases()`` is read at
    each call: a long-running worker sees the cases learned meanwhile)."""

    def composed(
        email: Email,
        scores: Scores,
        history: History,
        now: datetime,
        supervisor: bool,
        reading: Reading | None,
    ) -> Suggestion:
        s = composer(email, scores, history, now, supervisor, reading)
        fixes = candidate_fixes(
            s, kb, cases(), email=email, scores=scores, reading=reading, settings=settings
        )
        return replace(s, fixes=fixes)

    return composed


def put_fix(reply: str, sections: Mapping[str, str], fix: str, others: Sequence[str] = ()) -> str:
    """``reply`` with ``fix`` at its fix section: in place of the suggestion's fix (or of a
    candidate put there before, ``others``), else before the close, else at the end."""
    fix = fix.strip()
    for old in (sections.get("fix", ""), *others):
        old = old.strip()
        if old and old in reply:
            return reply.replace(old, fix, 1)
    close = sections.get("close", "").strip()
    if close and close in reply:
        at = reply.index(close)
        return reply[:at] + fix + "\n\n" + reply[at:]
    return reply.rstrip() + "\n\n" + fix + "\n"
