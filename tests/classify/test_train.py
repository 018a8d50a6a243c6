"""The --quick recipe end to end on a tiny slice (never a real training run)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from triage.classify import artifact as art
from triage.classify.finalize import calibrate_artifact
from triage.classify.train import fit_and_save, train
from triage.errors import ConfigError


@pytest.mark.slow
def test_quick_train_writes_a_loadable_artifact(tmp_path: Path, data_dir: Path) -> None:
    out = tmp_path / "models"
    metrics = train(data_dir, out, quick=True, seed=0, progress=False)
    loaded = art.load(out)
    assert loaded.meta["quick"] is True
    assert loaded.meta["metrics"] == metrics
    assert {"int8", "fp32", "headline"} <= set(metrics)
    assert (out / art.CARD_FILE).is_file()
    tuned = [k for k in loaded.tensors if k.startswith("encoder.")]
    assert tuned
    assert all(loaded.tensors[k].dtype.name == "float16" for k in tuned)


def test_quick_run_refuses_to_replace_a_full_artifact(tmp_path: Path, data_dir: Path) -> None:
    full = art.Artifact(
        tensors={"heads.bias": np.zeros(3, dtype=np.float32)}, meta={"quick": False}
    )
    art.save(full, tmp_path)
    with pytest.raises(ConfigError, match="quick"):
        train(data_dir, tmp_path, quick=True, progress=False)
    assert art.load(tmp_path).meta["quick"] is False


@pytest.mark.slow
def test_training_is_deterministic(tmp_path: Path, data_dir: Path) -> None:
    for name in ("a", "b"):
        fit_and_save(data_dir, tmp_path / name, quick=True, seed=0, progress=False)
    a, b = (art.load(tmp_path / n).meta for n in ("a", "b"))
    assert a["model_version"] == b["model_version"]  # derived from the weights' bytes


@pytest.mark.slow
def test_a_recipe_with_fixed_rounding_keeps_the_rounding_cuts(
    tmp_path: Path, data_dir: Path
) -> None:
    out = tmp_path / "models"
    fit_and_save(data_dir, out, quick=True, seed=0, progress=False)
    loaded = art.load(out)
    loaded.meta["train_config"]["decoding"] = "round"
    art.save(loaded, out)
    calibrate_artifact(out, data_dir, quick=True, seed=0)
    decoding = art.load(out).meta["decoding"]
    assert decoding["thresholds"] == {"urgency": [0.5, 1.5, 2.5], "frustration": [0.5, 1.5, 2.5]}
    assert decoding["calibration"]["urgency"]["chosen"].startswith("round")
    assert set(decoding["calibration"]["urgency"]["qwk"]) == {"median", "round", "tuned_cv"}
