"""The tone checker: runs on any reply text (our suggestion or an agent's edit). Pure.

Each rule cites the reply-guide rule it enforces (see ``tone_config.RULES``). Findings carry the
span of text that triggered them, a severity and a suggested fix. ``error`` means "do not send as
is" (``triage send`` refuses); ``warning`` means "an agent should look".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from triage.replies.tone_claims import claims
from triage.replies.tone_config import ToneConfig
from triage.replies.tone_match import finding, spans
from triage.replies.values import SECTION_NAMES, Finding, Severity, Suggestion

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_GREETING = re.compile(
    r"^\s*(?:hi|hello|hey|dear|good\s+(?:morning|afternoon|evening)|greetings)\b(?P<rest>[^\n]*)",
    re.IGNORECASE,
)
_GENERIC_ADDRESSEE = re.compile(
    r"\b(?:customer|user|client|sir|madam|sir/madam|valued|team|all|there|everyone)\b", re.I
)
_EMAIL_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_CONCRETE_TIME = re.compile(
    r"\b\d{1,2}[:.]\d{2}\b"
    r"|\b\d{1,2}\s?(?:am|pm)\b"
    r"|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{1,2}\b"
    r"|\b\d{4}-\d{2}-\d{2}\b"
    r"|\b(?:noon|midday)\b"
    r"|\bwithin\s+(?:the\s+next\s+)?\d+\s+(?:minutes?|hours?|working\s+days?|business\s+days?)\b",
    re.IGNORECASE,
)
# a promise with a time in it ("I'll call you by 14:00"), not a time the customer mentioned
_CALLBACK = re.compile(
    r"\b(?:I'll|I’ll|I\s+will|we'll|we’ll|we\s+will|you'll|you’ll|you\s+will|will)\b[^.?!\n]{0,120}?"
    r"(?:" + _CONCRETE_TIME.pattern + r")",
    re.IGNORECASE,
)
_EXCLAMATION = re.compile(r"!+")
_EMOJI = re.compile(
    "[\U0001f300-\U0001faff\u2600-\u27bf\u2b50\u2b55\U0001f000-\U0001f2ff]"
    r"|(?<!\w)(?::-?\)|:-?D|;-?\)|:-?P|xD|<3|\^_\^)(?!\w)"
)
_PLACEHOLDER = re.compile(r"\[[A-Z][^\[\]\n]{1,120}\]")
_TEMPLATE_FIELD = re.compile(r"\{[a-z_][a-z0-9_]*\}")
# markers of each section, to check the order in free text (first occurrence of each)
_ORDER_MARKERS: dict[str, re.Pattern[str]] = {
    "acknowledge": re.compile(r"\b(?:sorry|apologi[sz]e|apologies|thank|understand)", re.I),
    "plan": _CALLBACK,
    "fix": re.compile(r"^\s*\d+[.)]\s+\S", re.M),
    # the offer is a question ("Is there anything else ...?"), not "I haven't touched anything else"
    "close": re.compile(r"\banything\s+else\b[^.!?\n]*\?", re.I),
}


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in _SENTENCE_END.finditer(text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def check(
    text: str,
    *,
    frustration: int | None = None,
    config: ToneConfig,
    name: str | None = None,
    whole_reply: bool = True,
    final: bool = False,
    prior_contact: bool | None = None,
    security: bool = False,
    order: tuple[str, ...] = SECTION_NAMES,
    needs_callback: bool = True,
) -> list[Finding]:
    """All findings for ``text``, in text order.

    ``frustration`` is the customer's level (None = unknown: cheer is then a warning).
    ``name`` is the customer's name when known (the greeting should use it). ``whole_reply=False``
    checks a fragment (a knowledge-base entry): no greeting, callback or order rules.
    ``final=True`` is the check before sending (today every rule is the same then: a bracketed
    placeholder is an error in a draft too, since what the agent must add is never reply text).
    ``prior_contact``: whether earlier contact is established (None: unknown, not checked);
    ``security``: a security case (no liability, no guesses); ``order``: the order of the parts
    this kind of reply has; ``needs_callback``: False for replies that promise no time (thanks).
    """
    del final  # kept for callers: the rules are the same for a draft and before sending
    out: list[Finding] = claims(text, config, prior_contact=prior_contact, security=security)
    on = config.enabled
    if on("non-apology"):
        out += [
            finding(
                config,
                "non-apology",
                "error",
                m,
                "apology that pushes the problem back onto the customer",
                "Own it: \"I'm sorry — this shouldn't have happened, and we'll put it right.\"",
            )
            for m in spans(config.non_apologies, text)
        ]
    if on("blame"):
        out += [
            finding(
                config,
                "blame",
                "error",
                m,
                f"blames or talks down to the customer: {m.group(0)!r}",
                "Drop it and describe what happens next instead.",
            )
            for m in spans(config.blame, text)
        ]
    if on("jargon"):
        out += _jargon(text, config)
    has_time = _CONCRETE_TIME.search(text) is not None
    if on("vague-time") and not has_time:
        out += [
            finding(
                config,
                "vague-time",
                "error",
                m,
                f"{m.group(0)!r} is not a time the customer can hold us to",
                'Give a clock time and day, e.g. "by 15:30 today".',
            )
            for m in spans(config.vague_times, text)
        ]
    if (
        whole_reply
        and needs_callback
        and on("missing-callback")
        and not has_time
        and not any(f.rule == "vague-time" for f in out)
    ):
        out.append(
            finding(
                config,
                "missing-callback",
                "warning",
                (0, 0),
                "no time when the customer will hear back",
                "Add when they will hear from us: a clock time and day.",
            )
        )
    if on("over-cheer") and frustration != 0:
        out += _cheer(text, frustration, config)
    if whole_reply and on("missing-name"):
        out += _greeting(text, name, config)
    if whole_reply and on("order"):
        out += _order(text, config, order)
    if on("placeholder"):
        out += [
            finding(
                config,
                "placeholder",
                "error",
                m,
                f"{m.group(0)} must be filled in before sending",
                "Replace it with the actual text, or remove it.",
            )
            for m in _PLACEHOLDER.finditer(text)
        ]
    if on("template-field"):
        out += [
            finding(
                config,
                "template-field",
                "error",
                m,
                f"unfilled template field {m.group(0)}",
                "Fix the template in config/replies.toml.",
            )
            for m in _TEMPLATE_FIELD.finditer(text)
        ]
    return sorted(out, key=lambda f: (f.start, f.end, f.rule))


def _jargon(text: str, config: ToneConfig) -> list[Finding]:
    out: list[Finding] = []
    sentences = list(_sentences(text))
    for m in spans(config.all_jargon(), text, plural=True):
        start, end = next(
            (a, b) for a, b in sentences if a <= m.start() < b or m.start() >= b == len(text)
        )
        lowered = text[start:end].lower()
        if any(marker in lowered for marker in config.explain_markers):
            continue  # explained in the same sentence (reply-guide, Fix)
        out.append(
            finding(
                config,
                "jargon",
                "warning",
                m,
                f"technical term {m.group(0)!r} is not explained",
                "Say it in plain words, or explain the term in the same sentence.",
            )
        )
    return out


def _cheer(text: str, frustration: int | None, config: ToneConfig) -> list[Finding]:
    upset = frustration is not None and frustration >= config.cheer_error_from
    severity: Severity = "error" if upset else "warning"
    who = "an upset customer" if upset else "a customer who may be upset"
    out = [
        finding(
            config,
            "over-cheer",
            severity,
            m,
            f"exclamation mark reads as forced cheer to {who}",
            "End the sentence with a full stop.",
        )
        for m in _EXCLAMATION.finditer(text)
    ]
    out += [
        finding(
            config, "over-cheer", severity, m, f"emoji reads as flippant to {who}", "Remove it."
        )
        for m in _EMOJI.finditer(text)
    ]
    out += [
        finding(
            config,
            "over-cheer",
            severity,
            m,
            f"{m.group(0)!r} reads as insincere or dismissive to {who}",
            "Be calm and plain: say what you are doing about it.",
        )
        for m in spans(config.cheer, text)
    ]
    return out


def _greeting(text: str, name: str | None, config: ToneConfig) -> list[Finding]:
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    offset = text.find(first) if first else 0
    span = (offset, offset + len(first))
    m = _GREETING.match(first)
    if m is None:
        return [
            finding(
                config,
                "missing-name",
                "warning",
                (0, 0),
                "the reply does not greet the customer",
                f'Start with "Hi {name.split()[0] if name else "<name>"}," (or "Hello," when no name is known).',
            )
        ]
    rest = m.group("rest")
    if _EMAIL_ADDRESS.search(rest):
        return [
            finding(
                config,
                "missing-name",
                "error",
                span,
                "greets the customer by their email address",
                'Use their name, or a neutral "Hello,".',
            )
        ]
    if name:
        parts = [p for p in re.split(r"\s+", name) if len(p) > 1]
        if not any(p.lower() in rest.lower() for p in parts):
            return [
                finding(
                    config,
                    "missing-name",
                    "warning",
                    span,
                    f"the greeting does not use the customer's name ({name})",
                    f'"Hi {parts[0] if parts else name},"',
                )
            ]
    elif _GENERIC_ADDRESSEE.search(rest) and rest.strip(" ,").lower() not in ("there", "all"):
        return [
            finding(
                config,
                "missing-name",
                "warning",
                span,
                "generic addressee instead of a name",
                'Use the customer\'s name from their signature, or a neutral "Hello,".',
            )
        ]
    return []


def _order(text: str, config: ToneConfig, order: tuple[str, ...]) -> list[Finding]:
    seen: list[tuple[int, str]] = []
    for section in order:
        m = _ORDER_MARKERS[section].search(text)
        if m is not None:
            seen.append((m.start(), section))
    out: list[Finding] = []
    for (pos_a, a), (pos_b, b) in zip(seen, seen[1:], strict=False):
        if pos_b < pos_a:
            out.append(
                finding(
                    config,
                    "order",
                    "warning",
                    (pos_b, pos_b),
                    f"the {b} part comes before the {a} part",
                    f"Keep the order: {', '.join(order)}.",
                )
            )
    return out


def check_suggestion(
    suggestion: Suggestion, *, frustration: int | None, config: ToneConfig, final: bool = False
) -> list[Finding]:
    """Structure checks on a composed suggestion, plus ``check`` on its full text. A part the
    kind does not need may be empty (thanks need no fix); the others come in the kind's order."""
    s = suggestion
    out = check(
        s.text,
        frustration=frustration,
        config=config,
        name=s.name,
        final=final,
        prior_contact=s.repeat_contact,
        security=s.kind == "security",
        order=s.order,
        needs_callback=not s.language
        and s.kind != "feedback"
        and not (s.kind == "question" and s.kb_entry),
    )
    if not config.enabled("order"):
        return out
    position = 0
    for section, body in s.sections:
        if not body.strip():
            continue
        where = s.text.find(body, position)
        if where < 0:
            out.append(
                Finding(
                    "order",
                    config.severity.get("order", "error"),
                    position,
                    position,
                    f"the {section} section is missing or out of order",
                    f"Sections go in the order {', '.join(s.order)}.",
                )
            )
            continue
        position = where + len(body)
    return out


def errors(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == "error"]
