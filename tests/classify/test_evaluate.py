"""Metrics against values computed by hand, and the eval report shape."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from triage.classify.evaluate import (
    confusion,
    evaluate_rows,
    format_report,
    load_eval_rows,
    macro_f1,
    qwk,
)
from triage.domain import Scores
from triage.errors import ConfigError


def test_qwk_perfect_and_hand_computed() -> None:
    assert qwk([0, 1, 2, 3], [0, 1, 2, 3]) == pytest.approx(1.0)
    # 2 levels, gold [0,0,1,1], pred [0,1,1,1]: O = [[1,1],[0,2]], E = outer([2,2],[1,3])/4
    # = [[.5,1.5],[.5,1.5]]; weights off-diagonal 1: 1 - 1/(1.5+.5) = 0.5
    assert qwk([0, 0, 1, 1], [0, 1, 1, 1], k=2) == pytest.approx(0.5)


def test_qwk_penalises_distance_quadratically() -> None:
    near = qwk([0, 1, 2, 3, 3], [0, 1, 2, 3, 2])
    far = qwk([0, 1, 2, 3, 3], [0, 1, 2, 3, 0])
    assert near > far
    # by hand: one error (3 -> 2) of weight 1/9; expected counts from the margins
    # (gold rows [1, 1, 1, 2], predicted columns [1, 1, 2, 1]) / n
    gold, pred = [0, 1, 2, 3, 3], [0, 1, 2, 3, 2]
    rows, cols = [1, 1, 1, 2], [1, 1, 2, 1]
    we = sum(rows[i] * cols[j] / 5 * (i - j) ** 2 / 9 for i in range(4) for j in range(4))
    assert near == pytest.approx(1 - (1 / 9) / we)
    assert len(gold) == len(pred)


def test_confusion_rows_are_gold() -> None:
    assert confusion([0, 0, 3], [1, 0, 3]) == [
        [1, 1, 0, 0],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
        [0, 0, 0, 1],
    ]


def test_macro_f1_by_hand() -> None:
    # class 0: tp 1, fp 0, fn 1 -> 2/3; class 1: tp 1, fp 1, fn 0 -> 2/3
    assert macro_f1([0, 0, 1], [0, 1, 1]) == pytest.approx(2 / 3)


class _Echo:
    """Predicts the level written in the subject: the metrics are then known exactly."""

    def classify(self, items: Sequence[tuple[str, str]]) -> list[Scores]:
        out = []
        for subject, _ in items:
            u, f, n = (int(x) for x in subject.split())
            out.append(Scores(u, u / 3, f, f / 3, float(n)))
        return out


def test_evaluate_rows_shape_and_values(tmp_path: Path) -> None:
    rows = [
        {"subject": "0 0 0", "body": "a", "urgency": 0, "frustration": 0, "not_customer": False},
        {"subject": "1 3 0", "body": "b", "urgency": 2, "frustration": 3, "not_customer": False},
        {"subject": "3 1 1", "body": "c", "urgency": 3, "frustration": 0, "not_customer": True},
    ]
    path = tmp_path / "e.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", "utf-8")
    report = evaluate_rows(_Echo(), load_eval_rows(path))
    assert set(report) == {"n", "urgency", "frustration", "not_customer"}
    assert report["n"] == 3
    for label in ("urgency", "frustration", "not_customer"):
        assert {"macro_f1", "qwk", "accuracy", "within_one", "confusion"} <= set(report[label])
    assert report["urgency"]["accuracy"] == pytest.approx(2 / 3, abs=1e-4)
    assert report["urgency"]["within_one"] == pytest.approx(1.0)
    assert report["frustration"]["accuracy"] == pytest.approx(2 / 3, abs=1e-4)
    assert report["frustration"]["within_one"] == pytest.approx(1.0)
    assert report["not_customer"]["f1"] == pytest.approx(1.0)
    text = format_report(report)
    assert "urgency" in text
    assert "confusion" in text
    json.dumps(report)  # the --json output must serialise


def test_load_eval_rows_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "ok", "urgency": 1}\n{"urgency": 2}\n', "utf-8")
    with pytest.raises(ConfigError, match=r"bad.jsonl:2"):
        load_eval_rows(path)
