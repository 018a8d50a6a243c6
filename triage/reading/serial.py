"""Reading <-> JSON, for the store, `show --json`, `queue --json` and `classify --jsonl`.

The shape the issue fixed: {"kind", "security", "scope", "asks": [{"text", "type"}],
"deadline": {"phrase", "at"} or null, "tried", "language"}, plus the evidence that backs it
(kind probability, the words that showed the scope, prior contact the store holds, and whether
the customer says they wrote before).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from triage.domain import Ask, Deadline, Reading


def reading_to_dict(r: Reading) -> dict[str, Any]:
    return {
        "kind": r.kind,
        "kind_p": round(r.kind_p, 3),
        "security": r.security,
        "scope": r.scope,
        "scope_words": list(r.scope_words),
        "asks": [
            {"text": a.text, "type": a.type, **({"named": a.named} if a.named else {})}
            for a in r.asks
        ],
        "deadline": (
            {
                "phrase": r.deadline.phrase,
                "at": r.deadline.at.isoformat() if r.deadline.at else None,
            }
            if r.deadline
            else None
        ),
        "tried": list(r.tried),
        "language": r.language,
        "prior_contact": r.prior_contact,
        "says_wrote_before": r.says_wrote_before,
        "problem": r.problem,
        "topic": r.topic,
        "headline": r.headline,
    }


def reading_from_dict(d: dict[str, Any]) -> Reading:
    deadline = d.get("deadline")
    return Reading(
        kind=str(d.get("kind", "")),
        kind_p=float(d.get("kind_p", 0.0)),
        security=bool(d.get("security", False)),
        scope=str(d.get("scope", "")),
        scope_words=tuple(d.get("scope_words", ())),
        asks=tuple(Ask(a["text"], a["type"], a.get("named", "")) for a in d.get("asks", ())),
        deadline=(
            Deadline(
                deadline["phrase"],
                datetime.fromisoformat(deadline["at"]) if deadline.get("at") else None,
            )
            if deadline
            else None
        ),
        tried=tuple(d.get("tried", ())),
        language=str(d.get("language", "")),
        prior_contact=int(d.get("prior_contact", 0)),
        says_wrote_before=bool(d.get("says_wrote_before", False)),
        problem=str(d.get("problem", "")),  # readings stored before it was read: none
        topic=str(d.get("topic", "")),
        headline=str(d.get("headline", "")),
    )


def needs_speaker(r: Reading | None, desk_language: str = "en") -> str | None:
    """The language a colleague must speak to answer, when it is not the desk's."""
    if r is None or not r.language or r.language == desk_language:
        return None
    return r.language
