"""Quarantined mail through the CLI: listed, counted, shown, and requeued from the mailbox.

The mailbox is a real Maildir read by the real source; the store is SQLite. "A parser bug that
an upgrade fixes" is the one stand-in: the parser is swapped for a failing one while the mail
is fetched, and put back for the requeue. The classifier is the tag fake of test_review_cli.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

import pytest
from imapclient import IMAPClient
from typer.testing import CliRunner

import triage.parse.intake
from cli import EXIT_NOT_FOUND, app
from triage.domain import MailKey, RawMessage
from triage.flow.pipeline import TriageStage
from triage.flow.runtime import make_decider
from triage.parse.intake import to_intake
from triage.settings import ImapSettings, PathsSettings, Settings, StoreSettings
from triage.store import Store

from .livehelp import write_config
from .test_review_cli import TagScorer

runner = CliRunner()
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
real_parse = triage.parse.intake.parse


def _mail(n: int, subject: str, body: str, *, crash: bool = False) -> bytes:
    m = EmailMessage()
    m["From"] = "Dana Smith <dana@customer.example>"
    m["To"] = "support@helpdesk.example"
    m["Subject"] = subject
    m["Message-ID"] = f"<q{n}@customer.example>"
    m["Date"] = f"Mon, 23 Nov 2026 09:0{n}:00 +0000"
    if crash:
        m["X-Crash"] = "yes"
    m.set_content(body)
    return bytes(m)


MAILS = {
    "1700000001.M1P1.desk": _mail(1, "VPN DOWN AGAIN [u2f3]", "THIRD TIME. FIX IT.", crash=True),
    "1700000002.M2P1.desk": b"\x00\x01\x02 not a mail message at all\n",
    "1700000003.M3P1.desk": _mail(
        3, "\x1b[31mPWNED\x1b[0m [bold red]markup[/]", "hello", crash=True
    ),
}


def _parser_with_a_bug(label: str) -> Callable[..., object]:
    def parse(data: bytes, *, oversized: bool = False) -> object:
        if b"X-Crash: yes" in data:
            raise RuntimeError(label)
        return real_parse(data, oversized=oversized)

    return parse


def run(env: dict[str, str], *args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env=env)


@pytest.fixture
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    maildir = tmp_path / "maildir"
    for sub in ("new", "cur", "tmp"):
        (maildir / sub).mkdir(parents=True)
    for name, data in MAILS.items():
        (maildir / "new" / name).write_bytes(data)
    env = {
        "TRIAGE_CONFIG": "",
        "TRIAGE_PATHS_DATA_DIR": str(tmp_path),
        "TRIAGE_MAILDIR_PATH": str(maildir),
    }
    with monkeypatch.context() as m:
        m.setattr(triage.parse.intake, "parse", _parser_with_a_bug("bug 1"))
        polled = run(env, "poll", "--once", "--json")
    assert polled.exit_code == 0, polled.output
    assert json.loads(polled.stdout.splitlines()[-1])["quarantined"] == 3
    return env


def _triage(tmp_path: Path) -> int:
    """The worker's triage stage (tag classifier): how many emails it triaged."""
    settings = Settings(
        store=StoreSettings(url=f"sqlite:///{tmp_path / 'triage.db'}"),
        paths=PathsSettings(data_dir=tmp_path),
    )
    return TriageStage(
        store=Store.open(settings.store_url),
        load=lambda: (TagScorer(), make_decider(settings, None, read_text=False)),
        clock=lambda: NOW,
    )()


def test_quarantined_mail_is_listed_counted_and_shown(desk: dict[str, str]) -> None:
    listed = run(desk, "queue", "--quarantined", "--json")
    assert listed.exit_code == 0, listed.output
    items = json.loads(listed.stdout)
    assert [i["id"] for i in items] == [1, 2, 3]
    assert items[0]["reason"] == "parser failed: RuntimeError: bug 1"
    # nothing was parsed, but the stored headers still say who wrote about what
    assert (items[0]["subject"], items[0]["from"]) == (
        "VPN DOWN AGAIN [u2f3]",
        "Dana Smith <dana@customer.example>",
    )
    assert "PWNED" in items[2]["subject"]
    assert "\x1b" not in items[2]["subject"]
    assert "not a mail message" in items[1]["reason"]
    assert {
        "id",
        "message_id",
        "from",
        "subject",
        "received_at",
        "size",
        "reason",
        "folder",
    } <= set(items[0])
    table = run(desk, "queue", "--quarantined").output
    assert "bug 1" in table
    assert "\x1b" not in table
    assert "3 quarantined" in run(desk, "queue").output  # the normal view points at them
    assert json.loads(run(desk, "stats", "--json").stdout)["quarantined"] == 3
    assert "quarantined: 3" in run(desk, "stats").output
    assert json.loads(run(desk, "status", "--json").stdout)["emails"]["quarantined"] == 3

    shown = run(desk, "show", "3")
    assert shown.exit_code == 0, shown.output
    out = shown.output
    assert "quarantined: parser failed: RuntimeError: bug 1" in out
    assert "from Dana Smith <dana@customer.example>" in out
    assert "triage requeue 3" in out
    assert "X-Crash: yes" in out  # the stored headers
    assert "PWNED" in out
    assert "[bold red]markup[/]" in out
    assert "\x1b" not in out
    data = json.loads(run(desk, "show", "3", "--json").stdout)
    assert data["status"] == "quarantined"
    assert data["reason"] == "parser failed: RuntimeError: bug 1"
    assert "X-Crash: yes" in data["headers"]
    assert "\x1b" not in data["headers"]


