"""The --quick recipe end to end on a tiny slice (never a real training run)."""

from __future__ import annotations

from pathlib import Path

import pytest

from triage.classify import artifact as art
from triage.classify.train import train


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
