"""Build the blind-judge item files for reply quality (shared/design/reply-judge.md).

    PYTHONPATH=$PWD .venv/bin/python bench/reply_items.py --out var/judge/before

Two fixed samples (seeded: the same items on every run, so runs compare):
  rubric  first-contact customer emails from the dev split of data/support_emails_synthetic/
          (split by sender, as for the model): each sender's first customer email in id order;
  ab      first customer tweets of dev conversations in
          ../shared/data/twcs_customer_support_twitter/twcs_first5000_dev.csv that a brand
          answered (the brand's first reply is the other side of the A/B), one per customer;
          tweets' HTML entities (&amp;) are decoded, and the brand reply loses its leading
          @mentions (the customer's anonymised number, a give-away of which reply is real).
Both go through the product's real path, ``triage suggest --jsonl`` (the repository's config and
model, a subprocess), as one file; the run is timed (drafts/s) against a one-line run, so model
loading is not counted as drafting. The mail arrives and is answered at --at (default: this
minute), so two builds at the same --at are comparable whenever they run.

Written under --out (default var/judge/<label>/; var/ is git-ignored; never commit these):
  rubric_items.jsonl   per email: id, received, from, subject, email (as written), draft
  rubric_second.jsonl  a seeded 25-item subset of rubric_items, for the second judge
  ab_items.jsonl       per tweet: id, received, customer_message, reply_a, reply_b
  ab_key.jsonl         id -> which of A/B is ours (the judge never gets this file)
  mechanical.json      code-computed checks (bench/reply_checks.py), drafts/s, run metadata
  input.jsonl, suggestions.jsonl, suggest.log   what went into and came out of the product
  handout/{rubric,second,ab}/   each judge's folder: its items file and JUDGE_RUBRIC.md only
Judges get one handout folder each (never this folder); their verdict files are tallied by
bench/reply_tally.py.
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.reply_checks import Draft, mechanical  # noqa: E402
from triage.classify.data import SYNTHETIC_DIR, is_dev, twcs_conversations  # noqa: E402

SEED = 15
RUBRIC_N = 100
AB_N = 100
SECOND_N = 25
TWCS_CSV = Path("twcs_customer_support_twitter") / "twcs_first5000_dev.csv"
RUBRIC_FILE = REPO / "bench" / "JUDGE_RUBRIC.md"
_TWEET_TIME = "%a %b %d %H:%M:%S %z %Y"  # "Tue Oct 31 22:10:47 +0000 2017"
_LEADING_MENTIONS = re.compile(r"^(?:@\w+\s*)+")


# ---- the samples ----------------------------------------------------------------------------


def synthetic_rows(directory: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in sorted(directory.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            rows += [json.loads(line) for line in fh if line.strip()]
    return rows


def in_split(split: str) -> Callable[[str], bool]:
    """The judged samples come from the dev split; ``train`` draws the same kind of items from
    the training split, for developing against judges without looking at the judged items;
    ``all`` every sender, for a set kept apart from the model's data."""
    if split == "dev":
        return is_dev
    if split == "all":
        return lambda group: True  # a set kept apart from the model's data (data/check_emails)
    return lambda group: not is_dev(group)


def first_contacts(
    rows: Iterable[dict[str, Any]], pick: Callable[[str], bool] = is_dev
) -> list[dict[str, Any]]:
    """Each sender's first customer email in id order (not_customer mail left out), by id."""
    by_sender: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        sender = str(r["from_email"]).lower()
        if pick(sender) and not r.get("not_customer"):
            by_sender[sender].append(r)
    return sorted((min(rs, key=lambda r: str(r["id"])) for rs in by_sender.values()), key=_id)


def _id(r: dict[str, Any]) -> str:
    return str(r["id"])


def rubric_sample(
    rows: Iterable[dict[str, Any]], n: int, seed: int, pick: Callable[[str], bool] = is_dev
) -> list[dict[str, Any]]:
    pool = first_contacts(rows, pick)
    if len(pool) < n:
        raise SystemExit(f"only {len(pool)} first-contact emails in the split; asked for {n}")
    return random.Random(f"{seed}-rubric").sample(pool, n)


@dataclass(frozen=True, slots=True)
class Tweet:
    id: str  # "tw-<tweet_id>"
    author: str
    text: str
    brand: str
    brand_reply: str
    brand_tweet_id: str


