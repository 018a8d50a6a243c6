"""bench/reply_crossed.py: every item judged once per version, never twice by one judge, no
version or original id in a hand-out, and the verdicts split back to the right run."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bench import reply_crossed as rc


def _run(folder: Path, tag: str, n: int = 40) -> Path:
    folder.mkdir()
    rc.write_jsonl(
        folder / "rubric_items.jsonl",
        [{"id": f"e{i}", "email": f"email {i}", "draft": f"{tag} draft {i}"} for i in range(n)],
    )
    rc.write_jsonl(
        folder / "ab_items.jsonl",
        [{"id": f"t{i}", "reply_a": f"{tag} {i}", "reply_b": "brand"} for i in range(n)],
    )
    return folder


def test_hand_out_and_split_round_trip(tmp_path: Path) -> None:
    a, b = _run(tmp_path / "a", "OLD"), _run(tmp_path / "b", "NEW")
    out = tmp_path / "x"
    rc.hand_out([a, b], out, seed=1)
    r1 = rc.read_jsonl(out / "handout" / "rubric1" / "rubric_items.jsonl")
    r2 = rc.read_jsonl(out / "handout" / "rubric2" / "rubric_items.jsonl")
    # each judge sees every email once, the two judges the two versions of it
    assert sorted(r["email"] for r in r1) == sorted(r["email"] for r in r2)
    assert len({r["email"] for r in r1}) == 40
    mixed = {r["draft"].split()[0] for r in r1}
    assert mixed == {"OLD", "NEW"}  # both versions in one judge's file
    for r in r1 + r2:
        assert r["id"].startswith("x-")
    handout_text = "".join(p.read_text() for p in (out / "handout").rglob("*.jsonl"))
    assert '"e1"' not in handout_text
    assert '"t1"' not in handout_text

    def verdicts(judge: str, name: str, rows: list[dict[str, Any]], field: str) -> None:
        path = out / "handout" / judge / name
        path.write_text(
            "".join(json.dumps({"id": r["id"], field: r["draft"]}) + "\n" for r in rows)
        )

    verdicts("rubric1", "rubric_verdicts.jsonl", r1, "v")
    verdicts("rubric2", "rubric_verdicts.jsonl", r2, "v")
    second = rc.read_jsonl(out / "handout" / "second" / "rubric_second.jsonl")
    verdicts("second", "rubric_second_verdicts.jsonl", second, "v")
    rc.split(out)
    for run, tag in ((a, "OLD"), (b, "NEW")):
        got = rc.read_jsonl(run / "rubric_verdicts.jsonl")
        assert sorted(r["id"] for r in got) == sorted(f"e{i}" for i in range(40))
        assert all(r["v"].startswith(tag) and r["v"].endswith(r["id"][1:]) for r in got)
        second_items = {r["id"] for r in rc.read_jsonl(run / "rubric_second.jsonl")}
        assert second_items == {
            r["id"] for r in rc.read_jsonl(run / "rubric_second_verdicts.jsonl")
        }
