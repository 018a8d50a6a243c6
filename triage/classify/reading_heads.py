"""Kind, scope and security heads: the Reading's model half, on the same encoder pass.

Each head is a logistic regression over TF-IDF word uni/bigrams of the text and one or more
L2-normalised pooled blocks of the SAME encoder pass that urgency/frustration read: "mean6"
is the last layer's mean (what those heads pool), "mean3" layer 3's, "max6" the last layer's
max over tokens. The graph outputs the extra layers' token states (export.EXTRA_LAYERS) beside
the last one; which blocks a head reads was chosen by grouped CV on the training portion
(reading_train.CANDIDATES; every candidate's figure is in the model card). The embedding
alone lost to a plain TF-IDF baseline on kind; with the n-grams it wins: the encoder was
tuned for urgency and frustration, the n-grams keep the words that name a kind ("any
update", "thanks", "phishing"). No second encoder pass and no torch: a sparse dot product
and a (384 x blocks) x k matmul per email. Stored beside the artifact in
``reading_heads.safetensors`` (vocabulary in its header), trained by
``triage/classify/reading_train.py`` on the training portion of data/reading/.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from triage.domain import ReadingGuess
from triage.errors import ModelError

FILE = "reading_heads.safetensors"
F32 = NDArray[np.float32]
# scikit-learn's default token pattern: the vectoriser here must give its numbers exactly
_TOKEN = re.compile(r"(?u)\b\w\w+\b")


@dataclass(frozen=True)
class Tfidf:
    """scikit-learn's TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True) transform, in numpy."""

    terms: tuple[str, ...]  # column i's n-gram
    idf: F32

    @cached_property
    def vocabulary(self) -> dict[str, int]:
        return {term: i for i, term in enumerate(self.terms)}

    def transform(self, text: str) -> tuple[NDArray[np.int64], F32]:
        """(column indices, values) of the L2-normalised TF-IDF row of ``text``."""
        words = _TOKEN.findall(text.lower())
        grams = Counter(words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)])
        hits = [(self.vocabulary[g], n) for g, n in grams.items() if g in self.vocabulary]
        if not hits:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        idx = np.array([i for i, _ in hits], dtype=np.int64)
        tf = np.array([1.0 + math.log(n) for _, n in hits], dtype=np.float32)
        values = tf * self.idf[idx]
        values /= np.linalg.norm(values)
        return idx, values.astype(np.float32)


POOLS = ("mean", "max", "cls")
LAST_LAYER = 6


def parse_block(block: str) -> tuple[str, int]:
    """("mean", 3) for "mean3": a pooling of one encoder layer's token states."""
    pool, layer = block.rstrip("0123456789"), block[len(block.rstrip("0123456789")) :]
    if pool not in POOLS or not layer or not 1 <= int(layer) <= LAST_LAYER:
        raise ModelError(f"unknown feature block {block!r} (want mean|max|cls + a layer 1-6)")
    return pool, int(layer)


def pool(block: str, states: Mapping[int, F32]) -> F32:
    """The L2-normalised ``block`` ("mean6", "max3", "cls6") of one email's token states, given
    as {layer: (tokens, 384)}, unpadded."""
    how, layer = parse_block(block)
    h = states[layer]
    v = h.mean(axis=0) if how == "mean" else h.max(axis=0) if how == "max" else h[0]
    out: F32 = (v / max(float(np.linalg.norm(v)), 1e-12)).astype(np.float32)
    return out


@dataclass(frozen=True)
class Head:
    labels: tuple[str, ...]  # for a binary head: ("False", "True"), one weight column
    text_w: F32  # (vocabulary, k)
    emb_w: F32  # (384 * len(blocks), k), already multiplied by the dense blocks' weight
    bias: F32  # (k,)
    blocks: tuple[str, ...] = ("mean6",)  # the pooled layers emb_w reads, in order

    def dense(self, blocks: Mapping[str, F32], i: int) -> F32:
        """Row ``i`` of this head's dense input: its blocks side by side."""
        out: F32 = np.concatenate([blocks[b][i] for b in self.blocks])
        return out

    def probabilities(self, idx: NDArray[np.int64], values: F32, emb: F32) -> F32:
        z = values @ self.text_w[idx] + emb @ self.emb_w + self.bias
        if len(self.labels) == 2 and z.shape[0] == 1:
            p = 1.0 / (1.0 + math.exp(-float(z[0])))
            return np.array([1.0 - p, p], dtype=np.float32)
        e = np.exp(z - z.max())
        out: F32 = (e / e.sum()).astype(np.float32)
        return out


