"""The words of a problem clause (triage/reading/problem.py): which words report trouble,
which parts of the parse make a clause, and how its words are said back ("the VPN is slow",
"the monitor arm is still broken", "there's still no internet at our site"). Pure over spaCy
tokens.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

MAX_WORDS = 10
MIN_WORDS = 4
# words of failure: prefixes (lower-cased) of the longer ones, whole words for the short ones
# ("down" is not "downstairs", "lost" is not "lostprophets")
FAILING = tuple(
    """broke crash freez froze stopp stops fail losing missing disappear keeps flicker wiped
    deleted locked offline crackl bounc overcharg charged throttl unable faulty damaged cracked
    hacked compromis expired unusable intermittent disconnect lagg dropp drops clicking quit
    timing vanish duplicat suspend declin reject froz corrupt garbl unreadab unrespons
    overheat billed strange weird slower echo buzz hiss distort blurr""".split()
)
FAILING_WORDS = frozenset(
    "down dead slow lost wrong error errors stuck hangs hung blank noise noisy leak leaking "
    "kept broken off gone cutting".split()
)
# second person is the desk ("your update broke it"): said back it becomes our admission
SECOND = frozenset("you your yours yourself yourselves u ur".split())
# parts of a clause that are not its core: reasons, conditions, side remarks, second clauses
_DROP_DEPS = frozenset(
    "advcl ccomp parataxis conj cc mark punct appos discourse intj dep relcl npadvmod meta "
    "vocative".split()
)
_DROP_INNER = frozenset("conj cc relcl advcl appos parataxis ccomp intj discourse".split())
_NONE = frozenset("no nothing nobody never none".split())
# short words that are shouted, not acronyms: said back lower-cased
_SHOUTED = frozenset(
    """not no none all now still ever again dead down fix help why how what the and any one
    two my our your you is are was can will just even very so but off out lost gone done back
    week days hour all full own only this that they them she he his her its it new old bad
    sick work works ever more much most less fail when who did does has had get got been
    zero one two four five six nine ten live home game sale shop""".split()
)
_SPACE = re.compile(r"\s+")


def said(
    tokens: list[Token],
    swap: dict[int, str],
    text: str | None,
    added: dict[int, tuple[str, str]],
) -> str:
    if not tokens or tokens[-1].dep_ in ("cc", "det", "prep", "aux", "mark", "poss"):
        return ""
    clause = _join(tokens, swap, text, added)
    clause = _SPACE.sub(" ", clause).strip(" ,;:-")
    return re.sub(r"\s+([,.;:!?])", r"\1", clause).rstrip(",;:- ")


_PARTICIPLES = frozenset("broken gone stolen frozen taken fallen done shown seen known".split())


def needs_be(root: Token) -> bool:
    """A participle or adjective with a subject and no verb to carry it ("arm still broken")."""
    participle = root.tag_ == "VBD" and root.lower_ in _PARTICIPLES  # "arm broken" read as past
    if root.tag_ not in ("VBN", "VBG", "JJ") and not participle:
        return False
    return not any(c.dep_ in ("aux", "auxpass", "cop") for c in root.children)


def failing(t: Token) -> bool:
    """A word of failure ("crashing", "down", "broken")."""
    low = t.text.lower()
    return low in FAILING_WORDS or low.startswith(FAILING)


def troubled(t: Token) -> bool:
    """A word of failure, a negation or a "no"/"nothing"."""
    return t.dep_ == "neg" or t.text.lower() in _NONE or failing(t)


def reports_trouble(sent: Span) -> bool:
    return any(troubled(t) for t in sent)


def core(root: Token) -> list[Token]:
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
    if token.lower_ == "between":
        return list(token.subtree)  # "between about 7 and 11pm": the "and" is the range's
    out = [token]
    for child in token.children:
        if child.dep_ in _DROP_INNER or (child.dep_ == "punct" and child.tag_ != "HYPH"):
            continue
        out.extend(_phrase(child))
    return out


_CONTRACTED = re.compile(r"^(?:n['’]t|['’][a-z]{1,2})$", re.I)  # "N'T", "'LL", "'S", "'VE"


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
    calm: list[str] = []
    for w, t in zip(written, tokens, strict=False):
        if calm and w.isupper() and _CONTRACTED.match(w):
            # a shouted contraction is said calmly as a whole: spaCy splits "DOESN'T" into
            # "DOES" + "N'T", "CAN'T" into "CA" + "N'T", "I'M" into "I" + "'M"
            if calm[-1].isupper() and calm[-1] != "I":
                calm[-1] = calm[-1].lower()
            calm.append(w.lower())
            continue
        shouted = w.isupper() and (len(w) > 4 or w.lower() in _SHOUTED)
        calm.append(t.text if shouted else w)
    written = calm
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


def verbless(root: Token, text: str | None) -> str:
    """A thing and its failure with no verb, said as a clause: "VPN slow as treacle again
    today" -> "the VPN is slow"; "Internet down at the Leeds office" -> "the Internet is down
    at the Leeds office"."""
    state = [c for c in root.children if c.dep_ in ("amod", "acl", "prt", "advmod") and troubled(c)]
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
    if any(t.text.lower() in SECOND or not (t.is_alpha or t.like_num) for t in [*kept, *tail]):
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


def none_of(root: Token, text: str | None = None) -> str:
    """A verbless "no X (at Y)" said as a clause: "there's still no internet at our site"."""
    kept = [t for t in sorted(_phrase(root), key=lambda t: t.i) if t.dep_ != "punct"]
    if not kept or any(t.text.lower() in SECOND for t in kept):
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
