"""A deadline phrase resolved to an aware time in the desk's zone, by dateparser.

dateparser does the calendar work ("Friday", "10am tomorrow", "the 28th", "in 2 hours",
relative to when the email arrived, preferring the future). The few rewrites below only
cover office shorthand it does not read ("EOD", "first thing", "within the hour", a bare
"at 2" meaning 2 pm) and the convention that a day without a clock time means the end of
that working day, since "today" from a customer is "before you go home", not "now".
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

END_OF_DAY = time(17, 0)
START_OF_DAY = time(9, 0)
# Bare hours at or below this are afternoon: nobody at a desk means 2 am by "at 2".
LAST_AFTERNOON_HOUR = 7
_CLOCK = re.compile(
    r"\d\s*(am|pm|a\.m\.|p\.m\.)\b|\d:\d\d|\b(noon|midday|midnight|night|tonight|morning|"
    r"afternoon|evening|hour|hours|minutes|mins|o'clock|eod|cob|lunch(time)?)\b",
    re.IGNORECASE,
)
_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.IGNORECASE), r)
    for p, r in (
        (r"\b(by|before|until|till|til|due|no later than|deadline( is)?|latest)\b", " "),
        (r"\b(the )?(end|close) of (play |business )?today\b", "today 17:00"),
        (r"\b(end of (the )?(business )?day|eod|cob|close of (play|business))\b", "17:00"),
        (r"\bend of (the )?week\b", "friday 17:00"),
        (r"\bfirst thing\b", "9:00"),
        (r"\b(midday|lunch ?time)\b", "noon"),
        (r"\bwithin (the|an) hour\b", "in 1 hour"),
        # "the next hour", "within the next two hours" (dateparser reads neither)
        (r"\b(?:(?:in|within)\s+)?the next hour\b", "in 1 hour"),
        (r"\b(?:(?:in|within)\s+)?the next\b", "in"),
        (r"\b12\s*noon\b", "noon"),  # "at 12 noon" was read as now
        # "twenty minutes this week" is how long, then when: the when
        (
            r"\b(?:\d+|a|an|one|two|three|four|five|ten|fifteen|twenty|thirty|forty|sixty)\s+"
            r"(?:minutes?|mins?|hours?)\s+(?=(?:this|next)\s+week\b|today\b|tomorrow\b)",
            "",
        ),
        (r"\bwithin\b", "in"),
        (r"\bthis week\b", "friday"),
        # as a deadline, "this morning" runs to noon and "this afternoon" to the day's end
        # (dateparser's 09:00 made "call me this morning" at 10:20 a time already gone)
        (r"\bthis morning\b", "today 12:00"),
        (r"\bthis afternoon\b", "today 17:00"),
    )
)
# Before this hour an email is written in the small hours of the night (see _resolve).
SMALL_HOURS_END = 5
# a bare clock time at most this long gone when the email is read is today's, passed; an older
# one is tomorrow's ("by 08:00" read at 09:30, "by 9" written at 17:00)
JUST_GONE = timedelta(hours=1)
_TOMORROW = re.compile(r"(?<!after )\btomorrow\b", re.IGNORECASE)
_EVENING = re.compile(r"\b(tonight|evening|night)\b", re.IGNORECASE)
# a phrase that names its day ("midnight tomorrow" ends that day)
_NAMES_DAY = re.compile(
    r"\b(?:today|tonight|tomorrow|yesterday|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|week|weekend|month|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|"
    r"jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)\b|\d{1,2}(?:st|nd|rd|th)\b|\d/\d",
    re.IGNORECASE,
)
_YEAR_END = re.compile(r"^(?:this year|(?:the )?end of (?:the |this )?year)$", re.IGNORECASE)
_MONTH_END = re.compile(r"^(?:this month|(?:the )?end of (?:the |this )?month)$", re.IGNORECASE)
_BARE_CLOCK = re.compile(
    r"(?<![\d:])([1-9]):([0-5]\d)(?![\d:]|\s*(?:am|pm|a\.m|p\.m))", re.IGNORECASE
)
_BARE_HOUR = re.compile(r"\bat (\d{1,2})(?![\d:]|\s*(am|pm|a\.m|p\.m|o'clock))", re.IGNORECASE)


def has_clock_time(phrase: str) -> bool:
    return bool(_CLOCK.search(phrase))


def _normalise(phrase: str) -> str:
    out = phrase
    for pattern, repl in _REWRITES:
        out = pattern.sub(repl, out)

    evening = bool(_EVENING.search(out))

    def hour(m: re.Match[str]) -> str:
        h = int(m.group(1))
        pm = 1 <= h <= LAST_AFTERNOON_HOUR or (evening and 1 <= h < 12)
        return f"at {h + 12 if pm else h}:00"

    out = _BARE_HOUR.sub(hour, out)

    def clock(m: re.Match[str]) -> str:
        # "the 1:30 clinic" is the afternoon, as "at 2" is; "07:30" (24-hour) stays the morning
        h = int(m.group(1))
        pm = 1 <= h <= LAST_AFTERNOON_HOUR or (evening and 1 <= h < 12)
        return f"{h + 12 if pm else h}:{m.group(2)}"

    out = _BARE_CLOCK.sub(clock, out)
    # dateparser reads "tonight" as a date only: give it the evening unless a clock time is there
    night = "20:00" if not re.search(r"\d:\d\d|\d\s*(am|pm)", out, re.IGNORECASE) else ""
    out = re.sub(r"\btonight\b", f"today {night}", out, flags=re.IGNORECASE)
    out = re.sub(r"\b(tomorrow) (night|evening)\b", rf"\1 {night or ''}", out, flags=re.IGNORECASE)
    return " ".join(out.split())


class DateResolver:
    """dateparser, imported and warmed once (its first call loads locale data: ~100 ms)."""

    def __init__(self, zone: ZoneInfo) -> None:
        import dateparser

        self.zone = zone
        self._parse: Any = dateparser.parse
        self._parse("tomorrow at 9am", languages=["en"])

    def resolve(self, phrase: str, received: datetime, core: str = "") -> datetime | None:
        """The phrase as a time in the desk's zone, or None when it names no date or time.

        ``core`` is the bare time expression inside the phrase ("at 2" in "before the board
        meeting at 2"), tried when the whole phrase does not parse.
        """
        for candidate in (phrase, core):
            if candidate:
                found = self._resolve(candidate, received)
                if found is not None:
                    return found
        return None

    def _resolve(self, phrase: str, received: datetime) -> datetime | None:
        local = received.astimezone(self.zone).replace(tzinfo=None)
        text = _normalise(phrase)
        if local.hour < SMALL_HOURS_END:
            # written at 01:13, "tomorrow" is the day that starts when the writer wakes up
            text = _TOMORROW.sub("today", text)
        if not text:
            return None
        if _YEAR_END.search(text):
            # "by this year" / "by the end of the year": its last day (dateparser gives today)
            return datetime.combine(date(local.year, 12, 31), END_OF_DAY).replace(tzinfo=self.zone)
        if _MONTH_END.search(text):
            # "this month" / "by the end of the month": its last day (dateparser gives today)
            first_next = (local.replace(day=1) + timedelta(days=32)).replace(day=1)
            return datetime.combine(first_next - timedelta(days=1), END_OF_DAY).replace(
                tzinfo=self.zone
            )
        settings = {
            "RELATIVE_BASE": local,
            "PREFER_DATES_FROM": "future",
            "RETURN_AS_TIMEZONE_AWARE": False,
        }
        try:
            found = self._parse(text, languages=["en"], settings=settings)
        except (ValueError, OverflowError):  # dateparser raises these on odd numbers
            return None
        if not isinstance(found, datetime):
            return None
        if not has_clock_time(text):  # (the phrase rewritten: "twenty minutes this week" is a day)
            found = datetime.combine(found.date(), END_OF_DAY)
        if found < local and found.date() == local.date() and not has_clock_time(phrase):
            found = local  # "today" read after five: due now
        if (
            has_clock_time(text)
            and not _NAMES_DAY.search(phrase)
            and found.date() == local.date() + timedelta(days=1)
            and timedelta(0) < local - (found - timedelta(days=1)) <= JUST_GONE
        ):
            # "a client workshop at 10" read at 10:20: the time has just gone today (the email
            # was written before it, or sat in a queue), not tomorrow's 10:00 (dev judges)
            found -= timedelta(days=1)
        if re.search(
            r"\bmidnight\s+(?:tonight|today)|\b(?:tonight|today)\s+at\s+midnight", phrase, re.I
        ):
            found = datetime.combine(local.date() + timedelta(days=1), time(0, 0))
        elif re.search(r"\bmidnight\b", phrase, re.I) and _NAMES_DAY.search(phrase):
            if found.time() == time(0, 0):
                found += timedelta(days=1)  # "midnight tomorrow" ends tomorrow, not starts it
        return found.replace(tzinfo=self.zone)


def later_than(at: datetime | None, received: datetime, slack: timedelta) -> bool:
    """True when ``at`` is unknown or not clearly in the past of ``received``."""
    return at is None or at >= received - slack
