"""`triage show` on huge and hostile emails, through the CLI on a real SQLite store."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from triage.domain import Email, Intake, MailKey
from triage.store import Store

runner = CliRunner()
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
LINES = 30_000


def _store_email(tmp_path: Path, text: str) -> dict[str, str]:
    email = Email(
        message_id="<huge@customer.example>",
        subject="Logs from last night",
        from_name="Ops",
        from_address="ops@customer.example",
        date=NOW,
        newest_text=text,
    )
    item = Intake(MailKey("default", "INBOX", 1, 1), len(text), "h1", email.message_id, email)
    store = Store.open(f"sqlite:///{tmp_path / 'triage.db'}")
    store.record_batch("default", "INBOX", 1, [item], last_uid=1, now=NOW)
    store.close()
    return {"TRIAGE_PATHS_DATA_DIR": str(tmp_path), "TRIAGE_CONFIG": ""}


@pytest.fixture
def big(tmp_path: Path) -> dict[str, str]:
    lines = [f"line {n:05d} \x1b[31mred\x1b[0m of the night's log" for n in range(LINES)]
    lines[5] = "L" * 300_000  # one long line among them
    return _store_email(tmp_path, "\n".join(lines) + "\nTHE END\n")


def test_show_prints_at_most_the_cap_with_a_note(big: dict[str, str]) -> None:
    result = runner.invoke(app, ["show", "1"], env=big)
    assert result.exit_code == 0, result.output
    out = result.output
    assert len(out) < 60_000
    assert f"… {LINES + 1 - 200:,} more lines" in out
    assert "--full to see all" in out
    assert "line 00199" in out
    assert "line 00200" not in out
    assert out.count("L") < 1_100
    assert "\x1b" not in out


def test_show_full_prints_everything_inertly(big: dict[str, str]) -> None:
    result = runner.invoke(app, ["show", "1", "--full"], env=big)
    assert result.exit_code == 0, result.output
    out = result.output
    assert f"line {LINES - 1:05d}" in out
    assert "THE END" in out
    assert "L" * 300_000 in out
    assert "more lines" not in out
    assert "\x1b" not in out
    assert out.index("Logs from last night") < out.index("line 00000")
