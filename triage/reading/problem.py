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

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

MAX_WORDS = 10
MIN_WORDS = 4
FIRST_SENTENCES = 6  # the problem is stated near the top; later ones are detail or history
# words of failure: prefixes (lower-cased) of the longer ones, whole words for the short ones
# ("down" is not "downstairs", "lost" is not "lostprophets")
_FAILING = tuple(
    """broke crash freez froze stopp stops fail losing missing disappear keeps flicker wiped
    deleted locked offline crackl bounc overcharg charged throttl unable faulty damaged cracked
    hacked compromis expired unusable intermittent disconnect lagg dropp drops clicking quit
    timing vanish duplicat suspend declin reject froz corrupt garbl unreadab unrespons
    overheat billed""".split()
)
_FAILING_WORDS = frozenset(
    "down dead slow lost wrong error errors stuck hangs hung blank noise noisy leak leaking "
    "kept broken off gone".split()
)
# "I think/noticed/found that X": X is the problem
_REPORTING = frozenset(
    "think thought noticed notice found find realised realized believe seems seem appears "
    "appear looks discovered saw see".split()
)
# second person is the desk ("your update broke it"): said back it becomes our admission
_SECOND = frozenset("you your yours yourself yourselves u ur".split())
_VAGUE_SUBJECTS = frozenset("it this that these those they which what who".split())
# parts of a clause that are not its core: reasons, conditions, side remarks, second clauses
_DROP_DEPS = frozenset(
    "advcl ccomp parataxis conj cc mark punct appos discourse intj dep relcl npadvmod meta "
    "vocative".split()
)
_DROP_INNER = frozenset("conj cc relcl advcl appos parataxis ccomp intj discourse".split())
_STOP = frozenset(
    """the and for with from this that have has had been was were are not any all our your
    my you can can't won't don't again still just now please help urgent issue problem
    waiting ticket update chasing follow reply response request query""".split()
)
_NONE = frozenset("no nothing nobody never none".split())
# short words that are shouted, not acronyms: said back lower-cased
_SHOUTED = frozenset(
    """not no none all now still ever again dead down fix help why how what the and any one
    two my our your you is are was can will just even very so but off out lost gone done back
    week days hour all full own only this that they them she he his her its it new old bad
    sick work works ever more much most less fail when who did does has had get got been
    zero one two four five six nine ten live home game sale shop""".split()
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
_SPACE = re.compile(r"\s+")


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
    found = [c for c in (_clause(s, thing, text) for s in sents[:FIRST_SENTENCES]) if c]
    if not found:
        return ""
    if not topic:
        return found[0]
    # the subject line names the main problem; a clause sharing none of its words is more
    # often a side remark ("we haven't changed anything", "half the customers don't carry cash")
    on_topic = [c for c in found if _stems(c) & topic]
    return on_topic[0] if on_topic else ""


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


def _clause(sent: Span, thing: Callable[[], str], text: str | None = None) -> str:
    words = sent.text.strip()
    low = words.lower()
    if (
        words.endswith("?")
        or (_GREETING.match(words) and len(words.split()) <= 3)
        or boilerplate(low)
        or not _reports_trouble(sent)
    ):
        return ""
    if sent.root.tag_.startswith("NN") and any(
        c.dep_ == "det" and c.text.lower() == "no" for c in sent.root.children
    ):
        return _none_of(sent, text)  # "Still no internet at our Maple Street site."
    if sent.root.tag_.startswith("NN"):
        return _verbless(sent, text)  # "VPN slow as treacle again today."
    root = sent.root
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
    # what comes before the subject is a time or a side word ("Every evening around 9 the
    # Wi-Fi drops", "hey so the app keeps crashing"): the clause opens with its subject
    tokens = [t for t in sorted(_core(root), key=lambda t: t.i) if t.i >= subject.left_edge.i]
    if not any(_troubled(t) for t in tokens):
        return ""  # the trouble was in a part cut away: this clause is a side remark
    if not tokens or tokens[0].i != min(t.i for t in subject.subtree):
        return ""  # the clause must open with its subject
    if any(t.text.lower() in _SECOND or t.text.startswith(("@", "http")) for t in tokens):
        return ""  # the desk, a tweet's @handle or a link: never said back
    if subject.lower_ in ("i", "we") and not _lacks_something(root, tokens):
        return ""  # "I'm not talking to customer service again": their stance, not a fault
    if any(_ODD.search(t.text) for t in tokens):
        return ""  # "process.if", an emoji's variation mark: text the parse could not split
    while tokens and tokens[-1].lower_ in ("so", "and", "but", "then", "though", "too"):
        tokens = tokens[:-1]
    # the kept words in order: a dropped part is a whole subtree (a reason, a second clause),
    # so what is left still reads as one clause
    swap = {subject.i: f"the {thing()}"} if it else {}
    added: dict[int, tuple[str, str]] = {}
    if _needs_be(root):
        # "Monitor arm still broken", "my calendar not syncing": the verb "be" was left out
        be = "are" if subject.tag_ in ("NNS", "NNPS") else "is"
        added[max(t.i for t in subject.subtree)] = ("", be)
        if subject.tag_ in ("NN", "NNS", "NNP") and not any(
            c.dep_ in ("det", "poss", "compound") and c.i < subject.i and c.tag_ in ("DT", "PRP$")
            for c in subject.children
        ):
            first = root.doc[min(t.i for t in subject.subtree)]
            if not first.like_num:  # "Six years of bookmarks gone" needs no "the"
                added[first.i] = ("the", "")
            if first.text.istitle():
                swap.setdefault(first.i, first.text.lower())  # "Printer on floor 2 broken"
    clause = _join(tokens, swap, text, added)
    clause = _SPACE.sub(" ", clause).strip(" ,;:-")
    clause = re.sub(r"\s+([,.;:!?])", r"\1", clause).rstrip(",;:- ")
    if tokens[-1].dep_ in ("cc", "det", "prep", "aux", "mark", "poss"):
        return ""
    n = len(clause.split())
    return clause if MIN_WORDS <= n <= MAX_WORDS else ""


_PARTICIPLES = frozenset("broken gone stolen frozen taken fallen done shown seen known".split())
_ODD = re.compile(r"[a-z]\.[a-z]|[\ufe0e\ufe0f\u200d]", re.I)
# what the writer can be without: "we've had no internet since Friday", "I don't have access"
_SERVICES = frozenset(
    """access internet broadband signal power connection service line phone email wifi wi-fi
    network heating water""".split()
)


def _lacks_something(root: Token, tokens: list[Token]) -> bool:
    """A first-person clause that reports a fault, not a stance: a word of failure, "can't",
    nothing received, or a service they have none of."""
    if any(t.lower_ in _FAILING_WORDS or t.lower_.startswith(_FAILING) for t in tokens):
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


def _needs_be(root: Token) -> bool:
    """A participle or adjective with a subject and no verb to carry it ("arm still broken")."""
    participle = root.tag_ == "VBD" and root.lower_ in _PARTICIPLES  # "arm broken" read as past
    if root.tag_ not in ("VBN", "VBG", "JJ") and not participle:
        return False
    return not any(c.dep_ in ("aux", "auxpass", "cop") for c in root.children)


def _troubled(t: Token) -> bool:
    low = t.text.lower()
    return t.dep_ == "neg" or low in _NONE or low in _FAILING_WORDS or low.startswith(_FAILING)


def _reports_trouble(sent: Span) -> bool:
    return any(_troubled(t) for t in sent)


def _core(root: Token) -> list[Token]:
    """The root and what it governs, less reasons, side remarks and second clauses (at every
    depth: "41°C and the AC unit" keeps "41°C")."""
    out = [root]
    for child in root.children:
        if child.dep_ in _DROP_DEPS and not (child.dep_ == "punct" and child.tag_ == "HYPH"):
            continue
        if child.dep_ == "prep" and child.i > root.i and _trailing_preps(root, child) > 0:
            continue  # one prepositional phrase after the verb at most ("on my laptop")
        out.extend(_phrase(child))
    return out


def _phrase(token: Token) -> list[Token]:
    """A word and what it governs, less second clauses and side remarks (inner time phrases,
    hyphens and numbers stay: "since 20 minutes ago", "Wi-Fi")."""
    out = [token]
    for child in token.children:
        if child.dep_ in _DROP_INNER or (child.dep_ == "punct" and child.tag_ != "HYPH"):
            continue
        out.extend(_phrase(child))
    return out


def _join(
    tokens: list[Token],
    replace: dict[int, str],
    text: str | None = None,
    added: dict[int, tuple[str, str]] | None = None,
) -> str:
    """The kept words with their own spacing, one space where a dropped part was; with
    ``text`` (what the parsed copy was made from), each word as written there: the parse reads
    a calmed copy where a shouted "VPN" is "vpn"."""
    written = [text[t.idx : t.idx + len(t.text)] for t in tokens] if text is not None else []
    caps = [w for w in written if len(w) > 1 and w.isalpha() and w.isupper()]
    if len(caps) >= 2 and len(caps) * 2 > len(written):
        written = []  # a shouted clause is said calmly: "MONITOR ARM STILL BROKEN"
    # only a short capitalised word that is no shouted English word keeps its capitals
    # ("VPN", "SSO"; not "NOT", "DELETED")
    written = [
        w if not (w.isupper() and (len(w) > 4 or w.lower() in _SHOUTED)) else t.text
        for w, t in zip(written, tokens, strict=False)
    ]
    out = []
    for n, t in enumerate(tokens):
        word = replace.get(t.i, written[n] if written else t.text)
        before, after = (added or {}).get(t.i, ("", ""))  # words the clause needs added
        out.append(" ".join(w for w in (before, word, after) if w))
        if n + 1 < len(tokens):
            out.append(t.whitespace_ if tokens[n + 1].i == t.i + 1 else " ")
    return "".join(out)


def _trailing_preps(root: Token, prep: Token) -> int:
    """How many prepositional phrases after the verb come before ``prep``."""
    return sum(1 for c in root.children if c.dep_ == "prep" and root.i < c.i < prep.i)


def _verbless(sent: Span, text: str | None) -> str:
    """A thing and its failure with no verb, said as a clause: "VPN slow as treacle again
    today" -> "the VPN is slow"; "Internet down at the Leeds office" -> "the Internet is down
    at the Leeds office"."""
    root = sent.root
    state = [
        c for c in root.children if c.dep_ in ("amod", "acl", "prt", "advmod") and _troubled(c)
    ]
    if len(state) != 1 or state[0].i < root.i or root.tag_ not in ("NN", "NNP"):
        return ""
    before = [c for c in root.children if c.i < root.i and c.dep_ in ("compound", "amod", "poss")]
    between = [
        t
        for c in root.children
        if root.i < c.i < state[0].i and c.dep_ == "prep"
        for t in _phrase(c)
    ]
    where = [c for c in state[0].children if c.dep_ == "prep" and c.lower_ in ("at", "in", "on")]
    tail = sorted(_phrase(where[0]), key=lambda t: t.i) if where else []
    kept = sorted([*before, root, *between], key=lambda t: t.i)
    if any(t.text.lower() in _SECOND or not (t.is_alpha or t.like_num) for t in [*kept, *tail]):
        return ""
    poss = any(t.dep_ == "poss" for t in kept)
    verb = "are" if root.tag_ == "NNS" else "is"
    clause = " ".join(
        p
        for p in (
            "" if poss else "the",
            _join(kept, {}, text),
            verb,
            state[0].text.lower(),
            _join(tail, {}, text) if tail else "",
        )
        if p
    )
    n = len(clause.split())
    return clause if MIN_WORDS <= n <= MAX_WORDS else ""


def _none_of(sent: Span, text: str | None = None) -> str:
    """A verbless "no X (at Y)" said as a clause: "there's still no internet at our site"."""
    root = sent.root
    kept = [t for t in sorted(_phrase(root), key=lambda t: t.i) if t.dep_ != "punct"]
    if not kept or any(t.text.lower() in _SECOND for t in kept):
        return ""
    still = any(c.text.lower() == "still" for c in root.children)
    kept = [t for t in kept if t.text.lower() != "still"]
    # "No printers at the office" -> "there are no printers at the office"
    first = {kept[0].i: kept[0].text.lower()} if kept[0].text.isalpha() else {}
    words = _join(kept, first, text)
    verb = "there are" if root.tag_ in ("NNS", "NNPS") else "there's"
    clause = f"{verb} {'still ' if still else ''}{words}"
    n = len(clause.split())
    return clause if MIN_WORDS <= n <= MAX_WORDS else ""
