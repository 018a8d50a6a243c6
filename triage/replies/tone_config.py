"""What the tone checker looks for: every list traces to a rule of design/reply-guide.md.

The lists are editable in ``config/replies.toml`` under ``[tone]``. An entry is a plain phrase
(case-insensitive, whole words, any run of spaces, straight or curly apostrophe) or, when it starts
with ``re:``, a Python regular expression.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from triage.errors import ConfigError

RULES: tuple[str, ...] = (
    "non-apology",  # Acknowledge: apologise for real and own it
    "blame",  # Acknowledge: never blame the customer
    "jargon",  # Fix: plain language; explain an unavoidable term in the same sentence
    "vague-time",  # Plan: a clock time or a date, not "soon" / "shortly" / "ASAP"
    "missing-callback",  # Plan: give a concrete time at all
    "over-cheer",  # Acknowledge: tone scales with frustration; no forced cheer when upset
    "missing-name",  # Acknowledge: use their name; neutral greeting, never the raw address
    "order",  # The order: acknowledge, then plan, then fix (then close)
    "placeholder",  # a bracketed gap: what the agent must add is metadata, never reply text
    "template-field",  # an unfilled {field} from a template: a bug, never sent
    "earlier-contact",  # Say only what is true: earlier contact only when the store holds it
    "outcome-promise",  # Promise only what the desk controls: not a refund, a fix, a policy
    "liability",  # Security: no admission of liability, no guess about cause or data loss
)

NON_APOLOGIES: tuple[str, ...] = (
    r"re:\bsorry\s+(?:that\s+|if\s+)?you(?:'re|’re|\s+are|\s+were|'ve\s+been|’ve\s+been|\s+have\s+been)?\s+"
    r"(?:having|experiencing|facing|feel|felt|feeling|upset|frustrated|disappointed|unhappy|think|believe)\b",
    r"re:\b(?:sorry|apologi[sz]e|apologies|regret)\b[^.!?\n]{0,30}\bany\s+inconvenience",
    r"re:\b(?:sorry|apologi[sz]e|apologies)\s+for\s+the\s+inconvenience",
    "inconvenience this may have caused",
    "inconvenience that may have caused",
    r"re:\bsorry\s+if\s+(?:this|that|it|there\s+was|anything|our)\b",
    "sorry you see it that way",
    "mistakes were made",
)

BLAME: tuple[str, ...] = (
    "you should have",
    "you should've",
    r"re:\bas\s+(?:I|we)(?:'ve|’ve|\s+have)?\s+(?:already\s+)?(?:said|stated|explained|mentioned|told\s+you)",
    "as previously stated",
    "as stated previously",
    "as already mentioned",
    "as already explained",
    r"re:\b(?:as\s+)?per\s+my\s+(?:last|previous|earlier)\s+(?:email|message|reply)",
    "user error",
    "obviously",
    "clearly you",
    "you failed to",
    "your fault",
    "you forgot to",
    "if you had read",
    "if you had followed",
    "you didn't read",
    "did you even",
    "you were told",
    "not our fault",
    "not our problem",
    "pebkac",
    "read the manual",
    "you must have done",
    "like I said",
)

JARGON: tuple[str, ...] = (
    "DNS",
    "DHCP",
    "cache",
    "SMTP",
    "IMAP",
    "TLS",
    "SSL",
    "SSO",
    "MFA token",
    "reboot the service",
    "restart the service",
    "IP address",
    "MAC address",
    "subnet",
    "gateway",
    "firmware",
    "LDAP",
    "Active Directory",
    "group policy",
    "GPO",
    "registry",
    "BIOS",
    "OST file",
    "PST file",
    "MX record",
    "SPF",
    "DKIM",
    "port forwarding",
    "proxy",
    "traceroute",
    "SSID",
    "endpoint",
    "propagation",
    "flush",
    "kernel",
    "latency",
    "packet loss",
)

# Words that, in the same sentence as a jargon term, show the term is being explained.
EXPLAIN_MARKERS: tuple[str, ...] = (
    "(",
    " - ",
    " — ",
    " – ",
    "which is",
    "which means",
    "that is,",
    "i.e.",
    "meaning",
    "stands for",
    "in other words",
    "is what",
    "is the",
    "is a",
    "are the",
    "called",
    "known as",
)

VAGUE_TIMES: tuple[str, ...] = (
    "soon",
    "shortly",
    "asap",
    "a.s.a.p.",
    "as soon as possible",
    "at the earliest opportunity",
    "in due course",
    "at some point",
    "when we get a chance",
    "when we can",
    "when time allows",
    "in a bit",
    "in a while",
    "before long",
    "eventually",
    "in the near future",
)

CHEER: tuple[str, ...] = (
    "great question",
    "good question",
    "no worries",
    "awesome",
    "fantastic",
    "amazing",
    "happy days",
    "woohoo",
    "yay",
    "lol",
    "haha",
    "hehe",
    "just kidding",
    "cheer up",
    "look on the bright side",
    "don't worry",
    "don’t worry",
    "calm down",
    "relax",
)

# Claims that the customer has been in touch before: true only when the store holds the earlier
# contact or the customer says so (the caller knows; the rule is off when it does not).
EARLIER_CONTACT: tuple[str, ...] = (
    r"re:\b(?:already|previously)\s+(?:been\s+)?(?:in\s+touch|contacted|written|emailed|called|reported|raised)\b",
    r"re:\bbeen\s+in\s+touch\s+(?:with\s+us\s+)?(?:about\s+this\s+)?(?:before|already|again)\b",
    "isn't the first time",
    "is not the first time",
    "more than once",
    r"re:\byour\s+(?:earlier|previous|last|original|first)\s+(?:emails?|messages?|requests?|tickets?|calls?)\b",
    r"re:\bthe\s+(?:earlier|previous|original)\s+(?:tickets?|requests?|calls?|reports?)\b",
    r"re:\bearlier\s+messages?\b",
    r"re:\bhad\s+to\s+(?:chase|follow\s+(?:this\s+)?up|contact\s+us\s+again|write\s+again|ask\s+again)\b",
    r"re:\b(?:chase|chasing)\s+us\b",
    r"re:\bfollowing\s+(?:this\s+|it\s+)?up\b",
    r"re:\bchecking\s+in\s+on\b",
    r"re:\bas\s+(?:you|we)\s+(?:said|mentioned|discussed)\s+(?:before|earlier|last\s+time)\b",
)

# Promises of an outcome the desk does not control (reply-guide: "Not the outcome of an
# investigation, a refund, a policy change").
OUTCOME_PROMISES: tuple[str, ...] = (
    r"re:\b(?:we|I)(?:'ll|’ll|\s+will|\s+shall)\s+(?:definitely\s+|certainly\s+)?(?:refund|credit|reimburse|compensate)\b",
    r"re:\byou(?:'ll|’ll|\s+will)\s+(?:definitely\s+|certainly\s+)?(?:get|receive|be\s+given)\s+(?:a\s+|your\s+|the\s+)?(?:full\s+)?(?:refund|credit|compensation|money\s+back)\b",
    r"re:\b(?:refund|credit|compensation)\s+(?:will|is\s+going\s+to)\s+be\s+(?:paid|issued|made|sent|applied)\b",
    r"re:\bguarantee[sd]?\b",
    r"re:\b(?:will|'ll|’ll)\s+(?:definitely|certainly)\s+be\s+(?:fixed|resolved|working|sorted|back)\b",
    r"re:\b(?:will|'ll|’ll)\s+be\s+(?:fixed|resolved|working\s+again|back\s+(?:up|online)|sorted)\s+by\b",
    r"re:\b(?:we|I)(?:'ll|’ll|\s+will)\s+(?:change|reverse|drop|scrap|lift)\s+(?:the|our|that|this)\s+(?:policy|rule|decision)\b",
    r"re:\b(?:policy|rule|decision)\s+will\s+be\s+(?:changed|reversed|dropped|scrapped|lifted)\b",
    r"re:\b(?:I|we)\s+promise\b",
    r"re:\b(?:won't|will\s+not|will\s+never)\s+happen\s+again\b",
)

# In a security or privacy case: admitting liability, or guessing the cause or a data loss.
LIABILITY: tuple[str, ...] = (
    r"re:\bour\s+(?:fault|mistake|error|failure|negligence)\b",
    r"re:\bwe(?:'re|’re|\s+are)\s+(?:responsible|liable|to\s+blame)\b",
    "we let you down",
    r"re:\bour\s+(?:systems?|security|servers?|staff|software)\s+(?:failed|was\s+breached|were\s+breached|was\s+hacked|were\s+hacked|let\s+you\s+down)\b",
    r"re:\bshould(?:n't|n’t|\s+not)\s+have\s+happened\b",
    r"re:\b(?:data|details|information|files)\s+(?:was|were|has\s+been|have\s+been)\s+(?:stolen|leaked|lost|taken|exposed)\b",
    r"re:\b(?:this|it)\s+was\s+(?:caused\s+by|because\s+of)\b",
    "the breach",
)


class ToneConfig(BaseModel):
    """The ``[tone]`` table. Lists replace the defaults; ``jargon_extra`` adds to the jargon list."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    disabled: tuple[str, ...] = ()
    severity: dict[str, Literal["error", "warning"]] = {}
    non_apologies: tuple[str, ...] = NON_APOLOGIES
    blame: tuple[str, ...] = BLAME
    jargon: tuple[str, ...] = JARGON
    jargon_extra: tuple[str, ...] = ()
    explain_markers: tuple[str, ...] = EXPLAIN_MARKERS
    vague_times: tuple[str, ...] = VAGUE_TIMES
    cheer: tuple[str, ...] = CHEER
    earlier_contact: tuple[str, ...] = EARLIER_CONTACT
    outcome_promises: tuple[str, ...] = OUTCOME_PROMISES
    liability: tuple[str, ...] = LIABILITY
    # from this frustration level up, cheer is an error (labels.md: 2 = frustrated, 3 = angry)
    cheer_error_from: int = 2

    def enabled(self, rule: str) -> bool:
        return rule not in self.disabled

    def all_jargon(self) -> tuple[str, ...]:
        return self.jargon + self.jargon_extra


def load_tone_config(table: Mapping[str, Any], source: str = "config") -> ToneConfig:
    try:
        config = ToneConfig.model_validate(dict(table))
    except ValidationError as exc:
        problems = "; ".join(
            f"[tone] {'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()
        )
        raise ConfigError(f"{source}: {problems}") from exc
    unknown = (set(config.disabled) | set(config.severity)) - set(RULES)
    if unknown:
        raise ConfigError(f"{source}: [tone] unknown rules {sorted(unknown)} (known: {RULES})")
    return config
