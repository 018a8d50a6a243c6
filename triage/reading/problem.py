"""The customer's main problem as one short clause in their words ("my laptop won't turn on at
all"), for the reply to say back in ours; "" when no clause can be cut cleanly.

A help-desk agent restates the problem before anything else (reply-guide: "restate their actual
problem in one plain sentence"). A stock line ("this isn't working the way it should") reads as
a template and a knowledge-base topic is often another problem, so the restatement is built from
the email itself: the first sentence near the top that reports something wrong (a negated verb,
or a word of failure), cut by the parse to its main clause (subject, verb, what it governs),
without the reasons, side remarks and second clauses that made pasted sentences garble. Short
on purpose: at most ``MAX_WORDS`` words, so the reply never copies a long run of the email.

Pure over a spaCy ``Doc`` (the reading's parse); tags and dependencies only (the pipeline has no
lemmatizer), so word cues are matched on lower-cased prefixes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from triage.reading.asks import boilerplate
from triage.reading.problem_words import (
    MAX_WORDS,
    MIN_WORDS,
    SECOND,
    core,
    failing,
    needs_be,
    none_of,
    reports_trouble,
    said,
    troubled,
    verbless,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# prepositions of time: a clause too long loses them first ("since 01:15")
_WHEN_WORDS = frozenset("since for until till after before during from".split())
FIRST_SENTENCES = 6  # the problem is stated near the top; later ones are detail or history
# "I think/noticed/found that X": X is the problem
_REPORTING = frozenset(
    "think thought noticed notice found find realised realized believe seems seem appears "
    "appear looks discovered saw see told tell tells said says reported report".split()
)
_VAGUE_SUBJECTS = frozenset("it this that these those they which what who".split())
_VAGUE_OBJECTS = frozenset("it this that these those them".split())
_STOP = frozenset(
    """the and for with from this that have has had been was were are not any all our your
    my you can can't won't don't again still just now please help urgent issue problem
    waiting ticket update chasing follow reply response request query""".split()
)
_PEOPLE = frozenset(
    """brother sister mother father mum mom dad son daughter wife husband partner child
    children kids kid baby grandmother grandfather grandma grandad granny aunt uncle cousin
    friend neighbour neighbor colleague colleagues customer customers client clients patient
    patients student students staff user users member members tenant tenants resident
    residents boss manager engineer technician nurse doctor teacher carer carers family
    person people man woman lady gentleman""".split()
)
_ASKING = frozenset("want need needs wanted like love hope wish know rather".split())
_GREETING = re.compile(r"^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\b", re.I)


def find_problem(
    doc: object,
    subject: str = "",
    parse: Callable[[str], object] | None = None,
    text: str | None = None,
) -> str:
    """The main problem clause of the parsed newest text, or "". The subject line says which
    troubled clause is the main one, and (parsed by ``parse``, only when a clause needs it)
    what a bare "it" is: "It hasn't uploaded anything since Tuesday" under "Photo backup
    stopped syncing" is the photo backup."""
    named: list[str] = []

    def thing() -> str:
        if not named:
            named.append(_thing(parse(subject)) if parse and subject.strip() else "")
        return named[0]

    topic = _stems(subject)
    sents = [s for s in getattr(doc, "sents", ()) if s.text.strip()]
    if text is not None and len(text) != len(getattr(doc, "text", "")):
        text = None  # not the text the parse was made from: its own words, then
    found = [
        (k, c) for k, s in enumerate(sents[:FIRST_SENTENCES]) for c in _clauses(s, thing, text)
    ]
    if not found:
        return ""
    if not topic:
        return found[0][1]
    # the subject line names the main problem; a clause sharing none of its words is more
    # often a side remark ("we haven't changed anything", "half the customers don't carry cash")
    on_topic = [c for _, c in found if _stems(c) & topic]
    if on_topic:
        return on_topic[0]
    # ... except the opening sentence, which states it under a subject in other words ("No
    # connection" over "Hi, no internet at all since 3pm") or another language
    opening = [c for k, c in found if k <= 1]
    return opening[0] if opening else ""


def _stems(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z]+", text.lower()) if w not in _STOP and len(w) > 2}


