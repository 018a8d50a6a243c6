"""How the reading shows to an agent: a few lines in `show`, fields in the JSON outputs, and
the "needs a <language> speaker" flag. Everything in it came from the email (asks, deadline
phrases, tried steps, scope words): untrusted, so every string is cleaned for the terminal."""

from __future__ import annotations

import json
from typing import Any

from rich.text import Text

from triage.reading.serial import needs_speaker, reading_from_dict
from triage.textsafe import clean

KIND_NAMES = {
    "fault": "fault",
    "outage": "outage",
    "request": "request",
    "question": "question",
    "chase": "chase",
    "policy_complaint": "complaint about a policy",
    "feedback": "feedback / thanks",
    "security": "security / privacy",
}


def stored_reading(raw: str | None) -> dict[str, Any] | None:
    """The stored reading as JSON-ready data, every string from the email cleaned."""
    if not raw:
        return None
    data = json.loads(raw)

    def tidy(value: Any) -> Any:
        if isinstance(value, str):
            return clean(value, single_line=True)
        if isinstance(value, list):
            return [tidy(v) for v in value]
        if isinstance(value, dict):
            return {k: tidy(v) for k, v in value.items()}
        return value

    return dict(tidy(data))


def speaker_flag(raw: str | None) -> str | None:
    """``needs a <language> speaker`` when the newest text is not in the desk's language."""
    if not raw:
        return None
    language = needs_speaker(reading_from_dict(json.loads(raw)))
    return f"needs a {language} speaker" if language else None


def reading_text(raw: str | None) -> Text | None:
    """The reading as a few lines for `triage show`."""
    data = stored_reading(raw)
    if data is None:
        return None
    out = Text()
    kind = KIND_NAMES.get(data.get("kind") or "", data.get("kind") or "?")
    out.append("reading: ", style="bold")
    out.append(f"{kind} ({data.get('kind_p', 0):.0%})")
    scope = data.get("scope") or "?"
    words = data.get("scope_words") or []
    out.append(f", scope {scope}" + (f" ({', '.join(repr(w) for w in words)})" if words else ""))
    if data.get("security"):
        out.append(", security / privacy", style="bold red")
    flag = speaker_flag(raw)
    if flag:
        out.append(f", {flag}", style="bold yellow")
    if data.get("problem"):
        out.append(f"\n  problem: “{data['problem']}”")
    for i, ask in enumerate(data.get("asks") or [], 1):
        out.append(f"\n  ask {i} ({ask.get('type')}): “{ask.get('text')}”")
    deadline = data.get("deadline")
    if deadline:
        at = f" -> {deadline['at']}" if deadline.get("at") else " (no date)"
        out.append(f"\n  deadline: “{deadline.get('phrase')}”{at}")
    if data.get("tried"):
        out.append("\n  already tried: " + "; ".join(f"“{t}”" for t in data["tried"]))
    contact = []
    if data.get("prior_contact"):
        contact.append(f"{data['prior_contact']} earlier email(s) in the store")
    if data.get("says_wrote_before"):
        contact.append("says they wrote before")
    if contact:
        out.append("\n  earlier contact: " + ", ".join(contact))
    return out
