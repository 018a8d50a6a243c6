"""One decision path: the worker, `suggest ID --refresh` and `suggest --jsonl` decide alike.

The sample mailbox goes through the worker's stage with the real model; then every stored
email is decided again through the other two entries, and all three must agree on the queue,
the supervisor flag, the reasons and the whole suggested reply.
"""

from __future__ import annotations

import io
import json
import logging
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import Session, col, select

from triage.classify.model import Classifier
from triage.domain import Email, History, MailKind, Scores
from triage.errors import MessageError, NotFound, StoreBusy
from triage.flow.decide import Decider, decide
from triage.flow.pipeline import TriageStage
from triage.flow.runtime import load_classifier, make_decider
from triage.flow.suggest_jsonl import suggest_jsonl
from triage.flow.sync import sync_folder
from triage.mailbox.maildir import MaildirMailSource
from triage.parse.message import parse
from triage.review import refresh_suggestion
from triage.route import RoutingPolicy
from triage.settings import PathsSettings, Settings, StoreSettings
from triage.sla import SlaPolicy
from triage.store import Store
from triage.store.tables import EmailRow

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def email(kind: MailKind = MailKind.CUSTOMER) -> Email:
    return Email("<a@x>", "VPN down", "Ana", "ana@x.example", None, "The VPN is down.", kind=kind)


def test_ignored_mail_gets_no_reply_and_no_action() -> None:
    calls: list[Email] = []
    decider = Decider(
        RoutingPolicy(),
        SlaPolicy(),
        composer=lambda e, *_: calls.append(e),  # type: ignore[arg-type,return-value]
        priority_folder="Priority",
    )
    d = decide(
        email(MailKind.BOUNCE),
        Scores(3, 1.0, 3, 1.0, 0.0),
        History(),
        received=NOW,
        now=NOW,
        decider=decider,
    )
    assert (d.route.queue, d.suggestion, d.actions, calls) == ("ignored", None, (), [])


def test_priority_mail_gets_the_configured_mailbox_actions() -> None:
    decider = Decider(
        RoutingPolicy(), SlaPolicy(), priority_folder="Priority", priority_keyword="$Hot"
    )
    angry = Scores(1, 0.3, 3, 1.0, 0.0)
    d = decide(email(), angry, History(), received=NOW, now=NOW, decider=decider)
    assert d.route.queue == "priority"
    assert d.actions == (("copy", "Priority"), ("keyword", "$Hot"))
    calm = decide(
        email(), Scores(1, 0.3, 0, 0.0, 0.0), History(), received=NOW, now=NOW, decider=decider
    )
    assert (calm.route.queue, calm.actions) == ("normal", ())


@pytest.fixture(scope="module")
def classifier(tmp_path_factory: pytest.TempPathFactory) -> Classifier:
    return load_classifier(setup(tmp_path_factory.mktemp("model")))


def setup(tmp_path: Path) -> Settings:
    return Settings(
        store=StoreSettings(url=f"sqlite:///{tmp_path / 'triage.db'}"),
        paths=PathsSettings(data_dir=tmp_path),
    )


def reply_fields(suggestion_json: str | None) -> dict[str, Any] | None:
    return json.loads(suggestion_json) if suggestion_json else None