def _thing(subject_doc: object) -> str:
    """The subject line's leading noun phrase ("photo backup"), lower-cased, or "". Read from
    the tags: the pipeline has no attribute ruler, so spaCy's noun chunks are not available."""
    words: list[tuple[str, str]] = []
    for t in subject_doc:  # type: ignore[attr-defined]
        if t.tag_ in ("DT", "PRP$") and not words:
            continue
        if not (t.tag_.startswith("NN") or t.tag_ == "JJ") or not t.is_alpha:
            break
        words.append((t.text.lower(), t.tag_))
    while words and not words[-1][1].startswith("NN"):
        words.pop()  # "slow in the evenings" names no thing
    if words and words[-1][0] in _PEOPLE:
        # "It has been dead for four days" under "Disabled brother - no phone" is the phone:
        # a person (the head noun: "customer portal" is a thing) is never what "it" names
        return ""
    return " ".join(w for w, _ in words) if 1 <= len(words) <= 3 else ""


def _clauses(sent: Span, thing: Callable[[], str], text: str | None = None) -> list[str]:
    """The sentence's clauses that report trouble, main clause first."""
    words = sent.text.strip()
    low = words.lower()
    if (
        words.endswith("?")
        or (_GREETING.match(words) and len(words.split()) <= 3)
        or boilerplate(low)
        or not reports_trouble(sent)
    ):
        return []
    top = sent.root
    if top.tag_ == "UH":
        # "Hi, no internet at all since 3pm": the greeting heads the parse
        top = next((c for c in top.children if c.dep_ in ("appos", "dep", "npadvmod")), top)
    if top.tag_.startswith("NN") and any(
        c.dep_ == "det" and c.text.lower() == "no" for c in top.children
    ):
        return [c for c in (none_of(top, text),) if c]  # "Still no internet at our site."
    if top.tag_.startswith("NN"):
        return [c for c in (verbless(top, text),) if c]  # "VPN slow as treacle again today."
    # the main clause, else a clause of its own beside it ("My laptop takes six minutes to
    # boot and Excel freezes every time", "The foot pedal has stopped working - the rewind
    # side does nothing")
    roots = [top, *(c for c in top.children if _own_clause(c))]
    return [found for root in roots if (found := _clause_at(root, thing, text))]


def _own_clause(t: Token) -> bool:
    return (
        t.dep_ in ("conj", "ccomp", "parataxis")
        and t.tag_.startswith("VB")
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
    )


def _clause_at(root: Token, thing: Callable[[], str], text: str | None) -> str:
    if root.text.lower() in _REPORTING:
        inner = [c for c in root.children if c.dep_ == "ccomp"]
        if not inner:
            return ""
        root = inner[0]
    if not root.tag_.startswith("VB") and root.tag_ not in ("MD", "JJ"):
        return ""
    # "I opened ticket 77120 about my calendar not syncing with the app": the trouble is a
    # clause of its own inside the sentence
    root = next((g for g in root.subtree if _negated_gerund(g)), root)
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    if not subjects or root.tag_ == "VB" and not any(c.dep_ == "aux" for c in root.children):
        return ""  # an imperative or a fragment: an ask, not a report
    subject = subjects[0]
    if any(c.dep_ == "conj" for c in subject.children):
        return ""  # "Card machine, tills and stock system are all down": cut, it would not agree
    it = subject.text.lower() == "it" and bool(thing())
    if subject.dep_ != "expl" and subject.text.lower() in _VAGUE_SUBJECTS and not it:
        return ""
    if root.text.lower() in _ASKING:
        return ""  # "I want a replacement", "I need access": an ask, answered as one
    if _no_failure(root) or _only_if(root) or _denied_or_judged(root, subject):
        return ""  # "It didn't break", "If it bounces I'll be charged": no trouble now
    # what comes before the subject is a time or a side word ("Every evening around 9 the
    # Wi-Fi drops", "hey so the app keeps crashing"): the clause opens with its subject
    tokens = [t for t in sorted(core(root), key=lambda t: t.i) if t.i >= subject.left_edge.i]
    if not any(troubled(t) for t in tokens):
        return ""  # the trouble was in a part cut away: this clause is a side remark
    if not tokens or tokens[0].i != min(t.i for t in subject.subtree):
        return ""  # the clause must open with its subject
    if any(t.text.lower() in SECOND or t.text.startswith(("@", "http")) for t in tokens):
        return ""  # the desk, a tweet's @handle or a link: never said back
    if subject.lower_ in ("i", "we") and not _lacks_something(root, tokens):
        return ""  # "I'm not talking to customer service again": their stance, not a fault
    if any(_ODD.search(t.text) for t in tokens):
        return ""  # "process.if", an emoji's variation mark: text the parse could not split
    if any(t.lower_ in _VAGUE_OBJECTS and t.dep_ in ("dobj", "pobj") for t in tokens):
        return ""  # "I can't send them": said back, "them" names nothing
    while tokens and tokens[-1].lower_ in _TRAILING:
        tokens = tokens[:-1]
    # the kept words in order: a dropped part is a whole subtree (a reason, a second clause),
    # so what is left still reads as one clause
    swap = {subject.i: f"the {thing()}"} if it else {}
    added = _with_be(root, subject, swap) if needs_be(root) else {}
    first = tokens[0]
    if first.i not in swap and first.tag_ not in ("NNP", "NNPS") and first.text.istitle():
        # a sentence's capital is not a name's: "Files in the shared folder are vanishing"
        # is said back "... files in your shared folder ..."; "Joanne can't log in" keeps it
        swap[first.i] = first.text.lower()
    clause = said(tokens, swap, text, added)
    if len(clause.split()) > MAX_WORDS:
        cut = _where_and_when(root, subject)
        tokens = [t for t in tokens if t.i not in cut]
        clause = said(tokens, swap, text, added)
    kept = {t.i for t in tokens}
    if root.lower_ in _CHANGES and any(
        c.dep_ == "prep" and c.lower_ in ("from", "to", "by") and c.i not in kept
        for c in root.children
    ):
        return ""  # "the price has gone from £18 to £22" said as "the price has gone"
    n = len(clause.split())
    return clause if MIN_WORDS <= n <= MAX_WORDS else ""


