"""topic.py: the base sentence model's embedding of what an email is about, through the
shipped path (ONNX int8, built once from the package's weights and cached)."""

from __future__ import annotations

import numpy as np
import pytest

from tests.classify.conftest import REPO
from triage.classify.encoding import clip_chars, compose
from triage.classify.model import Classifier
from triage.classify.topic import MAX_LENGTH, TopicEncoder

CACHE = REPO / "var" / "model-cache"


@pytest.fixture(scope="module")
def topic() -> TopicEncoder:
    return TopicEncoder.load(CACHE, threads=1)


def test_rows_are_unit_vectors_named_by_their_space(topic: TopicEncoder) -> None:
    rows = topic.embed(["the printer is jammed", "my voicemail PIN is locked"])
    assert rows.shape == (2, 384)
    np.testing.assert_allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-4)
    assert topic.identity.startswith("all-minilm-l6-v2:")
    assert f"mean{MAX_LENGTH}" in topic.identity
    assert topic.embed([]).shape == (0, 384)


def test_the_same_problem_in_other_words_is_nearer_than_another_problem(
    topic: TopicEncoder,
) -> None:
    # what the classifier's own vector could not tell (every support email at 0.6-0.9 of every
    # entry): the base model separates topics with no word in common
    tv, band, toner = topic.embed(
        [
            "Our older TV no longer lists our wifi network since the hub was updated",
            "Older devices can only see the 2.4 GHz wireless band",
            "Please order more toner for the printer on floor 2",
        ]
    )
    assert tv @ band > 0.4
    assert tv @ band > tv @ toner + 0.2


def test_what_it_is_about_is_read_from_the_opening(topic: TopicEncoder) -> None:
    # head only: what comes after the first 128 tokens (logs, a signature, a threat) changes
    # nothing, where the classifier's head-and-tail cut would read its end
    opening = "The backup to the NAS failed again last night with a network name error."
    long = opening + " filler" * 150
    tail = " Also the printer toner on floor two has run out and the TV box shows E-301." * 20
    a, b = topic.embed([long, long + tail])
    assert a @ b == pytest.approx(1.0, abs=1e-5)


def test_the_classifier_gives_the_topic_embedding_and_names_its_space(
    classifier: Classifier,
) -> None:
    assert classifier.topic is not None
    assert classifier.embedding_model == classifier.topic.identity != classifier.model_version
    subject, text = "VPN", "My VPN password expired and I can't connect from home."
    (scores,) = classifier.classify([(subject, text)])
    assert scores.embedding_model == classifier.embedding_model == scores.space
    expected = classifier.topic.embed([clip_chars(compose(subject, text))])[0]
    np.testing.assert_allclose(np.asarray(scores.embedding), expected, atol=1e-6)
    # knowledge-base entries are embedded in the same space
    np.testing.assert_allclose(classifier.embed([text])[0], classifier.topic.embed([text])[0])


def test_without_the_topic_encoder_the_pooled_vector_stands_in() -> None:
    plain = Classifier.load(REPO / "models", threads=1, cache_dir=CACHE, topic=False)
    (scores,) = plain.classify([("VPN", "My VPN password expired.")])
    assert plain.topic is None
    assert scores.embedding_model == plain.model_version == scores.space
    np.testing.assert_allclose(
        np.asarray(scores.embedding), plain.pooled([("VPN", "My VPN password expired.")])[0]
    )
