"""The decision on one email: scores + history -> route -> suggested reply -> mailbox actions.

The one place that turns a classified email into what the desk does with it. The worker,
``triage suggest ID --refresh`` and ``triage suggest --jsonl`` all call :func:`decide`, so the
same email with the same history gets the same queue and the same draft whichever way it came.
Pure: no store, no model, no clock (``now`` is passed in); classification is batched by the
caller, because one encoder pass over a batch is several times cheaper than one per email.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from triage.domain import Email, History, RouteDecision, Scores
from triage.replies.values import Suggestion
from triage.route import RoutingPolicy, route
from triage.sla import SlaPolicy

# (email, scores, history, now, supervisor) -> the suggested reply
Composer = Callable[[Email, Scores, History, datetime, bool], Suggestion]


@dataclass(frozen=True, slots=True)
class Decider:
    """Everything a decision needs besides the email, built once by the composition root."""

    routing: RoutingPolicy
    sla: SlaPolicy
    composer: Composer | None = None  # None: route only (no reply kit loaded)
    priority_folder: str | None = None  # copy priority mail here (imap.priority_action = copy)
    priority_keyword: str | None = None  # and/or flag it with this keyword


@dataclass(frozen=True, slots=True)
class Decision:
    scores: Scores
    route: RouteDecision
    suggestion: Suggestion | None  # None for ignored mail, or when no composer is loaded
    actions: tuple[tuple[str, str], ...]  # (action, target) to apply to the mailbox, later


def decide(
    email: Email,
    scores: Scores,
    history: History,
    *,
    received: datetime,
    now: datetime,
    decider: Decider,
) -> Decision:
    """Route the email and, unless it is ignored, compose its suggested reply."""
    decision = route(
        email.kind, scores, history, received=received, policy=decider.routing, sla=decider.sla
    )
    suggestion = None
    # Non-customer mail gets no draft: nobody should answer an auto-reply or a bounce.
    if decision.queue != "ignored" and decider.composer is not None:
        suggestion = decider.composer(email, scores, history, now, decision.supervisor)
    actions: list[tuple[str, str]] = []
    if decision.queue == "priority":
        if decider.priority_folder:
            actions.append(("copy", decider.priority_folder))
        if decider.priority_keyword:
            actions.append(("keyword", decider.priority_keyword))
    return Decision(scores, decision, suggestion, tuple(actions))
