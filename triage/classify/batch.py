"""`triage classify`: what one email from a file or stdin is scored on, and `--jsonl FILE`,
every line of a JSON-Lines file, in batches."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from triage.classify.data import from_eval_row
from triage.classify.evaluate import SupportsClassify
from triage.classify.labels import FRUSTRATION_NAMES, URGENCY_NAMES
from triage.domain import Scores
from triage.errors import ConfigError, MessageError
from triage.jsonl import records

CHUNK = 256  # rows per classify() call: bounded memory on files of any size
_HEADER_LIKE = re.compile(rb"[!-9;-~]+[ \t]*:")


@dataclass(frozen=True, slots=True)
class OneInput:
    """The (subject, text) `triage classify FILE|-` scores, and a note when it is not the
    email the worker would have scored."""

    subject: str
    text: str
    note: str | None = None


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
            )
        note = None
        if _HEADER_LIKE.match(data):
            note = f"not read as an email ({exc}): scored as plain text, headers and all"
        return OneInput("", data.decode("utf-8", "replace"), note)
    return OneInput(email.subject, email.newest_text)


def read_source(source: str) -> OneInput:
    """`triage classify FILE|-`: ``read_one`` on the file's bytes, or on stdin's for "-"."""
    import sys

    try:
        data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as exc:
        raise ConfigError(f"{source}: cannot be read: {exc.strerror}") from exc
    return read_one(data, "standard input" if source == "-" else source)


def scores_to_dict(scores: Scores, id_: str | None = None) -> dict[str, Any]:
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
    return out


def classify_jsonl(classifier: SupportsClassify, in_path: Path, out: IO[str]) -> int:
    """Write one JSON object per input line (same order); returns the number of rows.

    Rows have subject+body (quoted history is stripped here) or text; ``id`` is echoed,
    or the line number when absent.
    """
    count = 0
    chunk: list[tuple[str, tuple[str, str]]] = []

    def flush() -> None:
        for (id_, _), s in zip(chunk, classifier.classify([it for _, it in chunk]), strict=True):
            out.write(json.dumps(scores_to_dict(s, id_), ensure_ascii=False) + "\n")
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
