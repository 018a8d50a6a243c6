"""Tweet labels are stored as spans into the tweets, never as their words."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from triage.reading.spans import from_stored, phrase_to_span, to_stored, tweets

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("TRIAGE_PATHS_DATA_SETS") or ROOT.parent / "shared" / "data")
TWEET = "@brand My router dies every night. Can you send an engineer by Friday? I restarted it."


def test_exact_phrases_round_trip_in_any_case() -> None:
    row = {
        "id": "tw-1",
        "asks": ["can you send an engineer"],
        "deadline": "by Friday",
        "tried": ["I restarted it"],
        "note": "quotes the tweet",
    }
    stored = to_stored(row, TWEET)
    assert stored["asks"] == [[TWEET.index("Can"), TWEET.index("Can") + 24]]
    assert "note" not in stored
    back = from_stored(stored, TWEET)
    assert back["asks"] == ["Can you send an engineer"]
    assert (back["deadline"], back["tried"]) == ("by Friday", ["I restarted it"])


def test_a_phrase_not_copied_exactly_maps_to_the_tweets_own_words() -> None:
    s, e = phrase_to_span(TWEET, "send engineer please")
    assert "send an engineer" in TWEET[s:e]
    assert TWEET[s:e] in TWEET


def test_no_label_file_in_the_repository_holds_tweet_text() -> None:
    if not (DATA / "twcs_customer_support_twitter").exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"twcs is required under CI=true: not found under {DATA}")
        pytest.skip(f"twcs not found under {DATA}")
    texts = tweets(DATA)
    files = sorted((ROOT / "data" / "reading").rglob("*.jsonl"))
    assert files
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if not row["id"].startswith("tw-"):
                continue
            assert "note" not in row, path
            for field in ("asks", "tried"):
                assert all(isinstance(x, list) and len(x) == 2 for x in row[field]), path
            assert row["deadline"] is None or isinstance(row["deadline"], list), path
            assert texts[row["id"]]  # every span points into a tweet we have
