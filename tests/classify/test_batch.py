from __future__ import annotations

import io
import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from triage.classify.batch import classify_jsonl, read_one
from triage.domain import Evidence, Scores
from triage.errors import ConfigError


class _Fixed:
    def __init__(self) -> None:
        self.calls: list[int] = []

    def classify(self, items: Sequence[tuple[str, str]]) -> list[Scores]:
        self.calls.append(len(items))
        return [
            Scores(2, 0.6, 3, 0.9, 0.1, (Evidence("frustration", t[:5], 0.5),)) for _, t in items
        ]


def test_one_object_per_line_in_order(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "a", "subject": "s", "body": "hello there\n> old quote"})
        + "\n\n"
        + json.dumps({"text": "second"})
        + "\n",
        "utf-8",
    )
    out = io.StringIO()
    clf = _Fixed()
    assert classify_jsonl(clf, src, out) == 2
    lines = [json.loads(x) for x in out.getvalue().splitlines()]
    assert [x["id"] for x in lines] == ["a", "3"]
    assert lines[0]["urgency"] == {"level": 2, "name": "high", "score": 0.6}
    assert lines[0]["frustration"]["name"] == "angry"
    assert lines[0]["evidence"][0]["phrase"] == "hello"  # quoted history was stripped
    assert clf.calls == [2]  # batched, not one call per line


def test_read_one_scores_an_email_like_the_worker_and_other_text_as_it_is() -> None:
    email = read_one(b"From: a@b.example\nSubject: VPN down\n\nIt drops.\n\n> old quote\n", "f")
    assert (email.subject, email.text, email.note) == ("VPN down", "It drops.", None)
    plain = read_one("SERVER DOWN!!! ünïcode".encode(), "-")
    assert (plain.subject, plain.text, plain.note) == ("", "SERVER DOWN!!! ünïcode", None)
    # starts like a header but is none: scored as text, and the agent is told why
    assert "not read as an email" in (read_one(b"Hi: my disk is full", "-").note or "")


def test_read_one_refuses_binary_data_in_plain_words() -> None:
    with pytest.raises(ConfigError, match="x.png: binary data"):
        read_one(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "x.png")
