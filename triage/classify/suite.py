"""Every evaluation set, scored the same way for the model (both backends) and the baseline.

The figures land in meta.json -> model card. Sets and what is measured:
- synthetic_dev, twcs_dev: the full ``triage eval`` report (held out by sender/conversation).
- goemotions_dev: "upset" F1 (gold: any of anger, annoyance, disappointment, disapproval,
  disgust; predicted: frustration >= 1), plus QWK against our mapped levels, and how well the
  frustration score ranks upset comments: ROC-AUC and the best F1 over every cut of the score
  (that cut is chosen on dev itself, so it is a ceiling for any decoding rule, not a result).
- complaints: complaint F1 (predicted frustration >= 1) and ROC-AUC of the frustration score,
  brand domains only.
- endava: ROC-AUC of the urgency score for incident vs service request, and Spearman rho of
  the urgency score against the operators' urgency among incidents.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import numpy as np

from triage.classify import data as ds
from triage.classify.evaluate import (
    SupportsClassify,
    binary_report,
    f1_per_class,
    ordinal_report,
    report_examples,
)
from triage.domain import Scores

QUICK_N = 24


def roc_auc(gold: list[int], score: list[float]) -> float:
    """Mann-Whitney AUC with average ranks for ties."""
    g = np.asarray(gold)
    ranks = _ranks(np.asarray(score, dtype=np.float64))
    n_pos, n_neg = int(g.sum()), int(len(g) - g.sum())
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    return float((ranks[g == 1].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def best_f1(gold: list[int], score: list[float]) -> float:
    """Highest F1 of "score >= cut" over every cut: what the ranking allows, whatever the rule."""
    x = np.asarray(score, dtype=np.float64)
    order = np.argsort(-x, kind="mergesort")
    g, s = np.asarray(gold)[order], x[order]
    n_pos = int(g.sum())
    if n_pos == 0:
        return float("nan")
    tp = np.cumsum(g)
    # a cut can only fall between distinct scores: tied rows are all in or all out
    ends = np.flatnonzero(np.append(s[1:] != s[:-1], True))
    return float((2 * tp[ends] / (ends + 1 + n_pos)).max())


def spearman(a: list[float], b: list[float]) -> float:
    ra, rb = _ranks(np.asarray(a, float)), _ranks(np.asarray(b, float))
    if ra.std() == 0 or rb.std() == 0:
        return float("nan")
    return float(np.corrcoef(ra, rb)[0, 1])


def _ranks(x: np.ndarray) -> np.ndarray:
    order = np.argsort(x, kind="mergesort")
    ranks = np.empty(len(x), dtype=np.float64)
    sx = x[order]
    i = 0
    while i < len(x):
        j = i
        while j + 1 < len(x) and sx[j + 1] == sx[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2.0 + 1.0
        i = j + 1
    return ranks


def eval_sets(
    data_dir: Path, repo_root: Path, *, quick: bool, seed: int
) -> dict[str, list[ds.Example]]:
    _, syn_dev = ds.synthetic(repo_root / ds.SYNTHETIC_DIR)
    _, tw_dev = ds.twcs_silver(data_dir)
    sets = {
        "synthetic_dev": syn_dev,
        "twcs_dev": tw_dev,
        "goemotions_dev": ds.goemotions(data_dir, "dev"),
        "complaints": ds.complaints(data_dir),
        "endava": ds.endava(data_dir),
    }
    if quick:
        rng = random.Random(seed)
        sets = {k: rng.sample(v, min(QUICK_N, len(v))) for k, v in sets.items()}
    return sets


def _score(clf: SupportsClassify, rows: list[ds.Example]) -> list[Scores]:
    return clf.classify([(e.subject, e.text) for e in rows])


def evaluate_set(clf: SupportsClassify, name: str, rows: list[ds.Example]) -> dict[str, Any]:
    if name in ("synthetic_dev", "twcs_dev"):
        return report_examples(clf, rows)
    scores = _score(clf, rows)
    if name == "goemotions_dev":
        gold = [e.frustration for e in rows]
        pred = [s.frustration for s in scores]
        upset_g = [int(g > 0) for g in gold]
        upset_p = [int(p > 0) for p in pred]
        upset_score = [s.frustration_score for s in scores]
        return {
            "n": len(rows),
            "upset_f1": round(f1_per_class(upset_g, upset_p, 1), 4),
            "upset": binary_report(upset_g, upset_p),
            "upset_auc": round(roc_auc(upset_g, upset_score), 4),
            "upset_best_f1": round(best_f1(upset_g, upset_score), 4),
            "frustration_mapped": ordinal_report(gold, pred),
        }
    if name == "complaints":
        gold = [e.frustration for e in rows]
        return {
            "n": len(rows),
            "complaint_f1": round(
                f1_per_class(gold, [int(s.frustration > 0) for s in scores], 1), 4
            ),
            "complaint_auc": round(roc_auc(gold, [s.frustration_score for s in scores]), 4),
        }
    if name == "endava":
        incident = [e.not_customer for e in rows]
        inc = [
            (e.urgency, s.urgency_score)
            for e, s in zip(rows, scores, strict=True)
            if e.urgency >= 0
        ]
        return {
            "n": len(rows),
            "n_incidents": len(inc),
            "incident_auc": round(roc_auc(incident, [s.urgency_score for s in scores]), 4),
            "incident_urgency_spearman": round(
                spearman([float(g) for g, _ in inc], [p for _, p in inc]), 4
            ),
        }
    raise ValueError(f"unknown evaluation set {name!r}")


def evaluate_all(clf: SupportsClassify, sets: dict[str, list[ds.Example]]) -> dict[str, Any]:
    return {name: evaluate_set(clf, name, rows) for name, rows in sets.items()}


def headline(results: dict[str, Any]) -> dict[str, float]:
    """The target figures from the issue, flat, for the card and the comparisons."""
    out: dict[str, float] = {}
    for s in ("synthetic_dev", "twcs_dev"):
        if s in results:
            out[f"{s}.urgency_qwk"] = results[s]["urgency"]["qwk"]
            out[f"{s}.frustration_qwk"] = results[s]["frustration"]["qwk"]
            out[f"{s}.not_customer_f1"] = results[s]["not_customer"]["f1"]
    if "goemotions_dev" in results:
        for key in ("upset_f1", "upset_auc", "upset_best_f1"):
            out[f"goemotions_dev.{key}"] = results["goemotions_dev"][key]
    if "complaints" in results:
        out["complaints.complaint_f1"] = results["complaints"]["complaint_f1"]
        out["complaints.complaint_auc"] = results["complaints"]["complaint_auc"]
    if "endava" in results:
        out["endava.incident_auc"] = results["endava"]["incident_auc"]
        out["endava.incident_urgency_spearman"] = results["endava"]["incident_urgency_spearman"]
    return out


def evaluate_artifact(model_dir: Path, data_dir: Path, *, quick: bool, seed: int) -> dict[str, Any]:
    """Shipped path (int8), fp32 reference, and the TF-IDF baseline on the same sets."""
    from triage.classify.model import Classifier
    from triage.classify.recipe import REPO_ROOT

    sets = eval_sets(data_dir, REPO_ROOT, quick=quick, seed=seed)
    cache = model_dir.parent / "model-cache" if quick else None
    metrics: dict[str, Any] = {}
    for backend in ("int8", "fp32"):
        clf = Classifier.load(model_dir, cache_dir=cache, backend=backend, topic=False)
        metrics[backend] = evaluate_all(clf, sets)
    if not quick:
        from triage.classify.baseline import TfidfBaseline

        base = TfidfBaseline.fit_default(data_dir, seed=seed)
        metrics["baseline_tfidf"] = evaluate_all(base, sets)
    metrics["headline"] = {k: headline(v) for k, v in metrics.items()}
    metrics["n"] = {k: len(v) for k, v in sets.items()}
    return metrics
