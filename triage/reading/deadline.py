"""The deadline: which of the email's DATE / TIME expressions (spaCy's NER) is the time the
customer needs something by, and that phrase resolved by dateparser (``dates``).

Most dates in a support email are history ("since Monday", "I called at 9:05", "for three
days"); the deadline is the one with a cue ("by 5pm", "before the board meeting at 2", "due
at noon"), or the time inside an ask or a sentence about what is at stake ("I want it
changed back TODAY", "the 11:30 trailers are already on the dock"). "ASAP" names no time and
is not a deadline. The rules below read the parse around each entity; the choice of cues and
the order of preference were tuned on the tuning portion of the labelled data only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from triage.reading.dates import DateResolver
from triage.reading.values import Deadline

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# Words right before a time that make it the time something is needed by ("by 5pm").
CUES = frozenset({"by", "before", "due", "till", "til", "latest"})
WEAK_CUES = frozenset({"within", "in", "until", "for"})  # "within the hour" yes, "for 3 days" no
CUE_NOUNS = frozenset({"deadline", "cut-off", "cutoff", "cut", "due", "latest", "later"})
# Words that make a time history, a span or a habit, never a deadline.
PAST = frozenset(
    """since ago last yesterday earlier past previous every each over during from recently
    already after""".split()
)
UNITS = frozenset(
    """minute minutes min mins hour hours hrs day days week weeks month months year years
    fortnight seconds""".split()
)
# Times that can only lie ahead or are the usual "need it by" words.
NEAR = frozenset({"tonight", "tomorrow", "tmrw", "eod", "cob", "minute"})
FAR = frozenset(
    """month year annual annually monthly weekly daily quarter term summer winter spring
    autumn january february march april may june july august september october november
    december""".split()
)
# Words that say something is at stake at a time: a meeting, a departure, a cut-off.
STAKES = frozenset(
    """need needs must due deadline urgent urgently asap cut-off cutoff starts start
    starting leave leaves leaving arrive arrives arriving meeting presentation launch live
    flight interview exam closes expires shuts submission submit board demo event trailers
    patients clients payroll needed lecture induction review filing inspection""".split()
)
CALM = ("no rush", "not urgent", "no hurry", "n't need anything", "whenever", "no panic")
LABELS = frozenset({"DATE", "TIME"})
THRESHOLD = 3
IN_ASK = 2


@dataclass(frozen=True, slots=True)
class Candidate:
    phrase: str
    core: str
    strength: int  # see _strength; THRESHOLD and up is a deadline
    start: int


def find_deadline(
    doc: Doc,
    text: str,
    ask_spans: list[tuple[int, int]],
    received: datetime,
    dates: DateResolver,
) -> Deadline | None:
    """The strongest candidate (the first among equals), resolved; None when none qualifies.

    ``ask_spans`` are the character spans of the asks found in the same text."""
    best: Candidate | None = None
    for cand in candidates(doc, text, ask_spans):
        if cand.strength >= THRESHOLD and (best is None or cand.strength > best.strength):
            best = cand
    if best is None:
        return None
    return Deadline(phrase=best.phrase, at=dates.resolve(best.phrase, received, best.core))


def candidates(doc: Doc, text: str, ask_spans: list[tuple[int, int]]) -> list[Candidate]:
    out: list[Candidate] = []
    for ent in _time_entities(doc):
        start = _phrase_start(ent)
        phrase = text[start : ent.end_char].strip()
        core_start = ent.start_char
        if ent.start > 0 and doc[ent.start - 1].lower_ in ("at", "on", "by", "before"):
            core_start = doc[ent.start - 1].idx
        core = text[core_start : ent.end_char]
        out.append(Candidate(phrase, core, _strength(ent, start, ask_spans), start))
    return out


def _time_entities(doc: Doc) -> list[Span]:
    """DATE / TIME entities, plus a bare number after "at" ("at 2"), joined when one runs
    into the next ("Tonight at 8")."""
    ents = [e for e in doc.ents if e.label_ in LABELS or (e.label_ == "CARDINAL" and _bare_hour(e))]
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


def _strength(ent: Span, start: int, ask_spans: list[tuple[int, int]]) -> int:
    """A score of how surely this time is the deadline (THRESHOLD and up is one). Points
    were set from how often each sign went with a labelled deadline in the tuning portion:
    "by" / "due" 83 %, a time inside an ask about half, "on" / "until" under a fifth."""
    if _is_history(ent) or _not_a_time(ent):
        return 0
    doc = ent.doc
    sent = ent.sent
    lower = sent.text.lower()
    if any(c in lower for c in CALM):
        return 0
    before = [t.lower_ for t in doc[max(sent.start, ent.start - 3) : ent.start]]
    words = {t.lower_ for t in ent}
    cue = next((t.lower_ for t in sent if t.idx == start), "") if start < ent.start_char else ""
    score = 0
    if cue in CUES or (before and before[-1] in CUES) or set(before) & CUE_NOUNS:
        score += 3
    elif before and before[-1] in WEAK_CUES and words & (UNITS | {"the", "next"}):
        # "within the hour" asks; "we aim to respond within 8 working hours" quotes a promise
        score += 1 if before[-1] in ("within", "in") else 0
    elif before and before[-1] in ("until", "of", "after"):
        score -= 1
    if any(a <= ent.start_char and ent.end_char <= b for a, b in ask_spans):
        score += IN_ASK
    elif _threat(ent):
        score += 2
    if any(t.lower_ in STAKES for t in sent) and not _past_tense(ent):
        score += 1
    if ent.root.head.lower_ in ("is", "are", "'s") and ent.root.head.i != ent.root.i:
        score += 1  # "Payday is tomorrow", "Their induction is tomorrow at 9:30": an event set
    if words & NEAR:
        score += 2
    elif ent.label_ != "DATE" and _clock(ent) and not _past_tense(ent):
        score += 2  # "clients arrive at 3", "our courier pickup is at 16:00"
    elif "today" in words or ent.label_ == "TIME":
        score += 1
    if "next" in words or {"this", "week"} <= words or "sometime" in before:
        score += 1
    if words <= {"this", "the", "morning", "day", "week", "afternoon"} and "morning" in words | (
        {"day", "week"} if "the" in words else set()
    ):
        score -= 2  # "this morning" is when it broke; "the day", "the week" are no dates
    if words & FAR and score < 3:
        score -= 2
    return score


def _threat(ent: Span) -> bool:
    """ "If it's not back today ...", "If this isn't sorted by 5pm ...": the time of a
    threat is the deadline even when no ask holds it."""
    head = [t.lower_ for t in ent.doc[ent.sent.start : ent.start]]
    if "if" not in head:
        return False
    rest = head[head.index("if") :]
    return "not" in rest or "n't" in rest


def _clock(ent: Span) -> bool:
    """The entity names a clock time ("3pm", "16:00", "at 11"), not a part of the day."""
    return any(t.like_num or any(ch.isdigit() for ch in t.text) for t in ent)


def _not_a_time(ent: Span) -> bool:
    """Extensions and phone numbers that NER calls dates ("ext. 6512", "07700 900589")."""
    digits = [t.text for t in ent if t.text.isdigit()]
    return any(len(d) >= 4 and not (len(d) == 4 and d.startswith(("19", "20"))) for d in digits)


def _is_history(ent: Span) -> bool:
    doc = ent.doc
    words = [t.lower_ for t in ent]
    before = [t.lower_ for t in doc[max(ent.sent.start, ent.start - 2) : ent.start]]
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    if set(words) & PAST or set(before[-1:]) & PAST or after == "ago":
        return True
    if any(w in UNITS for w in words) and not set(before) & {"in", "within", "next"}:
        # a length of time: "for three days", "two weeks now"; "within the hour" is a deadline
        return not (set(words) & {"next", "the", "this", "end"})
    return _past_tense(ent)


def _past_tense(ent: Span) -> bool:
    """The time hangs on a verb in the past ("it broke this morning", "I called at 9") and no
    verb above it is present or modal ("I need this sorted tonight" is not history, though
    the tagger may call "sorted" a past tense)."""
    first = True
    for anc in ent.root.ancestors:
        if not (anc.tag_.startswith("VB") or anc.tag_ == "MD"):
            continue
        aux = {c.lower_ for c in anc.children if c.dep_ in ("aux", "auxpass")}
        if aux & {"will", "'ll", "going", "would", "'d", "must", "should", "can", "could"}:
            return False
        perfect = anc.tag_ == "VBN" and bool(aux & {"has", "have", "'ve", "had"})
        if first and not (anc.tag_ == "VBD" or perfect):
            return False
        if not first and anc.tag_ in ("VBP", "VBZ", "VB", "MD"):
            return False
        first = False
    return not first
