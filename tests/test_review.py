"""The agents' actions (triage/review.py) without a terminal: the store, the real composer and
router, the tag fake classifier of test_review_cli; the editor is a function."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from triage import review
from triage.errors import NotFound
from triage.replies.serial import reply_text
from triage.settings import PathsSettings, Settings, StoreSettings
from triage.store import Store

from .test_review_cli import triaged_store

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        store=StoreSettings(url=f"sqlite:///{tmp_path / 'triage.db'}"),
        paths=PathsSettings(data_dir=tmp_path),
    )


@pytest.fixture
def store(settings: Settings) -> Store:
    """Emails 1-4 of test_review_cli, triaged: 3 and 2 lead the priority queue, 1 is normal."""
    store = triaged_store(settings)
    return store


def test_approve_records_the_agent_and_returns_the_remaining_tone_errors(
    settings: Settings, store: Store
) -> None:
    errors = review.approve(settings, store, 4, "dana", NOW)
    assert store.row(4).review == "approved"
    assert [(a.action, a.agent) for a in store.audit(4)] == [("approve", "dana")]
    # the final checks: no knowledge-base fix for this one (a portal's sign-in), but no
    # placeholder in the text either; what the agent must still add is a note on the suggestion
    assert errors == []
    stored = json.loads(store.row(4).suggestion or "{}")
    assert stored["kb_entry"] is None
    assert stored["agent_todo"]
    assert "[" not in stored["text"]


def test_approve_an_unknown_email_is_not_found(settings: Settings, store: Store) -> None:
    with pytest.raises(NotFound):
        review.approve(settings, store, 999, "dana", NOW)


def test_reject_keeps_the_reason(store: Store) -> None:
    review.reject(store, 3, "needs a phone call", "lee", NOW)
    assert store.row(3).review == "rejected"
    [rej] = store.audit(3)
    assert (rej.action, json.loads(rej.detail)) == ("reject", {"reason": "needs a phone call"})


def test_edit_round_trip_saves_the_diff_and_checks_the_tone_again(
    settings: Settings, store: Store
) -> None:
    ticks = iter([NOW + timedelta(minutes=7)])
    edited = review.edit(
        settings, store, 2, "kim", lambda: next(ticks), editor=lambda t: t + "\nUser error.\n"
    )
    assert edited is not None
    assert edited.text.endswith("User error.\n")
    assert reply_text(store.row(2)) == edited.text
    assert any(f.rule == "blame" for f in edited.findings)
    [audit] = store.audit(2)
    assert audit.action == "edit"
    assert "+User error." in json.loads(audit.detail)["diff"]
    # stamped when saved, not when the editor opened
    assert audit.at == NOW + timedelta(minutes=7)


def test_edit_without_a_change_saves_nothing(settings: Settings, store: Store) -> None:
    assert review.edit(settings, store, 2, "kim", lambda: NOW, editor=lambda t: t + "\n  ") is None
    assert store.audit(2) == []


def test_relabel_then_export_feedback_in_the_eval_format(store: Store, tmp_path: Path) -> None:
    review.relabel(store, 2, "kim", NOW, urgency=3, frustration=3, not_customer=False)
    out = tmp_path / "fb.jsonl"
    assert review.export_feedback(store, out) == 1
    [line] = [json.loads(x) for x in out.read_text().splitlines()]
    assert line["id"] == "email-2"
    assert (line["urgency"], line["frustration"], line["not_customer"]) == (3, 3, False)
    assert line["subject"] == "VPN DOWN AGAIN [u2f3]"


def test_pending_reads_the_queue_again_before_each_email(store: Store) -> None:
    it = review.pending(store)
    first = next(it)
    assert first == 3  # the angriest and most urgent first
    second = next(it)
    review.reject(store, 4, "another agent took it", "lee", NOW)  # drops out meanwhile
    assert [first, second, *it] == [3, 2]
