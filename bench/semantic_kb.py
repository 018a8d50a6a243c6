"""What the knowledge base's semantic rule changes: the same emails drafted with it on (the
shipped config) and off (``[knowledge] semantic_min = 0``), through the product's real path.

    python bench/semantic_kb.py FILE.jsonl [FILE.jsonl ...] [--json] [--at ISO]

FILE is what ``triage suggest --jsonl`` reads (``bench/reply_items.py`` writes one as
``input.jsonl``). Per file it counts the drafts whose fix (``kb_entry``) changes, split into
fixes the rule adds where the keywords found none, fixes it swaps for another, and fixes it
takes away, and lists them by id and entry, so a reader can judge them (``--ids``). The
drafts are made at ``--at`` (default 2026-12-02T10:20Z, the judged samples' clock).
Whether a changed fix is right is for blind judges (``bench/reply_paired.py``), not this script.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.reply_items import triage_command  # noqa: E402


def off_config(tmp: Path) -> Path:
    """A triage.toml like the shipped one whose replies.toml has the semantic rule off."""
    replies = (REPO / "config" / "replies.toml").read_text(encoding="utf-8")
    replies, n = re.subn(r"(?m)^semantic_min\s*=.*$", "semantic_min = 0.0", replies)
    if n != 1:
        raise SystemExit("config/replies.toml has no single `semantic_min = ...` line")
    (tmp / "replies.toml").write_text(replies, encoding="utf-8")
    main = (REPO / "config" / "triage.toml").read_text(encoding="utf-8")
    main = re.sub(
        r'(?m)^config = "config/replies.toml"$', f'config = "{tmp / "replies.toml"}"', main
    )
    main = re.sub(
        r'(?m)^knowledge_dir = "config/knowledge"$',
        f'knowledge_dir = "{REPO / "config" / "knowledge"}"',
        main,
    )
    (tmp / "triage.toml").write_text(main, encoding="utf-8")
    return tmp / "triage.toml"


def drafts(path: Path, config: Path, at: str) -> dict[str, dict[str, Any]]:
    cmd = [*triage_command(), "suggest", "--jsonl", str(path), "--config", str(config)]
    out = subprocess.run(
        [*cmd, "--now", at], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout
    rows = [json.loads(line) for line in out.splitlines() if line.strip()]
    return {str(r["id"]): r for r in rows}


def compare(on: dict[str, dict[str, Any]], off: dict[str, dict[str, Any]]) -> dict[str, Any]:
    counts: Counter[str] = Counter()
    changed = []
    for key, new in on.items():
        old = off[key]
        a, b = old.get("kb_entry"), new.get("kb_entry")
        if a == b:
            continue
        what = "added" if a is None else "removed" if b is None else "swapped"
        counts[what] += 1
        changed.append({"id": key, "change": what, "off": a, "on": b})
    return {"drafts": len(on), **counts, "changed": changed}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--at", default="2026-12-02T10:20:00+00:00")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--ids", action="store_true", help="list each changed draft")
    a = ap.parse_args()
    report = {}
    with tempfile.TemporaryDirectory() as tmp:
        off = off_config(Path(tmp))
        for f in a.files:
            report[str(f)] = compare(
                drafts(f, REPO / "config" / "triage.toml", a.at), drafts(f, off, a.at)
            )
    if a.json:
        print(json.dumps(report, indent=1))
        return
    for name, r in report.items():
        print(
            f"{name}: {r['drafts']} drafts; fix added {r.get('added', 0)}, swapped "
            f"{r.get('swapped', 0)}, removed {r.get('removed', 0)}"
        )
        for c in r["changed"] if a.ids else ():
            print(f"  {c['id']}: {c['off']} -> {c['on']}")


if __name__ == "__main__":
    main()
