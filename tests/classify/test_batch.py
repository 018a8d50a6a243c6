from __future__ import annotations

import io
import json
from collections.abc import Sequence
from pathlib import Path

from triage.classify.batch import classify_jsonl
from triage.domain import Evidence, Scores


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
