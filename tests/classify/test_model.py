"""The committed artifact, loaded offline through the shipped path, on clear examples."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from tests.classify.conftest import MODELS, REPO
from triage.classify import artifact as art
from triage.classify.model import Classifier
from triage.classify.reading_heads import FILE as READING_FILE
from triage.classify.reading_heads import ReadingHeads
from triage.errors import ModelError

FURIOUS = (
    "THIRD TIME ASKING - FIX IT",
    "THIS IS ABSOLUTELY RIDICULOUS!!! I have written three times and NOBODY answers. "
    "Your service is a joke and I want to speak to your manager NOW or we are cancelling.",
)
POLITE_OUTAGE = (
    "Whole office offline",
    "Hi team, sorry to bother you - nobody in the office can reach the internet, email or the "
    "finance system since about 9:10. Payroll has to go out by 2pm today. Thanks so much!",
)
CALM_HOWTO = (
    "quick question",
    "Hi, when you get a chance, could you tell me how to add a signature in Outlook? "
    "No rush at all. Thanks!",
)
AUTO_REPLY = (
    "Automatic reply: Out of office",
    "I am out of the office until Monday 14 April with no access to email. "
    "For urgent matters please contact reception. This is an automated message.",
)


def test_clear_examples_get_sane_scores(classifier: Classifier) -> None:
    furious, outage, calm, auto = classifier.classify(
        [FURIOUS, POLITE_OUTAGE, CALM_HOWTO, AUTO_REPLY]
    )
    assert furious.frustration >= 2
    assert outage.urgency >= 2
    assert outage.frustration <= 1
    assert calm.urgency <= 1
    assert calm.frustration == 0
    assert furious.frustration_score > calm.frustration_score
    assert outage.urgency_score > calm.urgency_score
    assert auto.not_customer > 0.5 > furious.not_customer


def test_scores_are_well_formed(classifier: Classifier) -> None:
    (s,) = classifier.classify([FURIOUS])
    assert 0.0 <= s.urgency_score <= 1.0
    assert 0.0 <= s.frustration_score <= 1.0
    assert 0.0 <= s.not_customer <= 1.0
    assert s.model_version == classifier.model_version != ""
    emb = np.array(s.embedding)
    assert emb.shape == (384,)
    assert np.linalg.norm(emb) == pytest.approx(1.0, abs=1e-4)
    phrases = " ".join(e.phrase.lower() for e in s.evidence if e.label == "frustration")
    assert phrases, "an angry email must come with frustration evidence"
    assert all(e.weight > 0 for e in s.evidence)


def test_embed_matches_classify_embedding_space(classifier: Classifier) -> None:
    kb = classifier.embed(["reset your VPN password", "replace the printer toner"])
    assert kb.shape == (2, 384)
    np.testing.assert_allclose(np.linalg.norm(kb, axis=1), 1.0, atol=1e-4)
    q = classifier.embed(["my vpn password expired"])[0]
    assert q @ kb[0] > q @ kb[1]
    assert classifier.classify([]) == []


def test_batched_path_matches_one_by_one(classifier: Classifier) -> None:
    items = [FURIOUS, POLITE_OUTAGE, CALM_HOWTO, AUTO_REPLY]
    one = classifier.classify(items)
    classifier.batch_size = 3
    try:
        many = classifier.classify(items)
    finally:
        classifier.batch_size = 1
    for a, b in zip(one, many, strict=True):
        assert (a.urgency, a.frustration) == (b.urgency, b.frustration)
        # dynamic int8 picks one activation scale per batch, so scores move a little
        assert a.frustration_score == pytest.approx(b.frustration_score, abs=0.01)


def test_copied_artifact_round_trips(classifier: Classifier, tmp_path: Path) -> None:
    loaded = art.load(MODELS)
    art.save(art.Artifact(loaded.tensors, loaded.meta), tmp_path)
    shutil.copy(MODELS / READING_FILE, tmp_path)  # the reading heads ride beside the artifact
    assert art.load(tmp_path).meta["model_version"] == classifier.model_version
    again = Classifier.load(tmp_path, threads=1, cache_dir=REPO / "var" / "model-cache")
    a, b = classifier.classify([POLITE_OUTAGE]), again.classify([POLITE_OUTAGE])
    assert a == b


def test_missing_artifact_is_a_model_error(tmp_path: Path) -> None:
    shutil.copytree(MODELS, tmp_path / "models")
    (tmp_path / "models" / "meta.json").unlink()
    with pytest.raises(ModelError, match="meta.json missing"):
        Classifier.load(tmp_path / "models")


def test_escape_sequences_change_neither_scores_nor_evidence(classifier: Classifier) -> None:
    # An OSC 52 payload (clipboard write) once stayed in the text without its ESC and came out
    # as the top evidence phrase; the model must see the text a terminal would show.
    subject, text = FURIOUS
    hostile = (
        subject + "\x1b]52;c;ZWNobyBoYWNrZWQ=\x07",
        text.replace("three times", "three \x1b]52;c;ZWNobyBoYWNrZWQ=\x1b\\times")
        .replace("NOBODY", "\x9b1mNOBODY\x9b0m")
        .replace("manager", "\x1bP1$r0m\x1b\\manager"),
    )
    plain, dirty = classifier.classify([FURIOUS, hostile])
    assert (dirty.urgency, dirty.frustration) == (plain.urgency, plain.frustration)
    assert dirty.frustration_score == pytest.approx(plain.frustration_score, abs=1e-6)
    assert dirty.urgency_score == pytest.approx(plain.urgency_score, abs=1e-6)
    assert [e.phrase for e in dirty.evidence] == [e.phrase for e in plain.evidence]
    assert not any("52;" in e.phrase or "ZWNo" in e.phrase for e in dirty.evidence)


def test_extra_layer_outputs_leave_the_last_layer_bit_identical(
    classifier: Classifier, tmp_path: Path
) -> None:
    """The graph also outputs export.EXTRA_LAYERS for the reading heads; urgency, frustration
    and not-customer must read exactly what they read from a graph without them."""
    from triage.classify.export import EXTRA_LAYERS
    from triage.classify.reading_train import ALL_LAYERS

    bare = tmp_path / "models"  # the artifact without the reading heads, which need the layers
    bare.mkdir()
    for name in (art.WEIGHTS_FILE, art.META_FILE):
        shutil.copy(MODELS / name, bare)
    plain = Classifier.load(bare, threads=1, cache_dir=tmp_path / "cache", layers=())
    assert plain.reading is None
    items = [FURIOUS, POLITE_OUTAGE, CALM_HOWTO, AUTO_REPLY]
    ours, theirs = list(classifier.layer_states(items)), list(plain.layer_states(items))
    for a, b in zip(ours, theirs, strict=True):
        assert set(a) == {6, *EXTRA_LAYERS}
        assert set(b) == {6}
        assert np.array_equal(a[6], b[6])
        for k in EXTRA_LAYERS:
            assert a[k].shape == a[6].shape
            assert not np.array_equal(a[k], a[6])
    # training reads its candidate blocks from a graph with every layer: the same numbers
    full = Classifier.load(
        MODELS, threads=1, cache_dir=REPO / "var" / "model-cache", layers=ALL_LAYERS
    )
    for a, c in zip(ours, full.layer_states(items), strict=True):
        assert set(c) == {*ALL_LAYERS, 6}
        for k in a:
            assert np.array_equal(a[k], c[k])
    x, y = classifier.head_outputs(items), plain.head_outputs(items)
    assert np.array_equal(x.urgency_expected, y.urgency_expected)
    assert np.array_equal(x.frustration_expected, y.frustration_expected)
    assert np.array_equal(x.not_customer, y.not_customer)
    # and a graph without the layers the reading heads pool is refused, saying what to do
    assert classifier.reading is not None
    with pytest.raises(ModelError, match="EXTRA_LAYERS"):
        Classifier(
            plain.artifact,
            plain._session,  # noqa: SLF001
            plain._encoder,  # noqa: SLF001
            backend="int8",
            reading=_needing_layer(classifier.reading, 4),
        )


def _needing_layer(heads: ReadingHeads, layer: int) -> ReadingHeads:
    from dataclasses import replace

    return replace(heads, kind=replace(heads.kind, blocks=(f"mean{layer}",)))
