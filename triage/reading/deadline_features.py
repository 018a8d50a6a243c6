"""What the reader knows about one DATE / TIME candidate of an email, as numbers: the signs
that make a time the deadline ("by 5pm", inside an ask, a need-verb above it, "tomorrow") or
history ("since Monday", a past-tense verb, "for three days"), where it sits, and what else
the email holds. ``deadline`` weighs them with a logistic regression learned on the tuning
portion (``scripts/reading_deadline_train.py``); the weights live beside this module in
``deadline_weights.json``.

Every feature is read from spaCy's parse and tags of the sentence around the entity, so the
cues are linguistic (a preposition, a verb's tense, an auxiliary, a clause's subject), not
the wording of particular emails.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Prepositions and words right before a time that make it the time something is needed by.
CUES = frozenset({"by", "before", "due", "till", "til", "latest"})
CUE_NOUNS = frozenset({"deadline", "cut-off", "cutoff", "cut", "due", "latest", "later"})
# Words that make a time history, a span or a habit.
PAST = frozenset(
    """since ago last yesterday earlier past previous every each over during from recently
    already after""".split()
)
UNITS = frozenset(
    """minute minutes min mins hour hours hrs day days week weeks month months year years
    fortnight seconds""".split()
)
NEAR = frozenset({"tonight", "tomorrow", "tmrw", "tmr", "eod", "cob", "eow"})
FAR = frozenset(
    """month year annual annually monthly weekly daily quarter term summer winter spring
    autumn january february march april may june july august september october november
    december""".split()
)
WEEKDAYS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur
    thurs fri sat sun""".split()
)
# Verbs and words of need: the writer needs something done (by a time).
NEED = frozenset(
    """need needs needed must urgent urgently asap required require requires deadline
    due""".split()
)
# Words that say something is at stake at a time: a meeting, a departure, an exam.
STAKES = frozenset(
    """start starts starting leave leaves leaving arrive arrives arriving meeting presentation
    launch live flight interview exam closes close expires shuts submission submit board demo
    event payroll lecture induction review filing inspection audit visit go-live penalty
    penalties fined""".split()
)
# Words that report a fault: a time in the same sentence is usually when it broke.
PROBLEM = frozenset(
    """down broken broke stopped failing failed fails crashed crashing error errors dropped
    drops working lost locked outage frozen froze""".split()
)
CALM = ("no rush", "not urgent", "no hurry", "n't need anything", "whenever", "no panic")
FUTURE_AUX = frozenset({"will", "'ll", "going", "shall", "gon"})
MODAL_AUX = frozenset({"would", "'d", "must", "should", "can", "could", "ca", "need"})
PERFECT_AUX = frozenset({"has", "have", "'ve", "had", "'s"})

NAMES = (
    "bias",
    "cue",
    "cue_noun",
    "within",
    "until_of_after",
    "at_on",
    "in_ask",
    "ask_sentence",
    "question",
    "threat",
    "need",
    "stakes",
    "problem",
    "past_word",
    "duration",
    "past_tense",
    "present_head",
    "future",
    "modal",
    "copula",
    "calm",
    "near",
    "today",
    "weekday",
    "clock",
    "time_label",
    "next_this",
    "part_of_day_now",
    "far",
    "not_a_time",
    "first_sentence",
    "late_in_text",
    "only_candidate",
    "short_text",
    "reported",
    "have_event",
    "event_noun",
    "negated",
    "habitual",
    "bare_number",
    "event_head",
    "progressive",
    "other_cue",
    "other_near",
    "other_in_ask",
    "other_within",
)
# Features read from the email's other candidates (``with_context``), after the ones above.
CONTEXT = ("other_cue", "other_near", "other_in_ask", "other_within")
# Verbs of saying: a time inside what someone else said or promised is their time, not the
# customer's ("your notice said it would be finished by 7am Monday").
SAYING = frozenset(
    """said say says told tell promised promise assured claimed informed announced
    stated confirmed notice""".split()
)
HAVE = frozenset({"have", "'ve", "has", "got", "'s"})
# Nouns of a scheduled event: a time that hangs on one is when something is at stake
# ("the board meeting at 2", "clinic starts in an hour", "our courier pickup is at 16:00").
EVENTS = frozenset(
    """meeting presentation exam exams interview flight review induction demo launch clinic
    closing closings hearing appointment session visit event class lecture shift pickup
    collection delivery renewal trip deadline submission conference webinar audit
    inspection payroll board call""".split()
)
# Plural and "every" times are habits or availability ("mornings before 7:45", "6pm on
# weekdays"), not one time something is needed by.
HABITUAL = frozenset(
    """mornings afternoons evenings nights weekdays weekends mondays tuesdays wednesdays
    thursdays fridays saturdays sundays daily weekly usually normally always""".split()
)


