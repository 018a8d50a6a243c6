from __future__ import annotations

from datetime import UTC, datetime

import pytest

from triage.domain import MailKind, Scores
from triage.replies.values import History
from triage.route import RoutingPolicy, queue_sort_key, route
from triage.sla import SlaPolicy

MONDAY_10 = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
POLICY = RoutingPolicy()
SLA = SlaPolicy(timezone="UTC")


def scores(u: int, f: int, not_customer: float = 0.0) -> Scores:
    return Scores(u, u / 3, f, f / 3, not_customer)


def decide(
    u: int,
    f: int,
    *,
    kind: MailKind = MailKind.CUSTOMER,
    history: History | None = None,
    not_customer: float = 0.0,
):  # type: ignore[no-untyped-def]
    return route(
        kind,
        scores(u, f, not_customer),
        history or History(),
        received=MONDAY_10,
        policy=POLICY,
        sla=SLA,
    )


@pytest.mark.parametrize(
    ("u", "f", "queue"),
    [
        (0, 3, "priority"),
        (2, 2, "priority"),
        (3, 2, "priority"),
        (1, 2, "normal"),
        (3, 1, "normal"),
        (3, 0, "normal"),
        (0, 0, "normal"),
    ],
)
def test_default_priority_policy_from_labels_md(u: int, f: int, queue: str) -> None:
    assert decide(u, f).queue == queue


def test_supervisor_only_when_angry_and_critical() -> None:
    assert decide(3, 3).supervisor
    assert not decide(2, 3).supervisor
    assert not decide(3, 2).supervisor
    assert "supervisor: angry and critical" in decide(3, 3).reasons


def test_repeat_contact_raises_priority_and_is_shown() -> None:
    first = decide(2, 1)
    again = decide(2, 1, history=History(same_sender=2, same_thread=1))
    assert first.queue == "normal"
    assert again.queue == "priority"
    assert again.repeat
    assert any("repeat contact" in r for r in again.reasons)


@pytest.mark.parametrize("kind", [MailKind.AUTO_REPLY, MailKind.BOUNCE, MailKind.MAILING_LIST])
def test_non_customer_mail_is_never_queued(kind: MailKind) -> None:
    d = decide(3, 3, kind=kind)
    assert d.queue == "ignored"
    assert not d.supervisor
    assert d.due is None


def test_model_not_customer_probability_ignores() -> None:
    assert decide(1, 0, not_customer=0.9).queue == "ignored"
    # a sender seen before, but not in this thread, does not overrule the model
    assert decide(1, 0, not_customer=0.9, history=History(same_sender=3)).queue == "ignored"


def test_a_reply_in_a_known_thread_is_never_ignored_on_the_model_alone() -> None:
    d = decide(2, 2, not_customer=0.97, history=History(same_sender=3, same_thread=3))
    assert d.queue == "priority"  # repeat raises frustration 2 -> 3
    assert any("kept although the model" in r and "3 earlier" in r for r in d.reasons)
    # header rules still win: a bounce in the thread stays out of the queue
    bounce = decide(2, 2, kind=MailKind.BOUNCE, history=History(same_thread=3))
    assert bounce.queue == "ignored"


def test_due_time_follows_the_urgency_target() -> None:
    assert decide(2, 0).due == datetime(2026, 11, 23, 14, 0, tzinfo=UTC)  # high: 4 business hours
    assert decide(3, 0).due == datetime(2026, 11, 23, 11, 0, tzinfo=UTC)  # critical: 1 h, 24/7


def test_queue_order_angriest_then_most_urgent_then_oldest() -> None:
    later = datetime(2026, 11, 23, 11, 0, tzinfo=UTC)
    items = [
        ("calm-critical", queue_sort_key(0.1, 1.0, MONDAY_10)),
        ("angry-late", queue_sort_key(0.95, 0.3, later)),
        ("angry-early", queue_sort_key(0.95, 0.3, MONDAY_10)),
        ("angry-urgent", queue_sort_key(0.95, 0.9, later)),
    ]
    order = [name for name, key in sorted(items, key=lambda x: x[1])]
    assert order == ["angry-urgent", "angry-early", "angry-late", "calm-critical"]
