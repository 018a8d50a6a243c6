"""Reading JSON-Lines input for the batch commands (`classify --jsonl`, `suggest --jsonl`).

One bad line never stops the rest: it comes back as an error string with its line number,
and the batch writes ``{"line": n, "error": ...}`` in its place so the output stays aligned.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from triage.errors import ConfigError


def records(path: Path) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """(line number, the object) per non-blank line, or (line number, what is wrong)."""
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read: {exc.strerror}") from exc
    with handle:
        for line_no, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                yield line_no, f"not JSON: {exc.msg}"
                continue
            yield line_no, value if isinstance(value, dict) else "not a JSON object"
