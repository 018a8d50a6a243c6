from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from triage.errors import ConfigError
from triage.sla import (
    SlaPolicy,
    add_business_minutes,
    business_minutes_between,
    callback_at,
    due_at,
    follow_up_on,
    format_when,
    is_business_time,
    load_sla_policy,
)

LONDON = ZoneInfo("Europe/London")
POLICY = (
    SlaPolicy()
)  # Europe/London, Mon-Fri 09:00-17:00, low 1440 / normal 480 / high 240 / critical 60


def at(y: int, mo: int, d: int, h: int, mi: int = 0, zone: ZoneInfo = LONDON) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=zone)


def test_high_within_the_same_day() -> None:
    # Monday 23 November 2026, 10:00 + 4 business hours
    assert due_at(at(2026, 11, 23, 10), 2, POLICY) == at(2026, 11, 23, 14)


def test_normal_runs_over_the_weekend() -> None:
    # Friday 16:00: one hour left on Friday, seven on Monday
    assert due_at(at(2026, 11, 27, 16), 1, POLICY) == at(2026, 11, 30, 16)


def test_clock_starts_at_next_opening_when_received_out_of_hours() -> None:
    assert due_at(at(2026, 11, 28, 11), 2, POLICY) == at(2026, 11, 30, 13)  # Saturday
    assert due_at(at(2026, 11, 23, 6), 2, POLICY) == at(2026, 11, 23, 13)  # before opening


def test_critical_runs_around_the_clock() -> None:
    saturday_night = at(2026, 11, 28, 3, 7)
    assert due_at(saturday_night, 3, POLICY) == at(2026, 11, 28, 4, 7)
    assert callback_at(saturday_night, 3, POLICY) == at(2026, 11, 28, 4, 5)
    assert is_business_time(at(2026, 11, 28, 4, 5), POLICY, level=3)
    assert not is_business_time(at(2026, 11, 28, 4, 5), POLICY, level=2)


def test_low_is_three_business_days() -> None:
    assert due_at(at(2026, 11, 23, 9), 0, POLICY) == at(2026, 11, 25, 17)


def test_landing_on_closing_time_stays_on_that_day() -> None:
    assert add_business_minutes(at(2026, 11, 23, 13), 240, POLICY) == at(2026, 11, 23, 17)


def test_holidays_are_skipped() -> None:
    policy = SlaPolicy(holidays=(date(2026, 12, 25), date(2026, 12, 28)))
    # Thursday 24 Dec 16:00 + 2h: 1h on Thursday, then Friday (holiday), weekend, Monday (holiday)
    assert due_at(
        at(2026, 12, 24, 16),
        1,
        policy.model_copy(update={"targets": {**policy.targets, "normal": 120}}),
    ) == at(2026, 12, 29, 10)


def test_dst_change_does_not_shift_business_hours() -> None:
    # clocks go back on Sunday 25 October 2026: Friday 16:30 BST + 60 business minutes
    due = due_at(
        at(2026, 10, 23, 16, 30),
        2,
        POLICY.model_copy(update={"targets": {**POLICY.targets, "high": 60}}),
    )
    assert due == at(2026, 10, 26, 9, 30)
    assert due.utcoffset() == timedelta(0)  # GMT again
    assert business_minutes_between(at(2026, 10, 23, 16, 30), due, POLICY) == 60


def test_callback_is_rounded_down_and_never_later_than_the_target() -> None:
    now = at(2026, 11, 23, 10, 3)
    promised = callback_at(now, 2, POLICY)
    assert promised == at(2026, 11, 23, 14, 0)
    assert promised <= due_at(now, 2, POLICY)


def test_follow_up_skips_the_weekend() -> None:
    assert follow_up_on(at(2026, 11, 27, 12), POLICY) == date(
        2026, 12, 1
    )  # Friday + 2 working days


