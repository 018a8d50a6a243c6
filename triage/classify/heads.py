"""The three heads in numpy: linear scores on [mean-pooled encoder output, surface cues].

Urgency and frustration are cumulative-link ordinal heads: one score s per email and
ordered cut points c0 < c1 < c2, with P(level > k) = sigmoid(s - ck). The expected level
sum_k P(level > k) gives the [0, 1] score (/3); the level is the number of cuts passed.
Being linear in the mean-pooled states, each token's share of s is exact, which is what
the evidence uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

HEAD_ROWS = ("urgency", "frustration", "not_customer")
F32 = NDArray[np.float32]


def sigmoid(x: NDArray[Any]) -> NDArray[np.float64]:
    return np.asarray(0.5 * (1.0 + np.tanh(0.5 * np.asarray(x, dtype=np.float64))))


@dataclass(frozen=True)
class HeadOutput:
    urgency_level: NDArray[np.int64]
    urgency_expected: NDArray[np.float64]
    frustration_level: NDArray[np.int64]
    frustration_expected: NDArray[np.float64]
    not_customer: NDArray[np.float64]
    urgency_p_above: NDArray[np.float64]  # (n, 3): P(level > k)
    frustration_p_above: NDArray[np.float64]


@dataclass(frozen=True)
class Heads:
    weight: F32  # (3, hidden + n_surface), rows in HEAD_ROWS order
    bias: F32  # (3,)
    urgency_cuts: F32  # (3,) increasing
    frustration_cuts: F32
    # Expected-level thresholds tuned on the calibration split; None = the median rule
    # (count the cuts with P(level > k) > 0.5).
    urgency_thresholds: tuple[float, float, float] | None = None
    frustration_thresholds: tuple[float, float, float] | None = None

    @property
    def hidden(self) -> int:
        return int(self.weight.shape[1] - 3)

    def scores(self, pooled: F32, surface: F32) -> NDArray[np.float64]:
        x = np.concatenate([pooled, surface], axis=1).astype(np.float64)
        return np.asarray(x @ self.weight.T.astype(np.float64) + self.bias)

    def __call__(self, pooled: F32, surface: F32) -> HeadOutput:
        s = self.scores(pooled, surface)
        pu = sigmoid(s[:, :1] - self.urgency_cuts[None, :])
        pf = sigmoid(s[:, 1:2] - self.frustration_cuts[None, :])
        return HeadOutput(
            urgency_level=decode(pu, self.urgency_thresholds),
            urgency_expected=pu.sum(axis=1),
            frustration_level=decode(pf, self.frustration_thresholds),
            frustration_expected=pf.sum(axis=1),
            not_customer=sigmoid(s[:, 2]),
            urgency_p_above=pu,
            frustration_p_above=pf,
        )

    def token_shares(self, states: F32, row: int) -> NDArray[np.float64]:
        """Each token's exact share of head ``row``'s score (mean pooling divides by length)."""
        w = self.weight[row, : self.hidden].astype(np.float64)
        return np.asarray(states.astype(np.float64) @ w / max(len(states), 1))


def decode(
    p_above: NDArray[np.float64], thresholds: tuple[float, float, float] | None
) -> NDArray[np.int64]:
    """Level from P(level > k): thresholds on the expected level, or the median rule."""
    if thresholds is None:
        return np.asarray((p_above > 0.5).sum(axis=1), dtype=np.int64)
    expected = p_above.sum(axis=1)
    return np.asarray((expected[:, None] > np.asarray(thresholds)[None, :]).sum(axis=1), np.int64)


def _thresholds(meta: dict[str, Any], label: str) -> tuple[float, float, float] | None:
    t = meta.get("decoding", {}).get("thresholds", {}).get(label)
    return None if t is None else (float(t[0]), float(t[1]), float(t[2]))


def heads_from_tensors(t: dict[str, NDArray[Any]], meta: dict[str, Any] | None = None) -> Heads:
    meta = meta or {}
    return Heads(
        weight=t["heads.weight"].astype(np.float32),
        bias=t["heads.bias"].astype(np.float32),
        urgency_cuts=t["heads.urgency_cuts"].astype(np.float32),
        frustration_cuts=t["heads.frustration_cuts"].astype(np.float32),
        urgency_thresholds=_thresholds(meta, "urgency"),
        frustration_thresholds=_thresholds(meta, "frustration"),
    )
