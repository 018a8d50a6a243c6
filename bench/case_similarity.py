"""How well a learned case is found: are two customer emails about the same problem when the
gates of triage/replies/cases.py pass them? Measured on the knowledge base's labelled queries
(tests/data/kb_queries.jsonl: each email with the entry it needs, or none; two emails that
need the same entry are "the same problem"), embedded by the shipped model: the topic
embedding (the base sentence model's, classify/topic.py) and, for comparison in the same run,
the classifier's own pooled vector that cases were found by before session 19.

    python bench/case_similarity.py [--json]

Prints, for each space and pair of gates (cosine of the embeddings, Jaccard of content words),
how many same-problem pairs pass (of all there are) and how many other pairs pass with them.
The queries are paraphrases written to test the knowledge base, so this is a hard test; and
it is the set the defaults were chosen on, so the figures are tuned, not held out.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from triage.flow.runtime import load_classifier  # noqa: E402
from triage.replies.cases import content_words, overlap  # noqa: E402
from triage.settings import load_settings  # noqa: E402

COSINES = {"topic": (0.0, 0.5, 0.55, 0.6, 0.65, 0.7), "pooled": (0.0, 0.8, 0.85, 0.9)}
OVERLAPS = (0.0, 0.1, 0.15, 0.2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows = [json.loads(line) for line in (REPO / "tests/data/kb_queries.jsonl").open()]
    clf = load_classifier(load_settings(None))
    items = [(r["subject"], r["body"]) for r in rows]
    spaces = {
        "topic": np.asarray([s.embedding for s in clf.classify(items)], dtype=np.float32),
        "pooled": clf.pooled(items),
    }
    words = [content_words(f"{r['subject']}\n{r['body']}") for r in rows]
    report = {}
    for name, vectors in spaces.items():
        vectors = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
        pairs = [
            (
                float(vectors[i] @ vectors[j]),
                overlap(words[i], words[j]),
                # an email that needs no entry is about no problem another shares
                rows[i]["expected"] is not None and rows[i]["expected"] == rows[j]["expected"],
            )
            for i, j in itertools.combinations(range(len(rows)), 2)
        ]
        report[name] = _table(pairs, COSINES[name])
    if args.json:
        print(json.dumps(report))
        return
    for name, table in report.items():
        print(f"{name}: {len(rows)} emails, {table[0]['of']} same-problem pairs")
        print("cosine >=  words >=  same pairs passed  other pairs passed  share same")
        for t in table:
            share = "-" if t["precision"] is None else f"{t['precision']:.0%}"
            print(
                f"{t['min_similarity']:9.2f}  {t['min_overlap']:7.2f}  {t['same']:6d} of "
                f"{t['of']:<8d}  {t['other']:18d}  {share:>10}"
            )


def _table(
    pairs: list[tuple[float, float, bool]], cosines: tuple[float, ...]
) -> list[dict[str, Any]]:
    same_total = sum(same for _, _, same in pairs)
    table = []
    for cos, jac in itertools.product(cosines, OVERLAPS):
        passed = [same for c, o, same in pairs if c >= cos and o >= jac]
        same = sum(passed)
        table.append(
            {
                "min_similarity": cos,
                "min_overlap": jac,
                "same": same,
                "of": same_total,
                "other": len(passed) - same,
                "precision": round(same / len(passed), 3) if passed else None,
            }
        )
    return table


if __name__ == "__main__":
    main()
