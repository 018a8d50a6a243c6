"""The mailbox side against a real Dovecot: priority copies and keywords applied exactly once
(also across a crash and a restart), and `triage send` drafts that thread with the original."""

from __future__ import annotations

import email
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from email.policy import default as default_policy
from pathlib import Path

import pytest
from imapclient import IMAPClient
from sqlmodel import Session, select
from typer.testing import CliRunner

from cli import app
from triage.flow.ack import apply_actions
from triage.flow.decide import Decider
from triage.flow.pipeline import TriageStage
from triage.flow.runtime import make_composer
from triage.flow.sync import sync_folder
from triage.mailbox.imap import ImapMailSource
from triage.settings import ImapSettings, Settings
from triage.store import Store
from triage.store.tables import MailboxActionRow

from .livehelp import settings_for, write_config
from .test_review_cli import EMAILS, TagScorer

pytestmark = pytest.mark.live
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def ingest_and_triage(settings: Settings, store: Store, source: ImapMailSource) -> None:
    sync_folder(source, store, "INBOX", batch_size=50, max_bytes=None, clock=lambda: NOW)
    decider = Decider(
        routing=settings.routing,
        sla=settings.sla,
        composer=make_composer(settings, None),
        priority_folder="Triage/Priority",
        priority_keyword="$Priority",
    )
    TriageStage(store=store, load=lambda: (TagScorer(), decider), clock=lambda: NOW)()


def seeded(
    imap: IMAPClient, imap_settings: Callable[..., ImapSettings], tmp_path: Path
) -> tuple[Settings, Store, ImapMailSource]:
    """The sample emails delivered, ingested and triaged; the source is left connected."""
    for data in EMAILS:
        imap.append("INBOX", data)
    settings = settings_for(imap_settings(), tmp_path)
    store = Store.open(settings.store_url)
    source = ImapMailSource(settings.imap)
    source.connect()
    ingest_and_triage(settings, store, source)
    return settings, store, source


def test_priority_copy_and_keyword_applied_exactly_once_across_restarts(
    imap: IMAPClient, imap_settings: Callable[..., ImapSettings], tmp_path: Path
) -> None:
    settings, store, source = seeded(imap, imap_settings, tmp_path)
    assert apply_actions(store, source, lambda: NOW) == 6  # 3 priority emails x (copy, keyword)

    # a crash after the copy but before "done" was committed: the action is pending again
    with Session(store.engine) as s:
        for a in s.exec(select(MailboxActionRow)):
            a.state = "pending"
            s.add(a)
        s.commit()
    source.close()
    restarted = ImapMailSource(settings.imap)  # a new worker process
    restarted.connect()
    ingest_and_triage(settings, store, restarted)  # nothing new: no new decisions either
    apply_actions(store, restarted, lambda: NOW)
    restarted.close()

    imap.select_folder("Triage/Priority", readonly=True)
    copies = imap.fetch(imap.search(["ALL"]), ["BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"])
    ids = sorted(
        v[b"BODY[HEADER.FIELDS (MESSAGE-ID)]"].decode().split()[1] for v in copies.values()
    )
    assert ids == ["<r2@customer.example>", "<r3@customer.example>", "<r4@customer.example>"]
    imap.select_folder("INBOX", readonly=True)
    assert len(imap.search(["KEYWORD", "$Priority"])) == 3
    assert imap.search(["SEEN"]) == []  # the agents' unread state is untouched
    assert len(imap.search(["ALL"])) == 4  # nothing moved away or deleted


def test_send_saves_a_threaded_draft(
    imap: IMAPClient, imap_settings: Callable[..., ImapSettings], tmp_path: Path
) -> None:
    _settings, store, source = seeded(imap, imap_settings, tmp_path)
    source.close()
    cfg = write_config(imap_settings(), tmp_path)
    env = {"TRIAGE_IMAP_PASSWORD": "test", "TRIAGE_CONFIG": ""}
    runner = CliRunner()
    # the agent adds what only they know (the draft leaves no placeholder to fill)
    editor = tmp_path / "fill.py"
    editor.write_text(
        "import sys, pathlib\np = pathlib.Path(sys.argv[1])\n"
        "t = p.read_text()\n"
        "p.write_text(t.replace('\\n\\n', '\\n\\nWe restarted the web server.\\n\\n', 1))\n"
    )
    edited = runner.invoke(
        app,
        ["edit", "3", "--config", str(cfg)],
        env={**env, "EDITOR": f"{sys.executable} {editor}"},
    )
    assert edited.exit_code == 0, edited.output
    assert runner.invoke(app, ["approve", "3", "--config", str(cfg)], env=env).exit_code == 0
    sent = runner.invoke(app, ["send", "3", "--config", str(cfg), "--agent", "sam"], env=env)
    assert sent.exit_code == 0, sent.output
    assert "draft in Drafts" in sent.stdout

    imap.select_folder("Drafts", readonly=True)
    [uid] = imap.search(["ALL"])
    data = imap.fetch([uid], ["BODY.PEEK[]", "FLAGS"])[uid]
    assert b"\\Draft" in data[b"FLAGS"]
    draft = email.message_from_bytes(data[b"BODY[]"], policy=default_policy)
    assert draft["In-Reply-To"] == "<r3@customer.example>"
    assert "<r3@customer.example>" in draft["References"]
    assert draft["Subject"] == "Re: Site down for all customers [u3f3]"
    assert draft["To"].addresses[0].addr_spec == "dana@customer.example"
    body = draft.get_content()
    assert body.startswith("Dear Dana") or "Dana" in body.splitlines()[0]
    assert "We restarted the web server." in body
    assert [a.action for a in store.audit(3)] == ["edit", "approve", "send"]
    assert store.audit(3)[-1].agent == "sam"
    assert store.row(3).review == "sent"
