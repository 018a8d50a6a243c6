"""``triage suggest --jsonl FILE``: suggestions for every line of a JSON-Lines file, no store.

Input lines use the eval format: ``id`` (optional), ``subject``, ``body`` or ``text``,
``from_name``, ``from_email``. Output: one JSON object per input line, in input order, with the
four sections, the full text, the knowledge-base entry and its similarity, and the tone findings.
A line that is not a JSON object gets ``{"line": n, "error": ...}`` and the run goes on.

History comes from the file itself: earlier lines from the same address count as earlier contact
(the file stands in for the store).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from triage.domain import Email, Scores
from triage.jsonl import records
from triage.quotes import split_reply
from triage.replies.compose import compose
from triage.replies.config import ReplyConfig
from triage.replies.knowledge import KnowledgeBase
from triage.replies.values import History, Suggestion

# Scores for (subject, newest_text) pairs, in order: the CLI passes the real classifier.
ScoreFn = Callable[[Sequence[tuple[str, str]]], Sequence[Scores]]


def email_from_record(record: dict[str, Any], line_no: int) -> tuple[str, Email]:
    body = str(record.get("body") or record.get("text") or "")
    newest, quoted, signature = split_reply(body)
    ident = str(record.get("id") or f"line-{line_no}")
    email = Email(
        message_id=str(record.get("message_id") or f"<{ident}@jsonl>"),
        subject=str(record.get("subject") or ""),
        from_name=record.get("from_name") or None,
        from_address=record.get("from_email") or record.get("from_address") or None,
        date=None,
        newest_text=newest,
        quoted_text=quoted,
        signature=signature,
    )
    return ident, email


def suggestion_record(ident: str, scores: Scores, s: Suggestion) -> dict[str, Any]:
    return {
        "id": ident,
        "urgency": scores.urgency,
        "frustration": scores.frustration,
        "acknowledge": s.acknowledge,
        "plan": s.plan,
        "fix": s.fix,
        "close": s.close,
        "text": s.text,
        "kb_entry": s.kb_entry,
        "kb_closest": s.kb_closest,
        "similarity": s.similarity,
        "kb_score": s.kb_score,
        "placeholder": s.placeholder,
        "callback": s.callback.isoformat(),
        "follow_up": s.follow_up.isoformat(),
        "repeat_contact": s.repeat_contact,
        "escalated": s.escalated,
        "findings": [asdict(f) for f in s.findings],
    }


def suggest_jsonl(
    in_path: Path,
    out: TextIO,
    *,
    scorer: ScoreFn,
    config: ReplyConfig,
    kb: KnowledgeBase,
    now: datetime,
    batch_size: int = 64,
) -> int:
    """Write one suggestion per input line to ``out``; return how many were composed."""
    seen: dict[str, int] = {}
    written = 0
    batch: list[tuple[int, dict[str, Any] | str]] = []

    def flush() -> None:
        nonlocal written
        emails = [(n, email_from_record(r, n)) for n, r in batch if isinstance(r, dict)]
        scores = iter(scorer([(e.subject, e.newest_text) for _, (_, e) in emails]))
        by_line = dict(emails)
        for n, record in batch:
            if not isinstance(record, dict):
                out.write(json.dumps({"line": n, "error": record}) + "\n")
                continue
            ident, email = by_line[n]
            score = next(scores)
            sender = (email.from_address or "").lower()
            history = History(same_sender=seen.get(sender, 0) if sender else 0)
            if sender:
                seen[sender] = seen.get(sender, 0) + 1
            suggestion = compose(
                email,
                score,
                history,
                now=now,
                kb=kb,
                templates=config.templates,
                sla=config.sla,
                # labels.md "Derived values": supervisor = angry and critical
                supervisor=score.frustration >= 3 and score.urgency >= 3,
                tone=config.tone,
            )
            out.write(
                json.dumps(suggestion_record(ident, score, suggestion), ensure_ascii=False) + "\n"
            )
            written += 1
        batch.clear()

    for item in records(in_path):
        batch.append(item)
        if len(batch) >= batch_size:
            flush()
    flush()
    return written