@dataclass(frozen=True)
class ReadingHeads:
    tfidf: Tfidf
    kind: Head
    scope: Head
    security: Head
    meta: dict[str, Any]

    @property
    def blocks(self) -> tuple[str, ...]:
        """Every pooled block a head reads ("mean6", "mean3", ...), each once."""
        heads = (self.kind, self.scope, self.security)
        return tuple(dict.fromkeys(b for h in heads for b in h.blocks))

    @property
    def layers(self) -> tuple[int, ...]:
        """The encoder layers whose token states the heads pool (6 is the last)."""
        return tuple(sorted({parse_block(b)[1] for b in self.blocks}))

    def pooled(self, states: Sequence[Mapping[int, F32]]) -> dict[str, F32]:
        """{block: (n, 384)} for emails given as {layer: token states}."""
        return {
            b: np.stack([pool(b, s) for s in states])
            if states
            else np.zeros((0, 384), dtype=np.float32)
            for b in self.blocks
        }

    def predict(self, texts: Sequence[str], blocks: Mapping[str, F32]) -> list[ReadingGuess]:
        """One guess per composed text; ``blocks`` holds each pooled block, one row a text."""
        out = []
        for i, text in enumerate(texts):
            idx, values = self.tfidf.transform(text)
            k = self.kind.probabilities(idx, values, self.kind.dense(blocks, i))
            s = self.scope.probabilities(idx, values, self.scope.dense(blocks, i))
            sec = self.security.probabilities(idx, values, self.security.dense(blocks, i))
            ki, si = int(k.argmax()), int(s.argmax())
            out.append(
                ReadingGuess(
                    self.kind.labels[ki],
                    float(k[ki]),
                    self.scope.labels[si],
                    float(s[si]),
                    float(sec[1]),
                    self._words(idx, values, self.scope, si),
                )
            )
        return out

    def _words(
        self, idx: NDArray[np.int64], values: F32, head: Head, k: int, n: int = 3
    ) -> tuple[str, ...]:
        """The n-grams that added most to class ``k``'s score (a scope of "na" names none)."""
        if head.labels[k] == "na" or len(idx) == 0:
            return ()
        if head.text_w.shape[1] == 1:  # a binary head keeps one column: the positive class's
            share = values * head.text_w[idx, 0] * (1.0 if k == 1 else -1.0)
        else:
            share = values * head.text_w[idx, k]
        terms = self.tfidf.terms
        return tuple(terms[int(idx[j])] for j in np.argsort(-share)[:n] if share[j] > 0)

    def save(self, model_dir: Path) -> None:
        from safetensors.numpy import save_file

        tensors = {"tfidf.idf": self.tfidf.idf}
        header: dict[str, Any] = {"vocabulary": list(self.tfidf.terms)}
        for name in ("kind", "scope", "security"):
            head: Head = getattr(self, name)
            tensors |= {
                f"{name}.text": head.text_w,
                f"{name}.emb": head.emb_w,
                f"{name}.bias": head.bias,
            }
            header[f"{name}.labels"] = list(head.labels)
            header[f"{name}.blocks"] = list(head.blocks)
        header["meta"] = self.meta
        save_file(
            {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in tensors.items()},
            model_dir / FILE,
            metadata={"reading": json.dumps(header, sort_keys=True)},
        )


def load(model_dir: Path) -> ReadingHeads | None:
    """The heads beside the artifact, or None when this artifact has none (older models)."""
    path = model_dir / FILE
    if not path.exists():
        return None
    from safetensors import safe_open

    try:
        with safe_open(str(path), framework="numpy") as fh:
            header = json.loads((fh.metadata() or {})["reading"])
            t = {k: fh.get_tensor(k).astype(np.float32) for k in fh.keys()}  # noqa: SIM118
    except Exception as exc:  # a truncated or foreign file: say which and how to restore it
        raise ModelError(
            f"{path} cannot be read ({exc}); restore it with `git checkout models/`"
        ) from exc

    def head(name: str) -> Head:
        return Head(
            tuple(header[f"{name}.labels"]),
            t[f"{name}.text"],
            t[f"{name}.emb"],
            t[f"{name}.bias"],
            tuple(header.get(f"{name}.blocks", ["mean6"])),  # files before blocks: last layer
        )

    return ReadingHeads(
        Tfidf(tuple(header["vocabulary"]), t["tfidf.idf"]),
        head("kind"),
        head("scope"),
        head("security"),
        header["meta"],
    )
