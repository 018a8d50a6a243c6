"""Tweet-derived labels are stored as character spans, never as the tweets' words.

The twcs tweets keep their own licence and stay in ../shared/data; a label file in this
repository may only point into them. An ask, a deadline or a tried step of a tweet is stored
as ``[start, end]`` offsets into the tweet's text and read back as that slice. A phrase the
annotator did not copy exactly (23 of 995) is stored as the window of the tweet that shares
the most words with it, so what comes back is always the tweet's own words.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

PHRASE_FIELDS = ("asks", "tried")  # lists of phrases; "deadline" is one phrase or null
_TOKEN = re.compile(r"\S+")
_WORD = re.compile(r"[\w']+")


def phrase_to_span(text: str, phrase: str) -> list[int]:
    """[start, end] of ``phrase`` in ``text``: exact (any case), else the best token window."""
    at = text.lower().find(phrase.lower())
    if at >= 0:
        return [at, at + len(phrase)]
    want = set(_WORD.findall(phrase.lower()))
    tokens = list(_TOKEN.finditer(text))
    best, span = -1.0, [0, len(text)]
    for i in range(len(tokens)):
        seen: set[str] = set()
        for j in range(i, len(tokens)):
            seen |= set(_WORD.findall(tokens[j].group().lower()))
            common = len(seen & want)
            if not common:
                continue
            f1 = 2 * common / (len(seen) + len(want))
            if f1 > best:
                best, span = f1, [tokens[i].start(), tokens[j].end()]
    return span


def to_stored(row: Mapping[str, Any], text: str) -> dict[str, Any]:
    """A label row with its phrases replaced by spans into ``text`` (the tweet)."""
    out = dict(row)
    for field in PHRASE_FIELDS:
        out[field] = [phrase_to_span(text, p) for p in row.get(field) or []]
    deadline = row.get("deadline")
    out["deadline"] = phrase_to_span(text, deadline) if deadline else None
    out.pop("note", None)  # an adjudicator's note may quote the tweet
    return out


def from_stored(row: Mapping[str, Any], text: str) -> dict[str, Any]:
    """A stored row with its spans read back as the tweet's words."""
    out = dict(row)
    for field in PHRASE_FIELDS:
        out[field] = [text[s:e] for s, e in row.get(field) or []]
    deadline = row.get("deadline")
    out["deadline"] = text[deadline[0] : deadline[1]] if deadline else None
    return out


def tweets(data_root: Path) -> dict[str, str]:
    """id -> text of the twcs customer tweets the labels point into."""
    path = data_root / "twcs_customer_support_twitter" / "twcs_dev_customer_silver.jsonl"
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return {str(r["id"]): str(r["text"]) for r in rows}


def read_labels(path: Path, tweet_texts: Mapping[str, str]) -> list[dict[str, Any]]:
    """Every row of a label file, tweet rows' spans read back as words (emails as stored)."""
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return [
        from_stored(r, tweet_texts[r["id"]]) if str(r["id"]).startswith("tw-") else r for r in rows
    ]
