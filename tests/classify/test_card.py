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
