from __future__ import annotations

import numpy as np

from triage.classify.calibrate import START, choose_decoding, levels, tune_thresholds
from triage.classify.evaluate import qwk


def test_thresholds_fix_a_biased_scale() -> None:
    # the model's expected level runs 0.6-0.7 too high for every email: tuned thresholds move up
    gold = [0, 0, 1, 1, 2, 2, 3, 3] * 5
    expected = np.array([g + 0.6 + 0.05 * (i % 3) for i, g in enumerate(gold)], dtype=np.float64)
    t = tune_thresholds(expected, gold)
    assert t[0] < t[1] < t[2]
    assert qwk(gold, levels(expected, t)) > qwk(gold, levels(expected, START))
    assert qwk(gold, levels(expected, t)) == 1.0


def test_thresholds_stay_at_rounding_when_it_is_already_best() -> None:
    gold = [0, 1, 2, 3] * 3
    assert tune_thresholds(np.array(gold, dtype=np.float64), gold) == START


def _p_above(expected: np.ndarray) -> np.ndarray:
    # spread each expected level over the three cumulative probabilities
    return np.clip(expected[:, None] - np.arange(3)[None, :], 0.0, 1.0)


def test_choose_decoding_keeps_rounding_when_the_scale_is_right() -> None:
    gold = [0, 1, 2, 3] * 10
    expected = np.array([g + 0.1 * ((i % 5) - 2) for i, g in enumerate(gold)], dtype=np.float64)
    groups = [f"sender-{i}" for i in range(len(gold))]
    t, report = choose_decoding(_p_above(expected), gold, groups)
    assert report["chosen"] == "round"
    assert t == START
    assert set(report["qwk"]) == {"median", "round", "tuned_cv"}


def test_choose_decoding_tunes_when_held_out_halves_agree() -> None:
    gold = [0, 0, 1, 1, 2, 2, 3, 3] * 10
    expected = np.array([g + 0.6 + 0.05 * (i % 3) for i, g in enumerate(gold)], dtype=np.float64)
    groups = [f"sender-{i}" for i in range(len(gold))]
    t, report = choose_decoding(_p_above(expected), gold, groups)
    assert report["chosen"] == "tuned_cv"
    assert t is not None
    assert qwk(gold, levels(expected, t)) == 1.0
