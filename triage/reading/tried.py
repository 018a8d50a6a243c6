"""Steps the customer says they already took ("restarted the router", "tried clearing the
cache"), so the reply never tells them to do it again.

From the parse: a troubleshooting verb in the past or the perfect ("I restarted", "I've
cleared", "already tried") whose subject is the writer ("I", "we", or no subject in a
fragment such as "Restarted it twice, no joy"), with its objects, particles and adverbs. The
verb list is the short vocabulary of first-line fixes; the grammar is spaCy's.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

FIX_VERBS = frozenset(
    """tried restarted rebooted reset cleared reinstalled uninstalled installed unplugged
    plugged replugged updated upgraded checked turned switched unpaired paired disconnected
    reconnected removed deleted re-added readded re-entered changed swapped replaced tested
    ran followed disabled enabled power-cycled powercycled cycled rebuilt recreated renamed
    moved resent re-sent re-uploaded reuploaded uploaded downloaded cleaned wiped forgot
    forgotten refreshed relinked reconfigured factory-reset restored rolled repaired scanned
    reopened waited used clicked unsubscribed done""".split()
)
# Calling, emailing and asking the desk are not steps tried but contact (``wrote_before``).
FIRST_PERSON = frozenset({"i", "we"})
STOP_DEPS = frozenset({"advcl", "conj", "cc", "mark", "relcl", "parataxis", "punct"})
MAX_WORDS = 12


# a list of what was tried under a heading of its own: "What I've tried:", "What I tried:",
# "Things we've already tried:", "Tried so far:", "Steps taken:" (the parse reads only the
# heading's "tried"); replies/done.py reads the same lists
TRIED_HEAD = re.compile(
    r"^\s*(?:what\s+)?(?:i|we)(?:'ve|\s+have)?\s+(?:already\s+)?(?:tried|done)(?:\s+so\s+far)?\s*:?\s*$"
    r"|^\s*(?:(?:already\s+)?tried|done|steps\s+(?:taken|tried)|things\s+(?:i|we)(?:'ve|\s+have)\s+"
    r"(?:already\s+)?(?:tried|done))(?:\s+so\s+far)?\s*:\s*$",
    re.I,
)
_ITEM = re.compile(r"^\s*(?:[-*\u2022]|\d{1,2}[.)])\s+(?P<item>\S.*?)\s*$")
# what an item says after its step: "Opening in Safe Mode (excel /safe) - opens but ..."
# (not at a comma: "Cleared cache, cookies and history" is one step)
_ITEM_END = re.compile(r"\s+[-\u2013\u2014]\s|\s*\(|[;:]\s")
_NOT_DONE = re.compile(r"^(?:haven't|have\s+not|not|nothing|didn't|did\s+not|no\b)", re.I)


def tried_list(text: str) -> list[str]:
    """The items of each list under a heading of what was tried, whole; a blank line after
    its items, or a line of prose, ends a list."""
    out: list[str] = []
    listing, items = False, 0
    for line in text.replace("\u2019", "'").splitlines():
        if TRIED_HEAD.match(line):
            listing, items = True, 0
            continue
        if not listing:
            continue
        item = _ITEM.match(line)
        if item:
            out.append(item.group("item"))
            items += 1
        elif items or line.strip():
            listing = False
    return out


def listed_tried(text: str) -> list[str]:
    """The steps of those lists, each cut at its first aside or comment; not an item that
    says nothing was done ("Haven't tried anything else yet")."""
    out = []
    for item in tried_list(text):
        step = _ITEM_END.split(item, maxsplit=1)[0].strip(" .,")
        if step and not _NOT_DONE.match(step):
            out.append(" ".join(step.split()[:MAX_WORDS]))
    return out


def find_tried(doc: Doc, text: str) -> tuple[str, ...]:
    listed = listed_tried(text)
    out: list[str] = list(listed)
    for tok in doc:
        if listed and tok.lower_ in ("tried", "done") and TRIED_HEAD.match(_line(text, tok.idx)):
            continue  # the heading of the list, not a step of its own
        if not _is_fix(tok):
            continue
        phrase = _phrase(tok, text)
        if phrase and not any(phrase.lower() in p.lower() for p in out):
            out.append(phrase)
    return tuple(out)


def _is_fix(tok: Token) -> bool:
    if tok.lower_ not in FIX_VERBS or tok.tag_ not in ("VBD", "VBN", "VB", "VBP"):
        return False
    if tok.tag_ in ("VB", "VBP") and tok.lower_ not in ("reset", "run", "tried"):
        return False  # "I restart it every day" is a habit, "restart it" an instruction
    subj = _subject(tok)
    if subj is None:
        # a fragment: "Restarted twice, no change."; a passive "was reset" is not the writer
        return tok.tag_ == "VBD" and tok.dep_ == "ROOT" and tok.i == tok.sent.start
    if subj.lower_ not in FIRST_PERSON:
        return False
    aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "neg")}
    if aux & {"not", "n't", "will", "'ll", "should", "could", "would", "can", "might", "may"}:
        return False
    return (
        tok.tag_ == "VBD"
        or bool(aux & {"have", "'ve", "has", "had", "'d"})
        or (tok.lower_ == "tried")
    )


def _subject(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c
    if tok.dep_ == "conj":
        return _subject(tok.head)
    return None


def _phrase(verb: Token, text: str) -> str:
    """The verb and what it governs to its right, up to the next clause."""
    end = verb.i
    for c in verb.rights:
        if c.dep_ in STOP_DEPS:
            break
        end = max(end, c.right_edge.i)
    # "removed and re-added the profile" shares the object with the next verb
    nxt = [c for c in verb.rights if c.dep_ == "conj"]
    if end == verb.i and nxt and nxt[0].tag_ in ("VBD", "VBN"):
        end = max(c.right_edge.i for c in nxt[0].rights) if list(nxt[0].rights) else nxt[0].i
    doc = verb.doc
    if end - verb.i + 1 > MAX_WORDS:
        end = verb.i + MAX_WORDS - 1
    # a comma or bracket ends the step: "tried my phone hotspot, same thing"
    for k in range(verb.i + 1, end + 1):
        if doc[k].text in (",", "(", ";", ":", "—") or '"' in doc[k].text:
            end = k - 1
            break
    return text[verb.idx : doc[end].idx + len(doc[end].text)].strip(" ,.;:")


def _line(text: str, at: int) -> str:
    end = text.find("\n", at)
    return text[text.rfind("\n", 0, at) + 1 : end if end >= 0 else len(text)].replace("\u2019", "'")
