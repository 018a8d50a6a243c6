"""End to end through the CLI with the real model, against a real Dovecot.

The bundled sample mailbox is delivered over IMAP; `triage poll --once` ingests, classifies,
suggests and routes it; the queue lists the angriest first; an agent edits, approves and
sends; the draft threads with the original; the audit trail has every step.
"""

from __future__ import annotations

import email
import json
import sys
from collections.abc import Callable
from email.policy import default as default_policy
from pathlib import Path

import pytest
from imapclient import IMAPClient
from typer.testing import CliRunner

from cli import app
from triage.settings import ImapSettings
from triage.store import Store

from .livehelp import REPO, write_config

pytestmark = pytest.mark.live
SAMPLES = sorted((REPO / "samples" / "maildir" / "new").iterdir())


def test_the_whole_flow_through_the_cli(
    imap: IMAPClient, imap_settings: Callable[..., ImapSettings], tmp_path: Path
) -> None:
    for path in SAMPLES:
        imap.append("INBOX", path.read_bytes())
    cfg = write_config(imap_settings(), tmp_path)
    env = {"TRIAGE_IMAP_PASSWORD": "test", "TRIAGE_CONFIG": ""}
    runner = CliRunner()

    def cli(*args: str, **extra: str):  # type: ignore[no-untyped-def]
        result = runner.invoke(app, [*args, "--config", str(cfg)], env={**env, **extra})
        assert result.exit_code == 0, result.output
        return result

    polled = json.loads(cli("poll", "--once", "--json").stdout.strip().splitlines()[-1])
    assert polled["stored"] == len(SAMPLES)

    queue = json.loads(cli("queue", "--json").stdout)
    assert queue, "the samples hold furious customers: the priority queue cannot be empty"
    scores = [q["frustration"]["score"] for q in queue]
    assert scores == sorted(scores, reverse=True), "angriest first"
    everything = json.loads(cli("queue", "--all", "--json").stdout)
    order = [q["queue"] for q in everything]
    assert order == sorted(order, key=["priority", "normal", "ignored"].index)
    stats = json.loads(cli("stats", "--json").stdout)
    assert stats["queues"]["ignored"] >= 3  # the auto-reply, the bounce and the newsletter

    top = queue[0]
    shown = cli("show", str(top["id"])).output
    for part in ("ACKNOWLEDGE", "PLAN", "CLOSE", "evidence"):  # a fix only where the kind has one
        assert part in shown

    # the agent adds what only they know (the draft leaves no placeholder), approves and sends
    editor = tmp_path / "fill.py"
    editor.write_text(
        "import sys, pathlib\np = pathlib.Path(sys.argv[1])\n"
        "t = p.read_text()\n"
        "p.write_text(t.replace('\\n\\n', '\\n\\nWe have reset the account for you.\\n\\n', 1))\n"
    )
    cli("edit", str(top["id"]), EDITOR=f"{sys.executable} {editor}")
    cli("approve", str(top["id"]), "--agent", "ana")
    sent = cli("send", str(top["id"]), "--agent", "ana")
    assert "saved as a draft" in sent.stdout

    imap.select_folder("Drafts", readonly=True)
    [uid] = imap.search(["ALL"])
    draft = email.message_from_bytes(
        imap.fetch([uid], ["BODY.PEEK[]"])[uid][b"BODY[]"], policy=default_policy
    )
    assert draft["In-Reply-To"] == top["message_id"]
    assert top["message_id"] in draft["References"]
    assert draft["Subject"].startswith("Re: ")

    store = Store.open(f"sqlite:///{tmp_path / 'triage.db'}")
    trail = [(a.action, a.agent) for a in store.audit(top["id"])]
    assert [a for a, _ in trail][-2:] == ["approve", "send"]
    assert trail[-1] == ("send", "ana")
    # the priority folder got each priority email exactly once, and nothing was marked read
    imap.select_folder("Triage/Priority", readonly=True)
    assert len(imap.search(["ALL"])) == len(queue)
    imap.select_folder("INBOX", readonly=True)
    assert imap.search(["SEEN"]) == []
