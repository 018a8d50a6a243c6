"""What an email is about, as a vector: the base sentence model's embedding, for finding the
knowledge-base entry and the learned cases that fit it.

The classifier's own pooled vector is tuned for urgency and frustration, not topic: it puts
every support email at cosine 0.6-0.9 of every knowledge-base entry, so retrieval leaned on
keywords and an email that named its problem in other words got no fix. all-MiniLM-L6-v2 as
published was trained for exactly this (sentence similarity: mean pooling, L2 norm), and its
space separates topics (unrelated pairs at 0.1-0.4). On the 121 labelled queries of
tests/data/kb_queries.jsonl its cosine alone ranks the right entry first for 109-110 (int8 /
fp32; measured once in session 19, the probe not kept: tests/replies/test_knowledge.py holds
the kept bar for the combined ranking).

It reads the subject and the opening of the newest text (128 tokens, the length the model was
trained at; what an email is about is said first), in its own pass: the classifier tunes
layers 2-5, so only the two lowest layers could be shared, for a graph that is not the
published model's any more. Built once, like the classifier's graph, from the package's
weights (export.py, the only place torch is used) and cached by their hash. No torch here.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

import numpy as np

from triage.classify import artifact as art
from triage.classify.encoding import Encoded, TextEncoder
from triage.classify.onnx_run import F32, base_hash_cached, ensure_onnx, l2, run_states, session

MAX_LENGTH = 128
# the recipe's part of the identity: bump it when the pooling or the input changes, so
# vectors stored before are never compared with new ones
RECIPE = f"mean{MAX_LENGTH}-head"


class TopicEncoder:
    """``embed(texts)`` -> L2-normalised rows (n, 384) in the base sentence model's space;
    ``identity`` names that space (vectors of two identities are never compared)."""

    def __init__(self, sess: Any, encoder: TextEncoder, identity: str, batch_size: int = 1):
        self._session = sess
        self._encoder = encoder
        self.identity = identity
        self.batch_size = batch_size

    @classmethod
    def load(
        cls,
        cache_dir: Path,
        threads: int = 0,
        *,
        backend: Literal["int8", "fp32"] = "int8",
        batch_size: int = 1,
    ) -> TopicEncoder:
        base = art.base_model_dir()
        cache_dir.mkdir(parents=True, exist_ok=True)
        digest = base_hash_cached(base, cache_dir)
        # the graph is the base model's alone: an artifact with no tuned layers
        plain = art.Artifact(tensors={}, meta={"weights_sha256": f"base{digest}"})
        path = ensure_onnx(plain, cache_dir, backend, ())
        # head only: the opening says what it is about; the classifier's tail (the threat, the
        # deadline) is mood and urgency
        encoder = TextEncoder(base / "tokenizer.json", MAX_LENGTH, head_share=1.0)
        # the graph's folder names the weights and the export recipe: a graph built another
        # way is another space
        identity = f"all-minilm-l6-v2:{path.parent.name}:{RECIPE}:{backend}"
        # run in turn with the classifier's session: no spinning threads left behind
        return cls(session(path, threads, spin=False), encoder, identity, batch_size)

    def encode(self, texts: Sequence[str]) -> list[Encoded]:
        """The token ids the pass reads (head only, at most ``MAX_LENGTH``)."""
        return self._encoder.encode(list(texts))

    def embed(self, texts: Sequence[str]) -> F32:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        encoded = self.encode(texts)
        pooled = [
            outs[0].mean(axis=0) for outs in run_states(self._session, encoded, self.batch_size)
        ]
        return l2(np.stack(pooled).astype(np.float32))
