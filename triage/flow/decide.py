"""The decision on one email: scores + history -> route -> suggested reply -> mailbox actions.

The one place that turns a classified email into what the desk does with it. The worker,
``triage suggest ID --refresh`` and ``triage suggest --jsonl`` all call :func:`decide`, so the
same email with the same history gets the same queue and the same draft whichever way it came.
Pure: no store, no model, no clock (``now`` is passed in); classification is batched by the
caller, because one encoder pass over a batch is several times cheaper than one per email.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Protocol

from triage.domain import Email, History, Reading, ReadingGuess, RouteDecision, Scores
from triage.errors import TriageError
from triage.reading.values import TextReading
from triage.replies.values import Suggestion
from triage.route import RoutingPolicy, route
from triage.sla import SlaPolicy

log = logging.getLogger(__name__)

# (email, scores, history, now, supervisor, reading) -> the suggested reply
Composer = Callable[[Email, Scores, History, datetime, bool, Reading | None], Suggestion]


class TextReader(Protocol):
    """triage/reading/reader.py's reader: (subject, newest text, received) -> TextReading."""

    def read_many(self, items: Iterable[tuple[str, str, datetime]]) -> list[TextReading]: ...


@dataclass(frozen=True, slots=True)
class Decider:
    """Everything a decision needs besides the email, built once by the composition root."""

    routing: RoutingPolicy
    sla: SlaPolicy
    composer: Composer | None = None  # None: route only (no reply kit loaded)
    priority_folder: str | None = None  # copy priority mail here (imap.priority_action = copy)
    priority_keyword: str | None = None  # and/or flag it with this keyword
    reader: TextReader | None = None  # None: no text reading (asks, deadline, language, ...)


@dataclass(frozen=True, slots=True)
class Decision:
    scores: Scores
    route: RouteDecision
    suggestion: Suggestion | None  # None for ignored mail, or when no composer is loaded
    actions: tuple[tuple[str, str], ...]  # (action, target) to apply to the mailbox, later
    reading: Reading | None = None


def reading_of(
    guess: ReadingGuess | None, text: TextReading | None, history: History
) -> Reading | None:
    """The Reading from its three sources: the heads' guess, the text, the store's history."""
    if guess is None and text is None:
        return None
    return Reading(
        kind=guess.kind if guess else "",
        kind_p=guess.kind_p if guess else 0.0,
        security=bool(guess and guess.security_p >= 0.5),
        scope=guess.scope if guess else "",
        scope_words=guess.scope_words if guess else (),
        asks=text.asks if text else (),
        deadline=text.deadline if text else None,
        tried=text.tried if text else (),
        language=text.language if text else "",
        prior_contact=history.same_matter,
        says_wrote_before=bool(text and text.says_wrote_before),
        problem=text.problem if text else "",
        topic=text.topic if text else "",
        headline=text.headline if text else "",
    )


def read_batch(
    items: Sequence[tuple[Email, datetime]],
    scores: Sequence[Scores],
    histories: Sequence[History],
    decider: Decider,
) -> list[Reading | None]:
    """The Reading of each email of a batch (the text reader parses the batch in one go)."""
    texts: Sequence[TextReading | None] = (
        decider.reader.read_many([(e.subject, e.newest_text, at) for e, at in items])
        if decider.reader is not None
        else [None] * len(items)
    )
    return [
        reading_of(sc.guess, text, h) for sc, text, h in zip(scores, texts, histories, strict=True)
    ]


def decide(
    email: Email,
    scores: Scores,
    history: History,
    *,
    received: datetime,
    now: datetime,
    decider: Decider,
    reading: Reading | None = None,
) -> Decision:
    """Route the email and, unless it is ignored, compose its suggested reply."""
    decision = route(
        email.kind,
        scores,
        history,
        received=received,
        policy=decider.routing,
        sla=decider.sla,
        reading=reading,
    )
    suggestion = None
    # Non-customer mail gets no draft: nobody should answer an auto-reply or a bounce.
    if decision.queue != "ignored" and decider.composer is not None:
        # the reply promises the callback of the urgency routing settled on (the reading may
        # have raised it), so the promise and the due time agree
        urgent = (
            replace(scores, urgency=decision.urgency) if decision.urgency is not None else scores
        )
        try:
            suggestion = decider.composer(email, urgent, history, now, decision.supervisor, reading)
        except TriageError:
            raise  # ours (a busy store, a bad config) mean retry or stop, not "write it by hand"
        except Exception as exc:  # one email's draft must never stop the rest
            # the email is still routed and queued; an agent writes this reply by hand, and the
            # log keeps the traceback for us (a composer bug, not the customer's fault)
            log.exception("no suggested reply for %r: the composer failed", email.message_id)
            reason = f"no suggested reply: drafting failed ({type(exc).__name__}); write it by hand"
            decision = replace(decision, reasons=(*decision.reasons, reason))
    actions: list[tuple[str, str]] = []
    if decision.queue == "priority":
        if decider.priority_folder:
            actions.append(("copy", decider.priority_folder))
        if decider.priority_keyword:
            actions.append(("keyword", decider.priority_keyword))
    return Decision(scores, decision, suggestion, tuple(actions), reading)
