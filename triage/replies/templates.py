"""Editable wording of the replies: ``[templates]`` in ``config/replies.toml``.

Each slot has variants per tone (``calm``, ``upset``, or ``any`` for both) so replies don't read
canned. The variant is chosen by a hash of the email's identity and the slot name: the same email
always gets the same wording (a regenerated suggestion does not change under the agent's eyes),
different emails get different wordings.

Every template is checked at load time: only the fields its slot provides may appear, so a typo
in the config is a ConfigError naming the slot, not a "{nmae}" in a customer's inbox.
"""

from __future__ import annotations

import hashlib
import string
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from triage.errors import ConfigError

Tone = Literal["calm", "upset"]
TONES: tuple[str, ...] = ("calm", "upset", "any")

# slot -> the fields its templates may use (reply-guide section in the comment)
SLOT_FIELDS: dict[str, frozenset[str]] = {
    "greeting_named": frozenset({"first_name", "name"}),  # Acknowledge: use their name
    "greeting_neutral": frozenset(),  # ... or a neutral greeting, never the raw address
    "restate": frozenset({"restatement"}),  # show you read the whole message
    "restate_fallback": frozenset(),
    "feeling_upset": frozenset(),  # name the feeling, briefly
    "feeling_annoyed": frozenset(),
    "feeling_urgent": frozenset(),
    "apology": frozenset(),  # apologise for real and own it
    "repeat_contact": frozenset(),  # repeat contact is acknowledged explicitly
    "thanks": frozenset(),  # thank them, once
    "owner_self": frozenset({"desk"}),  # Plan: take control, who does what
    "owner_team": frozenset({"team", "desk"}),
    "owner_critical": frozenset({"desk"}),
    "callback": frozenset({"callback"}),  # a concrete time they will hear back
    "escalation": frozenset({"supervisor"}),  # escalation is announced, not hidden
    "heads_up": frozenset({"heads_up"}),  # proactive about bad news
    "fix_intro": frozenset({"title"}),  # Fix: plain language, numbered steps
    "fix_why": frozenset({"why"}),  # say why it works
    "fix_unknown": frozenset({"placeholder", "callback"}),  # cannot be fixed yet: what we do
    "investigate": frozenset({"callback"}),
    "anything_else": frozenset(),  # Close: offer something extra
    "follow_up": frozenset({"follow_up"}),  # promise a follow-up, with a date
    "sign_off": frozenset({"desk"}),
}


@dataclass(frozen=True, slots=True)
class Templates:
    slots: Mapping[str, Mapping[str, tuple[str, ...]]]
    desk: str = "the IT Service Desk"
    supervisor: str = "our duty manager"

    def render(self, slot: str, key: str, tone: Tone, **fields: str) -> str:
        """The variant of ``slot`` for this email (``key``) and tone, filled in."""
        by_tone = self.slots[slot]
        variants = by_tone.get(tone) or by_tone.get("any") or ()
        if not variants:
            raise ConfigError(f"[templates.{slot}] has no '{tone}' or 'any' variants")
        digest = hashlib.sha256(f"{key}\x00{slot}".encode()).digest()
        template = variants[int.from_bytes(digest[:8], "big") % len(variants)]
        return template.format_map({"desk": self.desk, "supervisor": self.supervisor, **fields})


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def load_templates(
    table: Mapping[str, Any], desk: Mapping[str, Any] | None = None, source: str = "config"
) -> Templates:
    """Validate ``[templates]`` (and ``[desk]``): every slot present, only known fields."""
    slots: dict[str, dict[str, tuple[str, ...]]] = {}
    missing = sorted(set(SLOT_FIELDS) - set(table))
    if missing:
        raise ConfigError(f"{source}: [templates] is missing slots {missing}")
    for slot, value in table.items():
        if slot not in SLOT_FIELDS:
            raise ConfigError(
                f"{source}: [templates.{slot}]: unknown slot (known: {sorted(SLOT_FIELDS)})"
            )
        variants_by_tone = {"any": value} if isinstance(value, list) else value
        if not isinstance(variants_by_tone, Mapping):
            raise ConfigError(f"{source}: [templates.{slot}] must be a list or a table of lists")
        parsed: dict[str, tuple[str, ...]] = {}
        for tone, variants in variants_by_tone.items():
            where = f"{source}: [templates.{slot}] {tone}"
            if tone not in TONES:
                raise ConfigError(f"{where}: unknown tone (known: {TONES})")
            if (
                not isinstance(variants, list)
                or not variants
                or not all(isinstance(v, str) and v.strip() for v in variants)
            ):
                raise ConfigError(f"{where}: must be a non-empty list of non-empty strings")
            for variant in variants:
                try:
                    used = _fields(variant)
                except ValueError as exc:
                    raise ConfigError(f"{where}: bad template {variant!r}: {exc}") from exc
                unknown = used - SLOT_FIELDS[slot] - {"desk", "supervisor"}
                if unknown:
                    raise ConfigError(
                        f"{where}: unknown field(s) {sorted(unknown)} in {variant!r} "
                        f"(this slot has {sorted(SLOT_FIELDS[slot] | {'desk', 'supervisor'})})"
                    )
            parsed[tone] = tuple(variants)
        if "any" not in parsed and not {"calm", "upset"} <= set(parsed):
            raise ConfigError(
                f"{source}: [templates.{slot}] needs 'any' or both 'calm' and 'upset'"
            )
        slots[slot] = parsed
    desk = desk or {}
    return Templates(
        slots=slots,
        desk=str(desk.get("name", "the IT Service Desk")),
        supervisor=str(desk.get("supervisor", "our duty manager")),
    )
