"""Running an exported encoder graph on ONNX Runtime: the session, the pass over token ids
(one email per call, or length-sorted batches) and the base weights' hash. Shared by the
classifier (model.py) and the topic encoder (topic.py). No torch.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray

from triage.classify import artifact as art
from triage.classify.encoding import Encoded
from triage.errors import ModelError

F32 = NDArray[np.float32]


def session(path: Path, threads: int, *, spin: bool = True) -> Any:
    """``spin``: let the session's threads spin-wait for the next run (ONNX Runtime's
    default). Off for a second session run in turn with the first: its threads spinning
    after each run took the 2 cores from the other (with both spinning, classify with the
    topic pass ran at 41 emails/s; with the topic session's off, 65)."""
    import onnxruntime as ort

    so = ort.SessionOptions()
    so.intra_op_num_threads = threads if threads > 0 else (os.cpu_count() or 1)
    so.inter_op_num_threads = 1
    so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    so.log_severity_level = 3
    so.add_session_config_entry("session.intra_op.allow_spinning", "1" if spin else "0")
    try:
        return ort.InferenceSession(str(path), so, providers=["CPUExecutionProvider"])
    except Exception as exc:  # onnxruntime raises its own Fail/InvalidGraph types
        raise ModelError(
            f"{path} cannot be loaded ({exc}); delete the cache folder {path.parent} to rebuild it"
        ) from exc


def run_states(sess: Any, encoded: list[Encoded], batch_size: int) -> Iterator[list[F32]]:
    """Every output of the graph per email (token states, unpadded), in input order."""
    if batch_size <= 1:
        for e in encoded:
            ids = e.ids[None, :]
            outs = sess.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})
            yield [o[0] for o in outs]
        return
    # length-sorted buckets keep padding small; results are put back in input order
    order = sorted(range(len(encoded)), key=lambda i: len(encoded[i].ids))
    out: dict[int, list[F32]] = {}
    for start in range(0, len(order), batch_size):
        idx = order[start : start + batch_size]
        n = max(len(encoded[i].ids) for i in idx)
        ids = np.zeros((len(idx), n), dtype=np.int64)
        mask = np.zeros((len(idx), n), dtype=np.int64)
        for j, i in enumerate(idx):
            ids[j, : len(encoded[i].ids)] = encoded[i].ids
            mask[j, : len(encoded[i].ids)] = 1
        outs = sess.run(None, {"input_ids": ids, "attention_mask": mask})
        for j, i in enumerate(idx):
            n_i = len(encoded[i].ids)
            out[i] = [o[j, :n_i] for o in outs]
    yield from (out[i] for i in range(len(encoded)))


def base_hash_cached(base: Path, cache: Path) -> str:
    """sha256 of the base weights, remembered next to the ONNX cache (hashing 90 MB costs ~0.2 s)."""
    weights = base / "model.safetensors"
    st = weights.stat()
    stamp = cache / f"base-{st.st_size}-{st.st_mtime_ns}.sha256"
    if stamp.is_file():
        return stamp.read_text("utf-8").strip()
    digest = art.weights_hash(weights)
    cache.mkdir(parents=True, exist_ok=True)
    stamp.write_text(digest + "\n", "utf-8")
    return digest


def l2(x: F32) -> F32:
    n = np.linalg.norm(x, axis=1, keepdims=True)
    out: F32 = (x / np.maximum(n, 1e-12)).astype(np.float32)
    return out


def onnx_paths(
    artifact: art.Artifact, cache_dir: Path, layers: tuple[int, ...] | None = None
) -> tuple[Path, Path]:
    from triage.classify.export import EXTRA_LAYERS, recipe  # no torch at import

    key = recipe(EXTRA_LAYERS if layers is None else layers)
    folder = cache_dir / f"{str(artifact.meta['weights_sha256'])[:16]}-{key}"
    return folder / "encoder.fp32.onnx", folder / "encoder.int8.onnx"


def ensure_onnx(
    artifact: art.Artifact,
    cache_dir: Path,
    backend: Literal["int8", "fp32"],
    layers: tuple[int, ...],
) -> Path:
    fp32, int8 = onnx_paths(artifact, cache_dir, layers)
    wanted = int8 if backend == "int8" else fp32
    if not wanted.is_file():
        try:
            from triage.classify.export import build_onnx
        except ImportError as exc:  # torch missing: the cache is the only way to run
            raise ModelError(
                f"{wanted} is not built and torch is not installed to build it: run "
                "`make` (pip install -e .) once, or copy the model cache from another machine"
            ) from exc
        try:
            build_onnx(artifact, fp32, int8, layers)
        except OSError as exc:
            raise ModelError(
                f"cannot build the ONNX model cache in {fp32.parent} ({exc.strerror or exc}): "
                "make the folder writable or set [model] cache_dir"
            ) from exc
    return wanted
