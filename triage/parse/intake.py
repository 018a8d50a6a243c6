"""RawMessage -> Intake: parse one fetched message, or say why it is quarantined.

Whatever happens inside the parser, this function returns: one bad email never stops the rest.
"""

from __future__ import annotations

import hashlib
import logging
import re

from triage.domain import Intake, RawMessage
from triage.errors import MessageError
from triage.parse.message import body_hash, parse

log = logging.getLogger(__name__)

_MAX_HEADER_CHARS = 64 * 1024
_MESSAGE_ID = re.compile(rb"^message-id:[ \t]*(<[^>\r\n]{1,900}>)", re.IGNORECASE | re.MULTILINE)


def header_block(data: bytes) -> bytes:
    """The bytes before the first empty line (all of it when there is none)."""
    for sep in (b"\r\n\r\n", b"\n\n"):
        end = data.find(sep)
        if end != -1:
            return data[:end]
    return data


def _headers_text(data: bytes) -> str:
    return header_block(data)[:_MAX_HEADER_CHARS].decode("utf-8", errors="replace")


def _quarantine(raw: RawMessage, reason: str) -> Intake:
    m = _MESSAGE_ID.search(header_block(raw.data))
    # Bytes the server would not hand over cannot be compared with anything: such a message
    # is only ever the one at its own location (every refusal has the same empty data).
    content = f"unfetched {raw.key}".encode() if raw.fetch_error is not None else raw.data
    return Intake(
        key=raw.key,
        size=raw.size,
        content_hash=hashlib.sha256(content).hexdigest(),
        message_id=m.group(1).decode("ascii", errors="replace") if m else None,
        email=None,
        error=reason,
        raw_headers=_headers_text(raw.data),
        received_at=raw.internal_date,
    )


def to_intake(raw: RawMessage, *, max_bytes: int | None = None) -> Intake:
    if raw.fetch_error is not None:
        return _quarantine(raw, raw.fetch_error)
    try:
        email = parse(raw.data, oversized=raw.oversized)
    except MessageError as exc:
        log.warning("%s quarantined: %s", raw.key, exc)
        return _quarantine(raw, str(exc))
    except Exception as exc:  # a parser bug must not stop the run; keep the message and the why
        log.exception("%s quarantined: parser failed", raw.key)
        return _quarantine(raw, f"parser failed: {type(exc).__name__}: {exc}")
    if raw.oversized:
        cap = f" cap of {max_bytes} bytes" if max_bytes else " size cap"
        return Intake(
            key=raw.key,
            size=raw.size,
            content_hash=email.content_hash,
            message_id=email.message_id,
            email=email,
            error=f"message is {raw.size} bytes, over the{cap}: stored with its headers only",
            raw_headers=_headers_text(raw.data),
            received_at=raw.internal_date,
        )
    return Intake(
        key=raw.key,
        size=raw.size,
        content_hash=email.content_hash,
        message_id=email.message_id,
        email=email,
        received_at=raw.internal_date,
        legacy_hash=body_hash(raw.data) if email.message_id is None else None,
    )
