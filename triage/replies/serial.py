"""Suggestion <-> JSON-ready dict, for the store and ``triage suggest --jsonl`` (a round trip)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from triage.replies.values import Finding, Suggestion


def suggestion_to_dict(s: Suggestion) -> dict[str, Any]:
    data = asdict(s)
    data["callback"] = s.callback.isoformat()
    data["follow_up"] = s.follow_up.isoformat()
    return data


def suggestion_from_dict(data: dict[str, Any]) -> Suggestion:
    fields = dict(data)
    callback = datetime.fromisoformat(fields.pop("callback"))
    if callback.tzinfo is None:
        raise ValueError("stored callback time has no time zone")
    return Suggestion(
        **{k: v for k, v in fields.items() if k not in ("follow_up", "findings")},
        callback=callback,
        follow_up=date.fromisoformat(fields["follow_up"]),
        findings=tuple(Finding(**f) for f in fields.get("findings", ())),
    )
