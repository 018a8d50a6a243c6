"""``triage kb check``: the knowledge base must pass the tone checker (entries end up in replies).

Entries are fragments, not whole replies: the greeting, callback-time and order rules do not
apply, everything else does (plain language, no blame, no vague times, no cheer).
"""

from __future__ import annotations

from collections.abc import Iterable

from triage.replies.tone import check
from triage.replies.tone_config import ToneConfig
from triage.replies.values import Finding, KbEntry


def render_entry(entry: KbEntry) -> str:
    """The entry as it reads in a reply (and as ``triage kb list --full`` may show it)."""
    steps = "\n".join(f"{i}. {step}" for i, step in enumerate(entry.steps, 1))
    parts = [entry.title, steps, entry.why]
    if entry.heads_up:
        parts.append(entry.heads_up)
    return "\n\n".join(parts)


def check_entries(
    entries: Iterable[KbEntry], config: ToneConfig
) -> list[tuple[KbEntry, list[Finding]]]:
    """Every entry with its findings (frustration 3: entries go to angry customers too)."""
    return [
        (entry, check(render_entry(entry), frustration=3, config=config, whole_reply=False))
        for entry in entries
    ]
