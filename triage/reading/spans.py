"""Tweet-derived labels are stored as character spans, never as the tweets' words.

The twcs tweets keep their own licence and stay in ../shared/data; a label file in this
repository may only point into them. An ask, a deadline or a tried step of a tweet is stored
as ``[start, end]`` offsets into the tweet's text and read back as that slice. A phrase the
annotator did not copy exactly (23 of 995) is stored as the window of the tweet that shares
the most words with it, so what comes back is always the tweet's own words. The tweet itself
is named by ``ref``, a digest of its id and words, not by the data set's id: a label file holds
nothing of twcs, and without ../shared/data it points at nothing.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

REF_PREFIX = "t:"
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


def tweet_ref(tweet_id: str, text: str) -> str:
    """The key a tweet's label is stored under: a digest of the tweet's id and words, so the
    label file holds neither (it is found again by hashing the tweets in ../shared/data)."""
    return REF_PREFIX + hashlib.sha256(f"{tweet_id}\n{text}".encode()).hexdigest()[:16]


def to_stored(row: Mapping[str, Any], text: str) -> dict[str, Any]:
    """A label row with its phrases replaced by spans into ``text`` (the tweet) and its tweet
    id by the tweet's ``ref``."""
    out: dict[str, Any] = {"ref": tweet_ref(str(row["id"]), text)} if "id" in row else {}
    out |= {k: v for k, v in row.items() if k != "id"}
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
    """Every row of a label file, tweet rows with their id back and their spans read back as
    words (emails as stored)."""
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    refs = {tweet_ref(i, t): i for i, t in tweet_texts.items()} if tweet_texts else {}
    out = []
    for r in rows:
        if "ref" not in r:
            out.append(r)
            continue
        tweet_id = refs.get(str(r["ref"]))
        if tweet_id is None:
            raise ValueError(
                f"{path}: label {r['ref']} points to no tweet of the data set: is "
                "$TRIAGE_PATHS_DATA_SETS (or ../shared/data) the twcs copy the labels were made on?"
            )
        row = {"id": tweet_id} | {k: v for k, v in r.items() if k != "ref"}
        out.append(from_stored(row, tweet_texts[tweet_id]))
    return out
