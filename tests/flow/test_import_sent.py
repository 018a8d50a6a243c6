"""`triage kb import-sent` against a real Dovecot (tests/dovecot_harness.py): the desk's Sent
folder threaded to the stored customer emails it answers, read-only, and idempotent."""

from __future__ import annotations

import json
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

import pytest
from imapclient import IMAPClient
from typer.testing import CliRunner

from cli import EXIT_CONFIG, app
from tests.test_review_cli import VecScorer, triaged_store
from triage.settings import ImapSettings, PathsSettings, Settings, StoreSettings
from triage.store import Store

pytestmark = pytest.mark.live
runner = CliRunner()

ANSWER_VPN = "Please remove the VPN profile and add it again from the portal.\nThe old one expired."
ANSWER_SITE = "Our network team restarted the shop's router at 10:40; the site is back up."


def sent(
    n: int,
    body: str,
    *,
    in_reply_to: str | None = None,
    references: str | None = None,
    message_id: bool = True,
) -> bytes:
    m = EmailMessage()
    m["From"] = "Jo Park <support@helpdesk.example>"
    m["To"] = "dana@customer.example"
    m["Subject"] = "Re: your ticket"
    if message_id:
        m["Message-ID"] = f"<sent-{n}@helpdesk.example>"
    if in_reply_to:
        m["In-Reply-To"] = in_reply_to
    if references:
        m["References"] = references
    m["Date"] = f"Tue, 24 Nov 2026 1{n}:00:00 +0000"
    m.set_content(body)
    return bytes(m)


SENT = [
    # answers #2 (In-Reply-To), with the customer's words quoted below
    sent(
        1,
        f"Hi Dana,\n\n{ANSWER_VPN}\n\nBest regards,\nJo\n\n"
        "On Mon, 23 Nov 2026 at 09:02, Dana Smith wrote:\n> THIRD TIME I'M WRITING.\n",
        in_reply_to="<r2@customer.example>",
    ),
    # answers #3, threaded by References only (the newest reference that is ours)
    sent(2, f"Hello,\n\n{ANSWER_SITE}\n\nThanks,\nJo", references="<r3@customer.example> <x@y>"),
    # answers nothing stored: never guessed by subject or sender
    sent(3, "Hi,\n\nTry turning it off and on.", in_reply_to="<elsewhere@customer.example>"),
    # no Message-ID: it could not be imported once only
    sent(4, "Hi,\n\nA fix without an id.", in_reply_to="<r4@customer.example>", message_id=False),
    # says nothing but thanks
    sent(5, "Hi Dana,\n\nThanks,\nJo", in_reply_to="<r1@customer.example>"),
]


@pytest.fixture
def desk(
    tmp_path: Path, imap_settings: Callable[..., ImapSettings], imap: IMAPClient
) -> tuple[dict[str, str], Store]:
    """The review tests' four emails stored and triaged (with embeddings); the environment
    for the CLI against this Dovecot user."""
    settings = Settings(
        store=StoreSettings(url=f"sqlite:///{tmp_path / 'triage.db'}"),
        paths=PathsSettings(data_dir=tmp_path),
    )
    store = triaged_store(settings, scorer=VecScorer())
    imap_cfg = imap_settings()
    env = {
        "TRIAGE_CONFIG": "",
        "TRIAGE_PATHS_DATA_DIR": str(tmp_path),
        "TRIAGE_IMAP_HOST": imap_cfg.host,
        "TRIAGE_IMAP_PORT": str(imap_cfg.port),
        "TRIAGE_IMAP_TLS": imap_cfg.tls,
        "TRIAGE_IMAP_CA_FILE": str(imap_cfg.ca_file),
        "TRIAGE_IMAP_USERNAME": imap_cfg.username,
        "TRIAGE_IMAP_PASSWORD": "test",
    }
    return env, store


def import_sent(env: dict[str, str], *args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["kb", "import-sent", *args], env=env)


