"""bench/reply_paired.py: only the emails whose drafts differ are handed out, in a random order
of the two versions, with no version or original id in the hand-out; the tally maps the
judge's "1"/"2" back to the versions and tests the split."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import reply_paired as rp


def _run(folder: Path, drafts: list[str]) -> Path:
    folder.mkdir()
    rows = [
        {
            "id": f"e{i}",
            "received": "r",
            "from": "f",
            "subject": "s",
            "email": f"email {i}",
            "draft": d,
        }
        for i, d in enumerate(drafts)
    ]
    rp.write_jsonl(folder / "rubric_items.jsonl", rows)
    return folder


def test_only_differing_drafts_go_out_and_the_tally_maps_back(tmp_path: Path) -> None:
    old = [f"same {i}" if i % 2 else f"OLD {i}" for i in range(20)]
    new = [f"same {i}" if i % 2 else f"NEW {i}" for i in range(20)]
    out = tmp_path / "p"
    assert rp.hand_out([_run(tmp_path / "a", old), _run(tmp_path / "b", new)], out, seed=3) == 10
    items = rp.read_jsonl(out / "handout" / "paired_items.jsonl")
    text = (out / "handout" / "paired_items.jsonl").read_text()
    assert '"e1"' not in text
    assert "same" not in text
    assert {i["draft_1"].split()[0] for i in items} == {"OLD", "NEW"}  # both orders occur
    # a judge who always prefers the NEW draft
    verdicts = [
        {"id": i["id"], "better": "1" if i["draft_1"].startswith("NEW") else "2", "note": ""}
        for i in items
    ]
    rp.write_jsonl(out / "handout" / "paired_verdicts.jsonl", verdicts)
    result = rp.tally(out)
    assert (result["A"], result["B"], result["tie"], result["n"]) == (0, 10, 0, 10)
    assert result["p_sign_test"] == pytest.approx(2 / 2**10, abs=1e-4)  # rounded to 4 places
    key = json.loads((out / "paired_key.json").read_text())["key"]
    assert all(v["id"].startswith("e") for v in key.values())


def test_the_sign_test() -> None:
    assert rp.sign_test(5, 5) == 1.0
    assert rp.sign_test(0, 0) == 1.0
    assert rp.sign_test(9, 1) == pytest.approx(22 / 1024)
