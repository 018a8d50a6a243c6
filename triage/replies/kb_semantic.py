"""When the email's sentence embedding alone makes a knowledge-base entry sure (knowledge.py
``semantic_min``), and where such an entry ranks. Pure.

The base sentence model's space (classify/topic.py) separates topics, so an entry that is
close and clearly the closest is the email's topic even where its keywords were not used
("TV can't find the wifi" is the older-TV band entry; "Backup failed emails" the failing
backup job). Two guards from what went wrong without them (session 19): one of the entry's
keywords must be in the email as written, not stemmed ("here are our new bank details" is 0.69
from invoice fraud with no shared word; "sick leave" shares the stem of "leaver"), or the entry
must say it answers the email's problem; and a near tie is two siblings ("VPN down for
everyone" and "my VPN won't connect"), which scope and kind must tell apart, not the embedding.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from triage.replies.values import KbEntry, KbMatch


def named_patterns(entries: Sequence[KbEntry]) -> tuple[re.Pattern[str] | None, ...]:
    """Per entry, one pattern of its keywords as written (whole words, any case)."""
    return tuple(
        re.compile("|".join(rf"(?<!\w){re.escape(k)}(?!\w)" for k in e.keywords), re.I)
        if e.keywords
        else None
        for e in entries
    )


def semantic_sure(
    sims: Sequence[float] | None,
    minimum: float,
    margin: float,
    text: str,
    named: Sequence[re.Pattern[str] | None],
    answers: Sequence[bool],
) -> list[bool]:
    """Per entry, whether the embedding alone makes it sure: at least ``minimum`` cosine,
    ``margin`` above every other entry, and named in ``text`` (or it ``answers`` the email's
    problem). ``minimum`` 0 (or no similarities): none."""
    if sims is None or minimum <= 0.0 or len(sims) < 2:
        return [False] * len(named)
    order = sorted(range(len(sims)), key=lambda i: -sims[i])
    best, second = order[0], order[1]
    if sims[best] < minimum or sims[best] - sims[second] < margin:
        return [False] * len(sims)
    plain = text.replace("\u2019", "'")
    pattern = named[best]
    said = answers[best] or bool(pattern and pattern.search(plain))
    return [i == best and said for i in range(len(sims))]


def rank_score(m: KbMatch, threshold: float) -> float:
    """What a match is ranked by: its score, but one the embedding alone is sure of ranks just
    below every match confident on its score and above every unsure one, whatever its score
    ("wifi" in "can't find the wifi" scores an unsure entry higher). With no semantic match,
    the score: the order is the one before the rule."""
    if m.semantic and m.score < threshold:
        return threshold - 1e-6 + m.score * 1e-9
    return m.score
