"""Metrics for ordinal labels and the ``triage eval`` report. Pure python + numpy.

QWK is Cohen's kappa with quadratic weights over the 4 levels; macro-F1 averages the
per-level F1 over the levels present in the gold labels or the predictions.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from triage.classify.data import Example, from_eval_row
from triage.classify.labels import LEVELS
from triage.domain import Scores
from triage.errors import ConfigError


class SupportsClassify(Protocol):
    def classify(self, items: Sequence[tuple[str, str]]) -> list[Scores]: ...


def confusion(gold: Sequence[int], pred: Sequence[int], k: int = LEVELS) -> list[list[int]]:
    """Rows = gold level, columns = predicted level."""
    m = [[0] * k for _ in range(k)]
    for g, p in zip(gold, pred, strict=True):
        m[g][p] += 1
    return m


def qwk(gold: Sequence[int], pred: Sequence[int], k: int = LEVELS) -> float:
    if not gold:
        return 0.0
    obs = np.array(confusion(gold, pred, k), dtype=np.float64)
    i, j = np.indices((k, k))
    w = (i - j) ** 2 / (k - 1) ** 2
    expected = np.outer(obs.sum(axis=1), obs.sum(axis=0)) / obs.sum()
    denom = float((w * expected).sum())
    if denom == 0.0:  # one level only on both sides: kappa is undefined, agreement is total
        return 1.0 if float((w * obs).sum()) == 0.0 else 0.0
    return 1.0 - float((w * obs).sum()) / denom


def f1_per_class(gold: Sequence[int], pred: Sequence[int], cls: int) -> float:
    tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == cls and p == cls)
    fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != cls and p == cls)
    fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == cls and p != cls)
    return 0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)


def macro_f1(gold: Sequence[int], pred: Sequence[int]) -> float:
    classes = sorted(set(gold) | set(pred))
    if not classes:
        return 0.0
    return float(np.mean([f1_per_class(gold, pred, c) for c in classes]))


def ordinal_report(gold: Sequence[int], pred: Sequence[int], k: int = LEVELS) -> dict[str, Any]:
    n = len(gold)
    return {
        "macro_f1": round(macro_f1(gold, pred), 4),
        "qwk": round(qwk(gold, pred, k), 4),
        "accuracy": round(sum(g == p for g, p in zip(gold, pred, strict=True)) / n, 4)
        if n
        else 0.0,
        "within_one": round(sum(abs(g - p) <= 1 for g, p in zip(gold, pred, strict=True)) / n, 4)
        if n
        else 0.0,
        "confusion": confusion(gold, pred, k),
    }


def binary_report(gold: Sequence[int], pred: Sequence[int]) -> dict[str, Any]:
    """Same keys as the ordinal report, plus ``f1`` of the positive class."""
    rep = ordinal_report(gold, pred, 2)
    rep["f1"] = round(f1_per_class(gold, pred, 1), 4)
    return rep


def load_eval_rows(path: Path) -> list[dict[str, Any]]:
    """JSON-Lines rows (subject+body or text; urgency, frustration, not_customer)."""
    rows: list[dict[str, Any]] = []
    try:
        lines = path.read_text("utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read: {exc.strerror}") from exc
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            raise ConfigError(f"{path}:{n}: not a JSON object: {exc}") from exc
        if not isinstance(row, dict) or not ({"text"} <= row.keys() or {"body"} <= row.keys()):
            raise ConfigError(f"{path}:{n}: needs a 'text' field or 'subject' and 'body'")
        rows.append(row)
    return rows


def evaluate_rows(classifier: SupportsClassify, rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """{n, urgency, frustration, not_customer}; each label over the rows that carry it."""
    return report_examples(classifier, [from_eval_row(dict(r), i) for i, r in enumerate(rows)])


def report_examples(classifier: SupportsClassify, examples: Sequence[Example]) -> dict[str, Any]:
    scores = classifier.classify([(e.subject, e.text) for e in examples])
    report: dict[str, Any] = {"n": len(examples)}
    for label in ("urgency", "frustration"):
        pairs = [
            (getattr(e, label), getattr(s, label))
            for e, s in zip(examples, scores, strict=True)
            if getattr(e, label) >= 0
        ]
        report[label] = ordinal_report([g for g, _ in pairs], [p for _, p in pairs])
    nc = [
        (e.not_customer, int(s.not_customer >= 0.5))
        for e, s in zip(examples, scores, strict=True)
        if e.not_customer >= 0
    ]
    report["not_customer"] = binary_report([g for g, _ in nc], [p for _, p in nc])
    return report


def format_report(report: dict[str, Any]) -> str:
    """Plain-text table for `triage eval`."""
    lines = [f"n = {report['n']}", ""]
    lines.append(f"{'label':<14}{'macro-F1':>9}{'QWK':>8}{'acc':>8}{'within-1':>10}{'F1(+)':>8}")
    for label in ("urgency", "frustration", "not_customer"):
        r = report[label]
        f1 = f"{r['f1']:.3f}" if "f1" in r else ""
        lines.append(
            f"{label:<14}{r['macro_f1']:>9.3f}{r['qwk']:>8.3f}{r['accuracy']:>8.3f}"
            f"{r['within_one']:>10.3f}{f1:>8}"
        )
    for label in ("urgency", "frustration", "not_customer"):
        m = report[label]["confusion"]
        lines += ["", f"{label} confusion (rows = gold, columns = predicted)"]
        lines.append("      " + "".join(f"{j:>6}" for j in range(len(m))))
        lines += [f"{i:>6}" + "".join(f"{v:>6}" for v in row) for i, row in enumerate(m)]
    return "\n".join(lines)
