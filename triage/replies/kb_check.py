"""``triage kb check``: the knowledge base must pass the tone checker (entries end up in replies).

Entries are fragments, not whole replies: the greeting, callback-time and order rules do not
apply, everything else does (plain language, no blame, no vague times, no cheer). The questions
and the incident wording are checked apart from the fix, because a reply uses one or the other:
a finding in them names the part ("questions: ...") so the author knows where to look.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from triage.replies.tone import check
from triage.replies.tone_config import ToneConfig
from triage.replies.values import Finding, KbEntry


def render_entry(entry: KbEntry) -> str:
    """The fix as it reads in a reply (and as ``triage kb list --full`` may show it)."""
    steps = "\n".join(f"{i}. {step}" for i, step in enumerate(entry.steps, 1))
    parts = [entry.title, steps, entry.why]
    if entry.heads_up:
        parts.append(entry.heads_up)
    return "\n\n".join(p for p in parts if p)


def entry_parts(entry: KbEntry) -> list[tuple[str, str]]:
    """(part, text) for every part of an entry that can reach a customer."""
    parts = [("fix", render_entry(entry))]
    if entry.questions:
        parts.append(("questions", "\n".join(entry.questions)))
    if entry.incident:
        parts.append(("incident", entry.incident))
    if entry.workaround:
        parts.append(("workaround", entry.workaround))
    if entry.said:
        parts.append(("said", entry.said))
    if entry.given:
        parts.append(("given", "\n".join(said for _, said in entry.given)))
    return parts


def check_entries(
    entries: Iterable[KbEntry], config: ToneConfig
) -> list[tuple[KbEntry, list[Finding]]]:
    """Every entry with its findings (frustration 3: entries go to angry customers too)."""
    out = []
    for entry in entries:
        findings = []
        for part, text in entry_parts(entry):
            found = check(text, frustration=3, config=config, whole_reply=False)
            if part != "fix":
                # spans are within this part's text, so the message says which part
                found = [dataclasses.replace(f, message=f"{part}: {f.message}") for f in found]
            findings += found
        out.append((entry, findings))
    return out
