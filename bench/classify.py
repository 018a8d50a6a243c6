"""Benchmark: the naive transformers pipeline vs our shipped classifier, same 1,000 emails.

    python bench/classify.py [--n 1000] [--json]

Each variant runs in a fresh process (so peak RSS is its own) over the same emails:
  naive   transformers pipeline("text-classification") on the base model, one email per
          call, truncation 256, whole body (what a user would write first)
  shipped triage.classify.model.Classifier (ONNX Runtime int8 per-channel, Rust tokenizer,
          newest text only, one email per call), including evidence and the topic embedding
          (the base sentence model's own pass over the first 128 tokens, classify/topic.py)
  notopic the same without the topic pass (the embedding is the classifier's pooled vector,
          as before session 19): what the topic embedding costs
  fp32    the same path with the fp32 ONNX encoder (reference)
The host is shared and noisy, so the same variants also run interleaved in ONE process
(chunks of 50 emails, rotating order): ``interleaved_emails_per_s`` and the paired
(per-chunk median) speed-up are the fair comparison; the sequential runs give latency,
load time and peak RSS.
It also measures this CPU's peak matmul rate (fp32 and int8) and the model's FLOPs per
email, to say how close the shipped path is to the machine's limit.
Emails: the project's synthetic support emails, seeded; ~12 % get 600+ words of quoted
history appended (threads), the rest keep their own length mix.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
THREAD_SHARE = 0.12
TRIALS = 15
QUANT_ROUNDS = 5  # interleaved speed rounds per quantization variant


def make_emails(n: int, seed: int = 0) -> list[tuple[str, str]]:
    rows = []
    for path in sorted((REPO / "data" / "support_emails_synthetic").glob("*.jsonl")):
        rows += [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
    rng = random.Random(seed)
    out: list[tuple[str, str]] = []
    for _ in range(n):
        r = rng.choice(rows)
        body = r["body"]
        if rng.random() < THREAD_SHARE:
            quoted: list[str] = []
            while sum(len(q.split()) for q in quoted) < rng.randint(600, 1500):
                old = rng.choice(rows)
                depth = rng.randint(1, 4)
                quoted.append(
                    f"On Mon, 3 Mar 2025 at 09:{rng.randint(10, 59)}, {old['from_name']} wrote:\n"
                    + "\n".join(">" * depth + " " + line for line in old["body"].splitlines())
                )
            body = body + "\n\n" + "\n\n".join(quoted)
        out.append((r["subject"], body))
    return out


def _stats(lat: list[float], wall: float, n: int) -> dict[str, float]:
    lat_sorted = sorted(lat)
    return {
        "emails_per_s": round(n / wall, 2),
        "p50_ms": round(1000 * statistics.median(lat_sorted), 1),
        "p95_ms": round(1000 * lat_sorted[int(0.95 * (len(lat_sorted) - 1))], 1),
    }


def run_variant(name: str, n: int, model_dir: Path) -> dict[str, object]:
    emails = make_emails(n)
    t0 = time.perf_counter()
    one, tokens_seen, topic_tokens = _setup(name, emails, model_dir)
    load_s = time.perf_counter() - t0
    one(*emails[0])  # first call allocates; not what a running worker pays
    lat: list[float] = []
    t1 = time.perf_counter()
    for subject, body in emails:
        t = time.perf_counter()
        one(subject, body)
        lat.append(time.perf_counter() - t)
    wall = time.perf_counter() - t1
    out: dict[str, object] = {"variant": name, "load_s": round(load_s, 2), **_stats(lat, wall, n)}
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    out["mean_tokens"] = round(statistics.mean(tokens_seen), 1)
    # the topic pass is a second pass over the opening (classify/topic.py): its work counts
    passes = [_flops(t) for t in tokens_seen] + [_flops(t) for t in topic_tokens]
    out["gflop_per_email"] = round(sum(passes) / len(tokens_seen) / 1e9, 3)
    if topic_tokens:
        out["topic_mean_tokens"] = round(statistics.mean(topic_tokens), 1)
    out["torch_imported"] = "torch" in sys.modules
    return out


def run_interleaved(
    names: list[str], n: int, model_dir: Path, chunk: int = 50
) -> dict[str, object]:
    """All variants in one process, alternating per chunk with a rotating order.

    The host is shared and noisy: sequential runs see different neighbours. Interleaving
    gives each variant the same conditions; the paired ratio is the median over chunks.
    """
    emails = make_emails(n)
    fns = {name: _setup(name, emails, model_dir)[0] for name in names}
    for f in fns.values():
        f(*emails[0])
    spent = dict.fromkeys(names, 0.0)
    per_chunk: dict[str, list[float]] = {name: [] for name in names}
    for c, start in enumerate(range(0, n, chunk)):
        part = emails[start : start + chunk]
        order = names[c % len(names) :] + names[: c % len(names)]
        for name in order:
            t = time.perf_counter()
            for subject, body in part:
                fns[name](subject, body)
            dt = time.perf_counter() - t
            spent[name] += dt
            per_chunk[name].append(dt)
    out: dict[str, object] = {name: round(n / spent[name], 2) for name in names}
    if "naive" in names and "shipped" in names:
        ratios = [a / b for a, b in zip(per_chunk["naive"], per_chunk["shipped"], strict=True)]
        out["paired_speedup_shipped_vs_naive"] = round(statistics.median(ratios), 2)
    return out


def _setup(
    name: str, emails: list[tuple[str, str]], model_dir: Path
) -> tuple[Any, list[int], list[int]]:
    topic_tokens: list[int] = []
    if name == "naive":
        import torch
        from transformers import (
            AutoModelForSequenceClassification,
            AutoTokenizer,
            pipeline,
        )

        from triage.classify.artifact import base_model_dir

        torch.manual_seed(0)
        d = str(base_model_dir())
        tok = AutoTokenizer.from_pretrained(d, local_files_only=True)
        model = AutoModelForSequenceClassification.from_pretrained(
            d, num_labels=4, local_files_only=True
        )
        pipe = pipeline("text-classification", model=model, tokenizer=tok, device="cpu")

        def one(subject: str, body: str) -> object:
            return pipe(f"{subject}\n\n{body}", truncation=True, max_length=256)

        tokens_seen: list[int] = [
            len(tok(f"{s}\n\n{b}", truncation=True, max_length=256)["input_ids"]) for s, b in emails
        ]
    else:
        from triage.classify.encoding import clip_chars, compose, newest_text
        from triage.classify.model import Classifier

        clf = Classifier.load(
            model_dir, backend="fp32" if name == "fp32" else "int8", topic=name != "notopic"
        )

        def one(subject: str, body: str) -> object:
            return clf.classify([(subject, newest_text(body))])

        enc = clf._encoder  # noqa: SLF001 - the bench reports what the model actually reads
        texts = [clip_chars(compose(s, newest_text(b))) for s, b in emails]
        tokens_seen = [len(e.ids) for e in enc.encode(texts)]
        if clf.topic is not None:
            topic_tokens = [len(e.ids) for e in clf.topic.encode(texts)]
    return one, tokens_seen, topic_tokens


def quant_compare(model_dir: Path, data_dir: Path) -> dict[str, dict[str, float]]:
    """fp32 vs int8 per-channel vs int8 with FFN-down kept fp32, on the dev sets.

    Reproduces the "int8 vs fp32" table of the model card (meta.json "quantization").
    """
    from triage.classify import export, suite
    from triage.classify.model import Classifier

    sets = suite.eval_sets(data_dir, REPO, quick=False, seed=0)
    res: dict[str, dict[str, float]] = {}
    clfs = {}
    for name, ffn in (("fp32", False), ("int8 per-channel", False), ("int8, FFN-down fp32", True)):
        export.KEEP_FFN_DOWN_FP32 = ffn  # export.recipe() reads it: the cache key follows
        clf = clfs[name] = Classifier.load(
            model_dir, backend="fp32" if name == "fp32" else "int8", topic=False
        )
        res[name] = {}
        for s in ("synthetic_dev", "twcs_dev", "goemotions_dev"):
            res[name].update(suite.headline({s: suite.evaluate_set(clf, s, sets[s])}))
    # Speed in interleaved rounds, median kept: timed one variant after another, a noisy
    # neighbour on this shared CPU once made the slower variant look faster.
    emails = [(e.subject, e.text) for e in sets["synthetic_dev"]]
    rates: dict[str, list[float]] = {name: [] for name in clfs}
    for _ in range(QUANT_ROUNDS):
        for name, clf in clfs.items():
            t = time.perf_counter()
            for item in emails:
                clf.head_outputs([item])
            rates[name].append(len(emails) / (time.perf_counter() - t))
    for name, r in rates.items():
        res[name]["emails_per_s"] = round(statistics.median(r), 1)
    return res


def _flops(tokens: int) -> float:
    """Linear layers 2 x 10.62 M weights per token + attention 6 layers x 4 x L x 384."""
    linear = 2 * 6 * (4 * 384 * 384 + 2 * 384 * 1536)
    return tokens * (linear + 6 * 4 * tokens * 384)


def peak_rates() -> dict[str, float]:
    import torch

    torch.set_num_threads(os.cpu_count() or 1)
    n = 2048
    a, b = torch.randn(n, n), torch.randn(n, n)
    c = torch.empty(n, n)
    # best of many trials: neighbours only ever slow a trial down, so the best one is the
    # closest to what this CPU can do
    rates = []
    for _ in range(TRIALS):
        t = time.perf_counter()
        torch.mm(a, b, out=c)
        rates.append(2 * n**3 / (time.perf_counter() - t) / 1e9)
    out = {
        "fp32_gflops": round(max(rates), 1),
        "fp32_gflops_median": round(statistics.median(rates), 1),
    }
    ai = torch.randint(-128, 127, (n, n), dtype=torch.int8)
    bi = torch.randint(-128, 127, (n, n), dtype=torch.int8)
    rates = []
    for _ in range(TRIALS):
        t = time.perf_counter()
        torch._int_mm(ai, bi)
        rates.append(2 * n**3 / (time.perf_counter() - t) / 1e9)
    out["int8_gops"] = round(max(rates), 1)
    out["int8_gops_median"] = round(statistics.median(rates), 1)
    return out


def _child(args: list[str]) -> dict[str, object]:
    res = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, check=True, cwd=REPO
    )
    return dict(json.loads(res.stdout.strip().splitlines()[-1]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--variant", help=argparse.SUPPRESS)
    ap.add_argument("--peak", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--interleaved", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument(
        "--quant-compare",
        type=Path,
        metavar="DATA_DIR",
        help="instead: compare fp32 / int8 / int8 with FFN-down fp32 on the dev sets",
    )
    ap.add_argument("--variants", default="naive,shipped,notopic,fp32")
    ap.add_argument("--model-dir", type=Path, default=REPO / "models")
    a = ap.parse_args()
    if a.variant:
        print(json.dumps(run_variant(a.variant, a.n, a.model_dir)))
        return
    if a.peak:
        print(json.dumps(peak_rates()))
        return
    if a.quant_compare:
        print(json.dumps(quant_compare(a.model_dir, a.quant_compare), indent=2))
        return
    if a.interleaved:
        print(json.dumps(run_interleaved(a.variants.split(","), a.n, a.model_dir)))
        return
    # warm the ONNX cache first so "load" means a worker restart, not the one-time build
    t = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-c",
            "from pathlib import Path; from triage.classify.model import "
            f"Classifier; Classifier.load(Path({str(a.model_dir)!r}))",
        ],
        check=True,
        cwd=REPO,
        capture_output=True,
    )
    first_build_s = round(time.perf_counter() - t, 1)
    results = {
        v: _child(["--variant", v, "--n", str(a.n), "--model-dir", str(a.model_dir)])
        for v in a.variants.split(",")
    }
    peak = _child(["--peak"])
    interleaved = _child(
        [
            "--interleaved",
            "--n",
            str(a.n),
            "--variants",
            a.variants,
            "--model-dir",
            str(a.model_dir),
        ]
    )
    report: dict[str, object] = {
        "n": a.n,
        "cpu_count": os.cpu_count(),
        "first_load_incl_onnx_build_s": first_build_s,
        "variants": results,
        "interleaved_emails_per_s": interleaved,
        "peak": peak,
    }
    if "naive" in results and "shipped" in results:
        s, nv = results["shipped"], results["naive"]
        report["speedup_vs_naive"] = round(
            float(s["emails_per_s"]) / float(nv["emails_per_s"]),
            2,  # type: ignore[arg-type]
        )
    if "shipped" in results:
        s = results["shipped"]
        flops = float(s["gflop_per_email"]) * 1e9  # type: ignore[arg-type]
        rate = float(s["emails_per_s"])  # type: ignore[arg-type]
        report["shipped_share_of_fp32_peak"] = round(rate * flops / (peak["fp32_gflops"] * 1e9), 3)  # type: ignore[operator]
        report["shipped_share_of_int8_peak"] = round(rate * flops / (peak["int8_gops"] * 1e9), 3)  # type: ignore[operator]
        report["limit_emails_per_s_fp32"] = round(peak["fp32_gflops"] * 1e9 / flops, 1)  # type: ignore[operator]
    if a.json:
        print(json.dumps(report, indent=2))
    else:
        for name, r in results.items():
            print(
                f"{name:<8} {r['emails_per_s']:>7} emails/s  p50 {r['p50_ms']} ms  p95 "
                f"{r['p95_ms']} ms  RSS {r['peak_rss_mb']} MB  load {r['load_s']} s"
            )
        for k, v in report.items():
            if k not in ("variants",):
                print(f"{k}: {v}")


if __name__ == "__main__":
    main()
