"""Train and evaluate the kind / scope / security heads on the reading labels.

The encoder stays as shipped: each item's token states are computed once through the
shipped (int8) inference path, from a graph that outputs every layer (its last layer is
bit-identical to the shipped graph's), and pooled into the candidate blocks of CANDIDATES.
Logistic regressions are fitted on a block set together with TF-IDF n-grams (scikit-learn,
training time only). The held-back test portion (dev groups) is scored once at the end and
never used to choose anything: per head, the block set, the regularisation strength and the
weight of the pooled blocks are picked by grouped 5-fold cross-validation on the training
portion (by sender / conversation; the vectoriser is fitted inside each fold), and every
candidate's CV figure is kept in the heads' meta for the model card. A TF-IDF + logistic
regression baseline (the same n-grams alone) is fitted on the same split, chosen the same way
and scored on the same items.

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
from triage.reading.labelled import CONSENSUS_DIR, batches, load
from triage.reading.labelled import LabelledItem as ReadingExample

KINDS, SCOPES = READING_KINDS, READING_SCOPES

C_GRID = (4.0, 16.0)
EMB_WEIGHTS = (1.0, 2.0)  # how much the pooled blocks count against the n-grams
# Which pooled layers of the same encoder pass the heads read (reading_heads.pool): each
# head takes the candidate with the best grouped-CV macro-F1 on the training portion. Layers
# 1-2 are the base sentence model's own (untuned), 3-6 were tuned for urgency and frustration.
CANDIDATES: dict[str, tuple[str, ...]] = {
    "last layer, mean (shipped before)": ("mean6",),
    "last layer, mean + max": ("mean6", "max6"),
    "layers 2 + 6, mean": ("mean2", "mean6"),
    "layers 3 + 6, mean": ("mean3", "mean6"),
    "layer 3, mean": ("mean3",),
}
ALL_LAYERS = (1, 2, 3, 4, 5)  # the graph training reads every candidate from
N_FOLDS = 5


def _vectorizer() -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)


def _features(text_x: Any, dense: Any | None, w: float) -> Any:
    from scipy.sparse import csr_matrix, hstack

    return text_x if dense is None else hstack([text_x, csr_matrix(dense * w)]).tocsr()


def _lr(c: float, seed: int) -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=3000, class_weight="balanced", random_state=seed)


def _folds(texts: Sequence[str], groups: Sequence[str]) -> list[tuple[Any, Any, Any, Any]]:
    """(train rows, held-out rows, their TF-IDF) per grouped fold; the vectoriser is fitted
    on each fold's training rows only."""
    from sklearn.model_selection import GroupKFold

    out = []
    for tr, va in GroupKFold(n_splits=N_FOLDS).split(texts, None, groups):
        vec = _vectorizer()
        x_tr = vec.fit_transform([texts[i] for i in tr])
        out.append((tr, va, x_tr, vec.transform([texts[i] for i in va])))
    return out


def cv_macro_f1(
    folds: list[tuple[Any, Any, Any, Any]],
    labels: Any,
    keep: Any,
    dense: Any | None,
    w: float,
    c: float,
    seed: int,
    sets: Any,
) -> dict[str, float]:
    """Grouped-CV macro-F1 over the rows in ``keep`` (all, and per set): each fold's model is
    fitted on its kept training rows and predicts its held-out ones."""
    from sklearn.metrics import f1_score

    preds = np.empty(len(labels), dtype=object)
    for tr, va, x_tr, x_va in folds:
        k = keep[tr]
        d_tr = None if dense is None else dense[tr]
        d_va = None if dense is None else dense[va]
        model = _lr(c, seed).fit(_features(x_tr, d_tr, w)[k], labels[tr][k])
        preds[va] = model.predict(_features(x_va, d_va, w))
    out = {}
    for name, rows in (("all", keep), *((s, keep & (sets == s)) for s in ("synthetic", "twcs"))):
        gold, pred = [str(x) for x in labels[rows]], [str(x) for x in preds[rows]]
        out[name] = round(float(f1_score(gold, pred, average="macro")), 3) if gold else 0.0
    return out


