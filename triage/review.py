"""What an agent does to a stored email, apart from the terminal: the actions behind the CLI.

cli.py parses arguments and maps errors to exit codes; the work is here, so it can be tested
without a terminal and called from any front end.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from triage.domain import Scores
from triage.errors import NotFound
from triage.flow.decide import Decider, Decision, decide
from triage.flow.pipeline import suggestion_json
from triage.store import Store
from triage.store.triage_ops import stored_of


class Scorer(Protocol):
    def classify(self, items: Sequence[tuple[str, str]]) -> list[Scores]: ...


def refresh_suggestion(
    store: Store, email_id: int, scorer: Scorer, decider: Decider, now: datetime
) -> Decision:
    """Classify and decide a stored email again, as the worker would now, and save the draft.

    The email's queue is left as it is (an agent may be working it); only the suggested reply
    is replaced.
    """
    stored = stored_of(store.row(email_id))
    [scores] = scorer.classify([(stored.email.subject, stored.email.newest_text)])
    [history] = store.histories([stored], decider.routing.repeat_window_days)
    d = decide(stored.email, scores, history, received=stored.received_at, now=now, decider=decider)
    if d.suggestion is None:
        raise NotFound(f"email {email_id} gets no suggested reply: " + "; ".join(d.route.reasons))
    store.set_suggestion(email_id, suggestion_json(d.suggestion))
    return d