def _tweet_time(row: dict[str, str]) -> datetime:
    return datetime.strptime(row["created_at"], _TWEET_TIME)  # noqa: DTZ007 (%z: aware)


def brand_answered(csv_path: Path, pick: Callable[[str], bool] = is_dev) -> list[Tweet]:
    """First customer tweets (inbound, answering nothing) of dev conversations whose response
    is a brand's (outbound) tweet in the file; the brand's earliest reply; the first such tweet
    of each customer only (a second one would be a repeat contact). In tweet-id order."""
    with csv_path.open(encoding="utf-8", newline="") as fh:
        rows = {r["tweet_id"]: r for r in csv.DictReader(fh)}
    roots = twcs_conversations(csv_path)
    found: dict[str, Tweet] = {}
    for tid in sorted(rows, key=int):
        r = rows[tid]
        if r["inbound"] != "True" or r["in_response_to_tweet_id"]:
            continue
        if not pick("twcs-" + roots.get(tid, tid)) or r["author_id"] in found:
            continue
        replies = [
            rows[x]
            for x in r["response_tweet_id"].split(",")
            if x in rows and rows[x]["inbound"] == "False"
        ]
        if not replies:
            continue
        first = min(replies, key=lambda x: (_tweet_time(x), int(x["tweet_id"])))
        found[r["author_id"]] = Tweet(
            id=f"tw-{tid}",
            author=r["author_id"],
            text=html.unescape(r["text"]),
            brand=first["author_id"],
            brand_reply=_LEADING_MENTIONS.sub("", html.unescape(first["text"])).strip(),
            brand_tweet_id=first["tweet_id"],
        )
    return sorted(found.values(), key=lambda t: int(t.id.removeprefix("tw-")))


def ab_sample(tweets: Sequence[Tweet], n: int, seed: int) -> list[Tweet]:
    if len(tweets) < n:
        raise SystemExit(f"only {len(tweets)} brand-answered tweets in the split; asked for {n}")
    return random.Random(f"{seed}-ab").sample(list(tweets), n)


def ab_order(ids: Sequence[str], seed: int) -> dict[str, str]:
    """id -> "A" or "B": the side our draft is shown on, seeded per run of ids."""
    rng = random.Random(f"{seed}-ab-order")
    return {i: rng.choice("AB") for i in ids}


def second_subset(ids: Sequence[str], n: int, seed: int) -> list[str]:
    return random.Random(f"{seed}-second").sample(list(ids), n)


# ---- the product ----------------------------------------------------------------------------


def input_lines(
    emails: Sequence[dict[str, Any]], tweets: Sequence[Tweet], received: str
) -> list[dict[str, Any]]:
    """The eval-format lines ``triage suggest --jsonl`` reads (triage/flow/suggest_jsonl.py)."""
    lines = [
        {
            "id": _id(r),
            "subject": r.get("subject") or "",
            "body": r.get("body") or "",
            "from_name": r.get("from_name") or "",
            "from_email": r.get("from_email") or "",
            "received": received,
        }
        for r in emails
    ]
    lines += [
        {
            "id": t.id,
            "subject": "",
            "text": t.text,
            "from_name": "",
            "from_email": f"twcs-{t.author}@twitter.invalid",
            "received": received,
        }
        for t in tweets
    ]
    return lines


def triage_command() -> list[str]:
    script = Path(sys.executable).parent / "triage"
    if script.exists():
        return [str(script)]
    found = shutil.which("triage")
    if found:
        return [found]
    return [sys.executable, "-c", "from cli import app; app()"]