# failures said not to have happened ("it didn't break, but it pulled the pole"): judges
# called "the cable didn't break" said back the wrong problem
# (base forms and participles: the pipeline has no lemmatizer)
_FAILURE_EVENTS = frozenset(
    """break broken crash crashed fail failed freeze frozen die died burn burnt burned leak
    leaked fall fallen lose lost corrupt corrupted""".split()
)
_WILL = frozenset("will 'll would 'd might could may".split())


# an end negated is trouble that goes on: "the beeping hasn't stopped", "the error hasn't gone
# away", "the pop-up hasn't disappeared" (review)
_ENDING = ("stop", "gone", "go", "went", "disappear", "vanish", "clear", "end", "finish", "quit")


def _no_failure(root: Token) -> bool:
    """A failure verb negated, with no failure under it ("hasn't stopped crashing" is one)."""
    if not any(c.dep_ == "neg" for c in root.children) or root.lower_.startswith(_ENDING):
        return False
    # "JPG export is not blurry", "links are not missing": the state after the copula
    state = [c for c in root.children if c.dep_ in ("acomp", "attr")]
    if not (root.lower_ in _FAILURE_EVENTS or failing(root) or any(map(failing, state))):
        return False
    return not any(c.dep_ in ("xcomp", "ccomp") and failing(c) for c in root.children)


# what a thing is said not to be is a verdict on it, not a fault: "it's not ideal" (of a
# stopgap speaker), "It's not a gambling site" (judges: "the room's not ideal" and "the radio
# streaming's not a gambling site" said back as the problem)
# (of "it"/"this"/"that" only: "The Wi-Fi signal is not good in room 4" is the fault: review)
_VERDICTS = frozenset("ideal nice ok okay fair perfect brilliant fun funny cheap".split())
_COPULA = frozenset("is 's ’s are 're ’re was were be".split())


def _denied_or_judged(root: Token, subject: Token) -> bool:
    """ "It's not ideal", "It's not a gambling site": a pronoun's copula negated over a verdict
    or a kind of thing; a state that is trouble stays ("it isn't online"), and so does any
    named thing's ("the invoice is not the right amount")."""
    if subject.lower_ not in ("it", "this", "that") or root.lower_ not in _COPULA:
        return False
    if not any(c.dep_ == "neg" for c in root.children):
        return False
    state = [c for c in root.children if c.dep_ in ("acomp", "attr")]
    return bool(state) and all(c.lower_ in _VERDICTS or _a_kind_of(c) for c in state)


