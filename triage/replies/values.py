"""Frozen values of the reply stage (candidates to move into ``triage/domain.py``).

Email + Scores + History -> compose -> Suggestion (four sections, the chosen fix, tone findings).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from triage.domain import History

__all__ = ["History"]  # History lives in triage.domain: routing uses it too

Severity = Literal["error", "warning"]
SECTION_NAMES: tuple[str, ...] = ("acknowledge", "plan", "fix", "close")
# The one marker the composer leaves for the agent when no fix is known (reply-guide: never invent).
FIX_PLACEHOLDER = "[Describe the fix]"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem the tone checker found: ``text[start:end]`` is the offending span."""

    rule: str
    severity: Severity
    start: int
    end: int
    message: str
    suggestion: str = ""


@dataclass(frozen=True, slots=True)
class KbEntry:
    """One fix of the knowledge base (``config/knowledge/<id>.md``)."""

    id: str
    title: str
    symptoms: tuple[str, ...]
    keywords: tuple[str, ...]
    steps: tuple[str, ...]
    why: str
    team: str = ""
    heads_up: str = ""
    source: str = ""
    sha256: str = ""
    # the reply-guide's reading: a fix fits only the symptom AND the scope, else ask the questions
    questions: tuple[str, ...] = ()  # the two or three questions that find the cause
    scopes: tuple[str, ...] = ()  # where the steps apply: one, team, site, everyone
    kinds: tuple[str, ...] = ()  # reading kinds it answers: fault, outage, request, security, ...
    incident: str = ""  # outages: what the desk says and does, instead of end-user steps


@dataclass(frozen=True, slots=True)
class KbMatch:
    """The best entry for an email and how sure we are. ``confident`` decides fix vs placeholder."""

    entry: KbEntry
    score: float
    similarity: float | None  # cosine with the email embedding; None on the keyword-only path
    keyword_score: float
    confident: bool
    method: Literal["embedding+keywords", "keywords"]


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A draft reply in the reply-guide order: acknowledge -> plan -> fix -> close."""

    acknowledge: str
    plan: str
    fix: str
    close: str
    text: str
    callback: datetime
    follow_up: date
    kb_entry: str | None = None  # the entry used in the fix; None when the fix is a placeholder
    kb_closest: str | None = None  # the best entry even when not confident (a hint for the agent)
    similarity: float | None = None
    kb_score: float | None = None
    placeholder: bool = False
    repeat_contact: bool = False
    escalated: bool = False
    name: str | None = None
    findings: tuple[Finding, ...] = ()

    @property
    def sections(self) -> tuple[tuple[str, str], ...]:
        return tuple(
            zip(SECTION_NAMES, (self.acknowledge, self.plan, self.fix, self.close), strict=True)
        )
