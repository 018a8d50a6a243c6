"""The triage stage: new emails -> classify (one batched encoder pass) -> route -> suggest -> commit.

Runs after each sync. Every decision and the mailbox actions it implies commit in one
transaction; the mailbox itself is changed later by triage/ack.py, never before the commit.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from triage.domain import Email, History, Scores
from triage.mailbox import MailSource
from triage.metrics import Metrics
from triage.replies.values import Suggestion
from triage.route import URGENCY, RoutingPolicy, route
from triage.sla import SlaPolicy
from triage.store import Store
from triage.store.triage_ops import TriageResult

log = logging.getLogger(__name__)


class Scorer(Protocol):
    def classify(self, items: Sequence[tuple[str, str]]) -> list[Scores]: ...


# (email, scores, history, now, supervisor) -> the suggested reply
Composer = Callable[[Email, Scores, History, datetime, bool], Suggestion]


def suggestion_json(s: Suggestion) -> str:
    from triage.replies.serial import suggestion_to_dict

    return json.dumps(suggestion_to_dict(s))


@dataclass
class TriageStage:
    store: Store
    scorer_factory: Callable[[], Scorer]
    composer: Composer | None
    routing: RoutingPolicy
    sla: SlaPolicy
    clock: Callable[[], datetime]
    priority_folder: str | None = None
    priority_keyword: str | None = None
    batch_size: int = 32
    metrics: Metrics | None = None
    _scorer: Scorer | None = None

    @property
    def scorer(self) -> Scorer:
        if self._scorer is None:  # the model loads once per worker, on first need
            self._scorer = self.scorer_factory()
        return self._scorer

    def __call__(self, _source: MailSource | None = None) -> int:
        done = 0
        while n := self.store.triage_batch(self.batch_size, self._decide, self.clock):
            done += n
        return done

    def _decide(self, batch: list[Any]) -> list[TriageResult]:
        # Non-customer mail is classified too (cheap, and the not_customer head is a second
        # opinion); routing then ignores it: no suggestion, no mailbox action.
        scorer = self.scorer  # loads the model on first use: not part of the timing
        t0 = time.perf_counter()
        scores = scorer.classify([(b.email.subject, b.email.newest_text) for b in batch])
        elapsed = time.perf_counter() - t0
        per_email = elapsed / len(batch)
        if self.metrics is not None:
            self.metrics.classification_took(elapsed)
            self.metrics.classified(len(batch))
        results = []
        for item, sc in zip(batch, scores, strict=True):
            history = self.store.history(item, self.routing.repeat_window_days)
            decision = route(
                item.email.kind,
                sc,
                history,
                received=item.received_at,
                policy=self.routing,
                sla=self.sla,
            )
            suggestion = None
            if decision.queue != "ignored" and self.composer is not None:
                suggestion = suggestion_json(
                    self.composer(item.email, sc, history, self.clock(), decision.supervisor)
                )
            actions: list[tuple[str, str]] = []
            if decision.queue == "priority":
                if self.priority_folder:
                    actions.append(("copy", self.priority_folder))
                if self.priority_keyword:
                    actions.append(("keyword", self.priority_keyword))
            results.append(TriageResult(item.id, sc, decision, suggestion, tuple(actions)))
            if self.metrics is not None:
                self.metrics.queued(decision.queue, URGENCY[sc.urgency])
            log.info(
                "email %d triaged: %s (urgency %d, frustration %d)",
                item.id,
                decision.queue,
                sc.urgency,
                sc.frustration,
                extra={
                    "email_id": item.id,
                    "queue": decision.queue,
                    "classify_ms": round(per_email * 1000, 1),
                    "kind": item.email.kind.value,
                },
            )
        return results
