"""The tone checker's rules on what a reply claims (reply-guide: "Say only what is true and can
be kept"): earlier contact the store does not hold, an outcome the desk does not control, and in
a security case an admission of liability or a guess about cause or data loss. All errors."""

from __future__ import annotations

from triage.replies.tone_config import ToneConfig
from triage.replies.tone_match import finding, spans
from triage.replies.values import Finding


def claims(
    text: str, config: ToneConfig, *, prior_contact: bool | None, security: bool
) -> list[Finding]:
    """``prior_contact``: whether earlier contact is established (None: unknown, rule off);
    ``security``: the email is a security or privacy matter."""
    out: list[Finding] = []
    if prior_contact is False and config.enabled("earlier-contact"):
        out += [
            finding(
                config,
                "earlier-contact",
                "error",
                m,
                "claims earlier contact that neither the store nor the customer confirms",
                "Drop it, or check the history and state the facts (when, what was said).",
            )
            for m in spans(config.earlier_contact, text)
        ]
    if config.enabled("outcome-promise"):
        out += [
            finding(
                config,
                "outcome-promise",
                "error",
                m,
                f"promises an outcome the desk does not control: {m.group(0)!r}",
                "Promise the next update and its time, and who owns it; not the outcome.",
            )
            for m in spans(config.outcome_promises, text)
        ]
    if security and config.enabled("liability"):
        out += [
            finding(
                config,
                "liability",
                "error",
                m,
                f"admits liability or guesses the cause in a security case: {m.group(0)!r}",
                "Hand over to the security team; say they will establish what happened.",
            )
            for m in spans(config.liability, text)
        ]
    return out
