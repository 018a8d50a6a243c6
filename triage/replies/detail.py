"""What the restatement adds to the thing and its trouble: since when, the message on the
screen, and what it stops (judges' good restatements, on every dev sample: "since Monday's
update the Reports page takes 30-40 seconds", "PDF previews show 'Preview unavailable'", "...,
so no customer can pay"). Taken from the opening of the email only, where the problem is told,
and said in our words (pronouns turned) or quoted as written. Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from triage.replies.ourwords import HOSTILE, shouts, swap, visible

OPENING_SENTENCES = 6  # the problem is told near the top; later sentences are history
MAX_QUOTE_WORDS = 7  # a longer quote is a paragraph pasted back, not a message on a screen
MAX_SO_WORDS = 8  # kept under the 9-word copied run the acknowledgement may not hold

_DAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)"
)
_PART = r"(?:morning|afternoon|evening|night|lunchtime)"
_EVENT = (
    r"(?:update|upgrade|migration|maintenance|reset|change|changes|outage|move|install|"
    r"installation|rollout|roll-out|power\s+cut|storm|refit|restart|reboot|patch|switchover)"
)
# "since" of time, not of reason ("since I need it by Friday"): what follows names a time
_SINCE = re.compile(
    rf"""\bsince\s+(?P<when>
      (?:(?:about|around|roughly|approx\.?|just\s+after|just\s+before|early|late|~)\s*)?
      (?:
        (?:last|this)\s+(?:{_DAY}|{_PART}|week|weekend|month)
      | {_DAY}(?:\s+{_PART})?(?:'s\s+(?:\w+\s+)?{_EVENT})?
      | yesterday(?:\s+{_PART})?(?:'s\s+(?:\w+\s+)?{_EVENT})?
      | (?:last\s+(?:week|night|month)|this\s+morning|yesterday|{_DAY})'s\s+(?:\w+\s+)?{_EVENT}
      | (?:the|our|your|their)\s+(?:\w+\s+)?{_EVENT}
      | midnight | noon | lunch(?:time)? | the\s+weekend | first\s+thing
      | \d{{1,2}}[:.]\d{{2}}(?:\s*[ap]m)?(?:\s+(?:this\s+morning|today|yesterday|last\s+night))?
      | \d{{1,2}}\s*[ap]m(?:\s+(?:this\s+morning|today|yesterday|last\s+night))?
      | (?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH}
      | {_MONTH}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?
      )
    )\b""",
    re.I | re.X,
)
# a "since" of how long they have been with us is no start of the trouble
_TENURE = re.compile(
    r"\b(?:customer|client|member|with\s+you|signed\s+up|joined|been\s+using|subscrib\w*|"
    r"account\s+holder|worked\s+here|started\s+here|used\s+(?:you|us|it|them)|"
    # "we have not changed anything since last week": when nothing happened, not the trouble
    r"(?:changed|touched|done)\s+anything|nothing\s+(?:has\s+)?changed)\b",
    re.I,
)
# a message on a screen: a verb of showing before a quote ("shows "Account suspended"",
# "fails with "Card type not supported"", "error: "0417"")
_SHOWS = re.compile(
    r"""\b(?:shows?|showing|showed|says?|saying|said|displays?|displaying|reads?|reading|
    gives?|giving|gave|get|gets|getting|got|returns?|returning|pops?\s+up\s+with|comes?\s+up\s+
    with|(?:fails?|failing|failed|rejected|bounces?|bouncing|bounced|stops?|stuck)\s+(?:with|on|
    at)|errors?|message|warning|prompt)(?:\s+(?:me|us|them|her|him))?\s*:?\s*
    ["“'‘](?P<quote>[^"”'’\n]{2,80})["”'’]""",
    re.I | re.X,
)
# a message that says something is wrong ("Host unreachable - E31", "Account suspended")
_ERRORISH = re.compile(
    r"\b(?:error|fail\w*|unable|cannot|can't|couldn't|not|no|invalid|denied|expired|suspended|"
    r"unavailable|unreachable|lost|timed\s+out|refused|blocked|rejected|deleted|locked|wrong|"
    r"misconfigured|incorrect|forbidden|offline|down|missing|unknown|code|\d{3,4}|[A-Z]+-?\d+)\b",
    re.I,
)
# what a quote must not be: a scare quote or words that ask ("to "check the import tool"")
_NOT_A_MESSAGE = re.compile(r"^(?:to|please|just|we|you|I)\b", re.I)
# what it stops: "so no customer can pay", "so we can't take payments"
_SO = re.compile(
    r"""(?:^|[,;(]|\s)\s*(?:so|which\s+means)\s+(?:that\s+)?(?P<so>
      (?:no\s+(?:one|\w+)|nobody|none\s+of\s+(?:us|them|\w+)|we|I|our\s+\w+(?:\s+\w+)?|
      the\s+\w+(?:\s+\w+)?|(?:all|every|\d+)\s+(?:of\s+)?(?:our\s+)?\w+)
      \s+(?:can't|cannot|can\s+not|can\s+no\s+longer|couldn't|can|are\s+unable\s+to|is\s+unable\s+
      to|am\s+unable\s+to|aren't\s+able\s+to|isn't\s+able\s+to|have\s+no|has\s+no)
      \s+[^.,;:!?\n()]{2,60})""",
    re.I | re.X,
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_PERFECT = re.compile(r"\b(?:has|have|hasn't|haven't|'s\s+been|'ve\s+been)\b", re.I)
# "is down" -> "has been down": a state said with "since" needs the perfect
_STATE = re.compile(
    r"^(?P<np>.+?)\s+(?P<be>is|are|isn't|aren't|is\s+not|are\s+not|can't|cannot|keeps|keep)\s+"
    r"(?P<rest>.+)$",
    re.I,
)


@dataclass(frozen=True)
class Detail:
    """Since when (``"since Monday's update"``), the message on the screen (as written) and
    what the trouble stops (``"you can't take card payments"``); each "" when not told."""

    since: str = ""
    shows: str = ""
    stops: str = ""


def detail(text: str, subject: str = "") -> Detail:
    """The details told in ``subject`` and the opening sentences of ``text`` (the newest text
    of an email); the subject's own "since ~8:40" comes first."""
    opening = [s for s in _SENTENCE.split(visible(text).strip()) if s.strip()]
    opening = [subject, *opening[:OPENING_SENTENCES]] if subject else opening[:OPENING_SENTENCES]
    return Detail(since=_since(opening), shows=_shows(opening), stops=_stops(opening))


def _since(sentences: list[str]) -> str:
    for s in sentences:
        if _TENURE.search(s):
            continue
        if m := _SINCE.search(s):
            when = re.sub(r"\s+", " ", m.group("when")).strip().replace("~", "about ")
            when = re.sub(r"^approx\.?\s*", "about ", when, flags=re.I)
            return "since " + swap(_lower_words(when))
    return ""


def _lower_words(when: str) -> str:
    """ "Last Week's Update" -> "last week's update", day and month names kept."""
    keep = re.compile(rf"^(?:{_DAY}|{_MONTH})(?:'s)?$", re.I)
    return " ".join(w if keep.match(w) else w.lower() for w in when.split())


def _shows(sentences: list[str]) -> str:
    for s in sentences:
        for m in _SHOWS.finditer(s):
            quote = m.group("quote").strip(" .")
            words = quote.split()
            if not 1 <= len(words) <= MAX_QUOTE_WORDS or _NOT_A_MESSAGE.match(quote):
                continue
            if HOSTILE.search(quote) or not re.search(r"[A-Za-z0-9]", quote):
                continue
            if not _ERRORISH.search(quote):
                continue  # "Connected", "label created": a status, not what is wrong
            return quote
    return ""


def _stops(sentences: list[str]) -> str:
    for s in sentences:
        m = _SO.search(s)
        if not m:
            continue
        said = re.sub(r"\s+", " ", m.group("so")).strip(" -")
        said = re.sub(r"\s+(?:and|but|because|as|which|when|until|unless|or)\b.*$", "", said)
        if not 3 <= len(said.split()) <= MAX_SO_WORDS or HOSTILE.search(said) or shouts(said):
            continue
        if re.match(r"(?:the|our)\s+\w+\s+can\s", said, re.I) and " no " not in said:
            continue  # "so the engineer can see it": what for, not what it stops
        if re.match(r"(?:we|I|all|every|\d+)\b[^']*\bcan\s+(?!no\b|not\b)", said, re.I):
            continue  # "so we can print": what they want, not what it stops
        return swap(said)
    return ""


def since_said(clause: str, since: str) -> str:
    """``clause`` with ``since`` where the tense allows it ("the VPN has been down since 7am",
    "you haven't been able to log in since Monday"), else the clause as it was."""
    if not since or re.search(r"\b(?:since|for\s+\w+\s+(?:days?|hours?|weeks?))\b", clause):
        return clause
    # "aren't coming through any more since the update": "since" says it already
    clause = re.sub(r"\s+(?:any\s?more|now)$", "", clause, flags=re.I)
    if _PERFECT.search(clause):
        return f"{clause} {since}"
    m = _STATE.match(clause)
    if not m:
        return clause
    np, be, rest = m.group("np"), m.group("be").lower(), m.group("rest")
    plural = be in ("are", "aren't", "are not", "keep") or np.lower() == "you"
    has = "have" if plural else "has"
    if be in ("is", "are"):
        if re.match(r"\w+ing\b", rest) and not re.match(r"(?:missing|working)\b", rest):
            return clause  # "is printing faintly": a progressive, not a state
        return f"{np} {has} been {rest} {since}"
    if be in ("isn't", "aren't", "is not", "are not"):
        return f"{np} {has}n't been {rest} {since}"
    if be in ("can't", "cannot"):
        return f"{np} {has}n't been able to {rest} {since}"
    if be in ("keeps", "keep"):
        return f"{np} {has} kept {rest} {since}"
    return clause


def with_detail(clause: str, told: Detail) -> str:
    """The restated ``clause`` with what else was told: since when, the message on the screen
    (as written, in quotes) and what it stops. A detail the clause already holds is not added."""
    out = since_said(clause, told.since)
    if told.shows and not _holds(out, told.shows):
        # "the sync button is showing an error": that error, named
        quoted = f'"{told.shows}"' if re.match(r"error\b", told.shows, re.I) else ""
        named = re.sub(r"\ban\s+error\b", quoted or f'the error "{told.shows}"', out, count=1)
        out = named if named != out else f'{out}, with the message "{told.shows}"'
    if told.stops and told.stops.lower() not in out.lower():
        out = f"{out}, so {told.stops}"
    return out


def _holds(clause: str, quote: str) -> bool:
    """Whether ``clause`` already says the words of ``quote`` ("your password has expired"
    holds "password expired")."""
    said = set(re.findall(r"[a-z0-9]+", clause.lower()))
    return all(w in said for w in re.findall(r"[a-z0-9]+", quote.lower()))
