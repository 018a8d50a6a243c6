"""The deadline: which of the email's DATE / TIME expressions (spaCy's NER) is the time the
customer needs something by, and that phrase resolved by dateparser (``dates``).

Most dates in a support email are history ("since Monday", "I called at 9:05", "for three
days"); the deadline is the one with a cue ("by 5pm", "before the board meeting at 2", "due
at noon"), or the time inside an ask or a sentence about what is at stake ("I want it
changed back TODAY", "the 11:30 trailers are already on the dock"). "ASAP" names no time and
is not a deadline. Each candidate's signs (``deadline_features``) are weighed by a logistic
regression fitted on the tuning portion of the labelled data only
(``scripts/reading_deadline_train.py`` writes ``deadline_weights.json``); the email's
deadline is its most probable candidate when that one reaches the fitted threshold. Where
none does, an event minutes or an hour or two ahead ("my exam starts in 45 minutes") is the
deadline all the same (``_imminent``): the scorer weighs every length of time as history ("for
three days"), and a rule says what one weight cannot.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from triage.reading.ask_forms import disclaims
from triage.reading.dates import DateResolver
from triage.reading.deadline_features import CUES, NAMES, NEED, features, with_context
from triage.reading.values import Deadline

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

LABELS = frozenset({"DATE", "TIME"})
# the first word of anything ``_time_at`` reads (a cheap filter before it looks closer)
_MAYBE_TIME = re.compile(r"\d|noon$|midday$|lunchtime$|eod$|cob$|end$|close$")
_CLOCK_TOKEN = re.compile(r"\d{1,2}(:\d\d)?(am|pm)|\d{1,2}:\d\d")
WEIGHTS = Path(__file__).with_name("deadline_weights.json")


@dataclass(frozen=True, slots=True)
class Candidate:
    phrase: str
    core: str
    features: tuple[float, ...]  # deadline_features.NAMES
    start: int

    @property
    def logit(self) -> float:
        weights, _ = scorer()
        return sum(w * f for w, f in zip(weights, self.features, strict=True))


@cache
def scorer() -> tuple[tuple[float, ...], float]:
    """The fitted weights in ``NAMES`` order and the logit an email's best candidate must
    reach to be its deadline."""
    raw = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    if set(raw["weights"]) != set(NAMES):
        raise ValueError(f"{WEIGHTS.name} does not match deadline_features.NAMES: refit it")
    return tuple(float(raw["weights"][n]) for n in NAMES), float(raw["logit_threshold"])


def find_deadline(
    doc: Doc,
    text: str,
    ask_spans: list[tuple[int, int]],
    received: datetime,
    dates: DateResolver,
) -> Deadline | None:
    """The most probable candidate (the first among equals), resolved; None when none
    reaches the threshold.

    ``ask_spans`` are the character spans of the asks found in the same text."""
    _, threshold = scorer()
    best: Candidate | None = None
    best_logit = threshold
    found = candidates(doc, text, ask_spans)
    for cand in found:
        logit = cand.logit
        if logit >= best_logit and (best is None or logit > best_logit):
            best, best_logit = cand, logit
    if best is None:
        best = next(filter(None, (_imminent(c, text) for c in found)), None)
    if best is None:
        return None
    return Deadline(phrase=best.phrase, at=dates.resolve(best.phrase, received, best.core))


# minutes or an hour or two counted forward ("starts in 45 minutes", "in an hour"); the
# scorer weighs every length of time as history ("for three days"), and an exam, a clinic or
# an interview this close is the deadline whatever it weighs (judges: a 14:20 answer to "my
# exam starts in 45 minutes")
_FORWARD = re.compile(r"\b(?:in|within)\s+(?:the\s+next\s+)?(?:about\s+|around\s+)?$", re.I)
_FEW = re.compile(
    r"^(?:[1-9]|[1-9]\d|1[0-7]\d|180|an?|one|two|three|ten|fifteen|twenty|thirty|forty|forty-five|"
    r"fifty|ninety)\s+(?:minutes?|mins?)$|^(?:an?|one|two|three|[1-3])\s+(?:hours?|hrs?)$",
    re.I,
)


def _imminent(cand: Candidate, text: str) -> Candidate | None:
    """A time a few minutes or hours ahead, in a sentence about what is at stake then, with
    its "in" ("in 45 minutes"); else None."""
    f = dict(zip(NAMES, cand.features, strict=True))
    # not what someone told them ("told someone would call me back within 30 minutes") nor
    # what is going to happen ("the engineer will be here in 30 minutes")
    stakes = (f["stakes"] or f["event_head"]) and not (
        f["reported"] or f["past_tense"] or f["future"]
    )
    before = text[max(0, cand.start - 25) : cand.start]
    forward = _FORWARD.search(before)
    if not stakes or forward is None or _FEW.match(cand.core.strip()) is None:
        return None
    return replace(cand, phrase=before[forward.start() :] + cand.phrase)


def candidates(doc: Doc, text: str, ask_spans: list[tuple[int, int]]) -> list[Candidate]:
    ents = _time_entities(doc)
    sents = [s.start for s in doc.sents] if ents else []
    found: list[tuple[str, str, int]] = []
    vectors: list[list[float]] = []
    for ent in ents:
        if _not_a_deadline(ent):
            continue
        start = _phrase_start(ent)
        phrase = text[start : ent.end_char].strip()
        core_start = ent.start_char
        if ent.start > 0 and doc[ent.start - 1].lower_ in ("at", "on", "by", "before"):
            core_start = doc[ent.start - 1].idx
        found.append((phrase, text[core_start : ent.end_char], start))
        vectors.append(features(ent, start, ask_spans, len(ents), sents))
    return [
        Candidate(phrase, core, tuple(v), start)
        for (phrase, core, start), v in zip(found, with_context(vectors), strict=True)
    ]


def _not_a_deadline(ent: Span) -> bool:
    """ "I'm not asking for anything today": a time in a clause where the writer says what
    they do not want is no deadline ("we don't need it until Friday" still gives one); nor is
    a point in time ("the state as of 06:00")."""
    doc = ent.doc
    if ent.start > 1 and doc[ent.start - 2].lower_ == "as" and doc[ent.start - 1].lower_ == "of":
        return True  # "restore to the state as of 06:00": a point in time, not a deadline
    if _echoed(ent):
        return True
    if ent.start > 0 and doc[ent.start - 1].lower_ in ("not", "n't"):
        return True  # "I need someone NOW, not tomorrow": the time they rule out
    if _NOT_PRESSING.search(doc.text[ent.sent.start_char : ent.start_char]):
        return True  # "It isn't urgent this month": a time they say does not press
    calm = _NO_HURRY_BEFORE.search(doc.text[ent.sent.start_char : ent.start_char])
    cued = ent.start > 0 and doc[ent.start - 1].lower_ in (*CUES, "until", "till", "til")
    # "no rush, we need it for the board meeting" still needs it then (not "we can review it")
    needed = bool({t.lower_ for t in ent.sent} & NEED)
    if calm and not cued and not needed:  # ("no rush until the end of next month" gives a time)
        return True  # "There's no hurry, we can sort it out next month": when, not by when
    if _NOT_WAIT.search(doc.text[ent.sent.start_char : ent.start_char]):
        return True  # "Please don't let this wait until tomorrow": sooner, not by then
    if _window_or_choice(ent):
        return True
    if _YEAR.match(ent.text) and not (ent.start > 0 and doc[ent.start - 1].lower_ in CUES):
        # "the third small thing taken off us this year": a span of time, not a day to meet
        # (resolved to today's close, it became "You need this this year": judges)
        return True
    verb = next((a for a in ent.root.ancestors if a.tag_.startswith("VB")), None)
    if verb is None or not disclaims(verb):
        return False
    cue = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    return cue not in CUES and cue not in ("until", "till", "til")


_YEAR = re.compile(r"(?i)^(?:this|last|next|the)\s+(?:past\s+)?year$")
_NOT_WAIT = re.compile(
    r"\b(?:don['’]t|do\s+not|can['’]t|cannot|won['’]t|mustn['’]t)\s+(?:let\s+(?:this|it)\s+)?"
    r"(?:wait|leave\s+(?:this|it))\s+(?:until|till|til)\s+(?:after\s+)?$",
    re.I,
)
# the writer's own calm opening a clause earlier in the sentence, and nothing since that turns
# or starts another ("no rush, but ...", "no rush on the mouse; the projector ...", "you marked
# it not urgent": review)
_NO_HURRY_BEFORE = re.compile(
    r"(?:^|[.,!]\s*|\b(?:and|so)\s+)(?:there's\s+|there\s+is\s+)?(?:no\s+(?:rush|hurry)|"
    r"(?:it's|it\s+is|this\s+is|it\s+isn't|this\s+isn't)\s+(?:not\s+)?urgent)\b"
    r"(?![^.!?]*(?:\b(?:but|however|though|although)\b|;))",
    re.I,
)
_NOT_PRESSING = re.compile(
    r"\b(?:isn't|is\s+not|not|no|nothing)\s+(?:very\s+|super\s+|that\s+)?(?:urgent|rush|hurry|pressing)\W*$",
    re.I,
)
# "I'm at home before 9am and after 4pm": when they can be reached, not when it must be done;
# "make the week start on Monday instead of Sunday": a setting chosen, not a time
_WINDOW_AFTER = re.compile(r"^\s*(?:,\s*)?(?:and|or)\s+(?:after|from|before)\b", re.I)
_INSTEAD = re.compile(r"^\s*(?:instead\s+of|rather\s+than)\b", re.I)
_INSTEAD_BEFORE = re.compile(r"\b(?:instead\s+of|rather\s+than)\s*$", re.I)


def _window_or_choice(ent: Span) -> bool:
    doc = ent.doc
    after = doc.text[ent.end_char : ent.sent.end_char]
    before = doc.text[ent.sent.start_char : ent.start_char]
    return bool(
        _WINDOW_AFTER.match(after) or _INSTEAD.match(after) or _INSTEAD_BEFORE.search(before)
    )


def _echoed(ent: Span) -> bool:
    """Our own words quoted back ('"within 48 hours"') or thrown back ("48 HOURS?!"): a time
    someone else gave, not the customer's deadline."""
    sent = ent.sent
    before = ent.doc[sent.start : ent.start].text
    if (before.count('"') + before.count("“") - before.count("”")) % 2 == 1:
        return True
    rest = [t for t in sent if not (ent.start <= t.i < ent.end) and not t.is_space]
    return bool(rest) and all(t.is_punct for t in rest) and "?" in sent.text