def test_worker_refresh_and_jsonl_decide_the_sample_mailbox_alike(
    tmp_path: Path, classifier: Classifier
) -> None:
    settings = setup(tmp_path)
    store = Store.open(settings.store_url)
    maildir = ROOT / "samples" / "maildir"
    source = MaildirMailSource(maildir, tmp_path / "state")
    sync_folder(source, store, "INBOX", batch_size=50, max_bytes=None, clock=lambda: NOW)
    decider = make_decider(settings, classifier)
    # 1. the worker's stage
    TriageStage(store=store, load=lambda: (classifier, decider), clock=lambda: NOW)()
    with Session(store.engine) as s:
        rows = list(s.exec(select(EmailRow).order_by(col(EmailRow.id))))
    rows = [r for r in rows if r.stage != "quarantined"]
    assert len(rows) > 40
    assert {r.stage for r in rows} == {"triaged"}
    assert {r.queue for r in rows} >= {"priority", "normal", "ignored"}
    # the fixes were found by the topic embedding, stored with the space it is in (a path that
    # passed the classifier's version instead would fall back to keywords, and find no case)
    drafted = [r for r in rows if r.suggestion]
    assert {r.embedding_model for r in drafted} == {classifier.embedding_model}
    assert all(json.loads(r.suggestion or "")["similarity"] is not None for r in drafted)
    # a row embedded in an older space gets the new vector when its draft is made again
    old = drafted[0]
    with Session(store.engine) as s:
        stale = s.get(EmailRow, old.id)
        assert stale is not None
        stale.embedding_model, stale.embedding = "pooled-before", b"\x00" * 16
        s.add(stale)
        s.commit()
    assert old.id is not None
    refresh_suggestion(store, old.id, classifier, decider, NOW)
    again = store.row(old.id)
    assert again.embedding_model == classifier.embedding_model
    assert again.embedding == old.embedding

    # 2. suggest ID --refresh (what the CLI command calls)
    for row in rows:
        assert row.id is not None
        if row.queue == "ignored":
            with pytest.raises(NotFound, match="gets no suggested reply"):
                refresh_suggestion(store, row.id, classifier, decider, NOW)
            continue
        d = refresh_suggestion(store, row.id, classifier, decider, NOW)
        assert (d.route.queue, d.route.supervisor, list(d.route.reasons)) == (
            row.queue,
            row.supervisor,
            json.loads(row.route_reasons),
        ), row.subject
        assert reply_fields(store.row(row.id).suggestion) == reply_fields(row.suggestion)

    # 3. suggest --jsonl over the same messages, in the same order, as raw sources
    by_message_id = {}
    for path in sorted((maildir / "new").iterdir()) + sorted((maildir / "cur").iterdir()):
        raw = path.read_bytes()
        try:
            by_message_id[parse(raw).message_id or ""] = raw
        except MessageError:
            continue  # quarantined at intake: not among the triaged rows
    lines = [
        json.dumps(
            {
                "id": str(r.id),
                "eml": by_message_id[r.message_id].decode("utf-8", "surrogateescape"),
                "received": r.received_at.isoformat(),
            }
        )
        for r in rows
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = io.StringIO()
    suggest_jsonl(path, out, scorer=classifier.classify, decider=decider, now=NOW)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(records) == len(rows)
    for row, rec in zip(rows, records, strict=True):
        assert (rec["queue"], rec["supervisor"], rec["route_reasons"]) == (
            row.queue,
            row.supervisor,
            json.loads(row.route_reasons),
        ), row.subject
        stored = reply_fields(row.suggestion)
        if stored is None:
            assert "text" not in rec
            continue
        assert {k: rec[k] for k in stored} == stored, row.subject
    store.close()


def test_a_composer_that_fails_on_one_email_leaves_it_routed_without_a_draft(
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken(*_: object) -> None:
        raise re.error("bad escape \\s")

    decider = Decider(RoutingPolicy(), SlaPolicy(), composer=broken)  # type: ignore[arg-type]
    with caplog.at_level(logging.ERROR, logger="triage.flow.decide"):
        d = decide(
            email(), Scores(2, 0.6, 1, 0.3, 0.0), History(), received=NOW, now=NOW, decider=decider
        )
    assert d.route.queue == "normal"
    assert d.suggestion is None
    assert any("write it by hand" in r for r in d.route.reasons)
    assert "composer failed" in caplog.text


def test_our_own_errors_from_the_composer_still_stop_or_retry() -> None:
    # a busy store (learned cases read inside the composer) is retried, not "write it by hand"
    def busy(*_: object) -> None:
        raise StoreBusy("database is locked")

    decider = Decider(RoutingPolicy(), SlaPolicy(), composer=busy)  # type: ignore[arg-type]
    with pytest.raises(StoreBusy):
        decide(
            email(), Scores(2, 0.6, 1, 0.3, 0.0), History(), received=NOW, now=NOW, decider=decider
        )
