"""The values the text reading produces: frozen, typed, and free of library objects, so the
store, routing and the reply composer can hold them without importing spaCy."""

from __future__ import annotations

from dataclasses import dataclass

from triage.domain import Ask, AskType, Deadline

# Ask and Deadline live in triage.domain: the Reading that routing and replies use holds them
__all__ = ["EMPTY", "Ask", "AskType", "Deadline", "TextReading"]


@dataclass(frozen=True, slots=True)
class TextReading:
    """What the words of the newest text say, before any model head: the asks in order, the
    deadline, the steps already tried, the language, whether they say they wrote before and
    the main problem in one clause."""

    asks: tuple[Ask, ...]
    deadline: Deadline | None
    tried: tuple[str, ...]
    language: str
    says_wrote_before: bool
    problem: str = ""  # the main problem clause, in their words (triage/reading/problem.py)
    topic: str = ""  # the subject line as a noun phrase, in our voice (triage/reading/topic.py)
    headline: str = ""  # the subject line as a clause, in our voice (reading/headline.py)


EMPTY = TextReading(asks=(), deadline=None, tried=(), language="", says_wrote_before=False)
