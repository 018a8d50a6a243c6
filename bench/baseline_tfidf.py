"""The anchor to beat: TF-IDF (word 1-2 + char 2-5 grams) + logistic regression.

    python bench/baseline_tfidf.py [--data ../shared/data] [--json]

Trained on the model's training rows (same loaders and seed) and scored on the same
evaluation sets with the same code (triage.classify.suite). The committed model card
carries these figures next to the model's.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def main() -> None:
    from triage.classify import suite
    from triage.classify.baseline import TfidfBaseline

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    base = TfidfBaseline.fit_default(a.data, seed=a.seed)
    results = suite.evaluate_all(base, suite.eval_sets(a.data, REPO, quick=False, seed=a.seed))
    if a.json:
        print(json.dumps({"headline": suite.headline(results), "sets": results}, indent=2))
    else:
        for k, v in suite.headline(results).items():
            print(f"{k:<40} {v:.3f}")


if __name__ == "__main__":
    main()
