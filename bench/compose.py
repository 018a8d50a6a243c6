"""How fast the composer writes drafts, on its own: every synthetic email, with the data set's
labels as scores and the consensus reading (data/reading/consensus) as its Reading, so neither
the model nor the text reader is timed. Target: at least 30 drafts a second in one process.

    python bench/compose.py [--repeat 3] [--show KIND] [--json]

``--show fault`` prints a few drafts of that kind instead (for reading them, not for timing).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from triage.domain import Email, Reading, Scores  # noqa: E402
from triage.parse.quotes import split_reply  # noqa: E402
from triage.reading.labelled import readings  # noqa: E402
from triage.reading.wrote_before import _SET_PHRASES  # noqa: E402
from triage.replies.compose import composer_for  # noqa: E402
from triage.replies.config import load_reply_config  # noqa: E402
from triage.replies.knowledge import KnowledgeBase  # noqa: E402
from triage.replies.values import History, Suggestion  # noqa: E402
from triage.settings import Settings  # noqa: E402

NOW = datetime(2026, 12, 2, 9, 30, tzinfo=UTC)  # when the consensus deadlines are resolved from


def items(directory: Path) -> list[tuple[str, Email, Scores, Reading]]:
    """(id, email, scores from the labels, consensus reading) for every synthetic email."""
    read = readings()
    out = []
    for path in sorted(directory.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row: dict[str, Any] = json.loads(line)
            newest, quoted, signature = split_reply(row["body"])
            email = Email(
                message_id=f"<{row['id']}@synthetic>",
                subject=row["subject"],
                from_name=row["from_name"],
                from_address=row["from_email"],
                date=None,
                newest_text=newest,
                quoted_text=quoted,
                signature=signature,
            )
            u, f = row["urgency"], row["frustration"]
            scores = Scores(u, u / 3, f, f / 3, float(row["not_customer"]))
            # "wrote before" from the reader's set phrases, as tests/replies/test_synthetic.py
            said = bool(_SET_PHRASES.search(f"{row['subject']}\n{row['body']}"))
            reading = replace(read[row["id"]], says_wrote_before=said)
            out.append((row["id"], email, scores, reading))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--data", type=Path, default=REPO / "data" / "support_emails_synthetic")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--show", default="")
    ap.add_argument("--n", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    settings = Settings()
    cfg = load_reply_config(settings.replies.config, sla=settings.sla, root=REPO)
    kb = KnowledgeBase.load(cfg.knowledge)
    rows = items(args.data)

    composer = composer_for(cfg, kb)

    def one(email: Email, scores: Scores, reading: Reading) -> Suggestion:
        supervisor = scores.urgency == 3 and scores.frustration == 3
        return composer(email, scores, History(), NOW, supervisor, reading)

    if args.show:
        shown = 0
        for ident, email, scores, reading in rows:
            s = one(email, scores, reading)
            if s.kind != args.show:
                continue
            print(f"===== {ident} ({reading.kind}/{reading.scope}) {email.subject}")
            print(email.newest_text[:600])
            print("-----")
            print(s.text)
            print("asks:", [(a, t[:60]) for a, t in s.answers])
            print("todo:", s.agent_todo, "| findings:", [f.rule for f in s.findings])
            shown += 1
            if shown >= args.n:
                break
        return
    best = float("inf")
    for _ in range(args.repeat):
        start = time.perf_counter()
        for _ident, email, scores, reading in rows:
            one(email, scores, reading)
        best = min(best, time.perf_counter() - start)
    rate = len(rows) / best
    result = {"drafts": len(rows), "seconds": round(best, 3), "drafts_per_second": round(rate, 1)}
    print(json.dumps(result) if args.json else f"{len(rows)} drafts in {best:.2f} s: {rate:.0f}/s")


if __name__ == "__main__":
    main()
