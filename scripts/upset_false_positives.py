"""Where the shipped model and GoEmotions disagree on "upset" (an error analysis, not a test).

Prints, for GoEmotions dev: how often each emotion is flagged upset (frustration >= 1), the
emotions of the false positives, and a seeded random sample of false positives whose only
label is "neutral" for a person to read. GoEmotions keeps an emotion only where two raters
chose it, so some of those are upset comments that one rater saw. The model card's selection
note quotes one reading of this sample (seed 1, 25 comments).

    .venv/bin/python scripts/upset_false_positives.py [--data ../shared/data] [--n 25]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def main() -> None:
    from triage.classify.data import goemotions_emotions
    from triage.classify.labels import GOEMOTIONS_UPSET
    from triage.classify.model import Classifier
    from triage.textsafe import clean

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--model", type=Path, default=REPO / "models")
    ap.add_argument("--n", type=int, default=25)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()

    upset_names = sorted(GOEMOTIONS_UPSET)

    rows = [(text, emos) for _, text, emos in goemotions_emotions(a.data, "dev")]
    scores = Classifier.load(a.model).classify([("", text) for text, _ in rows])
    flagged = [s.frustration > 0 for s in scores]
    upset = [bool(set(emos) & GOEMOTIONS_UPSET) for _, emos in rows]
    tp = sum(f and u for f, u in zip(flagged, upset, strict=True))
    print(f"{len(rows)} comments, {sum(upset)} upset, {sum(flagged)} flagged, {tp} both")
    for emo in (*upset_names, "neutral"):
        idx = [i for i, (_, emos) in enumerate(rows) if emo in emos]
        share = sum(flagged[i] for i in idx) / max(1, len(idx))
        print(f"  {emo:15s} {len(idx):5d} comments, {share:.0%} flagged")
    fp = [i for i in range(len(rows)) if flagged[i] and not upset[i]]
    print(f"{len(fp)} false positives; their labels:")
    labels = Counter(e for i in fp for e in rows[i][1]).most_common(8)
    print("  " + ", ".join(f"{k} {v}" for k, v in labels))
    neutral = [i for i in fp if rows[i][1] == ["neutral"]]
    print(f"{len(neutral)} are labelled only 'neutral'; a random {a.n} (seed {a.seed}):")
    for i in random.Random(a.seed).sample(neutral, min(a.n, len(neutral))):
        print(f"  {scores[i].frustration_score:.2f}  {clean(rows[i][0], single_line=True)[:150]}")


if __name__ == "__main__":
    main()
