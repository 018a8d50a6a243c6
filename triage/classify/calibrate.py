"""Decision thresholds on the expected level, tuned on the training-side calibration split.

The cumulative-link heads give an expected level E in [0, 3]; the level is the number of
thresholds t1 < t2 < t3 that E exceeds. Rounding (0.5, 1.5, 2.5) is the start; coordinate
ascent on QWK moves each threshold on a 0.05 grid. The calibration groups (senders,
conversations) are disjoint from both the training rows and the dev split.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from triage.classify.evaluate import qwk

START = (0.5, 1.5, 2.5)
GRID = np.round(np.arange(0.1, 2.95, 0.05), 2)
ROUNDS = 3


def levels(expected: NDArray[np.float64], t: Sequence[float]) -> list[int]:
    return [int(v) for v in (expected[:, None] > np.asarray(t)[None, :]).sum(axis=1)]


def tune_thresholds(
    expected: NDArray[np.float64], gold: Sequence[int]
) -> tuple[float, float, float]:
    """Thresholds maximising QWK on (expected, gold); ties keep the value nearest the start."""
    t = list(START)
    best = qwk(list(gold), levels(expected, t))
    for _ in range(ROUNDS):
        for k in range(3):
            lo = t[k - 1] + 0.05 if k > 0 else 0.0
            hi = t[k + 1] - 0.05 if k < 2 else 3.0
            for v in sorted(GRID, key=lambda g: abs(g - START[k])):
                if not lo <= v <= hi:
                    continue
                trial = t.copy()
                trial[k] = float(v)
                score = qwk(list(gold), levels(expected, trial))
                if score > best + 1e-9:
                    best, t = score, trial
    return (round(t[0], 2), round(t[1], 2), round(t[2], 2))
