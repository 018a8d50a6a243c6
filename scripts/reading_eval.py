"""The text reader (triage/reading) against the consensus reading labels.

    python scripts/reading_eval.py [--errors OUT.txt]

Prints the figures of ``triage.reading.evaluate`` per portion (tuning / test: the test
portion is the model's dev split, by sender or conversation) and per set (synthetic / twcs).
``--errors`` writes the tuning portion's misses for rule work; the test portion's items are
never written out, so no rule can be fitted to them.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from triage.reading import evaluate, labelled  # noqa: E402
from triage.reading.reader import TextReader  # noqa: E402
from triage.reading.score import overlaps, phrases_agree  # noqa: E402
from triage.reading.values import Ask, Deadline, TextReading  # noqa: E402

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")


def naive_reading(text: str, received: datetime) -> TextReading:
    """What one writes first: a regex sentence split, a sentence with "?" or "please" is an
    ask, and the first date dateparser finds anywhere in the text is the deadline."""
    import dateparser.search

    asks = tuple(
        Ask(m.group(0).strip(), "question" if "?" in m.group(0) else "request")
        for m in _SENTENCE.finditer(text)
        if "?" in m.group(0) or "please" in m.group(0).lower()
    )
    settings = {"RELATIVE_BASE": received.replace(tzinfo=None), "PREFER_DATES_FROM": "future"}
    found = dateparser.search.search_dates(text, languages=["en"], settings=settings) or []
    deadline = Deadline(found[0][0], found[0][1]) if found else None
    return TextReading(asks, deadline, (), "en", False)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--errors", type=Path, help="write the tuning portion's misses here")
    ap.add_argument("--zone", default="Europe/London")
    ap.add_argument(
        "--portion",
        choices=("tuning", "test", "both"),
        default="both",
        help="rule work looks at the tuning portion only",
    )
    ap.add_argument(
        "--naive",
        action="store_true",
        help="also score the naive way: '?' or 'please' sentences as asks, the first date "
        "dateparser.search_dates finds in the text as the deadline",
    )
    labelled.add_consensus_argument(ap, REPO)
    args = ap.parse_args()
    data = labelled.data_root(REPO)
    items = labelled.load(data, args.consensus, REPO / "data" / "support_emails_synthetic")
    if args.portion != "both":
        items = [i for i in items if i.portion == args.portion]
    reader = TextReader(ZoneInfo(args.zone))
    t0 = time.perf_counter()
    readings = reader.read_many((i.subject, i.text, i.received) for i in items)
    took = time.perf_counter() - t0
    print(f"read {len(items)} items in {took:.1f} s ({1000 * took / len(items):.1f} ms each)")
    print(evaluate.HEADER)
    for portion in ("tuning", "test") if args.portion == "both" else (args.portion,):
        for name in ("synthetic", "twcs", "all"):
            sel = [
                (i, r)
                for i, r in zip(items, readings, strict=True)
                if i.portion == portion and name in (i.set, "all")
            ]
            f = evaluate.figures([i for i, _ in sel], [r for _, r in sel])
            print(evaluate.row(portion, name, f))
    if args.naive:
        naive = [naive_reading(i.text, i.received) for i in items]
        for portion in ("tuning", "test") if args.portion == "both" else (args.portion,):
            sel = [(i, r) for i, r in zip(items, naive, strict=True) if i.portion == portion]
            f = evaluate.figures([i for i, _ in sel], [r for _, r in sel])
            print(evaluate.row(portion, "naive", f))
    if args.errors:
        with args.errors.open("w", encoding="utf-8") as fh:
            for i, r in zip(items, readings, strict=True):
                if i.portion != "tuning":
                    continue
                pred = [a.text for a in r.asks]
                miss = [g for g in i.asks if not any(overlaps(p, g) for p in pred)]
                extra = [p for p in pred if not any(overlaps(p, g) for g in i.asks)]
                dl = r.deadline.phrase if r.deadline else None
                if miss or extra or not phrases_agree(dl, i.deadline):
                    fh.write(f"=== {i.id} [{i.kind}]\n{i.text}\n")
                    fh.write(f"  MISSED {miss}\n  EXTRA {extra}\n")
                    fh.write(f"  DEADLINE gold={i.deadline!r} pred={dl!r}\n")
                    fh.write(f"  TRIED gold={list(i.tried)} pred={list(r.tried)}\n")


if __name__ == "__main__":
    main()
