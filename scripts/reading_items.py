"""The item files the annotators of the later twcs batches saw (tweets_c, tweets_d).

    python scripts/reading_items.py OUT_DIR

Every customer tweet of ``twcs_dev_customer_silver.jsonl`` not already in batches tweets_a/b,
shuffled with seed 15, cut in two halves and each sorted by tweet id; one JSON object per line,
``{"id", "text"}``. Written outside the repository (the tweets keep their own licence). The
draw of batches a and b (600 tweets, seed 14) was made by a script that was not committed;
the tweets they name are the record of it (``consensus/tweets_a.jsonl``, ``tweets_b.jsonl``).
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from reading_agreement import DATA, ROOT, TWEETS

from triage.reading.spans import read_labels


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    done = {
        row["id"]
        for batch in ("tweets_a", "tweets_b")
        for row in read_labels(ROOT / "consensus" / f"{batch}.jsonl", TWEETS)
    }
    path = DATA / "twcs_customer_support_twitter" / "twcs_dev_customer_silver.jsonl"
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    rest = [r for r in rows if r["id"] not in done]
    random.Random(15).shuffle(rest)
    half = len(rest) // 2
    for name, part in (("tweets_c", rest[:half]), ("tweets_d", rest[half:])):
        with (out / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
            for r in sorted(part, key=lambda r: int(r["id"][3:])):
                fh.write(json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) + "\n")
        print(name, len(part))


if __name__ == "__main__":
    main()