def test_sent_replies_become_cases_once_and_the_folder_is_left_alone(
    desk: tuple[dict[str, str], Store], imap: IMAPClient
) -> None:
    env, store = desk
    for data in SENT:
        imap.append("Sent", data)
    before = imap.select_folder("Sent", readonly=True)
    result = import_sent(env, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {
        "folder": "Sent",
        "messages": 5,
        "imported": 2,
        "already": 0,
        "unthreaded": 1,
        "not_triaged": 0,
        "nothing_new": 1,
        "unusable": 1,
        "too_large": 0,
    }
    cases = {c.email_id: c for c in store.cases()}
    assert sorted(cases) == [2, 3]
    vpn = cases[2]
    assert (vpn.answer, vpn.origin, vpn.agent, vpn.ref) == (
        ANSWER_VPN,
        "sent",
        "Jo Park",
        "<sent-1@helpdesk.example>",
    )
    assert "THIRD TIME" not in vpn.answer  # the quoted history is not part of the answer
    assert f"{vpn.answered_at:%Y-%m-%d %H:%M}" == "2026-11-24 11:00"
    assert vpn.embedding  # the answered email's, so a similar email finds it
    assert cases[3].answer == ANSWER_SITE
    # read-only: nothing marked seen, moved or added
    after = imap.select_folder("Sent", readonly=True)
    assert after[b"EXISTS"] == before[b"EXISTS"] == 5
    flags = imap.get_flags(imap.search(["ALL"]))
    assert all(b"\\Seen" not in f for f in flags.values())
    # a second run imports nothing twice
    again = import_sent(env)
    assert again.exit_code == 0, again.output
    assert "nothing new to import from 'Sent' (5 messages)" in again.output
    assert "2 imported before" in again.output
    assert len(store.cases()) == 2


def test_a_reply_approved_in_review_and_then_sent_is_one_case(
    desk: tuple[dict[str, str], Store], imap: IMAPClient, tmp_path: Path
) -> None:
    env, store = desk
    from triage.review import learn

    row = store.row(2)
    row.reply_text = f"Hi Dana,\n\n{ANSWER_VPN}\n\nBest regards,\nJo"
    assert learn(store, row, "jo", row.received_at)
    imap.append("Sent", SENT[0])
    result = import_sent(env, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["already"] == 1
    assert [c.ref for c in store.cases()] == ["review:2"]


def test_missing_folder_and_empty_folder_say_so(desk: tuple[dict[str, str], Store]) -> None:
    env, _ = desk
    missing = import_sent({**env, "TRIAGE_KB_SENT_FOLDER": "Sent Items"})
    assert missing.exit_code == EXIT_CONFIG
    assert "no folder 'Sent Items'" in missing.output
    assert "marks 'Sent' as the Sent folder" in missing.output
    assert "[kb] sent_folder" in missing.output
    empty = import_sent(env)
    assert empty.exit_code == 0, empty.output
    assert "nothing to import: the folder 'Sent' is empty" in empty.output


def test_it_needs_imap(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["kb", "import-sent"],
        env={"TRIAGE_CONFIG": "", "TRIAGE_PATHS_DATA_DIR": str(tmp_path)},
    )
    assert result.exit_code == EXIT_CONFIG
    assert "over IMAP" in result.output


def test_a_sent_reply_too_large_to_read_is_counted_as_such_not_as_nothing_new(
    desk: tuple[dict[str, str], Store], imap: IMAPClient
) -> None:
    env, store = desk
    big = "Please remove the VPN profile and add it again.\n" + "x" * 4000
    imap.append("Sent", sent(6, f"Hi Dana,\n\n{big}\n\nJo", in_reply_to="<r2@customer.example>"))
    result = import_sent({**env, "TRIAGE_IMAP_MAX_MESSAGE_BYTES": "2048"}, "--json")
    assert result.exit_code == 0, result.output
    counts = json.loads(result.stdout)
    assert (counts["too_large"], counts["nothing_new"], counts["imported"]) == (1, 0, 0)
    assert store.cases() == []
    shown = import_sent({**env, "TRIAGE_IMAP_MAX_MESSAGE_BYTES": "2048"})
    assert "over [imap] max_message_bytes" in shown.output
