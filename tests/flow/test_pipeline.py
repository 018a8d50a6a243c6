"""The triage stage reads straight through: claim (short transaction) -> histories -> classify
-> decide -> save (short transaction that checks the claim). On SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from tests.store.conftest import store_url  # noqa: F401  (the two-backend fixture)
from tests.test_review_cli import EMAILS, TagScorer, mail
from triage.domain import Email, History, MailKey, RawMessage, Reading, Scores
from triage.flow.decide import Decider
from triage.flow.pipeline import TriageStage
from triage.flow.runtime import make_composer
from triage.parse.intake import to_intake
from triage.replies.values import Suggestion
from triage.settings import PathsSettings, Settings, StoreSettings
from triage.store import Store

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


class OpenTransactions:
    """Tracks which connections of an engine are inside a transaction right now."""

    def __init__(self, engine: Engine) -> None:
        self.open: set[int] = set()
        event.listen(engine, "begin", lambda conn: self.open.add(id(conn)))
        event.listen(engine, "commit", lambda conn: self.open.discard(id(conn)))
        event.listen(engine, "rollback", lambda conn: self.open.discard(id(conn)))


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:  # noqa: F811
    s = Store.open(store_url)
    yield s
    s.close()


def ingest(store: Store) -> None:
    items = [
        to_intake(RawMessage(MailKey("default", "INBOX", 1, n + 1), d, len(d)))
        for n, d in enumerate(EMAILS)
    ]
    store.record_batch("default", "INBOX", 1, items, last_uid=len(items), now=NOW)


def settings(tmp_path: Path) -> Settings:
    return Settings(
        store=StoreSettings(url=f"sqlite:///{tmp_path / 'unused.db'}"),
        paths=PathsSettings(data_dir=tmp_path),
    )


def test_no_model_call_or_compose_inside_a_transaction(store: Store, tmp_path: Path) -> None:
    ingest(store)
    watch = OpenTransactions(store.engine)
    calls = {"classify": 0, "compose": 0}
    tag = TagScorer()
    compose = make_composer(settings(tmp_path), None)

    class WatchedScorer:
        def classify(self, items: Sequence[tuple[str, str]]) -> list[Scores]:
            assert not watch.open, "the model ran inside an open database transaction"
            calls["classify"] += 1
            return tag.classify(items)

    def watched_compose(
        email: Email,
        scores: Scores,
        history: History,
        now: datetime,
        sup: bool,
        reading: Reading | None,
    ) -> Suggestion:
        assert not watch.open, "a reply was composed inside an open database transaction"
        calls["compose"] += 1
        return compose(email, scores, history, now, sup, reading)

    decider = Decider(routing=settings(tmp_path).routing, sla=settings(tmp_path).sla)
    decider = Decider(decider.routing, decider.sla, watched_compose)
    stage = TriageStage(
        store=store, load=lambda: (WatchedScorer(), decider), clock=lambda: NOW, batch_size=2
    )
    assert stage() == len(EMAILS)
    assert calls == {"classify": 2, "compose": len(EMAILS)}
    assert not watch.open
    assert store.queue_depths()["priority"] + store.queue_depths()["normal"] == len(EMAILS)


def test_a_claim_holds_its_rows_until_the_lease_runs_out(store: Store) -> None:
    ingest(store)
    lease = timedelta(minutes=5)
    first = store.claim_batch(2, NOW, lease)
    assert [i.id for i in first.items] == [1, 2]
    # another worker at the same moment gets the others, never the claimed ones
    second = store.claim_batch(10, NOW, lease)
    assert [i.id for i in second.items] == [3, 4]
    assert store.claim_batch(10, NOW + lease - timedelta(seconds=1), lease).items == ()
    # the first worker died: after the lease its rows go to whoever asks
    third = store.claim_batch(10, NOW + lease + timedelta(seconds=1), lease)
    assert [i.id for i in third.items] == [1, 2, 3, 4]


def test_a_lost_claim_saves_nothing_and_the_new_holder_decides(
    store: Store, tmp_path: Path
) -> None:
    ingest(store)
    lease = timedelta(minutes=5)
    stage = TriageStage(
        store=store,
        load=lambda: (TagScorer(), Decider(settings(tmp_path).routing, settings(tmp_path).sla)),
        clock=lambda: NOW,
    )
    slow = store.claim_batch(10, NOW, lease)  # a worker that stalls past its lease
    fast = store.claim_batch(10, NOW + 2 * lease, lease)  # takes the rows over
    assert store.save_decisions(fast, stage.decide_batch(fast.items), NOW) == len(EMAILS)
    # the stalled worker wakes up and tries to save: its claim is gone, nothing is overwritten
    assert store.save_decisions(slow, stage.decide_batch(slow.items), NOW) == 0
    assert store.claim_batch(10, NOW + 10 * lease, lease).items == ()


def test_histories_come_from_one_query_per_batch(store: Store) -> None:
    ingest(store)
    claim = store.claim_batch(10, NOW, timedelta(minutes=5))
    statements: list[Any] = []
    event.listen(store.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    histories = store.histories(claim.items, 14)
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 1
    # Dana wrote all four: each has the earlier ones as history, the same as one at a time
    assert [h.same_sender for h in histories] == [0, 1, 2, 3]
    assert histories == [store.history(i, 14) for i in claim.items]
    # four different matters: none may be told back as "your earlier message about this"
    assert [h.same_matter for h in histories] == [0, 0, 0, 0]


def test_the_store_counts_the_same_subject_from_the_sender_as_the_same_matter(
    store: Store,
) -> None:
    again = mail(5, "RE: vpn down again [u2f3]", "Still dropping every hour.")
    other = mail(6, "Re: VPN DOWN AGAIN [u2f3]", "Same here.", sender="Lee <lee@other.example>")
    items = [
        to_intake(RawMessage(MailKey("default", "INBOX", 1, n + 1), d, len(d)))
        for n, d in enumerate([*EMAILS, again, other])
    ]
    store.record_batch("default", "INBOX", 1, items, last_uid=len(items), now=NOW)
    histories = store.histories(store.claim_batch(10, NOW, timedelta(minutes=5)).items, 14)
    assert [h.same_matter for h in histories] == [0, 0, 0, 0, 1, 0]
    assert [h.same_sender for h in histories] == [0, 1, 2, 3, 4, 0]
