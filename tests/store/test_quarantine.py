"""Quarantined mail in the store: listed, and requeued exactly once (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from tests.store.conftest import run_together
from triage.domain import Email, Intake, MailKey
from triage.errors import NotFound
from triage.store import Store
from triage.store.triage_ops import TriageResult

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
REASON = "parser failed: RuntimeError: bug 1"


def quarantined(uid: int, reason: str = REASON, mid: str | None = None) -> Intake:
    return Intake(
        key=MailKey("default", "INBOX", 1, uid),
        size=1234,
        content_hash=f"raw-{uid}",
        message_id=mid or f"<q{uid}@customer.example>",
        email=None,
        error=reason,
        raw_headers=f"From: a@customer.example\nSubject: broken {uid}\n",
        received_at=NOW - timedelta(hours=2),
    )


def parsed(uid: int, mid: str | None = None, body_hash: str | None = None) -> Intake:
    mid = mid or f"<q{uid}@customer.example>"
    email = Email(
        message_id=mid,
        subject=f"VPN down {uid}",
        from_name="Ann",
        from_address="ann@customer.example",
        date=NOW,
        newest_text="The VPN drops every hour.",
        defects=("no Date",),
        content_hash=body_hash or f"body-{uid}",
    )
    return Intake(
        key=MailKey("default", "INBOX", 1, uid),
        size=1234,
        content_hash=email.content_hash,
        message_id=mid,
        email=email,
        received_at=NOW - timedelta(hours=1),
    )


def _triage(store: Store) -> list[int]:
    """The normal triage path (what the worker runs): the ids it decided on."""
    seen: list[int] = []

    from triage.domain import RouteDecision, Scores

    while (claim := store.claim_batch(16, NOW, timedelta(minutes=5))).items:
        seen.extend(b.id for b in claim.items)
        scores = Scores(1, 0.3, 1, 0.3, 0.01)
        decision = RouteDecision("normal", None, False, False, ())
        store.save_decisions(
            claim, [TriageResult(b.id, scores, decision, None) for b in claim.items], NOW
        )
    return seen


def test_quarantined_lists_only_quarantined_mail_with_the_reason(store: Store) -> None:
    store.record_batch("default", "INBOX", 1, [parsed(1), quarantined(2)], last_uid=2, now=NOW)
    [item] = store.quarantined()
    assert (item.id, item.reason, item.size, item.folder) == (2, REASON, 1234, "INBOX")
    assert item.received_at == NOW - timedelta(hours=2)
    assert store.stats(NOW)["quarantined"] == 1
    assert [k.uid for k in store.mail_locations(2)] == [2]


def test_a_requeued_message_that_parses_is_triaged_exactly_once(store: Store) -> None:
    store.record_batch("default", "INBOX", 1, [quarantined(1)], last_uid=1, now=NOW)
    assert _triage(store) == []  # quarantined mail is never triaged
    result = store.requeue(1, parsed(1), "dana", NOW)
    assert (result.outcome, result.reason, result.duplicate_of) == ("parsed", None, None)
    row = store.row(1)
    assert (row.status, row.stage, row.error, row.subject) == ("parsed", "new", None, "VPN down 1")
    assert json.loads(row.defects) == ["no Date"]
    assert row.received_at == NOW - timedelta(hours=2)  # the response target started then
    assert store.counts()["quarantined"] == 0
    assert _triage(store) == [1]
    assert _triage(store) == []
    with pytest.raises(NotFound, match="not quarantined"):
        store.requeue(1, parsed(1), "dana", NOW)
    [audit] = store.audit(1)
    assert (audit.action, audit.agent) == ("requeue", "dana")
    assert json.loads(audit.detail) == {"before": REASON, "after": "parsed"}
    assert store.row(1).first_reviewed_at is None  # not a review of the reply


def test_a_requeued_message_that_still_fails_stays_quarantined_with_the_new_reason(
    store: Store,
) -> None:
    store.record_batch("default", "INBOX", 1, [quarantined(1)], last_uid=1, now=NOW)
    result = store.requeue(1, quarantined(1, "parser failed: RuntimeError: bug 2"), "dana", NOW)
    assert (result.outcome, result.reason) == ("quarantined", "parser failed: RuntimeError: bug 2")
    row = store.row(1)
    assert (row.status, row.stage) == ("quarantined", "quarantined")
    assert row.error == "parser failed: RuntimeError: bug 2"
    assert _triage(store) == []
    [item] = store.quarantined()
    assert item.reason == "parser failed: RuntimeError: bug 2"


def test_a_message_stored_meanwhile_under_its_parsed_identity_is_a_duplicate(
    store: Store,
) -> None:
    mid = "<twice@customer.example>"
    store.record_batch("default", "INBOX", 1, [quarantined(1, mid=mid)], last_uid=1, now=NOW)
    # after an upgrade the same message arrives in a second watched folder and parses
    twin = replace(parsed(5, mid=mid, body_hash="body-same"), key=MailKey("default", "Later", 1, 5))
    store.record_batch("default", "Later", 1, [twin], last_uid=5, now=NOW)
    assert _triage(store) == [2]
    result = store.requeue(1, parsed(1, mid=mid, body_hash="body-same"), "dana", NOW)
    assert (result.outcome, result.duplicate_of) == ("duplicate", 2)
    assert store.counts()["quarantined"] == 0
    assert _triage(store) == []  # the twin was triaged once; this one is not triaged again
    assert store.row(1).stage == "duplicate"


def test_two_requeues_at_once_requeue_it_once(store: Store) -> None:
    store.record_batch("default", "INBOX", 1, [quarantined(1)], last_uid=1, now=NOW)
    errors = run_together(lambda agent: store.requeue(1, parsed(1), agent, NOW), ["a", "b"])
    assert [type(e) for e in errors] == [NotFound]
    assert len(store.audit(1)) == 1
    assert _triage(store) == [1]


def test_two_messages_the_server_refused_to_hand_over_stay_two(store: Store) -> None:
    # no bytes, so no Message-ID and the same (empty) content: the identity must come from
    # where they are, or the second maps onto the first row and a requeue finds only one
    from triage.domain import RawMessage
    from triage.parse.intake import to_intake

    refused = [
        to_intake(RawMessage(MailKey("default", "INBOX", 1, uid), b"", 99, fetch_error="NO"))
        for uid in (1, 2)
    ]
    r = store.record_batch("default", "INBOX", 1, refused, last_uid=2, now=NOW)
    assert (r.quarantined, r.already_known) == (2, 0)
    assert [(i.id, i.reason) for i in store.quarantined()] == [(1, "NO"), (2, "NO")]
    assert [[k.uid for k in store.mail_locations(i)] for i in (1, 2)] == [[1], [2]]
