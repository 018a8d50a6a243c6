from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from triage.classify import artifact as art
from triage.errors import ModelError


def _tiny() -> art.Artifact:
    rng = np.random.default_rng(0)
    return art.Artifact(
        tensors={
            "encoder.layer.5.output.dense.weight": rng.standard_normal((4, 4)).astype(np.float16),
            "heads.weight": rng.standard_normal((3, 7)).astype(np.float32),
        },
        meta={"max_length": 64},
    )


def test_save_load_round_trip(tmp_path: Path) -> None:
    a = _tiny()
    version = art.save(a, tmp_path)
    b = art.load(tmp_path)
    assert b.meta["model_version"] == version
    assert set(b.tensors) == set(a.tensors)
    for k, v in a.tensors.items():
        assert b.tensors[k].dtype == v.dtype
        np.testing.assert_array_equal(b.tensors[k], v)
    # saving what was loaded gives the same bytes, hence the same version
    assert art.save(art.Artifact(b.tensors, b.meta), tmp_path / "again") == version


def test_missing_meta_names_the_file_and_the_fix(tmp_path: Path) -> None:
    art.save(_tiny(), tmp_path)
    (tmp_path / art.META_FILE).unlink()
    with pytest.raises(ModelError, match=r"meta\.json missing.*git checkout models/"):
        art.load(tmp_path)


def test_changed_weights_are_refused(tmp_path: Path) -> None:
    art.save(_tiny(), tmp_path)
    weights = tmp_path / art.WEIGHTS_FILE
    weights.write_bytes(weights.read_bytes()[:-8])
    with pytest.raises(ModelError, match="does not match the hash"):
        art.load(tmp_path)
