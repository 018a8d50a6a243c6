"""One-time build of the ONNX encoder from base weights + the artifact's tuned layers.

The runtime path (model.py) needs no torch; this module is the only place inference
touches it, once per artifact version: the built files are cached, keyed by the weights'
hash, so later loads take a fraction of a second.

int8: ONNX Runtime dynamic quantization with per-channel weight scales. The default
per-tensor scales drift badly on MiniLM (pooled cosine 0.958 vs 0.994 per-channel, see
cpu-inference-notes.md) because the FFN down-projections see GELU outliers.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path

from triage.classify import artifact as art
from triage.errors import ModelError

OPSET = 17
# The 6 FFN down-projections see GELU outliers; keeping them fp32 recovers a little more
# accuracy for ~20 % speed (cpu-inference-notes.md). Off unless the dev sets say otherwise.
KEEP_FFN_DOWN_FP32 = False
# Encoder layers (1-5) whose hidden states the graph also outputs, as ``hidden_l<k>``, beside
# the last layer's ``hidden``: the reading heads pool them (reading_heads.py). They are
# computed in the same pass anyway, so the extra output is a copy, not extra work.
EXTRA_LAYERS: tuple[int, ...] = (2, 3)


def recipe(layers: tuple[int, ...] = EXTRA_LAYERS) -> str:
    """The cache key's recipe part for a graph that also outputs ``layers``: bump the suffix
    when the export or quantization recipe changes."""
    return (
        "ort-int8-pc"
        + ("-ffn32" if KEEP_FFN_DOWN_FP32 else "")
        + "".join(f"-l{k}" for k in layers)
        + "-2"
    )


RECIPE = recipe()


def output_names(layers: tuple[int, ...] = EXTRA_LAYERS) -> list[str]:
    """The graph's outputs, in order: the last layer's states, then each extra layer's."""
    return ["hidden", *(f"hidden_l{k}" for k in layers)]


def _check_layers(layers: tuple[int, ...]) -> None:
    if any(not 1 <= k <= 5 for k in layers):
        raise ModelError(f"extra layers must be among 1-5 (6 is the last): {layers}")


def build_onnx(
    artifact: art.Artifact,
    fp32_path: Path,
    int8_path: Path | None,
    layers: tuple[int, ...] = EXTRA_LAYERS,
) -> None:
    """Export the tuned encoder to ``fp32_path`` (and quantize to ``int8_path``), outputting
    the last layer's token states and those of each of ``layers``."""
    _check_layers(layers)
    # nothing may come from a model hub: the base weights are the package's local files
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import numpy as np
    import torch
    from transformers import BertModel

    model = BertModel.from_pretrained(
        str(art.base_model_dir()), local_files_only=True, attn_implementation="eager"
    )
    tuned = {k: torch.from_numpy(v) for k, v in artifact.encoder_tensors.items()}
    missing, unexpected = model.load_state_dict(tuned, strict=False)
    if unexpected:
        raise ModelError(f"artifact has weights the base encoder lacks: {unexpected[:3]}")
    model.eval()  # type: ignore[no-untyped-call]

    class Encoder(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.m = model

        def forward(
            self, input_ids: torch.Tensor, attention_mask: torch.Tensor
        ) -> tuple[torch.Tensor, ...]:
            out = self.m(
                input_ids=input_ids,
                attention_mask=attention_mask,
                output_hidden_states=bool(layers),
            )
            # hidden_states[0] is the embedding output, [k] layer k's
            return (out.last_hidden_state, *(out.hidden_states[k] for k in layers))

    ids = torch.from_numpy(np.array([[101, 7592, 2088, 102]], dtype=np.int64))
    fp32_path.parent.mkdir(parents=True, exist_ok=True)
    with (
        torch.inference_mode(),
        tempfile.TemporaryDirectory(dir=fp32_path.parent) as tmp,
        warnings.catch_warnings(),
        _quiet_root_logger(),
    ):
        # the tracer warns about data-dependent branches in the mask code that are
        # constant for our inputs (no KV cache, 2-D mask); and the quantizer logs a hint
        # to pre-process that measured no gain here
        warnings.simplefilter("ignore")
        tmp_fp32 = Path(tmp) / "encoder.onnx"
        # dynamo=False: the dynamo exporter needs onnxscript, which we do not ship
        torch.onnx.export(
            Encoder(),
            (ids, torch.ones_like(ids)),
            str(tmp_fp32),
            dynamo=False,
            opset_version=OPSET,
            input_names=["input_ids", "attention_mask"],
            output_names=output_names(layers),
            dynamic_axes={
                "input_ids": {0: "batch", 1: "seq"},
                "attention_mask": {0: "batch", 1: "seq"},
                **{name: {0: "batch", 1: "seq"} for name in output_names(layers)},
            },
        )
        if int8_path is not None:
            tmp_int8 = Path(tmp) / "encoder.int8.onnx"
            quantize(tmp_fp32, tmp_int8)
            os.replace(tmp_int8, int8_path)  # atomic: a half-built cache is never seen
        os.replace(tmp_fp32, fp32_path)


@contextlib.contextmanager
def _quiet_root_logger() -> Iterator[None]:
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)
    try:
        yield
    finally:
        root.setLevel(level)


def quantize(src: Path, dst: Path) -> None:
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    exclude: list[str] = []
    if KEEP_FFN_DOWN_FP32:
        graph = onnx.load(str(src)).graph
        exclude = [
            n.name
            for n in graph.node
            if n.op_type == "MatMul" and "/output/dense/" in n.name and "attention" not in n.name
        ]
    quantize_dynamic(
        str(src),
        str(dst),
        weight_type=QuantType.QInt8,
        per_channel=True,
        nodes_to_exclude=exclude,
        extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
    )