def choose(
    folds: list[tuple[Any, Any, Any, Any]],
    labels: Any,
    keep: Any,
    blocks: dict[str, Any],
    seed: int,
    sets: Any,
    candidates: dict[str, tuple[str, ...]] | None = None,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """(the best, every scored point): each candidate's best (embedding weight, C) by overall
    CV macro-F1, then the best candidate; ``None`` blocks is the n-grams alone (baseline)."""
    table: list[dict[str, Any]] = []
    for name, names in (candidates if candidates is not None else CANDIDATES).items():
        dense = np.hstack([blocks[b] for b in names]) if names else None
        best: dict[str, Any] | None = None
        for w in EMB_WEIGHTS if names else (0.0,):
            for c in C_GRID:
                cv = cv_macro_f1(folds, labels, keep, dense, w, c, seed, sets)
                if best is None or cv["all"] > best["cv"]["all"]:
                    best = {"candidate": name, "blocks": list(names), "w": w, "C": c, "cv": cv}
        assert best is not None
        table.append(best)
    return max(table, key=lambda row: row["cv"]["all"]), table


def _head(model: Any, w: float, vocab_size: int, blocks: Sequence[str]) -> Head:
    coef = model.coef_.T.astype(np.float32)  # (features, k), or (features, 1) for a binary head
    return Head(
        tuple(str(label) for label in model.classes_),
        coef[:vocab_size],
        coef[vocab_size:] * w,
        model.intercept_.astype(np.float32),
        tuple(blocks),
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


def _blocks(clf: Any, rows: list[ReadingExample], names: Sequence[str]) -> dict[str, Any]:
    """{block: (n, 384)} for ``rows``, every block of ``names``, cached per model version and
    graph under var/ (the encoder pass over ~1,900 texts is most of a run's time)."""
    from triage.classify.reading_heads import pool

    ids = "|".join(r.id for r in rows)
    key = hashlib.sha256(f"{clf.model_version}:{clf.graph}:{ids}:{names}".encode()).hexdigest()
    cache = REPO_ROOT / "var" / f"reading-blocks-{key[:16]}.npz"
    if cache.exists():
        with np.load(cache) as saved:
            return {b: saved[b] for b in names}
    states = list(clf.layer_states([(r.subject, r.text) for r in rows]))
    out = {b: np.stack([pool(b, s) for s in states]) for b in names}
    cache.parent.mkdir(parents=True, exist_ok=True)
    np.savez(cache, **out)  # type: ignore[arg-type]
    return out


def train_and_evaluate(model_dir: Path, data_root: Path, seed: int = 0) -> dict[str, Any]:
    from triage.classify.encoding import compose
    from triage.classify.export import EXTRA_LAYERS
    from triage.classify.model import Classifier

    rows = load(data_root, REPO_ROOT / CONSENSUS_DIR, REPO_ROOT / ds.SYNTHETIC_DIR)
    train = [r for r in rows if not r.test]
    test = [r for r in rows if r.test]
    # a graph that outputs every layer, so every candidate is read from the same pass; its
    # last layer is bit-identical to the shipped graph's (tests/classify/test_model.py)
    clf = Classifier.load(
        model_dir,
        threads=1,
        cache_dir=REPO_ROOT / "var" / "model-cache",
        layers=ALL_LAYERS,
        topic=False,  # evaluation: no draft, no topic embedding
    )
    names = sorted({b for blocks in CANDIDATES.values() for b in blocks})
    blocks = _blocks(clf, rows, names)
    is_test = np.array([r.test for r in rows])
    b_tr = {b: v[~is_test] for b, v in blocks.items()}
    b_te = {b: v[is_test] for b, v in blocks.items()}
    text_tr = [compose(r.subject, r.text) for r in train]
    text_te = [compose(r.subject, r.text) for r in test]
    folds = _folds(text_tr, [r.group for r in train])
    sets = np.array([r.set for r in train])
    every = np.ones(len(train), dtype=bool)
    targets: dict[str, tuple[Any, Any]] = {
        "kind": (
            np.array([r.kind for r in train]),
            np.array([r.kind != "not_customer" for r in train]),
        ),
        "scope": (np.array([r.scope for r in train]), every),
        "security": (np.array([r.security for r in train]), every),
    }
    vec = _vectorizer()
    t_tr = vec.fit_transform(text_tr)
    t_te = vec.transform(text_te)
    heads: dict[str, Head] = {}
    chosen: dict[str, Any] = {}
    candidates: dict[str, Any] = {}
    baseline: dict[str, Any] = {}
    for name, (labels, keep) in targets.items():
        best, table = choose(folds, labels, keep, b_tr, seed, sets)
        dense = np.hstack([b_tr[b] for b in best["blocks"]])
        model = _lr(best["C"], seed).fit(_features(t_tr, dense, best["w"])[keep], labels[keep])
        heads[name] = _head(model, best["w"], len(vec.vocabulary_), best["blocks"])
        chosen[name] = best
        candidates[name] = table
        b_best, _ = choose(folds, labels, keep, b_tr, seed, sets, {"TF-IDF baseline": ()})
        b_model = _lr(b_best["C"], seed).fit(t_tr[keep], labels[keep])
        baseline[name] = (b_model, b_best)
    terms = tuple(str(t) for t in vec.get_feature_names_out())
    tfidf = Tfidf(terms, vec.idf_.astype(np.float32))
    reading = ReadingHeads(tfidf, heads["kind"], heads["scope"], heads["security"], {})
    assert set(reading.kind.labels) == set(KINDS)
    assert set(reading.scope.labels) == set(SCOPES)
    if not set(reading.layers) <= {*EXTRA_LAYERS, 6}:
        raise SystemExit(
            f"the chosen heads pool layers {reading.layers}; the shipped graph outputs "
            f"{sorted({*EXTRA_LAYERS, 6})}: set export.EXTRA_LAYERS to match and re-run"
        )
    # the held-back test portion, scored once, after every choice above was made
    guesses = reading.predict(text_te, b_te)
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
            "candidates": candidates,
        },
        "n": {
            "train": len(train),
            "test": len(test),
            **{
                f"{p}_{s}": sum(r.set == s for r in part)
                for p, part in (("train", train), ("test", test))
                for s in ("synthetic", "twcs")
            },
        },
        "label_files": [
            f"{b}.jsonl" for bs in batches(REPO_ROOT / CONSENSUS_DIR).values() for b in bs
        ],
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
