"""Exploration behind the reading heads' candidates (grouped CV, training portion only).

    python scripts/reading_heads_explore.py [--data ../shared/data] [--heads kind,scope,security]

Scores, with the same grouped 5-fold CV as ``triage.classify.reading_train`` (vectoriser
fitted inside each fold, class-balanced logistic regression), options that did not all become
candidates: each layer's mean pooling alone (layers 1-2 are the base model's own, 3-6 tuned),
max and CLS pooling, all six layers side by side, character n-grams, no class weights and
other block weights. Prints one line per option: CV macro-F1 overall / synthetic / twcs. The
test portion is never read. The trainable branch is measured by scripts/reading_branch_cv.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def main() -> None:
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer

    from triage.classify import data as ds
    from triage.classify import reading_train as rt
    from triage.classify.encoding import compose
    from triage.classify.model import Classifier
    from triage.reading.labelled import CONSENSUS_DIR, load

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--heads", default="kind,scope,security")
    ap.add_argument("--c", type=float, nargs="*", help="C values (default: reading_train's grid)")
    args = ap.parse_args()
    c_grid = tuple(args.c) if args.c else rt.C_GRID
    rows = load(args.data, REPO / CONSENSUS_DIR, REPO / ds.SYNTHETIC_DIR)
    train = [r for r in rows if not r.test]
    clf = Classifier.load(
        REPO / "models", threads=1, cache_dir=REPO / "var" / "model-cache", layers=rt.ALL_LAYERS
    )
    names = [f"mean{k}" for k in range(1, 7)] + ["max3", "max6", "cls6"]
    blocks = rt._blocks(clf, train, names)  # noqa: SLF001 - the same cache as training
    texts = [compose(r.subject, r.text) for r in train]
    groups = [r.group for r in train]
    folds = rt._folds(texts, groups)  # noqa: SLF001
    sets = np.array([r.set for r in train])
    every = np.ones(len(train), dtype=bool)
    targets = {
        "kind": (
            np.array([r.kind for r in train]),
            np.array([r.kind != "not_customer" for r in train]),
        ),
        "scope": (np.array([r.scope for r in train]), every),
        "security": (np.array([r.security for r in train]), every),
    }
    options: dict[str, tuple[str, ...] | None] = {
        f"layer {k}, mean": (f"mean{k}",) for k in range(1, 7)
    }
    options |= {
        "layer 6, max": ("max6",),
        "layer 3, max": ("max3",),
        "layer 6, CLS": ("cls6",),
        "layers 1-6, mean, side by side": tuple(f"mean{k}" for k in range(1, 7)),
        "TF-IDF only": (),
    }
    for head in args.heads.split(","):
        labels, keep = targets[head]
        for name, chosen in options.items():
            dense = np.hstack([blocks[b] for b in chosen]) if chosen else None
            for c in c_grid:
                cv = rt.cv_macro_f1(folds, labels, keep, dense, 2.0, c, 0, sets)
                _print(head, f"{name}, w 2, C {c:g}", cv)
        if head != "kind":
            continue
        # character n-grams (char_wb 2-5), alone and beside the word n-grams and layers 3 + 6
        char_folds = []
        for tr, va, x_tr, x_va in folds:
            vec = TfidfVectorizer(
                analyzer="char_wb",
                ngram_range=(2, 5),
                min_df=2,
                sublinear_tf=True,
                max_features=50000,
            )
            c_tr = vec.fit_transform([texts[i] for i in tr])
            c_va = vec.transform([texts[i] for i in va])
            char_folds.append(
                (tr, va, c_tr, c_va, hstack([x_tr, c_tr]).tocsr(), hstack([x_va, c_va]).tocsr())
            )
        d36 = np.hstack([blocks["mean3"], blocks["mean6"]])
        for c in c_grid:
            only = [(tr, va, a, b) for tr, va, a, b, _, _ in char_folds]
            both = [(tr, va, a, b) for tr, va, _, _, a, b in char_folds]
            _print(
                head,
                f"char n-grams only, C {c:g}",
                rt.cv_macro_f1(only, labels, keep, None, 0.0, c, 0, sets),
            )
            _print(
                head,
                f"word + char n-grams, C {c:g}",
                rt.cv_macro_f1(both, labels, keep, None, 0.0, c, 0, sets),
            )
            _print(
                head,
                f"word + char n-grams + layers 3 + 6, w 2, C {c:g}",
                rt.cv_macro_f1(both, labels, keep, d36, 2.0, c, 0, sets),
            )
        for w in (1.0, 3.0):
            _print(
                head,
                f"layers 3 + 6, w {w:g}, C 16",
                rt.cv_macro_f1(folds, labels, keep, d36, w, 16.0, 0, sets),
            )
        _print(
            head,
            "layers 3 + 6, w 2, C 16, no class weights",
            _unweighted(folds, labels, keep, d36, sets),
        )


def _unweighted(folds: Any, labels: Any, keep: Any, dense: Any, sets: Any) -> dict[str, float]:
    from triage.classify import reading_train as rt

    original = rt._lr  # noqa: SLF001

    def plain(c: float, seed: int) -> Any:
        model = original(c, seed)
        model.set_params(class_weight=None)
        return model

    rt._lr = plain  # noqa: SLF001
    try:
        return rt.cv_macro_f1(folds, labels, keep, dense, 2.0, 16.0, 0, sets)
    finally:
        rt._lr = original  # noqa: SLF001


def _print(head: str, option: str, cv: dict[str, float]) -> None:
    print(
        f"{head:8} | {option} | {cv['all']:.3f} | {cv['synthetic']:.3f} | {cv['twcs']:.3f}",
        flush=True,
    )


if __name__ == "__main__":
    main()
