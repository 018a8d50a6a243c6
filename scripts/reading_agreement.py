"""Agreement between the two independent annotators of the reading labels, and the list of
items they disagree on (for adjudication).

    python scripts/reading_agreement.py [--disagreements OUT.jsonl]

Reads data/reading/annotator1/*.jsonl and annotator2/*.jsonl (one file per batch, same ids in
the same order). Prints, per batch group (synthetic emails, twcs tweets): Cohen's kappa for kind,
scope and the security flag, ask-level F1 (an ask matches when it shares at least half of the
other's words, one-to-one), deadline agreement (both null, or phrases overlapping by half), and
language agreement.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from sklearn.metrics import cohen_kappa_score

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

# one matching rule for the annotators and for the reader (scripts/reading_eval.py)
from triage.reading.labelled import data_root  # noqa: E402
from triage.reading.score import ask_f1, phrases_agree  # noqa: E402
from triage.reading.spans import read_labels, tweets  # noqa: E402

ROOT = REPO / "data" / "reading"
# the tweets the twcs labels point into (never copied here): $TRIAGE_PATHS_DATA_SETS, or
# ../shared/data beside the checkout
DATA = data_root(REPO)
TWEETS = tweets(DATA)


def load(folder: Path, batch: str) -> list[dict[str, Any]]:
    """One batch's labels; a tweet's phrases come back from their spans into the tweet."""
    return read_labels(folder / f"{batch}.jsonl", TWEETS)


def deadline_agrees(x: str | None, y: str | None) -> bool:
    return phrases_agree(x, y)


def report(name: str, a: list[dict[str, Any]], b: list[dict[str, Any]]) -> dict[str, float]:
    assert [r["id"] for r in a] == [r["id"] for r in b], f"{name}: ids differ"
    out = {
        "n": float(len(a)),
        "kind_kappa": cohen_kappa_score([r["kind"] for r in a], [r["kind"] for r in b]),
        "kind_agree": sum(x["kind"] == y["kind"] for x, y in zip(a, b, strict=True)) / len(a),
        "scope_kappa": cohen_kappa_score([r["scope"] for r in a], [r["scope"] for r in b]),
        "security_kappa": cohen_kappa_score(
            [bool(r["security_flag"]) for r in a], [bool(r["security_flag"]) for r in b]
        ),
        "ask_f1": ask_f1([r["asks"] for r in a], [r["asks"] for r in b]),
        "deadline_agree": sum(
            deadline_agrees(x["deadline"], y["deadline"]) for x, y in zip(a, b, strict=True)
        )
        / len(a),
        "language_agree": sum(x["language"] == y["language"] for x, y in zip(a, b, strict=True))
        / len(a),
    }
    print(
        f"{name:10} "
        + "  ".join(f"{k} {v:.3f}" if k != "n" else f"n {v:.0f}" for k, v in out.items())
    )
    return out


GROUPS = {
    "synthetic": ("it_helpdesk", "saas_vendor", "home_isp", "msp_clients"),
    "twcs": ("tweets_a", "tweets_b"),
    # the rest of the labelled tweets, labelled later with the written guide (GUIDE.md)
    "twcs_cd": ("tweets_c", "tweets_d"),
}


def differ(x: dict[str, Any], y: dict[str, Any]) -> bool:
    """Whether two labels of one item go to adjudication: kind, scope, the security flag, the
    asks (not every ask matched one to one) or the deadline differ."""
    return (
        x["kind"] != y["kind"]
        or x["scope"] != y["scope"]
        or bool(x["security_flag"]) != bool(y["security_flag"])
        or ask_f1([x["asks"]], [y["asks"]]) < 1.0
        or not deadline_agrees(x["deadline"], y["deadline"])
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--disagreements", type=Path, help="write the items to adjudicate here")
    ap.add_argument("--groups", nargs="*", default=list(GROUPS), help="batch groups to read")
    args = ap.parse_args()
    split: list[dict[str, Any]] = []
    for group in args.groups:
        batches = GROUPS[group]
        a = [r for batch in batches for r in load(ROOT / "annotator1", batch)]
        b = [r for batch in batches for r in load(ROOT / "annotator2", batch)]
        report(group, a, b)
        for x, y in zip(a, b, strict=True):
            if differ(x, y):
                split.append({"id": x["id"], "a": x, "b": y})
    print(f"{len(split)} items to adjudicate")
    if args.disagreements:
        with args.disagreements.open("w", encoding="utf-8") as fh:
            for row in split:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