def features(
    ent: Span,
    phrase_start: int,
    ask_spans: list[tuple[int, int]],
    n_candidates: int,
    sent_starts: list[int] | None = None,
) -> list[float]:
    """The feature vector of one candidate (in the order of ``NAMES``, less ``CONTEXT``).
    ``sent_starts``: the token index where each sentence of the doc starts (computed once
    per email by the caller; read from the doc when not given)."""
    doc = ent.doc
    sent = ent.sent
    words = {t.lower_ for t in ent}
    before = [t.lower_ for t in doc[max(sent.start, ent.start - 3) : ent.start]]
    prev = before[-1] if before else ""
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    sent_words = {t.lower_ for t in sent}
    lower = sent.text.lower()
    # the phrase opens at a cue word further up: "before the board meeting at 2"
    governing = any(t.idx == phrase_start and t.lower_ in CUES for t in sent)
    heads = _verbs_above(ent)
    head = heads[0] if heads else None
    aux = {c.lower_ for v in heads[:2] for c in v.children if c.dep_ in ("aux", "auxpass")}
    starts = sent_starts if sent_starts is not None else [s.start for s in doc.sents]
    index = starts.index(sent.start) if sent.start in starts else 0
    past_tense = _past_tense(heads)
    f = {
        "bias": 1.0,
        "cue": prev in CUES or governing or (len(before) > 1 and before[-2] in CUES),
        "cue_noun": bool(set(before) & CUE_NOUNS) or _cue_noun_near(ent),
        "within": prev in ("within", "in") and bool(words & (UNITS | {"the", "next"})),
        "until_of_after": prev in ("until", "of", "after", "from", "between"),
        "at_on": prev in ("at", "on"),
        "in_ask": any(a <= ent.start_char and ent.end_char <= b for a, b in ask_spans),
        "ask_sentence": any(a < sent.end_char and sent.start_char < b for a, b in ask_spans),
        "question": "?" in sent.text,
        "threat": _threat(ent),
        "need": bool(sent_words & NEED) or "have to" in lower or "has to" in lower,
        "stakes": bool(sent_words & STAKES),
        "problem": bool(sent_words & PROBLEM) or "not working" in lower or "n't work" in lower,
        "past_word": bool(words & PAST or prev in PAST or after == "ago"),
        # a length of time ("for three days", "two weeks now"), but "in 45 minutes" and
        # "within 24 hours" count forward from now
        "duration": bool(words & UNITS)
        and not (words & {"next", "the", "this", "end"})
        and prev not in ("in", "within"),
        "past_tense": past_tense,
        "present_head": head is not None and head.tag_ in ("VBZ", "VBP") and not past_tense,
        "future": bool(aux & FUTURE_AUX) or "going to" in lower,
        "modal": bool(aux & MODAL_AUX) or any(v.tag_ == "MD" for v in heads[:2]),
        "copula": ent.root.head.lower_ in ("is", "are", "'s", "was", "be")
        and ent.root.head.i != ent.root.i,
        "calm": any(c in lower for c in CALM),
        "near": bool(words & NEAR),
        "today": "today" in words,
        "weekday": bool(words & WEEKDAYS),
        "clock": any(t.like_num or any(ch.isdigit() for ch in t.text) for t in ent)
        and ent.label_ != "DATE",
        "time_label": ent.label_ == "TIME",
        "next_this": "next" in words or {"this", "week"} <= words or "sometime" in before,
        "part_of_day_now": words <= {"this", "the", "morning", "afternoon", "day", "week"}
        and bool(words & {"morning", "afternoon", "day", "week"}),
        "far": bool(words & FAR),
        "not_a_time": _not_a_time(ent),
        "first_sentence": index == 0,
        "late_in_text": index >= 2 and index >= len(starts) - 2,
        "only_candidate": n_candidates == 1,
        "short_text": len(doc.text) <= 280,
        "reported": any(v.lower_ in SAYING for v in heads) or _reported(ent),
        "have_event": head is not None
        and head.lower_ in HAVE
        and head.tag_ in ("VBP", "VBZ")
        and any(c.dep_ == "dobj" for c in head.children),
        "event_noun": _on_a_noun(ent),
        "negated": any(c.dep_ == "neg" for v in heads[:2] for c in v.children),
        "habitual": bool(words & HABITUAL)
        or bool({t.lower_ for t in doc[max(sent.start, ent.start - 3) : ent.end + 3]} & HABITUAL),
        "bare_number": all(t.like_num for t in ent) and prev not in ("at", "by", "before"),
        "event_head": _event_head(ent),
        "progressive": head is not None
        and head.tag_ == "VBG"
        and not aux & {"was", "were", "been"},
    }
    return [float(f[name]) for name in NAMES if name not in CONTEXT]


