"""What the composer needs to know besides the wording: ``config/replies.toml``'s ``[compose]``,
``[scopes]``, ``[topics]``, ``[[policy]]``, ``[[questions.<kind>]]``, ``[[actions.<kind>]]``,
``[security]`` and ``[language]`` tables, validated once into frozen values (the desk's to
change, like the wording).

Patterns are written like the tone lists: a plain phrase (whole words, any case) or, after
``re:``, a regular expression. ``unless`` / ``when`` are regular expressions on the email.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from triage.domain import READING_KINDS
from triage.errors import ConfigError
from triage.replies.vocabulary import Vocabulary, load_vocabulary

KINDS = READING_KINDS
LEVELS: tuple[str, ...] = ("low", "normal", "high", "critical")


@dataclass(frozen=True, slots=True)
class PolicyRule:
    """Something the desk may not do, with the reason and the best alternative."""

    id: str
    patterns: tuple[re.Pattern[str], ...]
    refuse: str  # after "we can't": "give administrator rights on a work computer"
    reason: str
    alternative: str
    owner: str  # where the decision sits

    def matches(self, text: str) -> bool:
        return any(p.search(text) for p in self.patterns)


@dataclass(frozen=True, slots=True)
class Conditional:
    """A line given only when ``when`` matches the email, or left out when ``unless`` does, or
    when the email is longer than ``most_words``."""

    text: str
    when: re.Pattern[str] | None = None
    unless: re.Pattern[str] | None = None
    # asked only of an email that names no thing of the vocabulary (vocabulary.py): "which
    # system is it?" of "Whole house offline" asks what the email says
    unnamed: bool = False
    # asked only of an email that names a thing of these groups ("when did it start?" of
    # something technical, not of a late parcel)
    named: frozenset[str] = frozenset()
    # asked only where the reading's scope is one of these ("is anyone near you seeing the
    # same?" of an email that says the whole team is: judges, training split)
    scopes: frozenset[str] = frozenset()
    # asked only of an email of at most this many words (0: any): a generic "what exactly do
    # you see?" re-asks what a longer email described (tune judges, six of six "wrong")
    most_words: int = 0
    # ... or of at most this many where the draft would otherwise offer nothing at all (no
    # question, no first step of ours): for emails of 41-60 words, paired judges preferred
    # keeping the question to nothing 16-13-7; above 60, nothing won 63-7-2 (training split,
    # tune, development); our first step in its place won 38-0-1 at any length
    alone_words: int = 0

    def applies(self, email_text: str, alone: bool = False) -> bool:
        most = max(self.most_words, self.alone_words) if alone else self.most_words
        if self.most_words and len(email_text.split()) > most:
            return False
        if self.when is not None and not self.when.search(email_text):
            return False
        return self.unless is None or not self.unless.search(email_text)


@dataclass(frozen=True, slots=True)
class ReplyRules:
    min_kind_p: float = 0.35
    min_kind_p_by_kind: Mapping[str, float] = field(default_factory=dict)
    min_chase_p_unsaid: float = 0.6  # a chase with no sign of earlier contact (choose_kind)
    update_every: tuple[int, int, int, int] = (0, 60, 60, 30)  # minutes, by urgency level
    max_questions: int = 3
    # one keyword phrase is too little to restate the topic, name its team or offer its fix
    topic_keyword_min: float = 0.8
    # the least cosine (base sentence model, email against the entry's title and symptoms) for
    # an entry's steps to be offered; None on the keyword-only path (no embedding) passes
    fix_similarity_min: float = 0.6
    detailed_words: int = 80  # a message this long earns thanks for its detail
    brief_chars: int = 0  # a message this short gets the brief reply (0: never)
    scopes: Mapping[str, str] = field(default_factory=dict)
    topics: Mapping[str, str] = field(default_factory=dict)
    policy: tuple[PolicyRule, ...] = ()
    questions: Mapping[str, tuple[Conditional, ...]] = field(default_factory=dict)
    # what the desk does first when no fix is known and no question is left to ask
    actions: Mapping[str, tuple[Conditional, ...]] = field(default_factory=dict)
    safe_steps: tuple[Conditional, ...] = ()
    max_safe_steps: int = 4
    desk_language: str = "en"
    language_names: Mapping[str, str] = field(default_factory=dict)
    language_lines: Mapping[str, str] = field(default_factory=dict)
    vocabulary: Vocabulary = Vocabulary()  # things and their troubles (gist.py)

    def kind_threshold(self, kind: str) -> float:
        return self.min_kind_p_by_kind.get(kind, self.min_kind_p)


def phrase_pattern(entry: str) -> re.Pattern[str]:
    """``re:...`` as a regular expression, else the phrase as whole words in any case."""
    if entry.startswith("re:"):
        return re.compile(entry[3:], re.IGNORECASE)
    words = r"\s+".join(re.escape(w) for w in entry.split())
    return re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE)


def _regex(value: object, where: str) -> re.Pattern[str] | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{where}: must be a non-empty regular expression")
    try:
        return re.compile(value, re.IGNORECASE)
    except re.error as exc:
        raise ConfigError(f"{where}: bad regular expression {value!r}: {exc}") from exc


def _text(table: Mapping[str, Any], key: str, where: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}: '{key}' must be a non-empty string")
    return value.strip()


def _strings(value: object, where: str) -> dict[str, str]:
    if not isinstance(value, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in value.items()
    ):
        raise ConfigError(f"{where}: must be a table of non-empty strings")
    return {str(k): str(v).strip() for k, v in value.items()}


def _policy(rows: object, source: str) -> tuple[PolicyRule, ...]:
    if not isinstance(rows, list):
        raise ConfigError(f"{source}: [[policy]] must be an array of tables")
    out = []
    for i, row in enumerate(rows):
        where = f"{source}: [[policy]] #{i + 1}"
        if not isinstance(row, Mapping):
            raise ConfigError(f"{where}: must be a table")
        unknown = set(row) - {"id", "patterns", "refuse", "reason", "alternative", "owner"}
        if unknown:
            raise ConfigError(f"{where}: unknown keys {sorted(unknown)}")
        patterns = row.get("patterns")
        if not isinstance(patterns, list) or not patterns:
            raise ConfigError(f"{where}: 'patterns' must be a non-empty list")
        compiled = []
        for p in patterns:
            if not isinstance(p, str) or not p.strip():
                raise ConfigError(f"{where}: patterns must be non-empty strings")
            try:
                compiled.append(phrase_pattern(p))
            except re.error as exc:
                raise ConfigError(f"{where}: bad pattern {p!r}: {exc}") from exc
        out.append(
            PolicyRule(
                id=_text(row, "id", where),
                patterns=tuple(compiled),
                refuse=_text(row, "refuse", where),
                reason=_text(row, "reason", where),
                alternative=_text(row, "alternative", where),
                owner=_text(row, "owner", where),
            )
        )
    return tuple(out)


def _conditionals(rows: object, key: str, where: str) -> tuple[Conditional, ...]:
    if not isinstance(rows, list):
        raise ConfigError(f"{where}: must be an array of tables")
    out = []
    for i, row in enumerate(rows):
        at = f"{where} #{i + 1}"
        if not isinstance(row, Mapping) or set(row) - {
            key,
            "when",
            "unless",
            "unnamed",
            "named",
            "scopes",
            "most_words",
            "alone_words",
        }:
            raise ConfigError(
                f"{at}: a table with '{key}' and optional 'when' / 'unless' / 'unnamed' / 'named'"
                " / 'scopes' / 'most_words' / 'alone_words'"
            )
        most, alone = row.get("most_words", 0), row.get("alone_words", 0)
        for name, words in (("most_words", most), ("alone_words", alone)):
            if not isinstance(words, int) or isinstance(words, bool) or words < 0:
                raise ConfigError(f"{at}: '{name}' is a whole number of words (0: any)")
        scopes = row.get("scopes", [])
        if not isinstance(scopes, list) or not all(isinstance(g, str) for g in scopes):
            raise ConfigError(f"{at}: 'scopes' is a list of the reading's scopes")
        named = row.get("named", [])
        if not isinstance(named, list) or not all(isinstance(g, str) for g in named):
            raise ConfigError(f"{at}: 'named' is a list of the vocabulary's thing groups")
        out.append(
            Conditional(
                _text(row, key, at),
                _regex(row.get("when"), f"{at} when"),
                _regex(row.get("unless"), f"{at} unless"),
                bool(row.get("unnamed", False)),
                frozenset(named),
                frozenset(scopes),
                most,
                alone,
            )
        )
    return tuple(out)


def _number(table: Mapping[str, Any], key: str, default: float) -> float:
    """``table[key]`` as a number (``true`` is not 1.0), else ``default``."""
    value = table.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{key}: {value!r} is not a number")
    return float(value)


def load_rules(data: Mapping[str, Any], source: str = "config") -> ReplyRules:
    """The reply rules from the whole parsed ``replies.toml``."""
    compose = data.get("compose", {})
    if not isinstance(compose, Mapping):
        raise ConfigError(f"{source}: [compose] must be a table")
    unknown = set(compose) - {
        "min_kind_p",
        "min_kind_p_by_kind",
        "min_chase_p_unsaid",
        "update_every",
        "max_questions",
        "topic_keyword_min",
        "fix_similarity_min",
        "detailed_words",
        "brief_chars",
    }
    if unknown:
        raise ConfigError(f"{source}: [compose] unknown keys {sorted(unknown)}")
    by_kind = compose.get("min_kind_p_by_kind", {})
    if not isinstance(by_kind, Mapping) or set(by_kind) - set(KINDS):
        raise ConfigError(f"{source}: [compose] min_kind_p_by_kind: a table of kinds {KINDS}")
    every = compose.get("update_every", {})
    if not isinstance(every, Mapping) or set(every) - set(LEVELS):
        raise ConfigError(f"{source}: [compose] update_every: a table of levels {LEVELS}")
    default_every = dict(zip(LEVELS, ReplyRules().update_every, strict=True))
    try:
        rules = ReplyRules(
            min_kind_p=float(compose.get("min_kind_p", 0.35)),
            min_kind_p_by_kind={str(k): float(v) for k, v in by_kind.items()},
            min_chase_p_unsaid=float(compose.get("min_chase_p_unsaid", 0.6)),
            update_every=tuple(int(every.get(lv, default_every[lv])) for lv in LEVELS),  # type: ignore[arg-type]
            max_questions=int(compose.get("max_questions", 3)),
            topic_keyword_min=float(compose.get("topic_keyword_min", 0.8)),
            fix_similarity_min=_number(compose, "fix_similarity_min", 0.6),
            detailed_words=int(compose.get("detailed_words", 80)),
            brief_chars=int(compose.get("brief_chars", 0)),
        )
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{source}: [compose]: {exc}") from exc
    if not 0.0 <= rules.fix_similarity_min <= 1.0:
        raise ConfigError(f"{source}: [compose] fix_similarity_min: a cosine, 0 to 1")
    if not 0.0 <= rules.min_chase_p_unsaid <= 1.0:
        raise ConfigError(f"{source}: [compose] min_chase_p_unsaid: a probability, 0 to 1")
    questions = data.get("questions", {})
    actions = data.get("actions", {})
    if not isinstance(questions, Mapping) or set(questions) - set(KINDS):
        raise ConfigError(f"{source}: [questions.<kind>]: kinds are {KINDS}")
    # only a fault's reply says what we'll do first (kinds.fault): any other table would be
    # read by nothing
    if not isinstance(actions, Mapping) or set(actions) - {"fault"}:
        raise ConfigError(f"{source}: [actions.<kind>]: only [[actions.fault]] is read")
    security = data.get("security", {})
    language = data.get("language", {})
    if not isinstance(security, Mapping) or not isinstance(language, Mapping):
        raise ConfigError(f"{source}: [security] and [language] must be tables")
    scopes = _strings(data.get("scopes", {}), f"{source}: [scopes]")
    if set(scopes) - {"team", "site", "everyone"}:
        raise ConfigError(f"{source}: [scopes]: keys are team, site, everyone")
    vocabulary = load_vocabulary(data, source)
    groups = {t.group for t in vocabulary.things}
    asked = _by_kind(questions, "questions", "ask", groups, source)
    done = _by_kind(actions, "actions", "do", groups, source)
    return ReplyRules(
        min_kind_p=rules.min_kind_p,
        min_kind_p_by_kind=rules.min_kind_p_by_kind,
        min_chase_p_unsaid=rules.min_chase_p_unsaid,
        update_every=rules.update_every,
        max_questions=rules.max_questions,
        topic_keyword_min=rules.topic_keyword_min,
        fix_similarity_min=rules.fix_similarity_min,
        detailed_words=rules.detailed_words,
        brief_chars=rules.brief_chars,
        scopes=scopes,
        topics=_strings(data.get("topics", {}), f"{source}: [topics]"),
        policy=_policy(data.get("policy", []), source),
        questions=asked,
        actions=done,
        safe_steps=_conditionals(
            security.get("steps", []), "step", f"{source}: [[security.steps]]"
        ),
        max_safe_steps=int(security.get("max", 4)),
        desk_language=str(language.get("desk", "en")),
        language_names=_strings(language.get("names", {}), f"{source}: [language] names"),
        language_lines=_strings(language.get("lines", {}), f"{source}: [language.lines]"),
        vocabulary=vocabulary,
    )


def _by_kind(
    table: Mapping[str, Any], name: str, key: str, groups: set[str], source: str
) -> dict[str, tuple[Conditional, ...]]:
    """``[[<name>.<kind>]]`` rows (the text under ``key``), each naming only known groups."""
    out = {
        str(kind): _conditionals(rows, key, f"{source}: [[{name}.{kind}]]")
        for kind, rows in table.items()
    }
    for kind, conditionals in out.items():
        for c in conditionals:
            if c.named - groups:
                raise ConfigError(
                    f"{source}: [[{name}.{kind}]] {c.text!r}: no [[things]] have group(s)"
                    f" {sorted(c.named - groups)}"
                )
    return out