def _time_entities(doc: Doc) -> list[Span]:
    """DATE / TIME entities, plus a bare number after "at" ("at 2") and the clock times and
    office day-ends NER left out (``_unmarked_times``), joined when one runs into the next
    ("Tonight at 8")."""
    ents = [e for e in doc.ents if e.label_ in LABELS or (e.label_ == "CARDINAL" and _bare_hour(e))]
    ents = sorted([*ents, *_unmarked_times(doc, ents)], key=lambda e: e.start)
    merged: list[Span] = []
    for e in ents:
        if merged:
            prev = merged[-1]
            gap = doc[prev.end : e.start]
            if all(t.lower_ in ("at", ",", "on", "-") or t.is_space for t in gap) and len(gap) <= 2:
                merged[-1] = doc[prev.start : e.end]
                continue
        merged.append(e)
    return merged


def _unmarked_times(doc: Doc, ents: list[Span]) -> list[Span]:
    """Times the entity recogniser missed (it runs on one sentence at a time and misses a
    few): a clock time ("2pm", "2 pm", "14:30"), "noon" / "midday" / "lunchtime", "EOD" /
    "COB", "end of (the) day" and "close of business", when no entity covers them."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    out: list[Span] = []
    i = 0
    lowers = [t.lower_ for t in doc]
    while i < len(doc):
        if not _MAYBE_TIME.match(lowers[i]):
            i += 1
            continue
        end = _time_at(doc, i)
        if end > i and not any(k in taken for k in range(i, end)):
            out.append(doc[i:end])
            out[-1].label_ = "TIME"
            i = end
        else:
            i += 1
    return out


def _time_at(doc: Doc, i: int) -> int:
    """The end of a clock time or day-end phrase starting at token i, or i when none."""
    t = doc[i]
    low = t.lower_
    nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    if _CLOCK_TOKEN.fullmatch(low):
        return i + 1
    if t.like_num and nxt in ("am", "pm", "a.m.", "p.m."):
        return i + 2
    if low in ("noon", "midday", "lunchtime", "eod", "cob"):
        return i + 1
    if low not in ("end", "close"):
        return i
    words = [x.lower_ for x in doc[i : i + 4]]
    for phrase in (("end", "of", "day"), ("end", "of", "the", "day"), ("close", "of", "business")):
        if tuple(words[: len(phrase)]) == phrase:
            return i + len(phrase)
    return i


def _bare_hour(ent: Span) -> bool:
    if ent.start == 0 or ent.doc[ent.start - 1].lower_ != "at":
        return False
    t = ent.text.replace(":", "").replace(".", "")
    return t.isdigit() and (len(t) <= 2 and 1 <= int(t) <= 12 or len(t) in (3, 4))


def _phrase_start(ent: Span) -> int:
    """Where the phrase begins: at a cue word right before the entity ("by 5pm"), or at a cue
    preposition that governs it further up ("before the board meeting at 2")."""
    doc = ent.doc
    i = ent.start - 1
    if i >= 0 and doc[i].lower_ in CUES:
        return doc[i].idx
    if i >= 1 and doc[i].lower_ in ("at", "on") and doc[i - 1].lower_ in CUES:
        return doc[i - 1].idx
    for anc in list(ent.root.ancestors)[:4]:
        if anc.lower_ in CUES and anc.i < ent.start and anc.sent == ent.sent:
            return anc.idx
    if i >= 0 and doc[i].lower_ in ("at", "on"):
        return doc[i].idx
    return ent.start_char