def test_format_when_names_day_and_zone() -> None:
    now = at(2026, 11, 23, 10)
    assert format_when(at(2026, 11, 23, 14), now, POLICY) == "14:00 GMT today"
    assert (
        format_when(at(2026, 11, 24, 9, 30), now, POLICY)
        == "09:30 GMT tomorrow (Tuesday 24 November)"
    )
    assert format_when(at(2026, 11, 27, 16), now, POLICY) == "16:00 GMT on Friday 27 November"


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        due_at(datetime(2026, 11, 23, 10), 1, POLICY)  # noqa: DTZ001 - the point of the test


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"timezone": "Mars/Olympus"}, "unknown time zone"),
        ({"day_start": "18:00:00", "day_end": "09:00:00"}, "day_end must be after day_start"),
        ({"targets": {"low": 10, "normal": 10, "high": 10}}, "exactly the levels"),
        ({"workdays": ["funday"]}, "workdays"),
        ({"around_the_clock": ["urgent"]}, "unknown levels"),
        ({"same_day": ["soon"]}, "same_day: unknown levels"),
        (
            {"targets": {"low": 1, "normal": 10, "high": 10, "critical": 10}},
            "below round_to_minutes",
        ),
        ({"colour": "blue"}, "colour"),
    ],
)
def test_bad_policies_are_config_errors(table: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_sla_policy(table, "config/replies.toml")


ZONES = st.sampled_from(
    ["Europe/London", "America/New_York", "Asia/Kolkata", "Australia/Sydney", "UTC"]
)
_LOW = datetime(2024, 1, 1)  # noqa: DTZ001 - hypothesis takes naive bounds
_HIGH = datetime(2030, 12, 31)  # noqa: DTZ001
INSTANTS = st.datetimes(min_value=_LOW, max_value=_HIGH, timezones=st.just(UTC))


@settings(max_examples=200, deadline=None)
@given(now=INSTANTS, level=st.integers(0, 3), zone=ZONES, around=st.booleans())
def test_callback_is_future_in_hours_and_on_target(
    now: datetime, level: int, zone: str, around: bool
) -> None:
    policy = SlaPolicy(timezone=zone, around_the_clock=("critical",) if around else (), same_day=())
    promised = callback_at(now, level, policy)
    due = due_at(now, level, policy)
    target = policy.target_minutes(level)
    assert now < promised <= due
    assert due - promised < timedelta(minutes=policy.round_to_minutes)
    assert promised.astimezone(policy.zone).minute % policy.round_to_minutes == 0
    assert is_business_time(promised, policy, level=level)
    if policy.is_around_the_clock(level):
        assert due - now == timedelta(minutes=target)
    else:
        assert business_minutes_between(now, due, policy) == pytest.approx(target, abs=1e-6)
        assert (
            target - policy.round_to_minutes
            <= business_minutes_between(now, promised, policy)
            <= target
        )


@settings(max_examples=200, deadline=None)
@given(now=INSTANTS, level=st.integers(0, 3), zone=ZONES)
def test_a_same_day_level_is_promised_by_the_target_or_todays_close(
    now: datetime, level: int, zone: str
) -> None:
    policy = SlaPolicy(timezone=zone, same_day=("high",))
    promised = callback_at(now, level, policy)
    on_target = callback_at(now, level, policy.model_copy(update={"same_day": ()}))
    assert now < promised <= on_target
    assert is_business_time(promised, policy, level=level)
    if promised != on_target:  # only a same-day level, only to end today's working day
        local = promised.astimezone(policy.zone)
        assert level == 2
        assert local.date() == now.astimezone(policy.zone).date()
        assert local.time() == policy.day_end
        assert promised - now >= timedelta(minutes=policy.same_day_min_minutes)


def test_a_high_matter_after_lunch_is_promised_today_not_tomorrow_morning() -> None:
    policy = SlaPolicy(same_day=("high",), same_day_min_minutes=120)
    monday = datetime(2026, 12, 7, 13, 20, tzinfo=UTC)  # London is on UTC in December
    assert callback_at(monday, 2, policy) == datetime(2026, 12, 7, 17, 0, tzinfo=UTC)
    # the normal level keeps its working day; with under two hours left, the target stands
    assert callback_at(monday, 1, policy) == datetime(2026, 12, 8, 13, 20, tzinfo=UTC)
    late = datetime(2026, 12, 7, 15, 30, tzinfo=UTC)
    assert callback_at(late, 2, policy) == datetime(2026, 12, 8, 11, 30, tzinfo=UTC)
    # off: the 4-hour target runs into the next morning
    off = policy.model_copy(update={"same_day": ()})
    assert callback_at(monday, 2, off) == datetime(2026, 12, 8, 9, 20, tzinfo=UTC)


@settings(max_examples=100, deadline=None)
@given(start=INSTANTS, minutes=st.integers(0, 5000))
def test_business_minutes_between_inverts_add(start: datetime, minutes: int) -> None:
    end = add_business_minutes(start, minutes, POLICY)
    assert business_minutes_between(start, end, POLICY) == pytest.approx(minutes, abs=1e-6)
    if minutes:
        assert is_business_time(end, POLICY)


def test_working_hours_bounds_are_inclusive() -> None:
    assert is_business_time(at(2026, 11, 23, 9), POLICY)
    assert is_business_time(at(2026, 11, 23, 17), POLICY)
    assert not is_business_time(datetime.combine(date(2026, 11, 23), time(17, 1), LONDON), POLICY)


def test_a_deadline_sooner_than_the_callback_takes_the_lowest_level_that_meets_it() -> None:
    from triage.sla import callback_for_deadline

    friday_evening = at(2026, 11, 27, 18, 30)  # the desk is closed until Monday 09:00
    # needed by Saturday 10:00: only the around-the-clock level (1 hour) meets it
    promised, level = callback_for_deadline(friday_evening, 1, at(2026, 11, 28, 10), POLICY)
    assert (promised, level) == (at(2026, 11, 27, 19, 30), 3)
    # needed by Monday 15:00: high (4 business hours: Monday 13:00) meets it with the margin
    promised, level = callback_for_deadline(friday_evening, 0, at(2026, 11, 30, 15), POLICY)
    assert (promised, level) == (at(2026, 11, 30, 13), 2)
    # no deadline, or one after the level's own callback: the level's callback
    assert callback_for_deadline(friday_evening, 1, None, POLICY) == (
        callback_at(friday_evening, 1, POLICY),
        1,
    )
    assert callback_for_deadline(friday_evening, 1, at(2026, 12, 9, 9), POLICY)[1] == 1
    # one no level meets: the earliest, and the reply says so honestly
    soon = at(2026, 11, 27, 18, 50)
    assert callback_for_deadline(friday_evening, 1, soon, POLICY) == (
        callback_at(friday_evening, 3, POLICY),
        3,
    )


def test_a_level_callback_inside_the_margin_before_a_deadline_is_raised() -> None:
    from triage.sla import callback_for_deadline

    monday_morning = at(2026, 11, 30, 9, 0)
    # high: 13:00; a deadline at 13:30 leaves less than the hour's margin, so critical (10:00)
    promised, level = callback_for_deadline(monday_morning, 2, at(2026, 11, 30, 13, 30), POLICY)
    assert (promised, level) == (at(2026, 11, 30, 10), 3)
    # a deadline at 14:30 is met by high's own 13:00
    assert callback_for_deadline(monday_morning, 2, at(2026, 11, 30, 14, 30), POLICY)[1] == 2
