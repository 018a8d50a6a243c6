"""Choose the knowledge-base fix for an email.

Score = ``weight_embedding`` x contrast + the rest x keyword overlap, where contrast is how much
closer the email is to this entry than to the average entry: (cos_i - mean cos) / (1 - mean cos).

- Contrast, not the raw cosine: the fine-tuned classifier's space puts every support email near
  every entry (cosines 0.6-0.8 for unrelated pairs), the base model's does not (0.1-0.4); contrast
  means the same thing under both, so one threshold works before and after the model changes.
  ``KbMatch.similarity`` still reports the raw cosine.

- The email embedding is ``Scores.embedding``: the base sentence model's (classify/topic.py),
  or the classifier's pooled vector where no topic encoder is loaded. Entries are embedded once
  by the same model, one row per title and symptom phrase; an entry's similarity is its best row.
- Keyword overlap (the entry's ``keywords`` in the subject and text, weighted by rarity) is the
  whole score on the embedding-free path; keywords confident on their own keep the match when an
  embedding is there too: the embedding may add evidence, never veto it, in the ranking. (The
  steps are another matter: ``choose_fix`` offers them only where the raw cosine, in the base
  sentence model's space, says the email reads like the entry's symptoms.)
- ``semantic_min``: in the sentence model's space an entry at least that close, clearly closer
  than any other, with one of its words in the email, is confident on the embedding alone.
- Below ``threshold`` (and not semantic) the match is not ``confident``: no steps, questions.

Entry embeddings are cached in ``cache_dir`` as ``.npy`` plus a JSON of file hashes and the
embedder's identity; any changed, added or removed file, or another model, recomputes them.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt
from pydantic import BaseModel, ConfigDict, Field

from triage.replies.gist import Gist
from triage.replies.kb_files import Problem, problem_patterns, read_entries
from triage.replies.kb_semantic import named_patterns, rank_score, semantic_sure
from triage.replies.values import KbEntry, KbMatch

Vector = npt.NDArray[np.float32]
# the keyword score of an entry that says it answers the email's problem: a full match
PROBLEM_SCORE = 1.0


class Embedder(Protocol):
    """Anything that turns texts into one row each (``triage.classify.model.Classifier.embed``)."""

    def embed(self, texts: Sequence[str]) -> npt.NDArray[np.floating]: ...


class KbSettings(BaseModel):
    """The ``[knowledge]`` table of ``config/replies.toml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    directory: Path = Path("config/knowledge")
    cache_dir: Path = Path("var/cache/knowledge")
    weight_embedding: float = Field(default=0.5, ge=0.0, le=1.0)
    threshold: float = Field(default=0.55, ge=0.0, le=1.0)
    keyword_threshold: float = Field(default=0.7, ge=0.0, le=1.0)
    # an entry the sentence embedding alone makes sure of: at least ``semantic_min`` cosine
    # and ``semantic_margin`` above every other entry (0 = off). Only in a space made for
    # meaning (the base sentence model, topic.py): the fine-tuned classifier's puts every
    # email at 0.6-0.9 of every entry
    semantic_min: float = Field(default=0.0, ge=0.0, le=1.0)
    semantic_margin: float = Field(default=0.05, ge=0.0, le=1.0)


_TOKEN = re.compile(r"[a-z0-9]+")


def _stem(word: str) -> str:
    # crude, but symmetric (applied to keywords and text alike): "printing"/"printer"/"prints"
    for suffix in ("ing", "ers", "er", "ed", "es", "s", "e"):
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _tokens(text: str) -> list[str]:
    return [_stem(t) for t in _TOKEN.findall(text.lower().replace("'", "").replace("’", ""))]


