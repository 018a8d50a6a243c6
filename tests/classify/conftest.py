from __future__ import annotations

from pathlib import Path

import pytest

from triage.classify.model import Classifier

REPO = Path(__file__).resolve().parents[2]
MODELS = REPO / "models"


@pytest.fixture(scope="session")
def classifier() -> Classifier:
    """The committed artifact through the shipped path (ONNX int8; built once, then cached)."""
    return Classifier.load(MODELS, threads=1, cache_dir=REPO / "var" / "model-cache")
