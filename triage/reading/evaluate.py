"""The reader against the labelled items, per portion (tuning / test) and per set
(synthetic / twcs), with the same matching rule the annotators were held to (``score``).

Figures:
- asks: micro precision, recall and F1 (an ask matches a gold ask it covers half of);
- deadline: ``found`` = share of items with a gold deadline where the reader's phrase agrees
  with it; ``any`` = share of those where it gave any deadline; ``false`` = share of items
  without a gold deadline where it gave one;
- tried: F1 of the phrases (same matching rule) and ``has`` = agreement on whether any step
  was tried at all;
- language: accuracy of the ISO 639-1 code;
- wrote_before: share flagged, and the share of gold "chase" items flagged (the labels have no
  wrote-before field; a chase is the nearest, imperfect, proxy).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from triage.reading.labelled import LabelledItem
from triage.reading.score import ask_matches, phrases_agree
from triage.reading.values import TextReading


@dataclass(frozen=True, slots=True)
class Figures:
    n: int
    ask_p: float
    ask_r: float
    ask_f1: float
    deadline_gold: int
    deadline_found: float
    deadline_any: float
    deadline_false: float
    tried_f1: float
    tried_has: float
    language: float
    wrote_before: float
    wrote_before_chase: float


def _ratio(a: float, b: float, empty: float = 1.0) -> float:
    return a / b if b else empty


def figures(items: Sequence[LabelledItem], readings: Sequence[TextReading]) -> Figures:
    pairs = list(zip(items, readings, strict=True))
    pred_asks = sum(len(r.asks) for _, r in pairs)
    gold_asks = sum(len(i.asks) for i, _ in pairs)
    matched = sum(ask_matches([a.text for a in r.asks], i.asks) for i, r in pairs)
    with_dl = [(i, r) for i, r in pairs if i.deadline]
    without_dl = [(i, r) for i, r in pairs if not i.deadline]
    found = sum(
        r.deadline is not None and phrases_agree(r.deadline.phrase, i.deadline) for i, r in with_dl
    )
    t_pred = sum(len(r.tried) for _, r in pairs)
    t_gold = sum(len(i.tried) for i, _ in pairs)
    t_match = sum(ask_matches(r.tried, i.tried) for i, r in pairs)
    chase = [(i, r) for i, r in pairs if i.kind == "chase"]
    return Figures(
        n=len(pairs),
        ask_p=_ratio(matched, pred_asks),
        ask_r=_ratio(matched, gold_asks),
        ask_f1=_ratio(2 * matched, pred_asks + gold_asks),
        deadline_gold=len(with_dl),
        deadline_found=_ratio(found, len(with_dl)),
        deadline_any=_ratio(sum(r.deadline is not None for _, r in with_dl), len(with_dl)),
        deadline_false=_ratio(
            sum(r.deadline is not None for _, r in without_dl), len(without_dl), 0.0
        ),
        tried_f1=_ratio(2 * t_match, t_pred + t_gold),
        tried_has=_ratio(sum(bool(i.tried) == bool(r.tried) for i, r in pairs), len(pairs)),
        language=_ratio(sum(i.language == r.language for i, r in pairs), len(pairs)),
        wrote_before=_ratio(sum(r.says_wrote_before for _, r in pairs), len(pairs)),
        wrote_before_chase=_ratio(sum(r.says_wrote_before for _, r in chase), len(chase), 0.0),
    )


HEADER = (
    f"{'portion':8} {'set':9} {'n':>5} {'ask P':>6} {'ask R':>6} {'ask F1':>6} "
    f"{'dl n':>5} {'found':>6} {'any':>6} {'false':>6} {'triedF1':>7} {'has':>6} "
    f"{'lang':>6} {'wrote':>6} {'chase':>6}"
)


def row(portion: str, name: str, f: Figures) -> str:
    return (
        f"{portion:8} {name:9} {f.n:5d} {f.ask_p:6.3f} {f.ask_r:6.3f} {f.ask_f1:6.3f} "
        f"{f.deadline_gold:5d} {f.deadline_found:6.3f} {f.deadline_any:6.3f} "
        f"{f.deadline_false:6.3f} {f.tried_f1:7.3f} {f.tried_has:6.3f} {f.language:6.3f} "
        f"{f.wrote_before:6.3f} {f.wrote_before_chase:6.3f}"
    )
