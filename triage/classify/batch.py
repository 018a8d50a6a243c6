"""`triage classify`: what one email from a file or stdin is scored on, and `--jsonl FILE`,
every line of a JSON-Lines file, in batches."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from triage.classify.data import from_eval_row
from triage.classify.evaluate import SupportsClassify
from triage.classify.labels import FRUSTRATION_NAMES, URGENCY_NAMES
from triage.domain import History, Reading, Scores
from triage.errors import ConfigError, MessageError
from triage.jsonl import records

if TYPE_CHECKING:
    from triage.flow.decide import TextReader

CHUNK = 256  # rows per classify() call: bounded memory on files of any size
_HEADER_LIKE = re.compile(rb"[!-9;-~]+[ \t]*:")


@dataclass(frozen=True, slots=True)
class OneInput:
    """The (subject, text) `triage classify FILE|-` scores, and a note when it is not the
    email the worker would have scored."""

    subject: str
    text: str
    note: str | None = None
    date: datetime | None = None  # the Date header: deadlines are read relative to it


def read_one(data: bytes, source: str) -> OneInput:
    """The same bytes give the same input whether they come from a file or from stdin.

    Bytes that parse as an email are scored as the worker scores them: subject and newest text.
    Bytes the parser refuses only for NUL bytes (intake quarantines them as binary) are scored
    with the NULs removed, and the note says the worker would not score them. Other text is
    scored as it is; binary data is a ConfigError naming ``source``.
    """
    from triage.parse.message import parse

    try:
        email = parse(data)
    except MessageError as exc:
        if b"\x00" in data:
            try:
                email = parse(data.replace(b"\x00", b""))
            except MessageError:
                raise ConfigError(
                    f"{source}: binary data (NUL bytes): neither an email message nor text"
                ) from exc
            return OneInput(
                email.subject,
                email.newest_text,
                f"the worker would quarantine this message, not score it ({exc}); "
                "scored here with its NUL bytes removed",
                email.date,
            )
        note = None
        if _HEADER_LIKE.match(data):
            note = f"not read as an email ({exc}): scored as plain text, headers and all"
        return OneInput("", data.decode("utf-8", "replace"), note)
    return OneInput(email.subject, email.newest_text, None, email.date)


def read_source(source: str) -> OneInput:
    """`triage classify FILE|-`: ``read_one`` on the file's bytes, or on stdin's for "-"."""
    import sys

    try:
        data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as exc:
        raise ConfigError(f"{source}: cannot be read: {exc.strerror}") from exc
    return read_one(data, "standard input" if source == "-" else source)


def scores_to_dict(
    scores: Scores, id_: str | None = None, reading: Reading | None = None
) -> dict[str, Any]:
    """The JSON shape shared by `triage classify --json` and `--jsonl` (no embedding)."""
    out: dict[str, Any] = {} if id_ is None else {"id": id_}
    out["urgency"] = {
        "level": scores.urgency,
        "name": URGENCY_NAMES[scores.urgency],
        "score": round(scores.urgency_score, 4),
    }
    out["frustration"] = {
        "level": scores.frustration,
        "name": FRUSTRATION_NAMES[scores.frustration],
        "score": round(scores.frustration_score, 4),
    }
    out["not_customer"] = round(scores.not_customer, 4)
    out["evidence"] = [
        {"label": e.label, "phrase": e.phrase, "weight": e.weight} for e in scores.evidence
    ]
    out["model_version"] = scores.model_version
    if reading is not None:
        from triage.reading.serial import reading_to_dict

        out["reading"] = reading_to_dict(reading)
    return out


def readings(
    reader: TextReader | None,
    items: Sequence[tuple[str, str]],
    scores: Sequence[Scores],
    at: datetime,
) -> list[Reading | None]:
    """The reading of each (subject, text) scored, for the classify outputs (no store: no
    earlier contact is known, and ``at`` stands in for the received time)."""
    from triage.flow.decide import reading_of

    texts = reader.read_many([(s, t, at) for s, t in items]) if reader else [None] * len(items)
    return [reading_of(sc.guess, tx, History()) for sc, tx in zip(scores, texts, strict=True)]


def classify_jsonl(
    classifier: SupportsClassify,
    in_path: Path,
    out: IO[str],
    *,
    reader: TextReader | None = None,
    at: datetime | None = None,
) -> int:
    """Write one JSON object per input line (same order); returns the number of rows.

    Rows have subject+body (quoted history is stripped here) or text; ``id`` is echoed,
    or the line number when absent.
    """
    count = 0
    chunk: list[tuple[str, tuple[str, str]]] = []

    def flush() -> None:
        items = [it for _, it in chunk]
        scores = classifier.classify(items)
        read = readings(reader, items, scores, at or datetime.now(UTC))
        for (id_, _), s, r in zip(chunk, scores, read, strict=True):
            out.write(json.dumps(scores_to_dict(s, id_, r), ensure_ascii=False) + "\n")
        chunk.clear()

    for n, row in records(in_path):
        if isinstance(row, str):  # a broken line: say so in its place, go on with the rest
            flush()
            out.write(json.dumps({"line": n, "error": row}) + "\n")
            continue
        try:
            ex = from_eval_row(row, n)
        except ConfigError as exc:
            flush()
            out.write(json.dumps({"line": n, "error": str(exc)}) + "\n")
            continue
        chunk.append((str(row.get("id", n)), (ex.subject, ex.text)))
        count += 1
        if len(chunk) >= CHUNK:
            flush()
    if chunk:
        flush()
    return count
