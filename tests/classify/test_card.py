from __future__ import annotations

from tests.classify.conftest import MODELS
from triage.classify import artifact as art
from triage.classify.card import render


def test_committed_card_is_generated_from_meta() -> None:
    meta = art.load(MODELS).meta
    assert (MODELS / art.CARD_FILE).read_text("utf-8") == render(meta)


def test_committed_artifact_fits_the_budget() -> None:
    total = sum(p.stat().st_size for p in MODELS.iterdir() if p.is_file())
    assert total <= 25 * 1024 * 1024
    meta = art.load(MODELS).meta
    assert not meta["quick"], "the committed artifact must come from the full recipe"
    assert {"int8", "fp32", "headline"} <= set(meta["metrics"])
