"""``triage suggest --jsonl FILE``: suggestions for every line of a JSON-Lines file, no store.

Input lines use the eval format: ``id`` (optional), ``subject``, ``body`` or ``text``,
``from_name``, ``from_email``; or ``eml``: the whole message source, parsed as the worker parses
mail. ``received`` (ISO 8601, optional) is when it arrived; the response target counts from it.
Output: one JSON object per input line, in input order, with the routing decision (queue,
supervisor, reasons), the reading, the kind of reply, the four sections, the full text, the
knowledge-base entry and its similarity, each ask with the sentence that answers it, what the
agent must still do, and the tone findings; ignored mail (not a customer) gets the decision and
no reply.
A line that is not a JSON object gets ``{"line": n, "error": ...}`` and the run goes on.

Each line is decided by triage/flow/decide.py, as the worker decides stored mail. History comes from
the file itself, by the store's rule (triage/history.py): earlier lines from the same address or
in the same thread, within the repeat window, count as earlier contact.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from triage.domain import Email, Scores
from triage.flow.decide import Decider, Decision, decide, read_batch
from triage.history import Seen, history_of, seen_of
from triage.jsonl import records
from triage.parse.message import parse
from triage.parse.quotes import split_reply
from triage.reading.serial import reading_to_dict
from triage.replies.serial import suggestion_to_dict

# Scores for (subject, newest_text) pairs, in order: the CLI passes the real classifier.
ScoreFn = Callable[[Sequence[tuple[str, str]]], Sequence[Scores]]


def email_from_record(record: dict[str, Any], line_no: int) -> tuple[str, Email]:
    ident = str(record.get("id") or f"line-{line_no}")
    if isinstance(record.get("eml"), str):
        return ident, parse(record["eml"].encode("utf-8", errors="surrogateescape"))
    body = str(record.get("body") or record.get("text") or "")
    newest, quoted, signature = split_reply(body)
    email = Email(
        message_id=str(record.get("message_id") or f"<{ident}@jsonl>"),
        subject=str(record.get("subject") or ""),
        from_name=record.get("from_name") or None,
        from_address=record.get("from_email") or record.get("from_address") or None,
        # the line's Date, else its arrival: what a real message's Date header would say
        date=_when(record.get("date")) or _when(record.get("received")),
        newest_text=newest,
        quoted_text=quoted,
        signature=signature,
    )
    return ident, email


def received_of(record: dict[str, Any], default: datetime) -> datetime:
    return _when(record.get("received")) or default


def _when(value: object) -> datetime | None:
    """An ISO time of a line (naive: UTC), or None when absent or unreadable."""
    if not isinstance(value, str):
        return None
    try:
        at = datetime.fromisoformat(value)
    except ValueError:
        return None
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


def suggestion_record(ident: str, d: Decision) -> dict[str, Any]:
    scores, s = d.scores, d.suggestion
    record: dict[str, Any] = {
        "id": ident,
        "urgency": scores.urgency,
        "frustration": scores.frustration,
        "queue": d.route.queue,
        "supervisor": d.route.supervisor,
        "route_reasons": list(d.route.reasons),
    }
    if d.route.urgency is not None:
        record["routed_urgency"] = d.route.urgency
    if d.reading is not None:
        record["reading"] = reading_to_dict(d.reading)
        record["kind"] = d.reading.kind
    if s is not None:
        record.update(suggestion_to_dict(s))  # its "kind": the shape of reply written
    if d.reading is not None:
        # each ask with the sentence of the draft that answers it (none without a draft)
        answered = dict(s.answers) if s is not None else {}
        record["asks"] = [
            {"text": a.text, "type": a.type, "answer": answered.get(a.text)} for a in d.reading.asks
        ]
    return record


def suggest_jsonl(
    in_path: Path,
    out: TextIO,
    *,
    scorer: ScoreFn,
    decider: Decider,
    now: datetime,
    batch_size: int = 64,
) -> int:
    """Write one decision per input line to ``out``; return how many lines were decided."""
    earlier: list[Seen] = []  # the file's earlier lines stand in for the store
    written = 0
    batch: list[tuple[int, dict[str, Any] | str]] = []
    window = decider.routing.repeat_window_days

    def flush() -> None:
        nonlocal written
        lines = [
            (n, *email_from_record(r, n), received_of(r, now))
            for n, r in batch
            if isinstance(r, dict)
        ]
        scores = list(scorer([(e.subject, e.newest_text) for _, _, e, _ in lines]))
        histories = []
        for _, _, email, received in lines:  # in file order: each line sees the ones before
            histories.append(history_of(email, received, earlier, window))
            earlier.append(seen_of(email, received))
        readings = read_batch([(e, at) for _, _, e, at in lines], scores, histories, decider)
        decided = {
            n: (ident, decide(e, sc, h, received=at, now=now, decider=decider, reading=rd))
            for (n, ident, e, at), sc, h, rd in zip(lines, scores, histories, readings, strict=True)
        }
        for n, record in batch:
            if not isinstance(record, dict):
                out.write(json.dumps({"line": n, "error": record}) + "\n")
                continue
            ident, d = decided[n]
            out.write(json.dumps(suggestion_record(ident, d), ensure_ascii=False) + "\n")
            written += 1
        batch.clear()

    for item in records(in_path):
        batch.append(item)
        if len(batch) >= batch_size:
            flush()
    flush()
    return written
