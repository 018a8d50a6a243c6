"""bench/reply_tally.py: strict verdict files, the figures, and the judges' agreement (kappa
cross-checked with scikit-learn)."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from sklearn.metrics import cohen_kappa_score

from bench import reply_tally as rt

GOOD: dict[str, Any] = {
    "restatement": "good",
    "greeting": "ok",
    "fix": "right",
    "asks": "yes",
    "plan": "ok",
    "tone": "ok",
    "send_ready": "yes",
    "edit_minutes": 1,
}


def _write(path: Path, rows: list[Any]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _verdict(ident: str, **changes: Any) -> dict[str, Any]:
    return {"id": ident, **GOOD, **changes}


def _run(tmp_path: Path, n: int = 10, second: int = 4, ab: int = 6) -> Path:
    _write(tmp_path / "rubric_items.jsonl", [{"id": f"r{i}", "draft": "d"} for i in range(n)])
    _write(tmp_path / "rubric_second.jsonl", [{"id": f"r{i}", "draft": "d"} for i in range(second)])
    _write(tmp_path / "ab_items.jsonl", [{"id": f"t{i}"} for i in range(ab)])
    _write(tmp_path / "ab_key.jsonl", [{"id": f"t{i}", "ours": "AB"[i % 2]} for i in range(ab)])
    return tmp_path


def test_figures_from_valid_files(tmp_path: Path) -> None:
    run = _run(tmp_path)
    verdicts = [
        _verdict(
            "r0", send_ready="no", fix="wrong", tone="harmful", edit_minutes=10, restatement="wrong"
        ),
        _verdict(
            "r1", send_ready="no", fix="not_answered", tone="formulaic", asks="no", edit_minutes=5.5
        ),
        _verdict(
            "r2", tone="formulaic", restatement="awkward", greeting="bad", plan="too_slow", note="x"
        ),
        *(_verdict(f"r{i}", edit_minutes=0) for i in range(3, 10)),
    ]
    _write(run / "rubric_verdicts.jsonl", verdicts)
    report = rt.tally(run)
    r = report["rubric"]
    assert r["n"] == 10
    assert r["send_ready_pct"] == 80.0
    assert r["edit_minutes_mean"] == pytest.approx((10 + 5.5 + 1) / 10, abs=0.01)
    assert r["fix_wrong_pct"] == 10.0
    assert r["fix_wrong_or_not_answered_pct"] == 20.0
    assert (r["restatement_good_pct"], r["restatement_wrong_pct"]) == (80.0, 10.0)
    assert r["asks_answered_pct"] == 90.0
    assert r["harmful"] == 1
    assert r["formulaic_pct"] == 20.0
    assert r["greeting_bad"] == 1
    assert r["plan_ok_pct"] == 90.0
    assert r["counts"]["fix"] == {"wrong": 1, "not_answered": 1, "right": 8}
    assert report["second"] is None
    assert report["ab"] is None


def test_ab_counts_ours_by_the_key(tmp_path: Path) -> None:
    run = _run(tmp_path)  # ours: t0 A, t1 B, t2 A, t3 B, t4 A, t5 B
    _write(
        run / "ab_verdicts.jsonl",
        [{"id": "t0", "verdict": "A"}, {"id": "t1", "verdict": "A"}, {"id": "t2", "verdict": "tie"},
         {"id": "t3", "verdict": "B"}, {"id": "t4", "verdict": "B"}, {"id": "t5", "verdict": "tie"}],
    )  # fmt: skip
    ab = rt.tally(run)["ab"]
    assert (ab["ours_won"], ab["tied"], ab["brand_won"]) == (2, 2, 2)
    assert ab["ours_preferred_or_tied_pct"] == 66.7


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([_verdict("r0"), _verdict("r0"), _verdict("r1")], "line 2 (r0): id judged twice"),
        ([_verdict("r0"), _verdict("r1"), _verdict("zz")], "line 3 (zz): unknown id"),
        ([_verdict("r0")], "1 item(s) not judged: r1"),
        (
            [_verdict("r0", fix="Right"), _verdict("r1")],
            "fix must be one of right|wrong|placeholder",
        ),
        ([_verdict("r0", plan="too slow"), _verdict("r1")], "plan must be one of ok|too_slow"),
        (
            [_verdict("r0", edit_minutes=-1), _verdict("r1")],
            "edit_minutes must be a finite number >= 0",
        ),
        ([_verdict("r0", edit_minutes="3"), _verdict("r1")], "edit_minutes must be a number"),
        ([_verdict("r0", edit_minutes=True), _verdict("r1")], "edit_minutes must be a number"),
        (
            [{k: v for k, v in _verdict("r0").items() if k != "tone"}, _verdict("r1")],
            "line 1 (r0): missing tone",
        ),
        ([_verdict("r0", ours="A"), _verdict("r1")], "unknown field 'ours'"),
        ([_verdict("r0", note=3), _verdict("r1")], "note must be a string"),
        ([["r0"], _verdict("r0"), _verdict("r1")], "line 1: not a JSON object"),
        ([{"send_ready": "yes"}, _verdict("r0"), _verdict("r1")], "line 1: no id"),
    ],
)
def test_bad_rubric_verdicts_are_refused(tmp_path: Path, rows: list[Any], message: str) -> None:
    run = _run(tmp_path, n=2, second=1)
    _write(run / "rubric_verdicts.jsonl", rows)
    with pytest.raises(rt.VerdictError) as err:
        rt.tally(run)
    assert any(message in p for p in err.value.problems), err.value.problems


def test_every_problem_is_listed_and_main_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = _run(tmp_path, n=2, second=1)
    (run / "rubric_verdicts.jsonl").write_text('{"id": "r0", "tone": "rude"\nnot json\n')
    _write(run / "ab_verdicts.jsonl", [{"id": "t0", "verdict": "a"}])
    assert rt.main([str(run)]) == 2
    err = capsys.readouterr().err
    assert "rubric_verdicts.jsonl: line 1: not JSON" in err
    assert "rubric_verdicts.jsonl: line 2: not JSON" in err
    assert "verdict must be one of A|B|tie, got 'a'" in err
    assert "5 item(s) not judged: t1, t2, t3, t4, t5" in err


def test_missing_items_file_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert rt.main([str(tmp_path / "nowhere")]) == 2
    assert "rubric_items.jsonl: no such file" in capsys.readouterr().err


@pytest.mark.parametrize("seed", range(8))
def test_kappa_matches_scikit_learn(seed: int) -> None:
    rng = random.Random(seed)
    labels = ["yes", "no"] if seed % 2 else ["ok", "formulaic", "harmful"]
    a = [rng.choice(labels) for _ in range(25)]
    b = [x if rng.random() < 0.7 else rng.choice(labels) for x in a]
    assert rt.cohen_kappa(a, b) == pytest.approx(cohen_kappa_score(a, b))


def test_kappa_known_values_and_the_undefined_case() -> None:
    assert rt.cohen_kappa(["yes", "no"] * 5, ["yes", "no"] * 5) == pytest.approx(1.0)
    # 20 items: 14 agree; both say yes 10 times: chance 0.5, kappa (0.7 - 0.5) / 0.5 = 0.4
    a = ["yes"] * 10 + ["no"] * 10
    b = ["yes"] * 7 + ["no"] * 3 + ["yes"] * 3 + ["no"] * 7
    assert rt.cohen_kappa(a, b) == pytest.approx(0.4)
    assert rt.cohen_kappa(a, b) == pytest.approx(cohen_kappa_score(a, b))
    assert rt.cohen_kappa(["yes"] * 4, ["yes"] * 4) is None  # one label everywhere: undefined
    with pytest.raises(ValueError, match="kappa needs"):
        rt.cohen_kappa([], [])


def test_agreement_on_the_second_judges_items(tmp_path: Path) -> None:
    run = _run(tmp_path, n=6, second=4)
    first = [
        _verdict("r0"),
        _verdict("r1", send_ready="no", edit_minutes=4),
        _verdict("r2", send_ready="no", tone="formulaic", edit_minutes=10),
        _verdict("r3"),
        _verdict("r4"),
        _verdict("r5"),
    ]
    second = [
        _verdict("r0", edit_minutes=3),  # within 2 minutes: agrees
        _verdict("r1", send_ready="no", edit_minutes=6),
        _verdict("r2", send_ready="yes", edit_minutes=2),  # send_ready, tone and minutes differ
        _verdict("r3", restatement="awkward", edit_minutes=3.5),  # minutes 2.5 apart
    ]
    _write(run / "rubric_verdicts.jsonl", first)
    _write(run / "rubric_second_verdicts.jsonl", second)
    g = rt.tally(run)["agreement"]
    assert g["n"] == 4
    assert g["agreement_pct"]["send_ready"] == 75.0
    assert g["agreement_pct"]["tone"] == 75.0
    assert g["agreement_pct"]["restatement"] == 75.0
    assert g["agreement_pct"]["greeting"] == 100.0
    assert g["agreement_pct"]["edit_minutes"] == 50.0
    a = ["yes", "no", "no", "yes"]
    b = ["yes", "no", "yes", "yes"]
    assert g["send_ready_kappa"] == pytest.approx(cohen_kappa_score(a, b), abs=1e-3)
    assert g["edit_minutes_mean_abs_diff"] == pytest.approx((2 + 2 + 8 + 2.5) / 4, abs=0.01)


def test_second_items_must_be_rubric_items(tmp_path: Path) -> None:
    run = _run(tmp_path, n=2, second=0)
    _write(run / "rubric_second.jsonl", [{"id": "r7"}])
    with pytest.raises(rt.VerdictError, match="rubric_second.jsonl holds items"):
        rt.tally(run)


def test_markdown_names_date_commit_and_the_mechanical_checks(tmp_path: Path) -> None:
    run = _run(tmp_path, n=2, second=1)
    _write(run / "rubric_verdicts.jsonl", [_verdict("r0"), _verdict("r1", send_ready="no")])
    sample = {
        "drafts": 2,
        "no_draft": [],
        "placeholder": {"drafts": 1},
        "ack_copies_9_words": {"drafts": 0},
        "ack_sentences_top": [{"sentence": "Sorry.", "drafts": 2, "share": 1.0}],
        "ack_sentences_over_10pct": 1,
    }
    mech = {
        "label": "before",
        "commit": "abc123def456",
        "dirty": False,
        "built_at": "2026-12-04T19:18:00+00:00",
        "speed": {"drafts_per_s": 7.5},
        "rubric": sample,
        "ab": sample,
    }
    (run / "mechanical.json").write_text(json.dumps(mech))
    md = rt.markdown(rt.tally(run))
    assert md.startswith("Measured 2026-12-04 on commit `abc123def456` (run `before`)")
    # a run built at a fixed arrival time says when it was made and when its mail arrives
    (run / "mechanical.json").write_text(
        json.dumps(
            {**mech, "built_at": "2026-12-02T10:20:00+00:00", "made_at": "2026-12-05T23:50:00"}
        )
    )
    fixed = rt.markdown(rt.tally(run))
    assert fixed.startswith(
        "Measured 2026-12-05 on commit `abc123def456` (run `before`, mail arriving 2026-12-02 10:20)"
    )
    assert "| send-ready (rubric, n=2) | 50.0 % |" in md
    assert "| A/B against the brands' replies | not judged yet |" in md
    assert "| drafts with a bracketed placeholder “[” | emails 50.0 % (1/2)" in md
    assert "“Sorry.” in 100.0 %" in md
    assert "| drafts/s (model load excluded) | 7.5 |" in md
