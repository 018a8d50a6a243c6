"""Build the consensus reading labels: where the two annotators agree, their label; where they
differ (kind, scope, security flag, asks or deadline), the adjudicator's.

    python scripts/reading_consensus.py

Reads data/reading/annotator1/, annotator2/ and adjudicated.jsonl (the adjudicator saw the item
and both labels, unnamed); writes data/reading/consensus/<batch>.jsonl with a ``source`` field
("agreed" or "adjudicated").
"""

from __future__ import annotations

import json

from reading_agreement import GROUPS, ROOT, TWEETS, load

from triage.reading.spans import read_labels, to_stored

FIELDS = ("id", "kind", "security_flag", "scope", "asks", "deadline", "tried", "language")


def main() -> None:
    adjudicated = {r["id"]: r for r in read_labels(ROOT / "adjudicated.jsonl", TWEETS)}
    out_dir = ROOT / "consensus"
    out_dir.mkdir(exist_ok=True)
    counts = {"agreed": 0, "adjudicated": 0}
    for batches in GROUPS.values():
        for batch in batches:
            a, b = load(ROOT / "annotator1", batch), load(ROOT / "annotator2", batch)
            with (out_dir / f"{batch}.jsonl").open("w", encoding="utf-8") as fh:
                for x, y in zip(a, b, strict=True):
                    assert x["id"] == y["id"], f"{batch}: the two files are not in one order"
                    source = "adjudicated" if x["id"] in adjudicated else "agreed"
                    label = adjudicated.get(x["id"], x)
                    counts[source] += 1
                    row = {k: label[k] for k in FIELDS} | {"source": source}
                    if row["id"] in TWEETS:  # stored as spans: no tweet text in the repository
                        row = to_stored(row, TWEETS[row["id"]])
                    fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(counts)


if __name__ == "__main__":
    main()
