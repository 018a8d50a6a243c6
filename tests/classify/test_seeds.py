"""Seed spread: only re-runs of the shipped recipe count, and the spread is min/median/max."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from triage.classify import artifact as art
from triage.classify.card import render
from triage.classify.seeds import check_same_recipe, record_seed_runs, spread
from triage.errors import ConfigError

RECIPE = {"epochs": 5, "lr_encoder": 1.5e-4, "threads": 1}


def _meta(**kw: Any) -> dict[str, Any]:
    base = {"train_config": dict(RECIPE), "seed": 0, "quick": False, "metrics": {"n": {}}}
    return {**base, **kw}


def test_spread_is_min_median_max_over_the_runs() -> None:
    runs = {"0": {"a": 0.6, "b": 1.0}, "1": {"a": 0.5}, "2": {"a": 0.7}}
    assert spread(runs) == {"a": {"min": 0.5, "median": 0.6, "max": 0.7}}


def test_a_run_may_differ_in_thread_count_only() -> None:
    other = _meta(seed=1)
    other["train_config"]["threads"] = 2
    check_same_recipe(_meta(), other, Path("s1"))


def test_a_run_of_another_recipe_is_refused_and_named() -> None:
    other = _meta(seed=1)
    other["train_config"]["lr_encoder"] = 1e-4
    with pytest.raises(ConfigError, match="lr_encoder"):
        check_same_recipe(_meta(), other, Path("s1"))


@pytest.mark.parametrize(
    "other", [_meta(), _meta(seed=1, quick=True), _meta(seed=1, data_sha256={"x": "1"})]
)
def test_the_same_seed_other_data_or_a_quick_run_is_refused(other: dict[str, Any]) -> None:
    with pytest.raises(ConfigError):
        check_same_recipe(_meta(), other, Path("s1"))


def test_a_run_that_never_finished_training_is_refused() -> None:
    with pytest.raises(ConfigError, match="never calibrated"):
        check_same_recipe(_meta(), _meta(seed=1, metrics={}), Path("s1"))


def test_recording_needs_an_evaluated_model(tmp_path: Path, data_dir: Path) -> None:
    art.save(art.Artifact({"heads.bias": np.zeros(3, np.float32)}, _meta()), tmp_path / "m")
    with pytest.raises(ConfigError, match="no evaluated figures"):
        record_seed_runs(tmp_path / "m", [], data_dir)


def test_the_card_shows_the_spread_and_the_shipped_seed() -> None:
    meta = _meta(
        seed_runs={
            "shipped_seed": 0,
            "runs": {"0": {"goemotions_dev.upset_f1": 0.61}, "1": {"goemotions_dev.upset_f1": 0.6}},
            "spread": {"goemotions_dev.upset_f1": {"min": 0.6, "median": 0.605, "max": 0.61}},
        }
    )
    card = render(meta)
    assert "Seed spread (2 runs of this recipe, seeds 0, 1" in card
    assert "| GoEmotions dev upset F1 | 0.610 | 0.600 | 0.605 | 0.610 |" in card
