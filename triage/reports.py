"""What the operators' commands print: ``poll``, ``status``, ``doctor``, ``stats``, ``classify``
and ``kb``; and the error line every failing command ends with. (The agents' views of emails and queues are in triage/views.py.)

Like views.py, every string that comes from outside (folder names, mailbox account names,
email phrases, knowledge-base titles) is cleaned and handed to rich as ``Text``, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from triage.replies.cases import Case, source_of
from triage.textsafe import clean

if TYPE_CHECKING:
    from triage.domain import FolderSync, Scores
    from triage.flow.sync import PassStats
    from triage.replies.values import Finding, KbEntry


def print_error(message: str, hint: str | None = None) -> None:
    """``error: ...`` and a hint on stderr: how every failing command ends."""
    # soft_wrap: an error line stays one line (greppable in logs, copy-pasteable commands)
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    err.print(Text("error: ", style="bold red") + Text(message))
    if hint:
        err.print(Text(hint, style="dim"))


def poll_summary(stats: PassStats) -> str:
    return (
        f"fetched {stats.fetched}, stored {stats.stored}, "
        f"quarantined {stats.quarantined}, already known {stats.already_known}"
    )


def _iso(dt: datetime | None) -> str | None:
    return dt.isoformat() if dt else None


def status_json(folders: Sequence[FolderSync], counts: dict[str, int]) -> dict[str, Any]:
    return {
        "folders": [
            {
                "account": f.account,
                "folder": f.folder,
                "uidvalidity": f.uidvalidity,
                "last_uid": f.last_uid,
                "last_sync": _iso(f.last_sync),
            }
            for f in folders
        ],
        "emails": {"total": counts["total"], "quarantined": counts["quarantined"]},
    }


def status_view(folders: Sequence[FolderSync], counts: dict[str, int]) -> Group:
    table = Table(title="Folders")
    for col in ("account", "folder", "uidvalidity", "last uid", "last sync"):
        table.add_column(col)
    for f in folders:
        table.add_row(
            Text(clean(f.account)),
            Text(clean(f.folder)),
            str(f.uidvalidity),
            str(f.last_uid),
            _iso(f.last_sync) or "never",
        )
    totals = f"emails: {counts['total']} stored, {counts['quarantined']} quarantined"
    return Group(table, Text(totals))


def check_line(name: str, detail: str, *, ok: bool) -> Text:
    """One line of ``triage doctor``: the check's name and what it found."""
    mark = Text("  ok   ", style="green") if ok else Text("  FAIL ", style="bold red")
    return mark + Text(f"{name}: {detail}")


def stats_text(data: dict[str, Any]) -> str:
    """``triage stats`` for people (``--json`` prints ``data`` itself)."""
    lines = [
        "queues: " + ", ".join(f"{k} {v}" for k, v in sorted(data["queues"].items())),
        "review: " + ", ".join(f"{k} {v}" for k, v in sorted(data["review"].items())),
    ]
    for label in ("urgency", "frustration"):
        levels = sorted(data["levels"][label].items())
        lines.append(f"{label}: " + ", ".join(f"level {k}: {v}" for k, v in levels))
    lines.append(f"overdue: {data['overdue']}")
    lines.append(f"quarantined: {data['quarantined']} (in no queue: triage queue --quarantined)")
    med = data["median_seconds_to_first_review"]
    lines.append("median time to first review: " + (f"{med / 60:.0f} min" if med else "-"))
    return "\n".join(lines)


def scores_text(scores: Scores) -> str:
    """``triage classify`` for people: levels, scores and the evidence phrases."""
    from triage.route import FRUSTRATION, URGENCY

    lines = [
        f"urgency     {URGENCY[scores.urgency]} ({scores.urgency_score:.2f})",
        f"frustration {FRUSTRATION[scores.frustration]} ({scores.frustration_score:.2f})",
        f"not a customer: {scores.not_customer:.0%}",
    ]
    for e in scores.evidence:
        lines.append(f"  {e.label:<11} {clean(e.phrase, single_line=True)!r} ({e.weight:+.2f})")
    return "\n".join(lines)


def kb_json(entries: Sequence[KbEntry]) -> list[dict[str, Any]]:
    return [
        {
            "id": e.id,
            "title": e.title,
            "keywords": list(e.keywords),
            "kinds": list(e.kinds),
            "scopes": list(e.scopes),
        }
        for e in entries
    ]


def kb_table(entries: Sequence[KbEntry]) -> Table:
    table = Table(title=f"knowledge base ({len(entries)} fixes)")
    for c in ("id", "title", "kinds", "scopes", "keywords"):
        table.add_column(c)
    for e in entries:
        table.add_row(
            e.id,
            Text(e.title),
            Text(", ".join(e.kinds)),
            Text(", ".join(e.scopes)),
            Text(", ".join(e.keywords[:6])),
        )
    return table


def kb_check_text(results: Sequence[tuple[KbEntry, Sequence[Finding]]]) -> tuple[str, int]:
    """``triage kb check``: one line per finding and a total; and how many were errors."""
    lines, errors = [], 0
    for entry, findings in results:
        for f in findings:
            errors += f.severity == "error"
            lines.append(f"{entry.id}: {f.severity} {f.rule}: {f.message}")
    lines.append(f"{len(results)} entries checked, {errors} error(s)")
    return "\n".join(lines), errors


def cases_json(cases: Sequence[Case]) -> list[dict[str, Any]]:
    return [
        {
            "id": c.id,
            "source": source_of(c),
            "origin": c.origin,
            "email_id": c.email_id,
            "ref": c.ref,
            "agent": c.agent,
            "answered_at": c.answered_at.isoformat(),
            "kind": c.kind,
            "question": c.question,
            "answer": c.answer,
        }
        for c in cases
    ]


def cases_table(cases: Sequence[Case]) -> Table:
    """``triage kb cases``: the customers' words and answers are theirs and ours as stored
    (email content is untrusted: rich Text, never markup)."""
    table = Table(title=f"learned cases ({len(cases)})")
    for column in ("id", "source", "kind", "question", "answer"):
        table.add_column(column)
    for c in cases:
        table.add_row(
            str(c.id),
            Text(clean(source_of(c), single_line=True)),
            Text(c.kind or "-"),
            Text(clean(c.question, single_line=True)[:80]),
            Text(clean(c.answer.splitlines()[0] if c.answer else "", single_line=True)[:80]),
        )
    return table
