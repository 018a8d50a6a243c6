"""Which of two composer versions' drafts a blind judge would rather send, on the emails where
they differ (a paired comparison).

    python bench/reply_paired.py hand-out var/judge/A var/judge/B --out var/judge/AvB-paired
    python bench/reply_paired.py tally var/judge/AvB-paired

A and B are run folders of bench/reply_items.py built from the same seed. The crossed rubric
rounds (bench/reply_crossed.py) score every draft on its own, so most of what they measure is
the drafts both versions share, and two sets of judges have scored the same code 31 % and 42 %
send-ready: a change that touches a fifth of the drafts is lost in that spread. Here the judge
sees only the emails whose drafts differ, both drafts side by side in a seeded random order,
and says which one they would rather let an agent send after light edits (or that neither is
better). The key stays in --out, never in the hand-out.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import shutil
from pathlib import Path
from typing import Any

from bench.reply_crossed import RUBRIC_FILE, read_jsonl, write_jsonl

SEED = 11
GUIDE = """# Paired drafts: which one would you rather send?

You get `paired_items.jsonl` and `JUDGE_RUBRIC.md`, and nothing else. Read Part 1 of the
rubric: the desk, what a good reply does, what is harmful. Each item holds one customer email
(`received`, `from`, `subject`, `email`) and two suggested replies to it, `draft_1` and
`draft_2`, written for the same desk. They differ somewhere; often only in a sentence or two.

For each item, as a help-desk team lead, decide which draft you would rather let an agent send
after light edits, judged on the rubric's points (restatement, fix, asks, plan, tone, truth):
`"1"`, `"2"`, or `"tie"` when neither is better. Write `paired_verdicts.jsonl`: one JSON object
per item, every item exactly once, with exactly the keys `id`, `better` and `note` (one short
sentence naming the difference that decided it). Do not try to guess how the drafts were made.
"""


def hand_out(runs: list[Path], out: Path, seed: int) -> int:
    a, b = ({str(r["id"]): r for r in read_jsonl(run / "rubric_items.jsonl")} for run in runs)
    if set(a) != set(b):
        raise SystemExit("the two runs hold different emails: build them from the same seed")
    rng = random.Random(seed)
    differ = sorted(i for i in a if a[i]["draft"] != b[i]["draft"])
    rng.shuffle(differ)
    items, key = [], {}
    for n, item_id in enumerate(differ, 1):
        xid = f"p-{n:03d}"
        first_is_a = rng.random() < 0.5
        one, two = (a, b) if first_is_a else (b, a)
        row = {k: a[item_id][k] for k in ("received", "from", "subject", "email")}
        items.append(
            {"id": xid, **row, "draft_1": one[item_id]["draft"], "draft_2": two[item_id]["draft"]}
        )
        key[xid] = {"id": item_id, "draft_1": "A" if first_is_a else "B"}
    hand = out / "handout"
    hand.mkdir(parents=True, exist_ok=True)
    write_jsonl(hand / "paired_items.jsonl", items)
    shutil.copy(RUBRIC_FILE, hand / "JUDGE_RUBRIC.md")
    (hand / "PAIRED.md").write_text(GUIDE, encoding="utf-8")
    (out / "paired_key.json").write_text(
        json.dumps({"runs": [str(r) for r in runs], "key": key}, indent=1), encoding="utf-8"
    )
    return len(items)


def sign_test(wins: int, losses: int) -> float:
    """Two-sided exact binomial p-value of wins against losses at even odds (ties left out)."""
    n = wins + losses
    if n == 0:
        return 1.0
    tail = sum(math.comb(n, k) for k in range(min(wins, losses) + 1)) / 2**n
    return min(1.0, 2 * tail)


def tally(out: Path) -> dict[str, Any]:
    key = json.loads((out / "paired_key.json").read_text(encoding="utf-8"))["key"]
    verdicts = {str(r["id"]): r for r in read_jsonl(out / "handout" / "paired_verdicts.jsonl")}
    if set(verdicts) != set(key):
        raise SystemExit(f"verdicts for {len(verdicts)} items, hand-out had {len(key)}")
    counts = {"A": 0, "B": 0, "tie": 0}
    for xid, v in verdicts.items():
        better = str(v["better"])
        if better not in ("1", "2", "tie"):
            raise SystemExit(f"{xid}: better must be 1, 2 or tie, not {better!r}")
        if better == "tie":
            counts["tie"] += 1
        else:
            first = key[xid]["draft_1"]
            counts[first if better == "1" else ("B" if first == "A" else "A")] += 1
    return {**counts, "n": len(key), "p_sign_test": round(sign_test(counts["B"], counts["A"]), 4)}


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = ap.add_subparsers(dest="cmd", required=True)
    h = sub.add_parser("hand-out")
    h.add_argument("runs", type=Path, nargs=2)
    h.add_argument("--out", type=Path, required=True)
    h.add_argument("--seed", type=int, default=SEED)
    t = sub.add_parser("tally")
    t.add_argument("out", type=Path)
    args = ap.parse_args()
    if args.cmd == "hand-out":
        n = hand_out(args.runs, args.out, args.seed)
        print(f"{n} paired items in {args.out / 'handout'}")
    else:
        print(json.dumps(tally(args.out)))


if __name__ == "__main__":
    main()
