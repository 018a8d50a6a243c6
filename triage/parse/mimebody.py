"""Pick the readable body of a parsed MIME message and list its attachments (never kept).

The body is the first inline text/plain part with words in it, else the first inline text/html
part turned into text. A forwarded message/rfc822 part is an attachment: its text is someone
else's mail, not what this sender wrote.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import Message

from triage.domain import Attachment
from triage.parse.charsets import decode_header_value, decode_text
from triage.parse.htmltext import html_text

_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_NOT_B64 = re.compile(r"[^A-Za-z0-9+/]")
MAX_DEPTH = 40  # deeper nesting is an attack or a loop, not mail
TOO_DEEP = "MIME nesting too deep; rest ignored"


@dataclass(frozen=True, slots=True)
class Body:
    text: str
    html_only: bool
    attachments: tuple[Attachment, ...]
    defects: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Leaf:
    part: Message
    content_type: str
    filename: str | None
    is_attachment: bool


def read_body(message: Message) -> Body:
    defects: list[str] = []
    leaves = list(_leaves(message, defects, 0))
    plain = [
        leaf for leaf in leaves if not leaf.is_attachment and leaf.content_type == "text/plain"
    ]
    html = [leaf for leaf in leaves if not leaf.is_attachment and leaf.content_type == "text/html"]
    chosen: _Leaf | None = None
    text, html_only = "", False
    for leaf in plain:
        candidate = _text_of(leaf.part, defects)
        if candidate.strip():
            chosen, text = leaf, candidate
            break
    if chosen is None:
        for leaf in html:
            converted = html_text(_text_of(leaf.part, defects))
            defects.extend(converted.defects)
            if converted.text.strip():
                chosen, text, html_only = leaf, converted.text, True
                break
    attachments = tuple(
        Attachment(leaf.filename, leaf.content_type, _size(leaf.part, defects))
        for leaf in leaves
        if leaf is not chosen and (leaf.is_attachment or leaf.filename is not None)
    )
    for part in _all_parts(message, 0):
        defects.extend(type(d).__name__ for d in part.defects)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return Body(text, html_only, attachments, tuple(defects))


def _leaves(part: Message, defects: list[str], depth: int) -> Iterator[_Leaf]:
    if depth > MAX_DEPTH:
        defects.append(TOO_DEEP)
        return
    content_type = _content_type(part, defects)
    payload = part.get_payload()
    if (
        part.is_multipart()
        and isinstance(payload, list)
        and not content_type.startswith("message/")
    ):
        for child in payload:
            if isinstance(child, Message):
                yield from _leaves(child, defects, depth + 1)
        return
    if content_type.startswith("multipart/"):
        # boundary missing or wrong: the email package keeps the whole thing as one text blob
        content_type = "text/plain"
    filename = _filename(part, defects)
    disposition = _disposition(part, defects)
    # A named text part is a file, except when it is the whole message (some mailers name the
    # only body part) or explicitly inline; those can still be the body.
    is_attachment = (
        disposition == "attachment"
        or (filename is not None and depth > 0 and disposition != "inline")
        or not content_type.startswith("text/")
    )
    yield _Leaf(part, content_type, filename, is_attachment)


def _all_parts(part: Message, depth: int) -> Iterator[Message]:
    yield part
    payload = part.get_payload()
    if depth < MAX_DEPTH and part.is_multipart() and isinstance(payload, list):
        for child in payload:
            if isinstance(child, Message):
                yield from _all_parts(child, depth + 1)


def _content_type(part: Message, defects: list[str]) -> str:
    try:
        return part.get_content_type().lower()
    except Exception:  # header objects of policy.default can raise on hostile values
        defects.append("unparsable Content-Type; treated as text/plain")
        return "text/plain"


def _disposition(part: Message, defects: list[str]) -> str | None:
    try:
        return part.get_content_disposition()
    except Exception:
        defects.append("unparsable Content-Disposition")
        return None


def _filename(part: Message, defects: list[str]) -> str | None:
    try:
        name = part.get_filename() or part.get_param("name")
    except Exception:
        defects.append("unparsable attachment filename")
        return None
    if isinstance(name, tuple):  # RFC 2231 value the email package left undecoded
        name = name[2]
    if not name:
        return None
    name = str(name)
    if "\ufffd" in name:
        name = _raw_8bit_filename(part) or name
    decoded, more = decode_header_value(str(name))
    defects.extend(f"filename: {d}" for d in more)
    return decoded.replace("\x00", "").strip() or None


def _payload_bytes(part: Message, defects: list[str]) -> bytes:
    if part.get("content-transfer-encoding", "").strip().lower() == "base64":
        raw = part.get_payload()
        if isinstance(raw, str):
            return _lenient_b64(raw, defects)
    try:
        payload = part.get_payload(decode=True)
    except Exception:
        defects.append("undecodable payload; skipped")
        return b""
    return payload if isinstance(payload, bytes) else b""


def _lenient_b64(raw: str, defects: list[str]) -> bytes:
    """Decode what can be decoded: the email package returns broken base64 still encoded."""
    try:
        return base64.b64decode("".join(raw.split()), validate=True)
    except (binascii.Error, ValueError):
        defects.append("broken base64; decoded what was readable")
    cleaned = _NOT_B64.sub("", raw)
    if len(cleaned) % 4 == 1:  # a lone trailing sextet carries no whole byte
        cleaned = cleaned[:-1]
    try:
        return base64.b64decode(cleaned + "=" * (-len(cleaned) % 4))
    except (binascii.Error, ValueError):
        return b""


def _text_of(part: Message, defects: list[str]) -> str:
    try:
        charset = part.get_content_charset()
    except Exception:
        charset = None
        defects.append("unparsable charset parameter")
    data = _payload_bytes(part, defects)
    if charset is None and part.get_content_type() == "text/html":
        meta = _META_CHARSET.search(data[:4096])
        charset = meta.group(1).decode("ascii") if meta else None
    text, more = decode_text(data, charset)
    defects.extend(more)
    return text


def _size(part: Message, defects: list[str]) -> int:
    payload = part.get_payload()
    if isinstance(payload, list):  # message/rfc822: size of the enclosed message as sent
        try:
            return sum(len(m.as_bytes()) for m in payload if isinstance(m, Message))
        except Exception:
            defects.append("could not size attached message")
            return 0
    return len(_payload_bytes(part, defects))


_RAW_NAME = re.compile(r'\bfile(?:name)?=\s*"?([^";\r\n]+)|\bname=\s*"?([^";\r\n]+)', re.IGNORECASE)


def _raw_8bit_filename(part: Message) -> str | None:
    """A filename written as raw 8-bit bytes (no RFC 2047/2231 encoding).

    The email package hands such bytes back as U+FFFD; the raw header still has them as
    surrogate escapes. Most mailers that do this write UTF-8; cp1252 is the fallback.
    """
    for key, value in part.raw_items():
        if key.lower() not in ("content-disposition", "content-type"):
            continue
        m = _RAW_NAME.search(str(value))
        if m is None:
            continue
        raw = (m.group(1) or m.group(2)).strip().encode("utf-8", "surrogateescape")
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return raw.decode("cp1252", errors="replace")
    return None