def _within(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


@dataclass(frozen=True)
class KnowledgeBase:
    entries: tuple[KbEntry, ...]
    settings: KbSettings = field(default_factory=KbSettings)
    vectors: Vector | None = field(default=None, repr=False)  # one row per (entry, text)
    row_entry: tuple[int, ...] = ()  # entries index of each row
    embedder_id: str = ""  # the space ``vectors`` are in (the embedder's embedding_model)
    # whether that space is a sentence model's, made for meaning (classify/topic.py): only
    # there may the embedding alone make an entry sure (``semantic_min``); the classifier's
    # own pooled vector puts every email at 0.6-0.9 of every entry
    sentence_space: bool = False
    _keywords: tuple[tuple[tuple[tuple[str, ...], float], ...], ...] = field(default=(), repr=False)
    _problems: tuple[tuple[Problem, ...], ...] = field(default=(), repr=False)
    _requires: tuple[re.Pattern[str] | None, ...] = field(default=(), repr=False)
    _named: tuple[re.Pattern[str] | None, ...] = field(default=(), repr=False)

    def __post_init__(self) -> None:
        # keyword weights: idf over entries, so "password" (in many) counts less than "voicemail";
        # "crash", "crashes", "crashing" are one keyword once stemmed
        stemmed = [
            tuple(
                dict.fromkeys((tuple(_tokens(k)), len(k.split())) for k in e.keywords if _tokens(k))
            )
            for e in self.entries
        ]
        df: dict[tuple[str, ...], int] = {}
        for kws in stemmed:
            for kw in {kw for kw, _ in kws}:
                df[kw] = df.get(kw, 0) + 1
        n = len(self.entries)
        # a phrase of words ("paper jam") is stronger evidence than one word ("printer", "wi-fi")
        weighted = tuple(
            tuple(
                (kw, (1.0 if words > 1 else 0.6) * math.log(1 + n / df[kw]) / math.log(1 + n))
                for kw, words in kws
            )
            for kws in stemmed
        )
        object.__setattr__(self, "_keywords", weighted)
        problems = tuple(tuple(problem_patterns(p) for p in e.problems) for e in self.entries)
        object.__setattr__(self, "_problems", problems)
        requires = tuple(re.compile(e.requires, re.I) if e.requires else None for e in self.entries)
        object.__setattr__(self, "_requires", requires)
        object.__setattr__(self, "_named", named_patterns(self.entries))

    @classmethod
    def load(
        cls,
        settings: KbSettings | None = None,
        *,
        embedder: Embedder | None = None,
        embedder_id: str = "",
    ) -> KnowledgeBase:
        """Read the entries and, with an embedder, their (cached) embeddings."""
        settings = settings or KbSettings()
        entries = read_entries(settings.directory)
        if embedder is None:
            return cls(entries, settings)
        texts, rows = entry_texts(entries)
        # the space the embedder's vectors are in (a classifier with the topic encoder: its
        # embedding_model, not its model_version)
        ident = embedder_id or str(
            getattr(embedder, "embedding_model", "")
            or getattr(embedder, "model_version", "")
            or type(embedder).__qualname__
        )
        vectors = _cached_vectors(settings.cache_dir, entries, texts, embedder, ident)
        sentence = bool(getattr(embedder, "sentence_space", False))
        return cls(entries, settings, vectors, rows, ident, sentence)

    def problems_of(self, entry: KbEntry) -> tuple[Problem, ...]:
        """The entry's "things: troubles @ where" patterns, compiled once."""
        return self._problems[self.entries.index(entry)]

    def get(self, entry_id: str) -> KbEntry | None:
        return next((e for e in self.entries if e.id == entry_id), None)

    def keyword_scores(self, text: str) -> list[float]:
        toks = _tokens(text)
        grams: dict[int, set[tuple[str, ...]]] = {}
        out = []
        for kws in self._keywords:
            found: list[tuple[tuple[str, ...], float]] = []
            for kw, weight in kws:
                n = len(kw)
                if n not in grams:
                    grams[n] = set(zip(*(toks[i:] for i in range(n)), strict=False))
                if kw in grams[n]:
                    found.append((kw, weight))
            # "ransom" inside a matched "ransom note" is the same evidence, not more
            hit = sum(
                w
                for kw, w in found
                if not any(len(o) > len(kw) and _within(kw, o) for o, _ in found)
            )
            out.append(1.0 - math.exp(-1.5 * hit))  # one rare phrase 0.78, one rare word 0.59
        return out

    def similarities(self, embedding: Sequence[float] | Vector | None) -> list[float] | None:
        if self.vectors is None or embedding is None or len(embedding) == 0:
            return None
        vec = np.asarray(embedding, dtype=np.float32)
        if vec.shape != (self.vectors.shape[1],):
            return None  # another model produced it: fall back to keywords rather than guess
        norm = float(np.linalg.norm(vec))
        if not math.isfinite(norm) or norm == 0.0:
            return None
        sims = self.vectors @ (vec / norm)
        best = [-1.0] * len(self.entries)
        for row, entry in enumerate(self.row_entry):
            best[entry] = max(best[entry], float(sims[row]))
        return best

    def rank(
        self,
        text: str,
        embedding: Sequence[float] | Vector | None = None,
        model_version: str = "",
        problem: Gist | None = None,
    ) -> list[KbMatch]:
        """All entries, best first. ``text`` is the subject and newest text of the email;
        ``problem`` what it is about in the vocabulary's words (gist.py): an entry that says
        it answers that problem counts as a full keyword match ("Whole house offline" names no
        keyword of "No internet at home", but it is the internet down at home), and one that
        says it answers others is not confident."""
        keywords = self.keyword_scores(text)
        # an entry that names the problems it answers, none of them this one, is about
        # another problem (print-quality steps for a jam, home router steps for an office
        # desk): never confident, whatever its words share with the email
        other = [False] * len(self.entries)
        answers = [False] * len(self.entries)
        if problem is not None:
            answers = [problem.answered_by(p, text) for p in self._problems]
            keywords = [PROBLEM_SCORE if a else k for a, k in zip(answers, keywords, strict=True)]
            other = [bool(p) and not a for p, a in zip(self._problems, answers, strict=True)]
        # an entry for one setting ("a phone line an alarm depends on") is not about an email
        # that does not name that setting, whatever words they share
        missing = [r is not None and not r.search(text) for r in self._requires]
        keywords = [0.0 if m else k for m, k in zip(missing, keywords, strict=True)]
        other = [o or m for o, m in zip(other, missing, strict=True)]
        if model_version and self.embedder_id and model_version != self.embedder_id:
            # same size, different model: cosines between two spaces mean nothing
            embedding = None
        sims = self.similarities(embedding)
        contrast = _contrast(sims) if sims is not None else None
        s = self.settings
        sure = semantic_sure(
            sims if self.sentence_space else None,
            s.semantic_min,
            s.semantic_margin,
            text,
            self._named,
            answers,
        )
        out = []
        for i, entry in enumerate(self.entries):
            if contrast is None:
                score, threshold = keywords[i], s.keyword_threshold
                method = "keywords"
            else:
                combined = (
                    s.weight_embedding * max(contrast[i], 0.0)
                    + (1 - s.weight_embedding) * keywords[i]
                )
                # the embedding may add evidence but never veto keywords that would be a confident
                # match on their own (the fine-tuned space is tuned for mood more than for topic)
                alone = keywords[i] * s.threshold / s.keyword_threshold
                score, threshold = max(combined, alone), s.threshold
                score = 0.0 if missing[i] else score
                method = "embedding+keywords"
            out.append(
                KbMatch(
                    entry=entry,
                    score=round(score, 4),
                    similarity=None if sims is None else round(sims[i], 4),
                    keyword_score=round(keywords[i], 4),
                    confident=(score >= threshold or sure[i]) and not other[i] and not missing[i],
                    method=method,  # type: ignore[arg-type]
                    semantic=sure[i] and not other[i] and not missing[i],
                )
            )
        # by score; an entry the sentence embedding alone is sure of ranks just below those
        # confident on their score, above every unsure one ("wifi" in the TV's "can't find
        # the wifi" scores an unsure entry higher). With ``semantic_min`` 0, the old order.
        return sorted(out, key=lambda m: (-rank_score(m, s.threshold), m.entry.id))

    def match(
        self,
        text: str,
        embedding: Sequence[float] | Vector | None = None,
        model_version: str = "",
        problem: Gist | None = None,
        scope: str = "",
    ) -> KbMatch:
        """The best entry. ``model_version`` (from ``Scores``) guards against mixing models.
        Of entries scored alike (two that answer the same ``problem``: the internet down at
        home and in the area), the one whose scopes hold ``scope``."""
        return best_of(self.rank(text, embedding, model_version, problem), scope)

    def candidates(
        self,
        query: str,
        embedding: Sequence[float] | Vector | None,
        model_version: str,
        *,
        scope: str = "",
        kind: str = "",
        n: int = 3,
        problem: Gist | None = None,
    ) -> list[KbMatch]:
        """The ``n`` best entries that fit the reading, best first (scored as ``match``).

        A fix must fit the scope as well as the symptom: for ``scope="site"`` an end-user fix
        (scopes one/team) never comes back, so a site-wide outage is not answered with "restart
        your laptop". ``scope`` "" or "na" (the reading could not tell) and ``kind`` "" do not
        filter. The scores are those of the whole base (contrast is against every entry), so
        ``confident`` means the same as in ``match``; an empty list means nothing fits.
        """
        ranked = self.rank(query, embedding, model_version, problem)
        return fitting(ranked, scope=scope, kind=kind, n=n)


def best_of(ranked: Sequence[KbMatch], scope: str = "") -> KbMatch:
    """``KnowledgeBase.match`` of an already ranked list (one ranking serves both)."""
    tied = [m for m in ranked if m.score == ranked[0].score and scope in m.entry.scopes]
    return tied[0] if tied else ranked[0]


def fitting(
    ranked: Sequence[KbMatch], *, scope: str = "", kind: str = "", n: int = 3
) -> list[KbMatch]:
    """``KnowledgeBase.candidates`` of an already ranked list."""
    wanted_scope = "" if scope in ("", "na") else scope
    return [
        m
        for m in ranked
        if (not wanted_scope or wanted_scope in m.entry.scopes)
        and (not kind or kind in m.entry.kinds)
    ][: max(n, 0)]


def _contrast(sims: Sequence[float]) -> list[float]:
    mean = sum(sims) / len(sims)
    spread = 1.0 - mean if mean < 1.0 else 1.0
    return [(x - mean) / spread for x in sims]


def entry_texts(entries: Sequence[KbEntry]) -> tuple[list[str], tuple[int, ...]]:
    texts: list[str] = []
    rows: list[int] = []
    for i, entry in enumerate(entries):
        for text in (entry.title, *entry.symptoms):
            texts.append(text)
            rows.append(i)
    return texts, tuple(rows)


def _normalise(matrix: npt.NDArray[np.floating]) -> Vector:
    m = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    return (m / np.where(norms == 0, 1.0, norms)).astype(np.float32)


def _cached_vectors(
    cache_dir: Path, entries: Sequence[KbEntry], texts: list[str], embedder: Embedder, ident: str
) -> Vector:
    key = {
        "embedder": ident,
        "files": {e.id: e.sha256 for e in entries},
        "texts": hashlib.sha256("\x00".join(texts).encode()).hexdigest(),
    }
    stem = "kb-" + hashlib.sha256(ident.encode()).hexdigest()[:16]
    npy, meta = cache_dir / f"{stem}.npy", cache_dir / f"{stem}.json"
    try:
        if json.loads(meta.read_text(encoding="utf-8")) == key:
            cached = np.load(npy, allow_pickle=False)
            if cached.shape[0] == len(texts):
                return _normalise(cached)
    except (OSError, ValueError):
        pass  # no cache yet, or a damaged one: recompute
    vectors = _normalise(embedder.embed(texts))
    if vectors.shape[0] != len(texts):
        raise ValueError(f"embedder returned {vectors.shape[0]} rows for {len(texts)} texts")
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = npy.with_suffix(f".{os.getpid()}.tmp.npy")
        np.save(tmp, vectors, allow_pickle=False)
        os.replace(tmp, npy)
        meta.write_text(json.dumps(key, indent=1, sort_keys=True), encoding="utf-8")
    except OSError:
        pass  # a read-only checkout still works, it just embeds again next time
    return vectors
