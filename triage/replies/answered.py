"""An ask's answering sentence as the composer carries it (``Answered``), and the passes over
all of them that keep a reply from saying a thing twice or answering what was never asked.
Pure."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple


class Answered(NamedTuple):
    sentence: str
    plain: bool  # the sentence does not name the ask
    question: str = ""  # a named question said back ("whether ..."), when that is the answer
    request: str = ""  # a named request said back ("us to remove it"), when "we'll take it on"
    commit: str = ""  # a named request said back that we commit to ("for access to the DMS")
    contain: str = ""  # a named ask to stop an attack, done first ("to lock those accounts")
    parts: tuple[str, ...] = ()  # the sentences of an ask that holds several (split_asks.py)


def without_repeats(answered: list[tuple[str, Answered]]) -> list[tuple[str, Answered]]:
    """An ask that holds several does not say again what an earlier answer said ("Please
    call me", then "I need a date, an engineer and a call back")."""
    out: list[tuple[str, Answered]] = []
    for text, r in answered:
        if r.parts:
            earlier = {x.sentence for _, x in out}
            kept = [p for p in r.parts if p not in earlier] or list(r.parts[:1])
            r = r._replace(sentence=" ".join(kept), parts=tuple(kept))
        out.append((text, r))
    return out


def idle_statements(
    answered: Sequence[tuple[str, Answered]], statements: Sequence[bool]
) -> list[bool]:
    """Which asks are sentences read as asks that ask nothing ("I'm asking about a feature.",
    "Renewal's in October so no rush") and got a stock line naming nothing: counted as points
    of their own they became "on the other points you raised", points the customer never
    raised (judges). All False when every ask is one (something must answer them)."""
    idle = [s and r.plain for s, (_, r) in zip(statements, answered, strict=True)]
    return [False] * len(idle) if all(idle) else idle


def shared_with_neighbour(
    final: list[tuple[str, str]], idle: Sequence[bool]
) -> tuple[tuple[str, str], ...]:
    """Each idle ask answered by the sentence of the ask before it (else after it)."""
    named = [i for i, x in enumerate(idle) if not x]
    if not named or len(named) == len(final):
        return tuple(final)
    return tuple(
        (text, final[max((k for k in named if k < i), default=min(named))][1] if idle[i] else said)
        for i, (text, said) in enumerate(final)
    )
