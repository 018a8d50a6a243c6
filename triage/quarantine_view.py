"""What agents see of quarantined mail: ``queue --quarantined`` and ``requeue``'s answer.

Like triage/views.py, every string from an email is cleaned and handed to rich as ``Text``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from rich.table import Table
from rich.text import Text

from triage.store.quarantine_ops import QuarantineItem, Requeued
from triage.textsafe import clean
from triage.views import age, compact_table, sender

QUARANTINE_LEGEND = (
    "see one: triage show ID · parse one again (after an upgrade): triage requeue ID"
)


def quarantine_json(items: Sequence[QuarantineItem]) -> list[dict[str, Any]]:
    return [
        {
            "id": i.id,
            "message_id": i.message_id,
            "from": sender(i.from_name, i.from_address),
            "from_address": i.from_address,
            "subject": clean(i.subject, single_line=True),
            "received_at": i.received_at.isoformat(),
            "size": i.size,
            "reason": clean(i.reason, single_line=True),
            "folder": clean(i.folder, single_line=True) or None,
        }
        for i in items
    ]


def quarantine_table(items: Sequence[QuarantineItem], now: datetime, title: str) -> Table:
    table = compact_table(title, QUARANTINE_LEGEND)
    table.add_column("id", justify="right", no_wrap=True)
    table.add_column("age", justify="right", no_wrap=True)
    table.add_column("size", justify="right", no_wrap=True)
    table.add_column("from", no_wrap=True, max_width=14, overflow="ellipsis")
    table.add_column("subject", no_wrap=True, max_width=18, overflow="ellipsis")
    table.add_column("reason", overflow="fold")
    for i in items:
        table.add_row(
            str(i.id),
            age(now - i.received_at),
            _size(i.size),
            Text(sender(i.from_name, i.from_address)[:100]),
            Text(clean(i.subject[:200], single_line=True) or "(no subject)"),
            Text(clean(i.reason[:300], single_line=True), style="red"),
        )
    return table


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n / (1024 * 1024):.1f} MB"


def requeue_summary(r: Requeued) -> str:
    if r.outcome == "parsed":
        return (
            f"#{r.email_id}: parsed; it waits for triage like new mail "
            "(the worker takes it on its next pass, or run `triage poll --once`)"
        )
    if r.outcome == "duplicate":
        return f"#{r.email_id}: parsed, and the same message is #{r.duplicate_of}: nothing to do"
    return f"#{r.email_id}: still quarantined: {clean(r.reason, single_line=True)}"


def requeue_json(r: Requeued) -> dict[str, Any]:
    return {
        "id": r.email_id,
        "outcome": r.outcome,
        "reason": clean(r.reason) or None,
        "duplicate_of": r.duplicate_of,
    }
