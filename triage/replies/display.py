"""The suggestion's notes for the agent, as ``show`` prints them and ``show --json`` gives them:
what must still be done before sending, and the knowledge-base entries that fit. Stored JSON in,
every string cleaned (a candidate id is ours, a to-do may quote the customer's deadline)."""

from __future__ import annotations

import json
from typing import Any

from rich.console import RenderableType
from rich.text import Text

from triage.textsafe import clean


def agent_lines(s: dict[str, Any]) -> list[RenderableType]:
    """What the agent must still do before sending, and the knowledge-base entries that fit:
    a line each, not a table (the reply is what the agent reads)."""
    out: list[RenderableType] = []
    todo = [clean(t, single_line=True) for t in s.get("agent_todo", ())]
    if todo:
        out.append(Text("to do: " + " | ".join(todo), style="yellow"))
    candidates = [clean(c, single_line=True) for c in s.get("candidates", ())]
    if candidates:
        used = s.get("kb_entry")
        out.append(
            Text(
                "kb: " + ", ".join(f"{c} (used)" if c == used else c for c in candidates),
                style="dim",
            )
        )
    return out


def agent_json(suggestion: str | None) -> dict[str, Any]:
    """``show --json``'s fields from the stored suggestion (empty ones without a suggestion)."""
    s = json.loads(suggestion) if suggestion else {}
    return {
        "reply_kind": s.get("kind") or None,
        "agent_todo": [clean(t, single_line=True) for t in s.get("agent_todo", ())],
        "candidates": list(s.get("candidates", ())),
    }
