"""The things a help desk looks after and the troubles they have, in the desk's words:
``config/replies.toml``'s ``[[things]]`` and ``[[troubles]]`` tables, validated once into frozen
values. triage/replies/gist.py reads an email with them and says its problem back in our words
("your internet connection is down" of "Down again. Whole house offline.").

A thing is found by its ``words`` (a regular expression of the head noun, any case); the
customer's own words before it name which one ("the receipt printer", "your smartcard reader").
A trouble is found by its ``words`` and said as ``say`` (singular, plural), after the thing; a
trouble of a person (``person = true``: "can't log in to X") is said of who has it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from triage.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Thing:
    id: str
    words: re.Pattern[str]
    group: str  # which troubles fit it ("connection", "device", "software", ...)
    said: str = ""  # what it is called instead of the customer's words ("your home internet")
    own: bool = False  # "your" without a "my" (the customer's line, account, bill)
    # the desk's team that looks after it ("network team"): named as the owner of a problem
    # with this thing when no knowledge-base topic names one ("" = none)
    team: str = ""


@dataclass(frozen=True, slots=True)
class Trouble:
    id: str
    words: re.Pattern[str]
    say: tuple[str, str]  # after a singular thing, after a plural one; ("", ""): ``alone``
    groups: frozenset[str] = frozenset()  # the things it is said of; empty: any
    person: bool = False  # said of who has it: "{who} {say} {thing}" ("you can't get into")
    again: bool = True  # "again" may follow it
    alone: str = ""  # said when the email names no thing ("you can't get into your account")


@dataclass(frozen=True, slots=True)
class Vocabulary:
    things: tuple[Thing, ...] = ()
    troubles: tuple[Trouble, ...] = ()
    # the thing groups some trouble is said of (a trouble said only ``alone`` names none):
    # worked out once here, not per email
    sayable: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        every = {t.group for t in self.things}
        groups = (t.groups or (every if t.say[0] else frozenset()) for t in self.troubles)
        object.__setattr__(self, "sayable", frozenset().union(*groups))

    def names(self, text: str, groups: frozenset[str] = frozenset()) -> bool:
        """Whether ``text`` names a thing (of one of ``groups``, when given): what the desk's
        questions ask of ("when did it start?" of something technical, "which system is
        it?" of an email that names none)."""
        return any(t.words.search(text) for t in self.things if not groups or t.group in groups)

    def group_of(self, thing: str) -> str:
        """The group of the thing with this id ("" when none is set)."""
        return next((t.group for t in self.things if t.id == thing), "")

    def team_of(self, thing: str) -> str:
        """The team that looks after the thing with this id ("" when none is set)."""
        return next((t.team for t in self.things if t.id == thing), "")


def _pattern(value: object, where: str) -> re.Pattern[str]:
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{where}: `words` must be a regular expression")
    try:
        return re.compile(rf"\b(?:{value})\b", re.IGNORECASE)
    except re.error as exc:
        raise ConfigError(f"{where}: `words` is not a valid regular expression: {exc}") from exc


def _rows(value: object, where: str, keys: set[str]) -> list[Mapping[str, Any]]:
    if not isinstance(value, list) or not all(isinstance(r, Mapping) for r in value):
        raise ConfigError(f"{where}: must be an array of tables")
    for n, row in enumerate(value):
        if "id" not in row or "words" not in row:
            raise ConfigError(f"{where} #{n + 1}: needs `id` and `words`")
        if set(row) - keys:
            raise ConfigError(f"{where} {row['id']}: unknown keys {sorted(set(row) - keys)}")
    return value


def load_vocabulary(data: Mapping[str, Any], source: str = "config") -> Vocabulary:
    """The ``[[things]]`` and ``[[troubles]]`` tables of the parsed ``replies.toml``."""
    things = [
        Thing(
            id=str(r["id"]),
            words=_pattern(r["words"], f"{source}: [[things]] {r['id']}"),
            group=str(r.get("group", "")),
            said=str(r.get("said", "")),
            own=bool(r.get("own", False)),
            team=str(r.get("team", "")),
        )
        for r in _rows(
            data.get("things", []),
            f"{source}: [[things]]",
            {"id", "words", "group", "said", "own", "team"},
        )
    ]
    troubles = []
    for r in _rows(
        data.get("troubles", []),
        f"{source}: [[troubles]]",
        {"id", "words", "say", "groups", "person", "again", "alone"},
    ):
        where = f"{source}: [[troubles]] {r['id']}"
        say = r.get("say", ["", ""] if r.get("alone") else None)
        if not (isinstance(say, list) and len(say) == 2 and all(isinstance(s, str) for s in say)):
            raise ConfigError(
                f"{where}: `say` is two phrases: [singular, plural] (or give `alone` only)"
            )
        troubles.append(
            Trouble(
                id=str(r["id"]),
                words=_pattern(r["words"], where),
                say=(say[0], say[1]),
                groups=frozenset(str(g) for g in r.get("groups", [])),
                person=bool(r.get("person", False)),
                again=bool(r.get("again", True)),
                alone=str(r.get("alone", "")),
            )
        )
    known = {t.group for t in things}
    for t in troubles:
        if t.groups - known:
            raise ConfigError(
                f"{source}: [[troubles]] {t.id}: no thing has group {sorted(t.groups - known)}"
            )
    return Vocabulary(things=tuple(things), troubles=tuple(troubles))