def with_context(vectors: list[list[float]]) -> list[list[float]]:
    """Each vector with the ``CONTEXT`` features appended: whether another candidate of the
    same email has a cue word ("by 5pm"), is a near time ("tomorrow"), sits inside an ask
    or counts forward ("within the hour"); each makes this one less likely the deadline
    (the guide: when several times appear, the ask's own is the deadline)."""
    signs = [NAMES.index(n.removeprefix("other_")) for n in CONTEXT]
    out = []
    for k, v in enumerate(vectors):
        others = vectors[:k] + vectors[k + 1 :]
        out.append([*v, *(float(any(o[i] for o in others)) for i in signs)])
    return out


def _event_head(ent: Span) -> bool:
    """The time hangs on a scheduled event, or on a verb whose subject is one: "the 2pm bed
    meeting", "at the April meeting", "the exam starts at 9", "patients arriving from 8"."""
    near = [ent.root.head, *list(ent.root.head.ancestors)[:2]]
    for tok in near:
        if tok.lower_ in EVENTS or tok.lower_ in STAKES:
            return True
        if tok.tag_.startswith("VB") and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in EVENTS for c in tok.children
        ):
            return True
    return any(t.lower_ in EVENTS for t in ent)


def _reported(ent: Span) -> bool:
    """The time sits in a clause under a verb of saying ("was told it would be fixed by
    Friday")."""
    return any(a.dep_ in ("ccomp", "xcomp") and a.head.lower_ in SAYING for a in ent.root.ancestors)


def _on_a_noun(ent: Span) -> bool:
    """The time modifies a noun, not a verb: "the board meeting at 2", "a review on
    Friday", "tomorrow's induction"."""
    head = ent.root.head
    if head.i == ent.root.i:
        return False
    if head.dep_ == "prep" or head.tag_ == "IN":
        head = head.head
    return head.tag_.startswith("NN") and head.i != ent.root.i and not head.ent_type_


def _verbs_above(ent: Span) -> list[Token]:
    """The verbs (and modals) the entity hangs on, nearest first."""
    return [a for a in ent.root.ancestors if a.tag_.startswith("VB") or a.tag_ == "MD"]


def _past_tense(verbs: list[Token]) -> bool:
    """The nearest verb is a past tense (or a present perfect) and no verb above it is
    present, modal or future: "it broke this morning", "I have called twice today"."""
    if not verbs:
        return False
    for k, v in enumerate(verbs):
        aux = {c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")}
        if aux & (FUTURE_AUX | MODAL_AUX):
            return False
        if k == 0:
            perfect = v.tag_ == "VBN" and bool(aux & PERFECT_AUX)
            if not (v.tag_ == "VBD" or perfect):
                return False
        elif v.tag_ in ("VBP", "VBZ", "VB", "MD"):
            return False
    return True


def _cue_noun_near(ent: Span) -> bool:
    """ "the deadline is Friday", "Friday is the cut-off": a deadline noun as the subject or
    complement of the copula the time hangs on."""
    head = ent.root.head
    return head.lower_ in ("is", "'s") and any(
        c.lower_ in CUE_NOUNS or any(g.lower_ in CUE_NOUNS for g in c.subtree)
        for c in head.children
        if c.dep_ in ("nsubj", "attr") and c.i != ent.root.i
    )


def _threat(ent: Span) -> bool:
    """ "If it's not back today ...": the time of a threat is the deadline."""
    head = [t.lower_ for t in ent.doc[ent.sent.start : ent.start]]
    if "if" not in head:
        return False
    rest = head[head.index("if") :]
    return "not" in rest or "n't" in rest


def _not_a_time(ent: Span) -> bool:
    """Extensions and phone numbers that NER calls dates ("ext. 6512", "07700 900589")."""
    digits = [t.text for t in ent if t.text.isdigit()]
    return any(len(d) >= 4 and not (len(d) == 4 and d.startswith(("19", "20"))) for d in digits)
