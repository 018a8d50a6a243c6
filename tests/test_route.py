from __future__ import annotations

from datetime import UTC, datetime

import pytest

from triage.domain import Ask, Deadline, MailKind, Reading, Scores
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


def test_a_high_matter_after_lunch_is_due_by_the_end_of_the_day_as_its_reply_promises() -> None:
    monday_1320 = datetime(2026, 11, 23, 13, 20, tzinfo=UTC)
    d = route(
        MailKind.CUSTOMER,
        scores(2, 0, 0.0),
        History(),
        received=monday_1320,
        policy=POLICY,
        sla=SLA,
    )
    assert d.due == datetime(2026, 11, 23, 17, 0, tzinfo=UTC)  # not 09:20 on Tuesday


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


def reading(
    scope: str = "one",
    security: bool = False,
    deadline: Deadline | None = None,
    kind: str = "fault",
    asks: tuple[Ask, ...] = (),
) -> Reading:
    return Reading(
        kind=kind,
        kind_p=0.9,
        security=security,
        scope=scope,
        scope_words=("whole office",) if scope == "site" else (),
        asks=asks,
        deadline=deadline,
        tried=(),
        language="en",
        prior_contact=0,
        says_wrote_before=False,
    )


READING_ON = RoutingPolicy(reading_raises_urgency=("scope", "security", "deadline"))


def read_route(u: int, f: int, r: Reading, policy: RoutingPolicy = READING_ON):  # type: ignore[no-untyped-def]
    return route(
        MailKind.CUSTOMER,
        scores(u, f),
        History(),
        received=MONDAY_10,
        policy=policy,
        sla=SLA,
        reading=r,
    )


@pytest.mark.parametrize(
    ("r", "want", "why"),
    [
        (reading(scope="site"), 2, "a whole site affected ('whole office')"),
        (reading(scope="everyone"), 2, "everyone affected"),
        (reading(security=True), 2, "a security matter"),
        (reading(scope="team"), 1, None),
        (reading(), 1, None),
    ],
)
def test_scope_and_security_raise_urgency_to_high(r: Reading, want: int, why: str | None) -> None:
    d = read_route(1, 0, r)
    assert d.urgency == want
    raised = [x for x in d.reasons if x.startswith("urgency raised")]
    assert raised == ([f"urgency raised to high: {why}"] if why else [])


def test_a_deadline_before_the_response_target_raises_to_a_level_that_meets_it() -> None:
    normal_due = route(
        MailKind.CUSTOMER, scores(1, 0), History(), received=MONDAY_10, policy=POLICY, sla=SLA
    ).due
    assert normal_due is not None
    soon = Deadline("by noon", MONDAY_10.replace(hour=12))
    d = read_route(1, 0, reading(deadline=soon))
    assert d.urgency is not None
    assert d.urgency > 1
    assert d.due is not None
    assert d.due <= soon.at
    assert any("their deadline 'by noon'" in x for x in d.reasons)
    # a deadline no target can meet is critical; a later one changes nothing
    now_ish = Deadline("in 5 minutes", MONDAY_10.replace(minute=5))
    assert read_route(0, 0, reading(deadline=now_ish)).urgency == 3
    later = Deadline("next month", MONDAY_10.replace(month=12))
    assert read_route(1, 0, reading(deadline=later)).urgency == 1
    assert read_route(1, 0, reading(deadline=Deadline("before the board meets", None))).urgency == 1


def test_the_reading_never_lowers_urgency_and_can_be_switched_off() -> None:
    assert read_route(3, 0, reading(scope="site")).urgency == 3
    assert read_route(1, 0, reading(scope="site"), POLICY).urgency == 1  # off by default
    only_deadline = RoutingPolicy(reading_raises_urgency=("deadline",))
    assert read_route(1, 0, reading(scope="site"), only_deadline).urgency == 1


def test_raised_urgency_moves_the_due_time_and_priority() -> None:
    calm = read_route(1, 2, reading())
    site = read_route(1, 2, reading(scope="site"))
    assert calm.queue == "normal"
    assert site.queue == "priority"  # frustrated and (now) urgent
    assert site.due is not None
    assert calm.due is not None
    assert site.due < calm.due


LEAVER = (
    Ask("Disable his network account at 5:30pm on the 14th", "request"),
    Ask("Set an auto-reply on his mailbox pointing people to the logistics inbox", "request"),
)


def not_customer_route(r: Reading):  # type: ignore[no-untyped-def]
    return route(
        MailKind.CUSTOMER,
        scores(1, 0, 1.0),
        History(),
        received=MONDAY_10,
        policy=POLICY,
        sla=SLA,
        reading=r,
    )


def test_a_plain_request_to_the_desk_is_kept_although_the_model_says_not_a_customer() -> None:
    d = not_customer_route(reading(kind="request", asks=LEAVER))
    assert d.queue == "normal"
    assert any("kept although the model" in x and "asks the desk for 2" in x for x in d.reasons)


@pytest.mark.parametrize(
    "r",
    [
        # a question is not enough: newsletters ask "Can't make it?"
        reading(kind="request", asks=(Ask("Can you come?", "question"),)),
        # a mailing's own asks
        reading(kind="request", asks=(Ask("Register now to save your seat.", "request"),)),
        reading(
            kind="request",
            asks=LEAVER + (Ask("If you are interested, please reply", "request"),),
        ),
        # newsletters and offers are read as feedback
        reading(kind="feedback", asks=LEAVER),
        reading(kind="", asks=LEAVER),
        # one ask is not enough
        reading(kind="request", asks=LEAVER[:1]),
        # a mailing's asks are about the reader's own things, or in a mailing's verbs
        reading(
            kind="request",
            asks=(
                Ask("Please renew your subscription to avoid interruption.", "request"),
                Ask("Sign in to the admin centre to update the payment details.", "request"),
            ),
        ),
        reading(
            kind="request",
            asks=(
                Ask("Please review", "request"),
                Ask("sign the document by Friday.", "request"),
                Ask("Do not share this email.", "request"),
            ),
        ),
        reading(
            kind="request",
            asks=(
                Ask("Save your seat today", "request"),
                Ask("Bring your questions for our panel.", "request"),
                Ask("Please approve or reject this request in the portal.", "request"),
            ),
        ),
    ],
)
def test_mailings_and_questions_do_not_overrule_the_model(r: Reading) -> None:
    assert not_customer_route(r).queue == "ignored"
