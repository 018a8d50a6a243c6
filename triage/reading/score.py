"""How a reading is scored against the labelled data: one rule shared by the annotator
agreement (``scripts/reading_agreement.py``) and the reader's evaluation
(``scripts/reading_eval.py``), so the product is held to the bar the labels were made with.

An ask matches a gold ask when it shares at least half of the gold clause's words (one to
one, greedy in order): the labels quote clauses "nearly" verbatim and their boundaries vary
("could you reset it" vs "Could someone reset it for me when you get to it?"), so exact
matching would score boundary taste, not reading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_WORD = re.compile(r"[\w']+")


def words(text: str) -> list[str]:
    """Lower-cased word tokens (apostrophes kept, so "don't" is one word)."""
    return _WORD.findall(text.lower())


def overlaps(candidate: str, gold: str) -> bool:
    """True when the candidate shares at least half of the gold clause's words."""
    g, c = words(gold), set(words(candidate))
    return bool(g) and sum(1 for w in g if w in c) >= len(g) / 2


def ask_matches(pred: Sequence[str], gold: Sequence[str]) -> int:
    """One-to-one matches, greedy in order."""
    used: set[int] = set()
    n = 0
    for p in pred:
        for i, g in enumerate(gold):
            if i not in used and overlaps(p, g):
                used.add(i)
                n += 1
                break
    return n


def ask_f1(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]) -> float:
    """Micro F1 of the predicted asks against the gold ones over many items: twice the
    matches over the total count (symmetric, so it also serves as annotator agreement)."""
    matched = sum(ask_matches(p, g) for p, g in zip(pred, gold, strict=True))
    total = sum(len(x) for x in gold) + sum(len(x) for x in pred)
    return 2 * matched / total if total else 1.0


def phrases_agree(x: str | None, y: str | None) -> bool:
    """Both absent, or both present and one covers half of the other's words (a deadline
    phrase's boundaries vary as much as an ask's: "at 2pm" vs "Payroll run is due at 2pm")."""
    if not x or not y:
        return not x and not y
    return overlaps(x, y) or overlaps(y, x)