def _a_kind_of(attr: Token) -> bool:
    """ "a gambling site", "security": a noun with "a"/"an" or none, what the thing is said
    not to be ("the right amount" names what it should be)."""
    dets = {c.lower_ for c in attr.children if c.dep_ == "det"}
    return attr.dep_ == "attr" and attr.tag_.startswith("NN") and dets <= {"a", "an"}


def _only_if(root: Token) -> bool:
    """What will happen to them if something else does ("If it bounces I'll be charged by my
    landlord"): a consequence feared, not the trouble (judges: "restates the landlord charge,
    not the double debit"); "If I restart it, the laptop will freeze again" is the fault."""
    feared = any(c.dep_ == "auxpass" for c in root.children) or any(
        c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in root.children
    )
    return (
        feared
        and any(c.lower_ in _WILL for c in root.children if c.dep_ == "aux")
        and any(
            c.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
            for c in root.children
        )
    )


# words a cut clause must not end on ("Teams keeps signing me out every hour so")
_TRAILING = frozenset("so and but then though too as soon".split())


def _with_be(root: Token, subject: Token, swap: dict[int, str]) -> dict[int, tuple[str, str]]:
    """ "Monitor arm still broken", "my calendar not syncing": the verb "be" that was left
    out, after the subject, and "the" before a bare noun (``swap`` gets the lower-cased
    capital of a sentence's first word: "Printer on floor 2 broken")."""
    be = "are" if subject.tag_ in ("NNS", "NNPS") else "is"
    added = {max(t.i for t in subject.subtree): ("", be)}
    if subject.tag_ in ("NN", "NNS", "NNP") and not any(
        c.dep_ in ("det", "poss", "compound") and c.i < subject.i and c.tag_ in ("DT", "PRP$")
        for c in subject.children
    ):
        first = root.doc[min(t.i for t in subject.subtree)]
        if not first.like_num:  # "Six years of bookmarks gone" needs no "the"
            added[first.i] = ("the", "")
        if first.text.istitle():
            swap.setdefault(first.i, first.text.lower())
    return added


# verbs of a change, which say nothing once their "from" or "to" is cut
# (word forms: the pipeline runs without its lemmatizer)
_CHANGES = frozenset(
    """gone went going goes risen rose rising rises increased increasing jumped changed moved
    dropped fell fallen doubled climbed shot""".split()
)


def _where_and_when(root: Token, subject: Token) -> set[int]:
    """What a clause too long to say back leaves out: where the thing is and the time ("The
    receipt printer at the bakery counter is printing strange characters since yesterday");
    a verb with no object keeps its first preposition ("can't get into the CRM" is not "can't
    get")."""
    after = [c for c in root.children if c.dep_ == "prep" and c.i > root.i]
    if (
        after
        and after[0].i <= root.i + 2
        and after[0].lower_ not in _WHEN_WORDS
        and not any(c.dep_ == "dobj" for c in root.children)
    ):
        after = after[1:]
    dropped = [c for c in subject.children if c.dep_ == "prep"] + after
    return {t.i for c in dropped for t in c.subtree}


_ODD = re.compile(r"[a-z]\.[a-z]|[\ufe0e\ufe0f\u200d]", re.I)
# what the writer can be without: "we've had no internet since Friday", "I don't have access"
_SERVICES = frozenset(
    """access internet broadband signal power connection service line phone email wifi wi-fi
    network heating water""".split()
)


def _lacks_something(root: Token, tokens: list[Token]) -> bool:
    """A first-person clause that reports a fault, not a stance: a word of failure, "can't",
    nothing received, or a service they have none of."""
    if any(failing(t) for t in tokens):
        return True
    if any(c.lower_ in ("ca", "can", "could", "cannot") for c in root.children):
        return True  # "we can't get the account back"
    negated = any(c.dep_ == "neg" or c.lower_ == "never" for c in root.children)
    if negated and root.lower_.startswith(("receiv", "got", "get", "arriv")):
        return True  # "I never received a charger"
    return any(
        t.lower_ in _SERVICES
        and (
            (negated and t.head.i == root.i and t.dep_ in ("dobj", "attr"))
            or any(c.lower_ == "no" for c in t.children)
        )
        for t in tokens
    )


def _negated_gerund(t: Token) -> bool:
    kids = {c.dep_ for c in t.children}
    return t.tag_ == "VBG" and "nsubj" in kids and "neg" in kids
