"""Mechanical checks on suggested replies, computed by code (no judge): bracketed placeholders,
acknowledgements that copy a run of the customer's words, and stock acknowledgement sentences.

Used by bench/reply_items.py (mechanical.json) and its tests. Pure: text in, figures out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

COPY_RUN_WORDS = 9  # an acknowledgement that repeats this many of the customer's words in a row
STOCK_SHARE_LIMIT = 0.10  # no acknowledgement sentence should appear in more drafts than this

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")
_BRACKETED = re.compile(r"\[[^\[\]\n]{0,120}\]")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+")
_GREETING = re.compile(
    r"^(hi|hello|hey|dear|good (morning|afternoon|evening))\b[^\n]{0,60},$", re.I
)


def words(text: str) -> list[str]:
    """Lower-case word tokens; curly apostrophes count as straight ones, hyphens split."""
    return _WORD.findall(text.lower().replace("’", "'").replace("‘", "'"))


def has_placeholder(draft: str) -> bool:
    """A draft the agent must still fill in: it holds a '[' (the composer's '[Describe the
    fix]' and any other bracketed slot)."""
    return "[" in draft


def placeholders(draft: str) -> list[str]:
    """The bracketed spans of a draft, e.g. ['[Describe the fix]']."""
    return _BRACKETED.findall(draft)


def longest_shared_run(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest run of consecutive words that ``a`` and ``b`` share."""
    best = 0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0] * (len(b) + 1)
        for j, y in enumerate(b, start=1):
            if x == y:
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    return best


def copies_run(acknowledgement: str, email: str, n: int = COPY_RUN_WORDS) -> bool:
    """True when the acknowledgement repeats ``n`` or more of the email's words in a row."""
    return longest_shared_run(words(acknowledgement), words(email)) >= n


def ack_sentences(acknowledgement: str, name: str | None = None) -> list[str]:
    """The acknowledgement's sentences, greeting line dropped, the customer's name masked as
    '{name}' and digits as '#', so the same stock line reads the same in every draft."""
    lines = [ln.strip() for ln in acknowledgement.splitlines()]
    text = " ".join(ln for ln in lines if ln and not _GREETING.match(ln))
    for part in sorted(set((name or "").split()), key=len, reverse=True):
        if len(part) > 1:
            text = re.sub(rf"\b{re.escape(part)}\b", "{name}", text)
    text = re.sub(r"\d", "#", text)
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


@dataclass(frozen=True, slots=True)
class Draft:
    """What the checks need of one suggestion: its id, the customer's text as written, the
    whole draft, its acknowledgement section and the name it greets."""

    id: str
    email: str
    text: str
    acknowledge: str
    name: str | None = None


def stock_sentences(drafts: Sequence[Draft], top: int = 12) -> list[dict[str, Any]]:
    """The most common acknowledgement sentences: how many drafts hold each, and the share."""
    counts: Counter[str] = Counter()
    for d in drafts:
        counts.update(set(ack_sentences(d.acknowledge, d.name)))
    n = len(drafts) or 1
    return [
        {"sentence": s, "drafts": c, "share": round(c / n, 3)}
        for s, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    ]


def _share(k: int, n: int) -> float:
    return round(k / n, 3) if n else 0.0


def mechanical(drafts: Sequence[Draft], no_draft: Iterable[str] = ()) -> dict[str, Any]:
    """All the code-computed checks on one sample of drafts."""
    n = len(drafts)
    with_bracket = [d.id for d in drafts if has_placeholder(d.text)]
    spans: Counter[str] = Counter(p for d in drafts for p in set(placeholders(d.text)))
    runs = {d.id: longest_shared_run(words(d.acknowledge), words(d.email)) for d in drafts}
    copied = [i for i, r in runs.items() if r >= COPY_RUN_WORDS]
    stock = stock_sentences(drafts, top=len(drafts) * 10)
    over = [s for s in stock if s["drafts"] > STOCK_SHARE_LIMIT * n]
    lengths = sorted(len(words(d.text)) for d in drafts)
    return {
        "drafts": n,
        "no_draft": sorted(no_draft),
        "placeholder": {
            "drafts": len(with_bracket),
            "share": _share(len(with_bracket), n),
            "spans": dict(spans.most_common()),
            "ids": with_bracket,
        },
        "ack_copies_9_words": {
            "drafts": len(copied),
            "share": _share(len(copied), n),
            "longest_run_median": _median(list(runs.values())),
            "ids": copied,
        },
        "ack_sentences_top": stock[:12],
        "ack_sentences_over_10pct": len(over),
        "draft_words_median": _median(lengths),
    }


def _median(values: list[int]) -> float:
    if not values:
        return 0.0
    s = sorted(values)
    mid = len(s) // 2
    return float(s[mid]) if len(s) % 2 else (s[mid - 1] + s[mid]) / 2
