"""Train and evaluate the kind / scope / security heads on the reading labels.

The encoder stays as shipped: its pooled embedding of each item is computed once through the
shipped (int8) inference path, and logistic regressions are fitted on it together with TF-IDF
n-grams (scikit-learn, training time only). The held-back test portion (dev groups) is scored
once at the end and never used to choose anything: the regularisation strength and the weight
of the embedding block are picked by cross-validation on the training portion, grouped by
sender / conversation. A TF-IDF + logistic regression baseline (the same n-grams alone) is
fitted on the same split, chosen the same way and scored on the same items.

    python -m triage.classify.reading_train [--model models] [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from triage.classify import data as ds
from triage.classify.reading_heads import Head, ReadingHeads, Tfidf
from triage.classify.recipe import REPO_ROOT
from triage.domain import READING_KINDS, READING_SCOPES
from triage.reading.labelled import CONSENSUS_DIR, load
from triage.reading.labelled import LabelledItem as ReadingExample

KINDS, SCOPES = READING_KINDS, READING_SCOPES

C_GRID = (4.0, 16.0)
EMB_WEIGHTS = (1.0, 2.0)  # how much the embedding block counts against the n-grams


def _cv_f1(x: Any, labels: Any, groups: Sequence[str], c: float, seed: int) -> float:
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score
    from sklearn.model_selection import GroupKFold

    preds = np.empty_like(labels)
    for tr, va in GroupKFold(n_splits=5).split(x, labels, groups):
        m = LogisticRegression(C=c, max_iter=3000, class_weight="balanced", random_state=seed)
        preds[va] = m.fit(x[tr], labels[tr]).predict(x[va])
    return float(f1_score(labels, preds, average="macro"))


def _fit(
    text_x: Any, emb: Any, y: Sequence[Any], groups: Sequence[str], seed: int, *, use_emb: bool
) -> tuple[Any, float, float, float]:
    """(model, C, embedding weight, CV macro-F1): the grid point with the best grouped 5-fold
    CV macro-F1 on the TRAINING portion, refitted on all of it."""
    from scipy.sparse import csr_matrix, hstack
    from sklearn.linear_model import LogisticRegression

    labels = np.asarray(y)
    best: tuple[float, float, float] = (-1.0, C_GRID[0], 0.0)
    for w in EMB_WEIGHTS if use_emb else (0.0,):
        x = hstack([text_x, csr_matrix(emb * w)]).tocsr() if use_emb else text_x
        for c in C_GRID:
            score = _cv_f1(x, labels, groups, c, seed)
            if score > best[0]:
                best = (score, c, w)
    score, c, w = best
    x = hstack([text_x, csr_matrix(emb * w)]).tocsr() if use_emb else text_x
    model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced", random_state=seed)
    return model.fit(x, labels), c, w, score


def _head(model: Any, w: float, vocab_size: int) -> Head:
    coef = model.coef_.T.astype(np.float32)  # (features, k), or (features, 1) for a binary head
    return Head(
        tuple(str(label) for label in model.classes_),
        coef[:vocab_size],
        coef[vocab_size:] * w,
        model.intercept_.astype(np.float32),
    )


def _macro_f1(gold: Sequence[Any], pred: Sequence[Any]) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(list(gold), list(pred), average="macro")) if gold else float("nan")


def _report(
    rows: list[ReadingExample], kinds: Sequence[str], scopes: Sequence[str], sec: Sequence[bool]
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for source in ("synthetic", "twcs"):
        idx = [i for i, r in enumerate(rows) if r.set == source]
        cust = [i for i in idx if rows[i].kind != "not_customer"]
        out[source] = {
            "n": len(idx),
            "kind_macro_f1": round(
                _macro_f1([rows[i].kind for i in cust], [kinds[i] for i in cust]), 3
            ),
            "kind_accuracy": round(float(np.mean([rows[i].kind == kinds[i] for i in cust])), 3),
            "scope_macro_f1": round(
                _macro_f1([rows[i].scope for i in idx], [scopes[i] for i in idx]), 3
            ),
            "security_macro_f1": round(
                _macro_f1([rows[i].security for i in idx], [sec[i] for i in idx]), 3
            ),
        }
    return out


def _pooled(clf: Any, train: list[ReadingExample], test: list[ReadingExample]) -> tuple[Any, Any]:
    """The pooled embeddings of both portions, cached per model version under var/ (the
    encoder pass over ~1,900 texts is most of a run's time)."""
    ids = "".join(r.id for r in train) + "|" + "".join(r.id for r in test)
    key = hashlib.sha256(f"{clf.model_version}:{ids}".encode()).hexdigest()[:16]
    cache = REPO_ROOT / "var" / f"reading-pooled-{key}.npz"
    if cache.exists():
        with np.load(cache) as saved:
            return saved["train"], saved["test"]
    emb_tr = clf.pooled([(r.subject, r.text) for r in train])
    emb_te = clf.pooled([(r.subject, r.text) for r in test])
    cache.parent.mkdir(parents=True, exist_ok=True)
    np.savez(cache, train=emb_tr, test=emb_te)
    return emb_tr, emb_te


def train_and_evaluate(model_dir: Path, data_root: Path, seed: int = 0) -> dict[str, Any]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    from triage.classify.encoding import compose
    from triage.classify.model import Classifier

    rows = load(data_root, REPO_ROOT / CONSENSUS_DIR, REPO_ROOT / ds.SYNTHETIC_DIR)
    train = [r for r in rows if not r.test]
    test = [r for r in rows if r.test]
    clf = Classifier.load(model_dir, cache_dir=REPO_ROOT / "var" / "model-cache")
    emb_tr, emb_te = _pooled(clf, train, test)
    text_tr = [compose(r.subject, r.text) for r in train]
    text_te = [compose(r.subject, r.text) for r in test]
    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    t_tr = vec.fit_transform(text_tr)
    t_te = vec.transform(text_te)
    groups = [r.group for r in train]
    cust = [i for i, r in enumerate(train) if r.kind != "not_customer"]
    targets: dict[str, tuple[list[int], list[Any]]] = {
        "kind": (cust, [train[i].kind for i in cust]),
        "scope": (list(range(len(train))), [r.scope for r in train]),
        "security": (list(range(len(train))), [r.security for r in train]),
    }
    heads: dict[str, Head] = {}
    chosen: dict[str, Any] = {}
    baseline: dict[str, Any] = {}
    for name, (idx, y) in targets.items():
        g = [groups[i] for i in idx]
        model, c, w, cv = _fit(t_tr[idx], emb_tr[idx], y, g, seed, use_emb=True)
        heads[name] = _head(model, w, len(vec.vocabulary_))
        chosen[name] = {"C": c, "embedding_weight": w, "cv_macro_f1": round(cv, 3)}
        b_model, b_c, _, b_cv = _fit(t_tr[idx], None, y, g, seed, use_emb=False)
        baseline[name] = (b_model, {"C": b_c, "cv_macro_f1": round(b_cv, 3)})
    terms = tuple(str(t) for t in vec.get_feature_names_out())
    tfidf = Tfidf(terms, vec.idf_.astype(np.float32))
    reading = ReadingHeads(tfidf, heads["kind"], heads["scope"], heads["security"], {})
    assert set(reading.kind.labels) == set(KINDS)
    assert set(reading.scope.labels) == set(SCOPES)
    # the held-back test portion, scored once, after every choice above was made
    guesses = reading.predict(text_te, emb_te)
    model_fig = _report(
        test,
        [g.kind for g in guesses],
        [g.scope for g in guesses],
        [g.security_p >= 0.5 for g in guesses],
    )
    base_fig = _report(
        test,
        [str(x) for x in baseline["kind"][0].predict(t_te)],
        [str(x) for x in baseline["scope"][0].predict(t_te)],
        [bool(x) for x in baseline["security"][0].predict(t_te)],
    )
    metrics = {
        "test_portion": {"model": model_fig, "baseline_tfidf": base_fig},
        "training_portion_cv": {
            "model": chosen,
            "baseline_tfidf": {k: v[1] for k, v in baseline.items()},
        },
        "n": {"train": len(train), "test": len(test)},
    }
    meta = {
        "model_version": clf.model_version,
        "trained_on": f"{len(train)} items of data/reading/consensus (training portion)",
        "metrics": metrics,
    }
    ReadingHeads(tfidf, reading.kind, reading.scope, reading.security, meta).save(model_dir)
    from triage.classify.card import write_card

    write_card(model_dir)
    return metrics


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--model", type=Path, default=REPO_ROOT / "models")
    ap.add_argument("--data", type=Path, default=REPO_ROOT.parent / "shared" / "data")
    args = ap.parse_args()
    print(json.dumps(train_and_evaluate(args.model, args.data), indent=2))


if __name__ == "__main__":
    main()
