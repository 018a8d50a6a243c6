"""Tweet labels are stored as spans into the tweets, never as their words."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from triage.reading.spans import (
    from_stored,
    phrase_to_span,
    read_labels,
    to_stored,
    tweet_ref,
    tweets,
)

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


def test_a_tweet_is_stored_by_ref_and_read_back_with_its_id(tmp_path: Path) -> None:
    row = {"id": "tw-1", "kind": "fault", "asks": ["can you send an engineer"], "deadline": None}
    stored = to_stored(row, TWEET)
    assert "id" not in stored
    assert stored["ref"] == tweet_ref("tw-1", TWEET) != tweet_ref("tw-2", TWEET)
    assert "tw-1" not in json.dumps(stored)
    path = tmp_path / "labels.jsonl"
    path.write_text(json.dumps(stored) + "\n", encoding="utf-8")
    [back] = read_labels(path, {"tw-1": TWEET, "tw-2": "another tweet"})
    assert back["id"] == "tw-1"
    assert back["asks"] == ["Can you send an engineer"]
    with pytest.raises(ValueError, match="points to no tweet"):
        read_labels(path, {"tw-2": "another tweet"})


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
            assert not str(row.get("id", "")).startswith("tw-"), path  # no twcs id either
            if "ref" not in row:
                continue
            assert "note" not in row, path
            for field in ("asks", "tried"):
                assert all(isinstance(x, list) and len(x) == 2 for x in row[field]), path
            assert row["deadline"] is None or isinstance(row["deadline"], list), path
    refs = {tweet_ref(i, t) for i, t in texts.items()}
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            assert "ref" not in row or row["ref"] in refs, path  # every label names a tweet
