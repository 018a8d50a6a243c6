"""A reply's sections for one kind of email (triage/replies/kinds.py), before the answers to
its asks are added (triage/replies/compose.py). A frozen value.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from triage.replies.answers import Where
from triage.replies.values import SECTION_NAMES


@dataclass(frozen=True, slots=True)
class Shape:
    acknowledge: str
    plan: str  # the answers to the asks are added after it
    fix: str
    close: str
    order: tuple[str, ...] = SECTION_NAMES
    steps: Where = ""
    reuse: Mapping[str, str] = field(default_factory=dict)
    todo: tuple[str, ...] = ()
    refusal: str = ""
