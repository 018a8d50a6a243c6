"""The anchor to beat: TF-IDF (word 1-2 grams + char 2-5 grams) + logistic regression.

Trained on exactly the model's training rows (same loaders, same seed), one classifier per
label over the rows that carry it, and scored through the same evaluation code via the
same ``classify`` interface. Needs scikit-learn (a dev dependency).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from triage.classify import data as ds
from triage.classify.encoding import compose
from triage.domain import Scores


@dataclass
class TfidfBaseline:
    vectorizer: Any
    models: dict[str, Any]

    @classmethod
    def fit(cls, rows: Sequence[ds.Example], seed: int = 0) -> TfidfBaseline:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import FeatureUnion

        vec = FeatureUnion(
            [
                ("word", TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)),
                (
                    "char",
                    TfidfVectorizer(
                        analyzer="char_wb", ngram_range=(2, 5), min_df=3, sublinear_tf=True
                    ),
                ),
            ]
        )
        x = vec.fit_transform([ds.model_text(e) for e in rows])
        models: dict[str, Any] = {}
        for label in ("urgency", "frustration", "not_customer"):
            y = np.array([getattr(e, label) for e in rows])
            keep = y >= 0
            lr = LogisticRegression(
                C=4.0, max_iter=2000, class_weight="balanced", random_state=seed
            )
            models[label] = lr.fit(x[keep], y[keep])
        return cls(vectorizer=vec, models=models)

    @classmethod
    def fit_default(cls, data_dir: Path, seed: int = 0) -> TfidfBaseline:
        from triage.classify.recipe import TrainConfig, load_training_data

        rows = load_training_data(data_dir, TrainConfig(), seed, quick=False)
        return cls.fit(rows, seed)

    def classify(self, items: Sequence[tuple[str, str]]) -> list[Scores]:
        if not items:
            return []
        x = self.vectorizer.transform([compose(s, t) for s, t in items])
        out: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for label in ("urgency", "frustration"):
            m = self.models[label]
            p = m.predict_proba(x)
            out[label] = (m.classes_[p.argmax(axis=1)], p @ m.classes_.astype(float))
        nc = self.models["not_customer"].predict_proba(x)[:, 1]
        return [
            Scores(
                urgency=int(out["urgency"][0][i]),
                urgency_score=float(out["urgency"][1][i] / 3),
                frustration=int(out["frustration"][0][i]),
                frustration_score=float(out["frustration"][1][i] / 3),
                not_customer=float(nc[i]),
                model_version="tfidf-baseline",
            )
            for i in range(len(items))
        ]