def run_suggest(
    in_path: Path, config: Path, log: Path, at: datetime
) -> tuple[list[dict[str, Any]], float]:
    """Run the product on a JSON-Lines file as at ``at``; return its output lines and the wall
    time."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    cmd = [*triage_command(), "suggest", "--jsonl", str(in_path), "--config", str(config)]
    cmd += ["--now", at.isoformat()]
    start = time.perf_counter()
    with log.open("a", encoding="utf-8") as err:
        proc = subprocess.run(
            cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=err, text=True, check=False
        )
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"triage suggest failed (exit {proc.returncode}); see {log}")
    return [json.loads(line) for line in proc.stdout.splitlines() if line.strip()], wall


# ---- the item files -------------------------------------------------------------------------


def _from(r: dict[str, Any]) -> str:
    name, addr = r.get("from_name") or "", r.get("from_email") or ""
    return f"{name} <{addr}>" if name else addr


def rubric_items(
    emails: Sequence[dict[str, Any]], drafts: dict[str, str], received: str
) -> list[dict[str, Any]]:
    return [
        {
            "id": _id(r),
            "received": received,
            "from": _from(r),
            "subject": r.get("subject") or "",
            "email": r.get("body") or "",
            "draft": drafts.get(_id(r), ""),
        }
        for r in emails
    ]


def ab_items(
    tweets: Sequence[Tweet], drafts: dict[str, str], sides: dict[str, str], received: str
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    items, key = [], []
    for t in tweets:
        ours, theirs = drafts.get(t.id, ""), t.brand_reply
        a, b = (ours, theirs) if sides[t.id] == "A" else (theirs, ours)
        items.append(
            {
                "id": t.id,
                "received": received,
                "customer_message": t.text,
                "reply_a": a,
                "reply_b": b,
            }
        )
        key.append(
            {"id": t.id, "ours": sides[t.id], "brand": t.brand, "brand_tweet_id": t.brand_tweet_id}
        )
    return items, key


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


def git(*args: str) -> str:
    out = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=False)
    return out.stdout.strip()


def check_out_dir(out: Path, force: bool) -> None:
    """Refuse a folder git would track, or one that already holds verdicts (unless --force)."""
    try:
        inside = out.resolve().is_relative_to(REPO)
    except OSError:
        inside = False
    if inside:
        probe = out.resolve() / "probe.jsonl"
        ignored = subprocess.run(
            ["git", "check-ignore", "-q", str(probe)], cwd=REPO, check=False
        ).returncode
        if ignored != 0:
            raise SystemExit(f"{out} is inside the repository and not git-ignored; use var/…")
    verdicts = sorted(out.glob("*verdicts*.jsonl")) if out.exists() else []
    if verdicts and not force:
        raise SystemExit(f"{out} already holds verdicts ({verdicts[0].name}); --force to rebuild")


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--label", default="", help="run name (default: the short commit)")
    ap.add_argument("--out", type=Path, help="default var/judge/<label>/")
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--synthetic", type=Path, default=REPO / SYNTHETIC_DIR)
    ap.add_argument("--config", type=Path, default=REPO / "config" / "triage.toml")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--rubric-n", type=int, default=RUBRIC_N)
    ap.add_argument("--ab-n", type=int, default=AB_N)
    ap.add_argument("--second-n", type=int, default=SECOND_N)
    ap.add_argument("--force", action="store_true", help="rebuild over existing verdicts")
    ap.add_argument(
        "--split",
        choices=("dev", "train", "all"),
        default="dev",
        help="dev: the judged samples; train: items for developing (never the judged ones);"
        " all: every sender of --synthetic (for data/check_emails, a set the model never saw)",
    )
    ap.add_argument(
        "--at",
        type=datetime.fromisoformat,
        help="when the mail arrives and is answered, ISO with zone (default: this minute); a"
        " fixed time makes two builds comparable whenever they run, and a weekday one measures"
        " what a weekday desk sees",
    )
    args = ap.parse_args(argv)
    commit = git("rev-parse", "--short=12", "HEAD")
    label = args.label or commit
    out: Path = args.out or REPO / "var" / "judge" / label
    check_out_dir(out, args.force)
    out.mkdir(parents=True, exist_ok=True)

    if args.split == "all" and args.synthetic == REPO / SYNTHETIC_DIR:
        raise SystemExit(
            "--split all is for a set kept apart (data/check_emails/...): it would"
            " draw the judged dev emails too; give --synthetic"
        )
    pick = in_split(args.split)
    emails = rubric_sample(synthetic_rows(args.synthetic), args.rubric_n, args.seed, pick)
    tweets = ab_sample(brand_answered(args.data / TWCS_CSV, pick), args.ab_n, args.seed)
    zone = _zone(args.config)
    built = (args.at or datetime.now(UTC)).replace(second=0, microsecond=0)
    if built.tzinfo is None:
        raise SystemExit("--at needs a time zone, e.g. 2026-12-02T10:00Z")
    received = built.astimezone(zone).isoformat()

    lines = input_lines(emails, tweets, received)
    write_jsonl(out / "input.jsonl", lines)
    write_jsonl(out / "input_one.jsonl", lines[:1])
    log = out / "suggest.log"
    log.unlink(missing_ok=True)
    # model loading, measured twice (the first run may also build the inference cache)
    one_wall = min(
        run_suggest(out / "input_one.jsonl", args.config, log, built)[1] for _ in range(2)
    )
    results, wall = run_suggest(out / "input.jsonl", args.config, log, built)
    write_jsonl(out / "suggestions.jsonl", results)
    by_id = {str(r["id"]): r for r in results if "id" in r and r.get("text")}
    drafts = {i: str(r["text"]) for i, r in by_id.items()}

    shown = _shown_time(built, zone)
    rubric = rubric_items(emails, drafts, shown)
    write_jsonl(out / "rubric_items.jsonl", rubric)
    second = set(second_subset([r["id"] for r in rubric], args.second_n, args.seed))
    write_jsonl(out / "rubric_second.jsonl", [r for r in rubric if r["id"] in second])
    items, key = ab_items(tweets, drafts, ab_order([t.id for t in tweets], args.seed), shown)
    write_jsonl(out / "ab_items.jsonl", items)
    write_jsonl(out / "ab_key.jsonl", key)

    def checked(rows: Sequence[tuple[str, str]]) -> dict[str, Any]:
        have = [
            Draft(i, text, drafts[i], str(by_id[i].get("acknowledge", "")), by_id[i].get("name"))
            for i, text in rows
            if i in drafts
        ]
        return mechanical(have, no_draft=[i for i, _ in rows if i not in drafts])

    n = len(lines)
    report = {
        "label": label,
        "commit": commit,
        "dirty": bool(git("status", "--porcelain", "--untracked-files=no")),
        "built_at": built.isoformat(),  # when the mail arrives and is answered (--at)
        "made_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "received_shown": shown,
        "seed": args.seed,
        "split": args.split,
        "config": str(args.config),
        "n": {"rubric": len(rubric), "rubric_second": len(second), "ab": len(items)},
        "speed": {
            "lines": n,
            "wall_s": round(wall, 2),
            "one_line_wall_s": round(one_wall, 2),
            "drafts_per_s": round((n - 1) / (wall - one_wall), 2) if wall > one_wall else None,
            "drafts_per_s_with_model_load": round(n / wall, 2),
        },
        "rubric": checked([(_id(r), _email_text(r)) for r in emails]),
        "ab": checked([(t.id, t.text) for t in tweets]),
    }
    (out / "mechanical.json").write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n")
    _handouts(out)
    print(json.dumps(_summary(report), indent=1, ensure_ascii=False))
    print(f"items in {out}")


def _email_text(r: dict[str, Any]) -> str:
    return f"{r.get('subject') or ''}\n{r.get('body') or ''}"


def _zone(config: Path) -> ZoneInfo:
    from triage.settings import load_settings

    zone = load_settings(config).sla.zone
    return zone if isinstance(zone, ZoneInfo) else ZoneInfo(str(zone))


def _shown_time(at: datetime, zone: ZoneInfo) -> str:
    local = at.astimezone(zone)
    return local.strftime("%A %d %B %Y, %H:%M ") + f"({zone.key})"


def _handouts(out: Path) -> None:
    for name, items in (
        ("rubric", "rubric_items.jsonl"),
        ("second", "rubric_second.jsonl"),
        ("ab", "ab_items.jsonl"),
    ):
        folder = out / "handout" / name
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        shutil.copy(out / items, folder / items)
        shutil.copy(RUBRIC_FILE, folder / RUBRIC_FILE.name)


def _summary(report: dict[str, Any]) -> dict[str, Any]:
    brief: dict[str, Any] = {"speed": report["speed"], "n": report["n"]}
    for part in ("rubric", "ab"):
        m = report[part]
        brief[part] = {
            "drafts": m["drafts"],
            "no_draft": len(m["no_draft"]),
            "placeholder": m["placeholder"]["drafts"],
            "ack_copies_9_words": m["ack_copies_9_words"]["drafts"],
            "ack_sentences_over_10pct": m["ack_sentences_over_10pct"],
            "top_ack_sentences": [(s["sentence"], s["share"]) for s in m["ack_sentences_top"][:5]],
        }
    return brief


if __name__ == "__main__":
    main()
