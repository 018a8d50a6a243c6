"""Suggestion <-> JSON-ready dict, for the store and ``triage suggest --jsonl`` (a round trip);
and the reply text a stored email carries (what ``show`` displays and ``send`` sends)."""

from __future__ import annotations

import json
from dataclasses import asdict, replace
from datetime import date, datetime
from typing import Any, Protocol

from triage.replies.values import CandidateFix, Finding, Suggestion


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
    lists = ("order", "agent_todo", "candidates", "answers", "fixes")
    suggestion = Suggestion(
        **{k: v for k, v in fields.items() if k not in ("follow_up", "findings", *lists)},
        callback=callback,
        follow_up=date.fromisoformat(fields["follow_up"]),
        findings=tuple(Finding(**f) for f in fields.get("findings", ())),
        answers=tuple((str(a), str(t)) for a, t in fields.get("answers", ())),
        agent_todo=tuple(str(t) for t in fields.get("agent_todo", ())),
        candidates=tuple(str(c) for c in fields.get("candidates", ())),
        fixes=tuple(CandidateFix(**f) for f in fields.get("fixes", ())),
    )
    # suggestions stored before the reply kinds have no order: the default one stands
    if "order" in fields:
        suggestion = replace(suggestion, order=tuple(str(n) for n in fields["order"]))
    return suggestion


class StoredReply(Protocol):
    """The two columns of a stored email (``EmailRow``) that hold its reply."""

    @property
    def reply_text(self) -> str | None: ...
    @property
    def suggestion(self) -> str | None: ...


def reply_text(row: StoredReply) -> str | None:
    """The reply as it stands: the agent's edit if there is one, else the suggestion's text;
    None when the email has neither (not triaged yet, or ignored)."""
    if row.reply_text:
        return row.reply_text
    if row.suggestion:
        return str(json.loads(row.suggestion).get("text", ""))
    return None