def test_show_lists_the_parse_defects_of_a_parsed_email(tmp_path: Path) -> None:
    data = (
        b"From: Dana <dana@customer.example>\nSubject: printer\n"
        b"Date: yesterday \x1b[2J morning\n\nThe printer jams.\n"
    )
    store = Store.open(f"sqlite:///{tmp_path / 'triage.db'}")
    item = to_intake(RawMessage(MailKey("default", "INBOX", 1, 1), data, len(data)))
    store.record_batch("default", "INBOX", 1, [item], last_uid=1, now=NOW)
    env = {"TRIAGE_CONFIG": "", "TRIAGE_PATHS_DATA_DIR": str(tmp_path)}
    out = run(env, "show", "1").output
    assert "defects: " in out
    assert "no Message-ID" in out
    assert "unparsable Date" in out
    assert "\x1b" not in out
    shown = json.loads(run(env, "show", "1", "--json").stdout)
    assert "no Message-ID" in shown["defects"]
    assert shown["status"] == "parsed"
    assert not any("\x1b" in d for d in shown["defects"])


def test_requeue_after_an_upgrade_parses_and_triages_exactly_once(
    desk: dict[str, str], tmp_path: Path
) -> None:
    done = run(desk, "requeue", "1", "--agent", "dana")
    assert done.exit_code == 0, done.output
    assert "parsed" in done.output
    assert [i["id"] for i in json.loads(run(desk, "queue", "--quarantined", "--json").stdout)] == [
        2,
        3,
    ]
    assert _triage(tmp_path) == 1
    assert _triage(tmp_path) == 0
    [item] = json.loads(run(desk, "queue", "--json").stdout)
    assert (item["id"], item["subject"]) == (1, "VPN DOWN AGAIN [u2f3]")
    again = run(desk, "requeue", "1")
    assert again.exit_code == EXIT_NOT_FOUND
    assert "not quarantined" in again.output
    polled = json.loads(run(desk, "poll", "--once", "--json").stdout.splitlines()[-1])
    assert (polled["fetched"], polled["stored"]) == (0, 0)
    assert len(Store.open(f"sqlite:///{tmp_path / 'triage.db'}").emails()) == 3


def test_requeue_that_still_fails_keeps_it_quarantined_with_the_new_reason(
    desk: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(triage.parse.intake, "parse", _parser_with_a_bug("bug 2"))
    result = run(desk, "requeue", "3", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {
        "id": 3,
        "outcome": "quarantined",
        "reason": "parser failed: RuntimeError: bug 2",
        "duplicate_of": None,
    }
    garbage = json.loads(run(desk, "requeue", "2", "--json").stdout)
    assert garbage["outcome"] == "quarantined"
    reasons = [
        i["reason"] for i in json.loads(run(desk, "queue", "--quarantined", "--json").stdout)
    ]
    assert reasons[0] == "parser failed: RuntimeError: bug 1"
    assert reasons[2] == "parser failed: RuntimeError: bug 2"


def test_requeue_of_mail_gone_from_the_mailbox_is_not_found(
    desk: dict[str, str], tmp_path: Path
) -> None:
    (tmp_path / "maildir" / "new" / "1700000001.M1P1.desk").unlink()
    gone = run(desk, "requeue", "1")
    assert gone.exit_code == EXIT_NOT_FOUND
    assert "no longer in the mailbox" in gone.output
    # a new UIDVALIDITY (the Maildir's UID map recreated) voids the stored UID as well
    for uid_map in (tmp_path / "maildir-state").rglob("*.json"):
        uid_map.unlink()
    assert run(desk, "requeue", "3").exit_code == EXIT_NOT_FOUND
    assert len(json.loads(run(desk, "queue", "--quarantined", "--json").stdout)) == 3


@pytest.mark.live
def test_requeue_refetches_from_imap_and_finds_moved_mail_gone(
    imap: IMAPClient,
    imap_settings: Callable[..., ImapSettings],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    imap.append("INBOX", MAILS["1700000001.M1P1.desk"])
    imap.append("INBOX", MAILS["1700000003.M3P1.desk"])
    cfg = str(write_config(imap_settings(), tmp_path))
    env = {"TRIAGE_CONFIG": "", "TRIAGE_IMAP_PASSWORD": "test"}
    with monkeypatch.context() as m:
        m.setattr(triage.parse.intake, "parse", _parser_with_a_bug("bug 1"))
        polled = run(env, "poll", "--once", "--json", "--config", cfg)
    assert json.loads(polled.stdout.splitlines()[-1])["quarantined"] == 2
    # an agent files the second one away in their mail client meanwhile
    imap.create_folder("Filed")
    imap.select_folder("INBOX")
    imap.move([2], "Filed")
    done = run(env, "requeue", "1", "--json", "--config", cfg)
    assert done.exit_code == 0, done.output
    assert json.loads(done.stdout)["outcome"] == "parsed"
    gone = run(env, "requeue", "2", "--config", cfg)
    assert gone.exit_code == EXIT_NOT_FOUND
    assert "UID 2 was moved or deleted" in gone.output
    assert b"\\Seen" not in imap.get_flags([1])[1]  # fetched again with PEEK: still unread
