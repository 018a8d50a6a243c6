"""The reading heads: the numpy TF-IDF equals scikit-learn's, save/load round-trips, and a
head's probabilities are what scikit-learn's logistic regression gives."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from triage.classify.reading_heads import Head, ReadingHeads, Tfidf, load, parse_block, pool
from triage.errors import ModelError

DOCS = [
    "Any update on my ticket? Still waiting.",
    "The VPN is down for the whole Leeds office!",
    "Thanks, it works now. Great job.",
    "I clicked a link and typed my password. Is my account safe?",
    "Please reset my password, it expired.",
    "Why do we have to change passwords every 30 days? Ridiculous policy.",
    "The printer on floor 2 jams again and again.",
    "Can you give me access to the finance share?",
] * 3


def fitted() -> tuple[TfidfVectorizer, Tfidf]:
    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    vec.fit(DOCS)
    terms = tuple(str(t) for t in vec.get_feature_names_out())
    return vec, Tfidf(terms, vec.idf_.astype(np.float32))


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcdefgh VPNupdate?!'\n")), max_size=80))
def test_numpy_tfidf_equals_scikit_learn(text: str) -> None:
    vec, ours = fitted()
    want = vec.transform([text]).toarray()[0]
    idx, values = ours.transform(text)
    got = np.zeros_like(want)
    got[idx] = values
    np.testing.assert_allclose(got, want, atol=1e-6)


def test_real_sentences_match_too() -> None:
    vec, ours = fitted()
    for text in ["Any update on the VPN? The whole office is down.", "thanks thanks, works now"]:
        idx, values = ours.transform(text)
        got = np.zeros(len(ours.terms))
        got[idx] = values
        np.testing.assert_allclose(got, vec.transform([text]).toarray()[0], atol=1e-6)


def _heads() -> tuple[ReadingHeads, LogisticRegression, TfidfVectorizer, np.ndarray]:
    vec, ours = fitted()
    rng = np.random.default_rng(0)
    emb = rng.normal(size=(len(DOCS), 384)).astype(np.float32)
    kinds = [
        "chase",
        "outage",
        "feedback",
        "security",
        "request",
        "policy_complaint",
        "fault",
        "request",
    ] * 3
    x = hstack([vec.transform(DOCS), csr_matrix(emb * 2.0)]).tocsr()
    lr = LogisticRegression(C=4.0, max_iter=3000).fit(x, kinds)
    coef = lr.coef_.T.astype(np.float32)
    n = len(ours.terms)
    kind = Head(tuple(lr.classes_), coef[:n], coef[n:] * 2.0, lr.intercept_.astype(np.float32))
    sec_lr = LogisticRegression(max_iter=3000).fit(x, [k == "security" for k in kinds])
    sc = sec_lr.coef_.T.astype(np.float32)
    security = Head(("False", "True"), sc[:n], sc[n:] * 2.0, sec_lr.intercept_.astype(np.float32))
    scope = Head(("na", "one"), sc[:n], sc[n:] * 2.0, sec_lr.intercept_.astype(np.float32))
    return ReadingHeads(ours, kind, scope, security, {"note": "test"}), lr, vec, emb


def test_head_probabilities_are_scikit_learns() -> None:
    heads, lr, vec, emb = _heads()
    x = hstack([vec.transform(DOCS), csr_matrix(emb * 2.0)]).tocsr()
    want = lr.predict_proba(x)
    for i, doc in enumerate(DOCS):
        idx, values = heads.tfidf.transform(doc)
        got = heads.kind.probabilities(idx, values, emb[i])
        np.testing.assert_allclose(got, want[i], atol=1e-4)


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    heads, _, _, emb = _heads()
    heads.save(tmp_path)
    loaded = load(tmp_path)
    assert loaded is not None
    assert loaded.meta == {"note": "test"}
    assert loaded.kind.blocks == loaded.scope.blocks == ("mean6",)
    assert loaded.predict(DOCS, {"mean6": emb}) == heads.predict(DOCS, {"mean6": emb})


def test_no_file_means_no_heads_and_a_broken_file_says_how_to_restore(tmp_path: Path) -> None:
    from triage.errors import ModelError

    assert load(tmp_path) is None
    (tmp_path / "reading_heads.safetensors").write_bytes(b"not a safetensors file")
    with pytest.raises(ModelError, match="git checkout models/"):
        load(tmp_path)


def test_blocks_pool_one_layers_states_and_are_unit_length() -> None:
    rng = np.random.default_rng(1)
    states = {6: rng.normal(size=(7, 384)).astype(np.float32), 3: rng.normal(size=(7, 384))}
    mean, most, cls = pool("mean6", states), pool("max6", states), pool("cls3", states)
    for v in (mean, most, cls):
        assert np.linalg.norm(v) == pytest.approx(1.0, abs=1e-5)
    np.testing.assert_allclose(
        mean * np.linalg.norm(states[6].mean(0)), states[6].mean(0), rtol=1e-5
    )
    np.testing.assert_allclose(most * np.linalg.norm(states[6].max(0)), states[6].max(0), rtol=1e-5)
    np.testing.assert_allclose(cls * np.linalg.norm(states[3][0]), states[3][0], rtol=1e-5)
    assert parse_block("mean3") == ("mean", 3)
    for bad in ("mean", "mean7", "sum6", "6"):
        with pytest.raises(ModelError, match="feature block"):
            parse_block(bad)


def test_a_head_over_two_blocks_is_scikit_learns_over_them_side_by_side(tmp_path: Path) -> None:
    vec, ours = fitted()
    rng = np.random.default_rng(2)
    b3 = rng.normal(size=(len(DOCS), 384)).astype(np.float32)
    b6 = rng.normal(size=(len(DOCS), 384)).astype(np.float32)
    kinds = ["chase", "outage", "feedback", "security"] * (len(DOCS) // 4)
    x = hstack([vec.transform(DOCS), csr_matrix(np.hstack([b3, b6]) * 1.5)]).tocsr()
    lr = LogisticRegression(C=4.0, max_iter=3000).fit(x, kinds)
    coef, n = lr.coef_.T.astype(np.float32), len(ours.terms)
    two = Head(
        tuple(lr.classes_),
        coef[:n],
        coef[n:] * 1.5,
        lr.intercept_.astype(np.float32),
        ("mean3", "mean6"),
    )
    sec_lr = LogisticRegression(max_iter=3000).fit(
        hstack([vec.transform(DOCS), csr_matrix(b6)]).tocsr(), [k == "security" for k in kinds]
    )
    sc = sec_lr.coef_.T.astype(np.float32)
    one = Head(("False", "True"), sc[:n], sc[n:], sec_lr.intercept_.astype(np.float32))
    heads = ReadingHeads(ours, two, Head(("na", "one"), sc[:n], sc[n:], one.bias), one, {})
    assert heads.blocks == ("mean3", "mean6")
    assert heads.layers == (3, 6)
    blocks = {"mean3": b3, "mean6": b6}
    want = lr.predict_proba(x)
    for i, doc in enumerate(DOCS):
        idx, values = ours.transform(doc)
        np.testing.assert_allclose(
            two.probabilities(idx, values, two.dense(blocks, i)), want[i], atol=1e-4
        )
    guesses = heads.predict(DOCS, blocks)
    assert [g.kind for g in guesses] == list(lr.predict(x))
    heads.save(tmp_path)
    loaded = load(tmp_path)
    assert loaded is not None
    assert loaded.kind.blocks == ("mean3", "mean6")
    assert loaded.security.blocks == ("mean6",)
    assert loaded.predict(DOCS, blocks) == guesses
