"""Frozen values of the reply stage (candidates to move into ``triage/domain.py``).

Email + Scores + History + Reading -> compose -> Suggestion (the sections in the order the kind
of email needs, the chosen fix, the answer to each ask, what the agent must still do, findings).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from triage.domain import History

__all__ = ["History"]  # History lives in triage.domain: routing uses it too

Severity = Literal["error", "warning"]
SECTION_NAMES: tuple[str, ...] = ("acknowledge", "plan", "fix", "close")


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
    # what people can do meanwhile, in an outage or across a site: the fix of such a reply (the
    # incident wording repeats the plan's incident and its update cadence)
    workaround: str = ""
    # a regular expression: an email that matches it is not told the workaround, which is not
    # true for it ("held and delivered once it is back" to a sender whose mail is rejected)
    workaround_unless: str = ""
    # the problems it answers, as the vocabulary names them (replies/gist.py): "things:
    # troubles", each side a regular expression over the thing's id or word and the trouble's
    # id ("laptops?|computers?|pcs?: no-power")
    problems: tuple[str, ...] = ()
    # who takes the steps: "customer" (steps to try) or "desk" (what we do: check a bill, run
    # an export on our side), which the reply says as our plan, not as steps "worth trying"
    by: str = "customer"
    # a regular expression the email must contain for the entry to be offered: "alarm|heart
    # monitor" keeps an alarm line's steps from a plain dead landline
    requires: str = ""
    # the steps keep someone safe (a sparking socket): introduced as such, not "worth trying"
    safety: bool = False
    # a security matter said back in our words, as a clause ("someone else may be using the
    # account"), where the email's own sentence cannot be: a security reply with no sentence
    # of what happened read as "no restatement" (judges: "no restatement of the compromise")
    said: str = ""
    # what the agent must check or do before the reply goes (verify who is asking before
    # accounts are closed): the suggestion's agent_todo, never hedging words in the reply
    todo: tuple[str, ...] = ()
    # a step → the step said instead when the email already gives what it asks for ("tell us
    # the file's name" → what we do with the file they named)
    given: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class KbMatch:
    """The best entry for an email and how sure we are. ``confident`` decides fix vs placeholder."""

    entry: KbEntry
    score: float
    similarity: float | None  # cosine with the email embedding; None on the keyword-only path
    keyword_score: float
    confident: bool
    method: Literal["embedding+keywords", "keywords"]
    # confident on the sentence embedding alone (knowledge.py ``semantic_min``): sure of the
    # topic without its keywords
    semantic: bool = False


@dataclass(frozen=True, slots=True)
class CandidateFix:
    """A fix the agent may put into the draft (``triage review``: its number), and where it
    came from. A knowledge-base entry's steps, or a case: what the desk answered a similar
    email (triage/replies/cases.py). Never in the draft's text unless the agent puts it there."""

    origin: Literal["kb", "case"]
    ref: str  # the entry's id, or the case's id
    source: str  # "KB wifi-reset" / "case from reply to #123, approved by jo, 2026-11-30"
    text: str
    similarity: float | None = None  # a case's cosine with this email


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A draft reply: four named sections, in ``order`` (acknowledge -> plan -> fix -> close for
    a fault; a question's answer or a security case's safe steps come before the plan). A kind
    that needs no part (thanks need no fix) leaves it empty, and ``text`` skips it."""

    acknowledge: str
    plan: str
    fix: str
    close: str
    text: str
    callback: datetime
    follow_up: date
    kb_entry: str | None = None  # the entry whose steps are in the fix; None when none fitted
    kb_closest: str | None = None  # the best entry even when not confident (a hint for the agent)
    similarity: float | None = None
    kb_score: float | None = None
    # the fix's entry was sure on the email's sentence embedding alone, not on its keywords
    # (knowledge.py ``semantic_min``): shown to the agent, counted in production
    kb_semantic: bool = False
    placeholder: bool = False  # no fix was offered: the agent may know one (see agent_todo)
    repeat_contact: bool = False  # earlier contact is established (the store, or they say so)
    escalated: bool = False
    name: str | None = None
    findings: tuple[Finding, ...] = ()
    kind: str = ""  # the kind of reply written (the reading's kind, or the one it fell back to)
    order: tuple[str, ...] = SECTION_NAMES
    # (ask, the sentence of the text that answers it), one per ask of the reading, in order
    answers: tuple[tuple[str, str], ...] = ()
    # what the agent must do or check before sending; never text in the reply itself
    agent_todo: tuple[str, ...] = ()
    candidates: tuple[str, ...] = ()  # knowledge-base ids that fit the scope and kind, best first
    language: str = ""  # the language a colleague must speak to answer ("" = the desk's)
    # the candidates as the agent sees them, numbered from 1: the knowledge-base entries above,
    # then the nearest learned cases (triage/replies/fixes.py)
    fixes: tuple[CandidateFix, ...] = ()

    @property
    def sections(self) -> tuple[tuple[str, str], ...]:
        bodies = {
            "acknowledge": self.acknowledge,
            "plan": self.plan,
            "fix": self.fix,
            "close": self.close,
        }
        return tuple((name, bodies[name]) for name in self.order)
