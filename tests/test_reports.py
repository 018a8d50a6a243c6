"""triage/reports.py: what the operators' commands print; strings from outside go in inertly."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from rich.console import Console

from triage.domain import FolderSync
from triage.flow.sync import PassStats
from triage.replies.values import Finding
from triage.reports import (
    check_line,
    kb_check_text,
    poll_summary,
    print_error,
    stats_text,
    status_json,
    status_view,
)

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def _render(renderable: object) -> str:
    out = io.StringIO()
    Console(file=out, width=120, force_terminal=True, color_system=None).print(renderable)
    return out.getvalue()


def test_poll_summary_names_every_count() -> None:
    stats = PassStats(fetched=3, stored=2, quarantined=1, already_known=4)
    assert poll_summary(stats) == "fetched 3, stored 2, quarantined 1, already known 4"


def test_status_json_and_view_agree_and_a_folder_name_prints_inertly() -> None:
    folders = [
        FolderSync("default", "INBOX\x1b[31m", 7, 42, None, NOW),
        FolderSync("b", "X", 1, 0, None, None),
    ]
    counts = {"total": 10, "quarantined": 1}
    data = status_json(folders, counts)
    assert data["emails"] == {"total": 10, "quarantined": 1}
    assert [f["last_sync"] for f in data["folders"]] == [NOW.isoformat(), None]
    out = _render(status_view(folders, counts))
    assert "\x1b" not in out
    assert "never" in out
    assert "emails: 10 stored, 1 quarantined" in out


def test_stats_text_one_line_per_part() -> None:
    data = {
        "queues": {"priority": 2, "normal": 1},
        "review": {"pending": 3},
        "levels": {"urgency": {0: 1, 3: 2}, "frustration": {1: 3}},
        "overdue": 1,
        "quarantined": 0,
        "median_seconds_to_first_review": 600,
    }
    lines = stats_text(data).splitlines()
    assert lines[0] == "queues: normal 1, priority 2"
    assert lines[2] == "urgency: level 0: 1, level 3: 2"
    assert lines[-1] == "median time to first review: 10 min"


def test_kb_check_text_counts_the_errors() -> None:
    class Entry:
        id = "vpn"

    warn = Finding("jargon", "warning", 0, 3, "jargon", "say it plainly")
    err = Finding("blame", "error", 0, 3, "blames the user", "drop it")
    text, errors = kb_check_text([(Entry(), [warn, err])])  # type: ignore[list-item]
    assert errors == 1
    assert text.splitlines() == [
        "vpn: warning jargon: jargon",
        "vpn: error blame: blames the user",
        "1 entries checked, 1 error(s)",
    ]


def test_check_line_and_error_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert _render(check_line("model", "ok here", ok=True)).strip() == "ok   model: ok here"
    assert "FAIL" in _render(check_line("model", "missing", ok=False))
    print_error("no such email", "see `triage queue`")
    assert capsys.readouterr().err.splitlines() == ["error: no such email", "see `triage queue`"]
