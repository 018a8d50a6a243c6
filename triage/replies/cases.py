"""Cases: what the desk itself answered, learned from its approved edits and its Sent folder.

A case pairs a stored customer email (its text, short, and its embedding) with the answer the
desk gave it. Composing a new email offers the nearest cases as candidate fixes
next to the knowledge base (triage/replies/fixes.py); nothing of a case reaches a draft unless
the agent puts it there (``triage review``: the candidate's number).

- Nearness is the cosine of the two customer emails' embeddings (``Scores.embedding``, the
  base sentence model's since session 19, stored with each email): similar problems, not
  similar answers. Only embeddings of one space are compared (``CaseShelf`` embeds a case of
  another again), and only cases of the same kind of reply when the new email's kind is known.
- The cosine alone is still a weak topic signal on the knowledge base's labelled queries
  (``bench/case_similarity.py``), so a case must also share content words (Jaccard >= 0.15):
  at 0.55 and 0.15, 11 of 25 same-problem pairs pass with 18 others (the classifier's own
  vector at 0.85: 8 with 19).
- What is learned is the desk's own words: paragraphs of the reply that the suggestion did
  not write (our sections come from the templates and the knowledge base: a case that only
  repeats them, or a candidate fix put in unchanged, teaches nothing). Greeting and sign-off go.

Pure: the store reads and writes the rows (triage/store/case_ops.py).
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Literal, Protocol

import numpy as np
import numpy.typing as npt

from triage.replies.knowledge import _tokens

Origin = Literal["approved", "sent"]
QUESTION_CHARS = 600  # the customer's text kept with a case: enough to recognise it
ANSWER_CHARS = 4000  # an answer longer than this is a letter, not a fix


@dataclass(frozen=True, slots=True)
class Case:
    """One answer of the desk to a stored customer email."""

    email_id: int  # the customer email answered
    ref: str  # "review:<email id>" or the sent message's Message-ID: one case per ref
    origin: Origin
    agent: str
    answered_at: datetime
    question: str  # the customer's subject and newest text, short
    answer: str  # the fix or answer the desk gave, without greeting and sign-off
    kind: str = ""  # the kind of reply the email got ("" unknown)
    message_id: str = ""  # the answered email's Message-ID
    embedding: tuple[float, ...] = field(default=(), repr=False)
    model_version: str = ""
    id: int | None = None  # the store's id, once stored


@dataclass(frozen=True, slots=True)
class CaseMatch:
    case: Case
    similarity: float  # cosine of the two customer emails' embeddings
    overlap: float = 0.0  # Jaccard of their content words


# stemmed as the text is ("please" -> "pleas"), so they match what _tokens gives
_STOP = frozenset(
    _tokens(
        """the a an my your our it its to of in on for and or with from at by this that is was
        have has had be been i we you me us them they again already all then can cant not no
        but so if when what im do does did just any some there here are were will would could
        should please hi hello thank thanks regards get got"""
    )
)


def content_words(text: str) -> frozenset[str]:
    """The words that say what a text is about, stemmed as the knowledge base stems them."""
    return frozenset(t for t in _tokens(text) if len(t) > 2 and t not in _STOP)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def source_of(case: Case) -> str:
    """Where a case came from, as ``show`` cites it."""
    verb = "approved" if case.origin == "approved" else "sent"
    return (
        f"case from reply to #{case.email_id}, {verb} by {case.agent}, {case.answered_at:%Y-%m-%d}"
    )


@dataclass(frozen=True)
class CaseBase:
    """The learned cases with their embeddings as one matrix (rows of ``vectors`` are the
    ``usable`` cases: those with an embedding)."""

    cases: tuple[Case, ...] = ()
    usable: tuple[Case, ...] = field(default=(), init=False, repr=False)
    vectors: npt.NDArray[np.float32] | None = field(default=None, init=False, repr=False)
    words: tuple[frozenset[str], ...] = field(default=(), init=False, repr=False)

    def __post_init__(self) -> None:
        with_vectors = [c for c in self.cases if c.embedding]
        dims = {len(c.embedding) for c in with_vectors}
        if len(dims) > 1:  # two models' cases: keep the newest model's size
            newest = max(with_vectors, key=lambda c: c.answered_at)
            with_vectors = [c for c in with_vectors if len(c.embedding) == len(newest.embedding)]
        object.__setattr__(self, "usable", tuple(with_vectors))
        object.__setattr__(self, "words", tuple(content_words(c.question) for c in with_vectors))
        if with_vectors:
            m = np.asarray([c.embedding for c in with_vectors], dtype=np.float32)
            norms = np.linalg.norm(m, axis=1, keepdims=True)
            object.__setattr__(self, "vectors", m / np.where(norms == 0, 1.0, norms))

    def nearest(
        self,
        embedding: Sequence[float] | None,
        model_version: str,
        *,
        kind: str = "",
        min_similarity: float,
        n: int,
        text: str = "",
        min_overlap: float = 0.0,
        exclude_message_id: str = "",
    ) -> list[CaseMatch]:
        """The ``n`` cases closest to ``embedding``, best first, at least ``min_similarity``
        (cosine) and sharing at least ``min_overlap`` of their content words with ``text``
        (the new email's subject and text); ``kind`` "" does not filter; the email's own case
        is never offered back."""
        if self.vectors is None or not embedding or n <= 0:
            return []
        vec = np.asarray(embedding, dtype=np.float32)
        norm = float(np.linalg.norm(vec))
        if vec.shape != (self.vectors.shape[1],) or not math.isfinite(norm) or norm == 0.0:
            return []
        sims = self.vectors @ (vec / norm)
        words = content_words(text)
        found = []
        for i in np.flatnonzero(sims >= min_similarity):  # the cheap gate first
            case = self.usable[i]
            if model_version and case.model_version and case.model_version != model_version:
                continue
            if (kind and case.kind and case.kind != kind) or (
                exclude_message_id and case.message_id == exclude_message_id
            ):
                continue
            shared = overlap(words, self.words[i])
            if shared >= min_overlap:
                found.append(CaseMatch(case, round(float(sims[i]), 4), round(shared, 4)))
        found.sort(key=lambda m: (-m.similarity, -(m.case.id or 0)))
        return found[:n]


class Embeds(Protocol):
    def embed(self, texts: Sequence[str]) -> npt.NDArray[np.floating]: ...


class CaseShelf:
    """The case base a long-running process composes with, read again from the store at most
    every ``ttl`` seconds, so cases learned meanwhile are offered without a restart.

    With an ``embedder`` whose vectors are in ``space``, a case stored in another space (one
    learned before the topic embedding, session 19, or from an email triaged before it) is
    embedded again from its question, once a process, so it is still found: its old vector
    is never compared with new ones, and nothing is lost by the upgrade."""

    def __init__(
        self,
        load: Callable[[], Iterable[Case]],
        ttl: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        *,
        embedder: Embeds | None = None,
        space: str = "",
    ) -> None:
        self._load, self._ttl, self._clock = load, ttl, clock
        self._embedder, self._space = embedder, space
        self._again: dict[tuple[str, str], tuple[float, ...]] = {}  # (ref, question) -> vector
        self._base: CaseBase | None = None
        self._at = 0.0

    def __call__(self) -> CaseBase:
        now = self._clock()
        if self._base is None or now - self._at >= self._ttl:
            self._base, self._at = CaseBase(self._in_space(tuple(self._load()))), now
        return self._base

    def _in_space(self, cases: tuple[Case, ...]) -> tuple[Case, ...]:
        if self._embedder is None or not self._space:
            return cases
        stale = [
            c for c in cases if c.model_version != self._space and c.question
            and (c.ref, c.question) not in self._again
        ]  # fmt: skip
        if stale:
            rows = self._embedder.embed([c.question for c in stale])
            for c, row in zip(stale, rows, strict=True):
                self._again[(c.ref, c.question)] = tuple(float(x) for x in row)
        return tuple(
            replace(c, embedding=self._again[(c.ref, c.question)], model_version=self._space)
            if c.model_version != self._space and (c.ref, c.question) in self._again
            else c
            for c in cases
        )


# -- what is learned from a reply ---------------------------------------------------------

_GREETING = re.compile(
    r"^\s*(hi|hello|hey|dear|good (morning|afternoon|evening))\b[^\n]{0,60}$", re.I
)
_SIGN_OFF = re.compile(
    r"^\s*(best|kind|warm)?\s*(regards|wishes)|^\s*(thanks|thank you|cheers|sincerely|all the best)"
    r"[\s,.!]*$",
    re.I,
)
_SPACE = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if p.strip()]


def answer_text(reply: str, suggested: Mapping[str, str] | None = None) -> str:
    """The desk's own answer in ``reply``: without greeting and sign-off, and without the
    paragraphs the suggestion wrote (``suggested`` holds its sections: what the agent kept of
    ours is ours, the knowledge base or the templates have it already). Quoted history must
    already be gone (triage/parse/quotes.py)."""
    ours = {
        _norm(p)
        for name in ("acknowledge", "plan", "fix", "close")
        for p in paragraphs((suggested or {}).get(name, ""))
    }
    kept: list[str] = []
    for p in paragraphs(reply):
        if _norm(p) in ours:
            continue
        lines = p.split("\n")
        if not kept and lines and _GREETING.match(lines[0]):
            lines = lines[1:]  # "Hi Dana," on its own line, or heading the first paragraph
        cut = next((i for i, line in enumerate(lines) if _SIGN_OFF.match(line)), None)
        if cut is not None:
            kept.append("\n".join(lines[:cut]).strip())
            break  # the sign-off ends the answer: a name, a footer follow
        kept.append("\n".join(lines).strip())
    return private_out("\n\n".join(k for k in kept if k))[:ANSWER_CHARS].strip()


# What one customer's answer may hold that no other customer may see: a case is offered for
# other people's emails, so secrets and contact details are replaced before it is stored.
_SECRET = re.compile(
    r"(?i)\b(?P<what>(?:temporary\s+|new\s+|one[- ]time\s+)?(?:password|passcode|passphrase|"
    r"pin|code|token|key))(?P<sep>\s*(?:is|:|=|-)?\s*)(?P<value>[\"'“]?[^\s\"'”,;]{4,}[\"'”]?)"
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\w/])\+?\d[\d ()-]{7,}\d(?![\w/])")


def private_out(text: str) -> str:
    """``text`` with secrets ("temporary password: Xk93!pq", "PIN 4821"), email addresses and
    phone numbers replaced by a marked gap the agent fills for the new customer."""
    text = _SECRET.sub(
        lambda m: (
            f"{m['what']}{m['sep'] or ' '}[removed]"
            if any(c.isdigit() for c in m["value"]) or m["sep"].strip()
            else m[0]
        ),
        text,
    )
    text = _EMAIL.sub("[address]", text)
    return _PHONE.sub("[number]", text)


def learned_answer(
    reply: str, suggested: Mapping[str, str] | None = None, known: Iterable[str] = ()
) -> str | None:
    """The answer worth keeping as a case, or None: nothing left once greeting, sign-off and
    the suggestion's own paragraphs are gone, or only the fix we suggested ourselves or one of
    the candidates offered (``known``: a KB entry's steps, a case already learned)."""
    answer = answer_text(reply, suggested)
    if not answer:
        return None
    if _norm(answer) in {_norm(t) for t in ((suggested or {}).get("fix", ""), *known) if t}:
        return None
    return answer


def short_question(text: str) -> str:
    """The customer's text, whitespace folded and cut to ``QUESTION_CHARS``."""
    folded = _SPACE.sub(" ", text).strip()
    return folded if len(folded) <= QUESTION_CHARS else folded[: QUESTION_CHARS - 1] + "…"
