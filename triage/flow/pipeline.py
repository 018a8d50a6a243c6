"""The triage stage: claim new emails -> histories -> classify -> decide -> save.

Runs after each sync, and reads straight through with no database transaction open while the
model or the composer runs:

1. claim a batch (a short transaction; a lease, so a killed worker's rows come back);
2. load the senders' and threads' histories (one query for the batch);
3. classify the batch (one encoder pass, which also gives kind / scope / security) and read
   its text (asks, deadline, tried steps, language: triage/reading/);
4. decide each email (route, compose, mailbox actions: triage/flow/decide.py, pure);
5. save the decisions and their mailbox actions in one short transaction that checks the
   claim is still held.

The mailbox itself is changed later by triage/flow/ack.py, never before the decision is committed.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from triage.domain import Scores
from triage.flow.decide import Decider, Decision, decide, read_batch
from triage.mailbox import MailSource
from triage.metrics import Metrics
from triage.replies.values import Suggestion
from triage.route import URGENCY
from triage.store import Store
from triage.store.triage_ops import StoredEmail, TriageResult

log = logging.getLogger(__name__)


class Scorer(Protocol):
    def classify(self, items: Sequence[tuple[str, str]]) -> list[Scores]: ...


def suggestion_json(s: Suggestion) -> str:
    from triage.replies.serial import suggestion_to_dict

    return json.dumps(suggestion_to_dict(s))


def result_of(item: StoredEmail, d: Decision) -> TriageResult:
    """What the store saves for one decision."""
    from triage.reading.serial import reading_to_dict

    text = suggestion_json(d.suggestion) if d.suggestion is not None else None
    reading = json.dumps(reading_to_dict(d.reading)) if d.reading is not None else None
    return TriageResult(item.id, d.scores, d.route, text, d.actions, reading)


@dataclass
class TriageStage:
    store: Store
    # the classifier and the decider (whose reply kit embeds with the classifier) load
    # together, once per worker, on first need
    load: Callable[[], tuple[Scorer, Decider]]
    clock: Callable[[], datetime]
    batch_size: int = 32
    lease: timedelta = timedelta(minutes=5)
    metrics: Metrics | None = None
    _loaded: tuple[Scorer, Decider] | None = None

    @property
    def loaded(self) -> tuple[Scorer, Decider]:
        if self._loaded is None:
            self._loaded = self.load()
        return self._loaded

    def __call__(self, _source: MailSource | None = None) -> int:
        done = 0
        while True:
            claim = self.store.claim_batch(self.batch_size, self.clock(), self.lease)
            if not claim.items:
                return done
            results = self.decide_batch(claim.items)
            self.store.save_decisions(claim, results, self.clock())
            done += len(claim.items)

    def decide_batch(self, batch: Sequence[StoredEmail]) -> list[TriageResult]:
        # Non-customer mail is classified too (cheap, and the not_customer head is a second
        # opinion); routing then ignores it: no suggestion, no mailbox action.
        scorer, decider = self.loaded  # loads the model on first use: not part of the timing
        histories = self.store.histories(batch, decider.routing.repeat_window_days)
        t0 = time.perf_counter()
        scores = scorer.classify([(b.email.subject, b.email.newest_text) for b in batch])
        elapsed = time.perf_counter() - t0
        if self.metrics is not None:
            self.metrics.classification_took(elapsed)
            self.metrics.classified(len(batch))
        items = [(b.email, b.received_at) for b in batch]
        readings = read_batch(items, scores, histories, decider)
        results = []
        now = self.clock()
        for item, sc, history, reading in zip(batch, scores, histories, readings, strict=True):
            d = decide(
                item.email,
                sc,
                history,
                received=item.received_at,
                now=now,
                decider=decider,
                reading=reading,
            )
            results.append(result_of(item, d))
            if self.metrics is not None:
                self.metrics.queued(d.route.queue, URGENCY[sc.urgency])
            log.info(
                "email %d triaged: %s (urgency %d, frustration %d)",
                item.id,
                d.route.queue,
                sc.urgency,
                sc.frustration,
                extra={
                    "email_id": item.id,
                    "queue": d.route.queue,
                    "classify_ms": round(elapsed / len(batch) * 1000, 1),
                    "kind": item.email.kind.value,
                },
            )
        return results
