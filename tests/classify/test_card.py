from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.classify.conftest import MODELS
from triage.classify import artifact as art
from triage.classify.card import _baseline_wins, render
from triage.classify.reading_heads import FILE as READING_FILE
from triage.classify.reading_heads import load as load_reading_heads


def test_committed_card_is_generated_from_meta() -> None:
    meta = art.load(MODELS).meta
    heads = load_reading_heads(MODELS)
    reading = heads.meta if heads is not None else None
    assert (MODELS / art.CARD_FILE).read_text("utf-8") == render(meta, reading)


def test_committed_artifact_fits_the_budget() -> None:
    total = sum(p.stat().st_size for p in MODELS.iterdir() if p.is_file())
    assert total <= 25 * 1024 * 1024
    meta = art.load(MODELS).meta
    assert not meta["quick"], "the committed artifact must come from the full recipe"
    assert {"int8", "fp32", "headline"} <= set(meta["metrics"])


def test_only_the_artifact_is_committed_under_models() -> None:
    """A model cache or a scratch run written into models/ must never ride along in a commit."""
    if shutil.which("git") is None or not (MODELS.parent / ".git").exists():
        pytest.skip("not a git checkout")
    tracked = subprocess.run(
        ["git", "ls-files", "models"], cwd=MODELS.parent, capture_output=True, text=True, check=True
    ).stdout.split()
    files = (art.WEIGHTS_FILE, art.META_FILE, art.CARD_FILE, READING_FILE)
    allowed = {f"models/{n}" for n in files}
    assert set(tracked) == allowed


def test_the_card_names_every_figure_the_baseline_wins() -> None:
    headline = {
        "int8": {"synthetic_dev.urgency_qwk": 0.9, "endava.incident_auc": 0.7},
        "baseline_tfidf": {"synthetic_dev.urgency_qwk": 0.8, "endava.incident_auc": 0.8},
    }
    line = _baseline_wins(headline)
    assert "Endava incident vs request" in line
    assert "Synthetic dev urgency" not in line
    headline["int8"]["endava.incident_auc"] = 0.85
    assert "beats the TF-IDF baseline on every figure" in _baseline_wins(headline)


def test_the_card_lists_every_candidate_and_marks_the_one_each_head_ships() -> None:
    from triage.classify.card import _candidates_table

    cv = {"all": 0.7, "synthetic": 0.72, "twcs": 0.5}
    rows = [
        {"candidate": "last", "blocks": ["mean6"], "w": 2.0, "C": 16.0, "cv": cv},
        {"candidate": "3 + 6", "blocks": ["mean3", "mean6"], "w": 1.0, "C": 4.0, "cv": cv},
    ]
    base = {"candidate": "TF-IDF baseline", "blocks": [], "w": 0.0, "C": 4.0, "cv": cv}
    reading = {
        "metrics": {
            "training_portion_cv": {
                "candidates": {"kind": rows, "scope": rows[:1]},
                "model": {"kind": rows[1], "scope": rows[0]},
                "baseline_tfidf": {"kind": base, "scope": base},
            }
        }
    }
    lines = [line for line in _candidates_table(reading) if line.startswith("| kind")]
    assert lines == [
        "| kind | last | mean6 | 2 | 16 | 0.700 | 0.720 | 0.500 |  |",
        "| kind | 3 + 6 | mean3 + mean6 | 1 | 4 | 0.700 | 0.720 | 0.500 | yes |",
        "| kind | TF-IDF baseline | - | 0 | 4 | 0.700 | 0.720 | 0.500 |  |",
    ]
    assert any(
        line.startswith("| scope | last | mean6 |") and line.endswith("| yes |")
        for line in _candidates_table(reading)
    )
    assert _candidates_table({"metrics": {}}) == []
