"""The suggestion's notes for the agent, as ``show`` prints them and ``show --json`` gives them:
what must still be done before sending, and the candidate fixes (knowledge-base entries, then
learned cases) numbered, each with where it came from. Stored JSON in,
every string cleaned (a candidate id is ours, a to-do may quote the customer's deadline)."""

from __future__ import annotations

import json
from collections.abc import Sequence
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
    fixes = s.get("fixes") or ()
    if fixes:
        out.append(fixes_text(fixes, s.get("kb_entry"), by_meaning=bool(s.get("kb_semantic"))))
        return out
    candidates = [clean(c, single_line=True) for c in s.get("candidates", ())]
    if candidates:  # a suggestion stored before the candidates carried their text
        used = s.get("kb_entry")
        out.append(
            Text(
                "kb: " + ", ".join(f"{c} (used)" if c == used else c for c in candidates),
                style="dim",
            )
        )
    return out


def fix_label(fix: dict[str, Any], used: str | None = None, *, by_meaning: bool = False) -> str:
    """``KB wifi-reset (used)`` / ``case from reply to #123, approved by jo, 2026-11-30
    (similarity 0.93)``: where the candidate came from; a used entry found by what the email
    is about rather than its words says so (``by_meaning``), for the agent to check it fits."""
    label = clean(fix.get("source", ""), single_line=True)
    if fix.get("origin") == "kb" and used and fix.get("ref") == used:
        label += (
            " (used; found by meaning, not keywords: check it fits)" if by_meaning else " (used)"
        )
    if fix.get("similarity") is not None:
        label += f" (similarity {float(fix['similarity']):.2f})"
    return label


def fixes_text(
    fixes: Sequence[dict[str, Any]], used: str | None, *, lines: int = 1, by_meaning: bool = False
) -> Text:
    """The candidate fixes, numbered as ``triage review`` takes them, each with its source and
    the first ``lines`` of its text."""
    out = Text("candidate fixes (in `triage review` press the number to put one in the draft):")
    for n, fix in enumerate(fixes, 1):
        out.append(f"\n {n}. ", style="bold")
        out.append(fix_label(fix, used, by_meaning=by_meaning), style="cyan")
        body = [ln.strip() for ln in str(fix.get("text", "")).splitlines() if ln.strip()]
        for line in body[:lines]:
            out.append("\n    " + clean(line, single_line=True)[:100], style="dim")
        more = len(body) - lines
        if more > 0:
            out.append(f" … ({more} more line{'s' if more > 1 else ''})", style="dim")
    return out


def agent_json(suggestion: str | None) -> dict[str, Any]:
    """``show --json``'s fields from the stored suggestion (empty ones without a suggestion)."""
    s = json.loads(suggestion) if suggestion else {}
    return {
        "reply_kind": s.get("kind") or None,
        "agent_todo": [clean(t, single_line=True) for t in s.get("agent_todo", ())],
        "candidates": list(s.get("candidates", ())),
        # the fix used was found by what the email is about, not its words: check it fits
        "kb_semantic": bool(s.get("kb_semantic")),
        # numbered from 1, as `triage review` takes them: KB entries, then learned cases
        "fixes": [
            {
                "n": n,
                "origin": f.get("origin"),
                "ref": clean(str(f.get("ref", "")), single_line=True),
                "source": clean(f.get("source", ""), single_line=True),
                "text": clean(f.get("text", "")),
                "similarity": f.get("similarity"),
            }
            for n, f in enumerate(s.get("fixes") or (), 1)
        ],
    }
