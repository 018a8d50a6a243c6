"""onnx_run.py: one pass over token ids, one by one or in length-sorted batches, and the base
weights' hash remembered next to the cache."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from tests.classify.conftest import REPO
from triage.classify import artifact as art
from triage.classify.onnx_run import base_hash_cached, l2, run_states
from triage.classify.topic import TopicEncoder


def test_batches_give_each_email_its_own_unpadded_states() -> None:
    topic = TopicEncoder.load(REPO / "var" / "model-cache", threads=1)
    encoded = topic.encode(["short one", "a much longer email " * 10, "mid length text"])
    one = list(run_states(topic._session, encoded, 1))
    many = list(run_states(topic._session, encoded, 2))
    assert [o[0].shape[0] for o in one] == [len(e.ids) for e in encoded]
    for a, b in zip(one, many, strict=True):
        assert a[0].shape == b[0].shape
        # dynamic int8 picks one activation scale per batch: close, not equal (a 4-token text
        # padded beside a long one moved to 0.985)
        assert (l2(a[0].mean(0, keepdims=True)) @ l2(b[0].mean(0, keepdims=True)).T).item() > 0.97


def test_the_base_hash_is_computed_once_and_remembered(tmp_path: Path) -> None:
    base = art.base_model_dir()
    digest = base_hash_cached(base, tmp_path)
    assert digest == art.weights_hash(base / "model.safetensors")
    stamps = list(tmp_path.glob("base-*.sha256"))
    assert len(stamps) == 1
    stamps[0].write_text("remembered\n", "utf-8")  # read back, not hashed again
    assert base_hash_cached(base, tmp_path) == "remembered"


def test_l2_leaves_a_zero_row_at_zero() -> None:
    out = l2(np.array([[3.0, 4.0], [0.0, 0.0]], dtype=np.float32))
    np.testing.assert_allclose(out, [[0.6, 0.8], [0.0, 0.0]])
    assert out.dtype == np.float32
