"""triage/views.py: what agents see; text from an email is printed inertly, whole sequences gone.

The rows are built here directly, not parsed, so this covers rows stored before parse cleaned
their text too.
"""

from __future__ import annotations

import io
import json
import unicodedata
from datetime import UTC, datetime, timedelta

from rich.console import Console

from triage.store.review_ops import QueueItem
from triage.store.tables import EmailRow
from triage.views import queue_json, queue_table, show

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
OSC52 = "\x1b]52;c;ZWNobyBoYWNrZWQ=\x07"  # write "echo hacked" to the agent's clipboard
PAYLOADS = ("52;", "ZWNo", "owned", "#0~~", "31m", "evil.example")


def _render(renderable: object) -> str:
    out = io.StringIO()
    Console(file=out, width=200, force_terminal=True, color_system=None).print(renderable)
    return out.getvalue()


def _assert_inert(out: str) -> None:
    for payload in PAYLOADS:
        assert payload not in out
    assert [c for c in out if unicodedata.category(c) == "Cc" and c != "\n"] == []


def test_show_prints_no_part_of_an_escape_sequence() -> None:
    row = EmailRow(
        id=7,
        account="default",
        content_hash="h",
        subject=f"Printer {OSC52}broken",
        from_name="Ann \x9d0;owned\x9cLee",
        from_address="ann@example.com",
        received_at=NOW - timedelta(hours=1),
        newest_text="It \x9b31mwill\x9b0m not print \x1bPq#0~~@@\x1b\\at all.",
        urgency=1,
        urgency_score=0.4,
        frustration=2,
        frustration_score=0.7,
        evidence=json.dumps([{"label": "frustration", "phrase": f"at {OSC52}all", "weight": 0.5}]),
        route_reasons=json.dumps([f"frustration 2 {OSC52}"]),
        suggestion=json.dumps(
            {"acknowledge": "Sorry.", "plan": "We look.", "fix": "Reboot.", "close": "Bye."}
        ),
        attachments=json.dumps(
            [{"filename": "\x1b]8;;https://evil.example/\x07log.txt", "size": 3}]
        ),
    )
    out = _render(show(row, [], NOW))
    _assert_inert(out)
    assert "Printer broken" in out
    assert "Ann Lee" in out
    assert "It will not print at all." in out
    assert "log.txt" in out


def test_queue_table_and_json_print_no_part_of_an_escape_sequence() -> None:
    item = QueueItem(
        id=7,
        message_id="<a@b>",
        from_name="Ann \x9d0;owned\x9cLee",
        from_address="ann@example.com",
        subject=f"Printer {OSC52}broken",
        received_at=NOW - timedelta(hours=1),
        queue="priority",
        due=None,
        urgency=1,
        urgency_score=0.4,
        frustration=2,
        frustration_score=0.7,
        repeat=False,
        supervisor=False,
        review="pending",
    )
    _assert_inert(_render(queue_table([item], NOW, "queue")))
    [data] = queue_json([item], NOW)
    assert (data["subject"], data["from"]) == ("Printer broken", "Ann Lee")
