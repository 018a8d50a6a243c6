"""Ranking figures of the evaluation suite, checked against brute force and scikit-learn."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st
from sklearn.metrics import roc_auc_score

from triage.classify.suite import best_f1, headline, roc_auc

# Scores from a small set of values, so ties (common with quantized scores) are exercised.
rows = st.lists(
    st.tuples(st.integers(0, 1), st.sampled_from([0.0, 0.1, 0.25, 0.5, 0.9, 1.0])),
    min_size=2,
    max_size=40,
)


def _brute_best_f1(gold: list[int], score: list[float]) -> float:
    best = 0.0
    for cut in set(score):
        pred = [int(s >= cut) for s in score]
        tp = sum(p and g for p, g in zip(pred, gold, strict=True))
        best = max(best, 2 * tp / (sum(pred) + sum(gold)))
    return best


@given(rows)
def test_best_f1_is_the_best_over_every_cut_and_keeps_ties_together(
    data: list[tuple[int, float]],
) -> None:
    gold, score = [g for g, _ in data], [s for _, s in data]
    if sum(gold) == 0:
        assert math.isnan(best_f1(gold, score))
    else:
        assert math.isclose(best_f1(gold, score), _brute_best_f1(gold, score))


@given(rows)
def test_roc_auc_matches_scikit_learn(data: list[tuple[int, float]]) -> None:
    gold, score = [g for g, _ in data], [s for _, s in data]
    if 0 < sum(gold) < len(gold):
        assert math.isclose(roc_auc(gold, score), roc_auc_score(gold, score))


def test_headline_takes_the_goemotions_ranking_figures() -> None:
    ge = {"goemotions_dev": {"upset_f1": 0.6, "upset_auc": 0.89, "upset_best_f1": 0.61}}
    assert headline(ge) == {
        "goemotions_dev.upset_f1": 0.6,
        "goemotions_dev.upset_auc": 0.89,
        "goemotions_dev.upset_best_f1": 0.61,
    }
