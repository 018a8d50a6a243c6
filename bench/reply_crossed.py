"""Judge two composer versions with the same judges, blind to the version (a crossed design).

    python bench/reply_crossed.py hand-out var/judge/A var/judge/B --out var/judge/AvB
    python bench/reply_crossed.py split var/judge/AvB
    python bench/reply_tally.py var/judge/A --markdown; python bench/reply_tally.py var/judge/B ...

A and B are run folders of bench/reply_items.py built from the same seed (the same emails and
tweets; only the drafts differ). Judging them in two separate rounds mixes the composer's change
with the judges' own drift; here every judge scores both versions in one file, never the same
email twice, and never knowing which version an item comes from:

  rubric1, rubric2  each item of the rubric sample once, its version by a seeded coin for
                    rubric1 and the other version for rubric2 (so each judge sees about half of
                    each version, and every email is judged in both versions by different judges);
  second            a seeded 25 of rubric1's items, for the agreement figure;
  ab1, ab2          the A/B items crossed the same way (ours vs the brand's real reply).

Item ids are replaced by opaque ones (``x-001`` ...) and items are shuffled; the map back
(``crossed_key.json``) stays in the --out folder, never in a hand-out. ``split`` reads each
judge's verdict file from ``handout/<judge>/`` and writes, into each run folder, the verdict
files bench/reply_tally.py reads (its rubric_second.jsonl is rewritten to the items the second
judge actually saw for that version).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
RUBRIC_FILE = REPO / "bench" / "JUDGE_RUBRIC.md"
SEED = 7
SECOND_N = 25
# judge folder -> (items file the judge gets, verdict file the judge writes)
JUDGES = {
    "rubric1": ("rubric_items.jsonl", "rubric_verdicts.jsonl"),
    "rubric2": ("rubric_items.jsonl", "rubric_verdicts.jsonl"),
    "second": ("rubric_second.jsonl", "rubric_second_verdicts.jsonl"),
    "ab1": ("ab_items.jsonl", "ab_verdicts.jsonl"),
    "ab2": ("ab_items.jsonl", "ab_verdicts.jsonl"),
}


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def _by_id(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {str(r["id"]): r for r in rows}


def hand_out(runs: list[Path], out: Path, seed: int) -> None:
    rng = random.Random(seed)
    key: dict[str, dict[str, str]] = {}  # judge -> opaque id -> "run index:original id"
    counter = iter(range(1, 10_000))
    files: dict[str, list[dict[str, Any]]] = {j: [] for j in JUDGES}
    for part, judges in (
        ("rubric_items.jsonl", ("rubric1", "rubric2")),
        ("ab_items.jsonl", ("ab1", "ab2")),
    ):
        items = [_by_id(read_jsonl(run / part)) for run in runs]
        ids = list(items[0])
        if any(list(i) != ids for i in items[1:]):
            raise SystemExit(f"{part}: the runs hold different items; build them with one seed")
        for original in ids:
            first = rng.randrange(2)
            for judge, version in zip(judges, (first, 1 - first), strict=True):
                opaque = f"x-{next(counter):03d}"
                key.setdefault(judge, {})[opaque] = f"{version}:{original}"
                files[judge].append(items[version][original] | {"id": opaque})
    second = rng.sample(files["rubric1"], SECOND_N)
    key["second"] = {r["id"]: key["rubric1"][r["id"]] for r in second}
    files["second"] = [dict(r) for r in second]
    if out.exists():
        shutil.rmtree(out)
    for judge, (items_name, _) in JUDGES.items():
        rows = files[judge]
        rng.shuffle(rows)
        folder = out / "handout" / judge
        folder.mkdir(parents=True)
        write_jsonl(folder / items_name, rows)
        shutil.copy(RUBRIC_FILE, folder / RUBRIC_FILE.name)
    (out / "crossed_key.json").write_text(
        json.dumps({"runs": [str(r) for r in runs], "key": key}, indent=1), encoding="utf-8"
    )
    print(f"hand-outs in {out}/handout: " + ", ".join(f"{j} {len(files[j])}" for j in JUDGES))


def split(out: Path) -> None:
    meta = json.loads((out / "crossed_key.json").read_text(encoding="utf-8"))
    runs = [Path(r) for r in meta["runs"]]
    key: dict[str, dict[str, str]] = meta["key"]
    per_run: dict[tuple[int, str], list[dict[str, Any]]] = {}
    for judge, (_, verdict_name) in JUDGES.items():
        path = out / "handout" / judge / verdict_name
        if not path.exists():
            print(f"{judge}: no verdicts yet ({path})")
            continue
        for row in read_jsonl(path):
            version, original = key[judge][str(row["id"])].split(":", 1)
            per_run.setdefault((int(version), verdict_name), []).append(
                row | {"id": original, "judge": judge}
            )
    for (version, verdict_name), rows in per_run.items():
        run = runs[version]
        write_jsonl(
            run / verdict_name, [{k: v for k, v in r.items() if k != "judge"} for r in rows]
        )
        if verdict_name == "rubric_second_verdicts.jsonl":
            # the items this version's second verdicts are about, for reply_tally's checks
            items = _by_id(read_jsonl(run / "rubric_items.jsonl"))
            write_jsonl(run / "rubric_second.jsonl", [items[r["id"]] for r in rows])
        print(f"{run}: {verdict_name} {len(rows)}")


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = ap.add_subparsers(dest="cmd", required=True)
    h = sub.add_parser("hand-out")
    h.add_argument("runs", type=Path, nargs=2)
    h.add_argument("--out", type=Path, required=True)
    h.add_argument("--seed", type=int, default=SEED)
    s = sub.add_parser("split")
    s.add_argument("out", type=Path)
    args = ap.parse_args()
    if args.cmd == "hand-out":
        hand_out(list(args.runs), args.out, args.seed)
    else:
        split(args.out)


if __name__ == "__main__":
    main()
