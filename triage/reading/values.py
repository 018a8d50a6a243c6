"""The values the text reading produces: frozen, typed, and free of library objects, so the
store, routing and the reply composer can hold them without importing spaCy."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

AskType = Literal["request", "question"]


@dataclass(frozen=True, slots=True)
class Ask:
    """One explicit request or question, as a short clause in the customer's own words (the
    reply answers each one, so the wording must be theirs, not a paraphrase)."""

    text: str
    type: AskType


@dataclass(frozen=True, slots=True)
class Deadline:
    """The time the customer needs something by, as they wrote it. ``at`` is that time
    resolved in the desk's zone relative to when the email arrived, or None when the phrase
    names no clock time or date a calendar can hold ("before the board meets")."""

    phrase: str
    at: datetime | None


@dataclass(frozen=True, slots=True)
class TextReading:
    """What the words of the newest text say, before any model head: the asks in order, the
    deadline, the steps already tried, the language and whether they say they wrote before."""

    asks: tuple[Ask, ...]
    deadline: Deadline | None
    tried: tuple[str, ...]
    language: str
    says_wrote_before: bool


EMPTY = TextReading(asks=(), deadline=None, tried=(), language="", says_wrote_before=False)
