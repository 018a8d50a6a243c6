"""bytes → Email. Raises only MessageError, and only when the bytes are not a mail message at all.

Everything else degrades: a bad charset, broken base64, a garbled From or an impossible Date
becomes a note in ``Email.defects`` and the best value we can get. Headers are read raw
(``raw_items``) and decoded here rather than through the email package's header objects,
because those raise on some malformed headers and silently keep 8-bit bytes as surrogates.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from email import policy
from email.message import Message
from email.parser import BytesParser
from email.utils import getaddresses, parseaddr, parsedate_to_datetime
from typing import overload

from triage.domain import Email
from triage.errors import MessageError
from triage.parse.charsets import decode_header_value, undo_surrogates
from triage.parse.kinds import detect_kind
from triage.parse.mimebody import MAX_DEPTH, TOO_DEEP, Body, read_body
from triage.parse.mimedepth import prune_deep_parts
from triage.parse.quotes import split_reply
from triage.textsafe import clean

OVERSIZED_DEFECT = "body not fetched: over size cap"
# A header block must name at least one of these, or the bytes are not a message at all.
_CORE_HEADERS = frozenset(
    "from to cc subject date message-id received return-path mime-version content-type "
    "sender reply-to delivered-to in-reply-to references".split()
)
_HEADER_LINE = re.compile(rb"^(?:From |[\x21-\x39\x3b-\x7e]+[ \t]*:)")
_MSG_ID = re.compile(r"<[^<>\s]+>")
_FOLD = re.compile(r"\r?\n(?=[ \t])")
_ADDRESS_FALLBACK = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")
_BODY_SPLIT = re.compile(rb"\r?\n\r?\n")
_OBSOLETE_NAME = re.compile(rb"^([\x21-\x39\x3b-\x7e]+)[ \t]+:", re.MULTILINE)


def parse(data: bytes, *, oversized: bool = False) -> Email:
    """Parse one raw message. ``oversized``: ``data`` is only the header block (body not fetched)."""
    # Blank lines before the first header (some exporters write them) would hide every header.
    data = data.lstrip(b"\r\n")
    _check_is_message(data)
    message, pruned = _parse_message(_repair_obsolete_names(data), oversized)
    headers = _raw_headers(message)
    if not _CORE_HEADERS.intersection(headers):
        raise MessageError("no mail headers (From, Subject, Date, Received, ...) found")
    defects: list[str] = [type(d).__name__ for d in message.defects]
    if pruned:
        defects.append(TOO_DEEP)
    subject = _header_text(headers, "subject", defects)
    from_name, from_address = _sender(headers, defects)
    message_id = _first_id(headers.get("message-id", []))
    if message_id is None:
        defects.append("no Message-ID")
    in_reply_to = _first_id(headers.get("in-reply-to", []))
    references = tuple(_MSG_ID.findall(" ".join(headers.get("references", []))))
    to = _addresses(headers.get("to", []))
    date = _date(headers.get("date", []), defects)
    if oversized:
        body = Body(text="", html_only=False, attachments=(), defects=(OVERSIZED_DEFECT,))
        content_hash = _hash(data)  # the header block is all we have
    else:
        body = _read_body_safely(message)
        content_hash = identity_hash(data, message_id)
    defects.extend(body.defects)
    # Escape sequences go here, whole, so the model, the suggested reply (which restates the
    # customer's words) and the terminal all read the same inert text.
    newest, quoted, signature = split_reply(clean(body.text))
    kind, reason = detect_kind(
        headers, subject, "" if oversized else _content_type(message), newest
    )
    return Email(
        message_id=_nul_free(message_id),
        subject=_nul_free(subject),
        from_name=_nul_free(from_name),
        from_address=_nul_free(from_address),
        date=date,
        newest_text=newest,
        quoted_text=quoted,
        signature=signature,
        in_reply_to=_nul_free(in_reply_to),
        references=tuple(r.replace("\x00", "") for r in references),
        to=tuple(a.replace("\x00", "") for a in to),
        attachments=body.attachments,
        kind=kind,
        kind_reason=reason,
        html_only=body.html_only,
        defects=tuple(dict.fromkeys(d.replace("\x00", "") for d in defects)),  # dedupe, in order
        content_hash=content_hash,
    )


@overload
def _nul_free(text: str) -> str: ...
@overload
def _nul_free(text: None) -> None: ...
def _nul_free(text: str | None) -> str | None:
    # PostgreSQL text columns reject NUL, and an encoded-word can smuggle one in ("=00")
    return None if text is None else text.replace("\x00", "")


def _parse_message(data: bytes, oversized: bool) -> tuple[Message, bool]:
    """The parsed message, and whether parts nested too deep had to be cut to get it."""
    # compat32, not policy.default: we read every header raw and decode it ourselves (with
    # charset fallbacks policy.default lacks), and policy.default builds a header object on
    # every access — measured 10x slower on the MIME walk, which capped intake at ~270
    # emails/s. compat32 also recovers more from illegal boundaries and unquoted names.
    parser = BytesParser(policy=policy.compat32)
    try:
        return parser.parsebytes(data, headersonly=oversized), False
    except RecursionError:
        # nested deeper than the parser can recurse: read it again without the parts below
        # the depth read_body stops at anyway, so the text above the cut is kept
        pass
    except Exception as exc:  # the parser is lenient; anything escaping it means "not a message"
        raise MessageError(f"email parser failed: {type(exc).__name__}: {exc}") from exc
    try:
        return parser.parsebytes(prune_deep_parts(data, MAX_DEPTH)), True
    except Exception as exc:
        raise MessageError(f"email parser failed: {type(exc).__name__}: {exc}") from exc


def _read_body_safely(message: Message) -> Body:
    # The headers are already good; a body the email package chokes on (an unknown stdlib bug,
    # nesting too deep for the recursion limit) costs the text, never the message.
    try:
        return read_body(message)
    except Exception as exc:
        return Body("", False, (), (f"body unreadable: {type(exc).__name__}",))


def _content_type(message: Message) -> str:
    try:
        return message.get_content_type()
    except Exception:
        return "text/plain"


def _check_is_message(data: bytes) -> None:
    if not data.strip():
        raise MessageError("empty message")
    head = data[:4096]
    if b"\x00" in head.split(b"\n\n", 1)[0]:
        raise MessageError("binary data (NUL bytes) in the header block: not a mail message")
    if not _HEADER_LINE.match(head):
        raise MessageError("does not start with a header field: not a mail message")


def _repair_obsolete_names(data: bytes) -> bytes:
    """RFC 5322 §4.5 obsolete "Subject  : x" (space before the colon), which the parser rejects."""
    match = _BODY_SPLIT.search(data)
    end = match.start() if match else len(data)
    head = _OBSOLETE_NAME.sub(rb"\1:", data[:end])
    return head + data[end:]


def _raw_headers(message: Message) -> dict[str, list[str]]:
    headers: dict[str, list[str]] = {}
    for name, value in message.raw_items():
        unfolded = _FOLD.sub("", str(value)).strip()
        headers.setdefault(str(name).strip().lower(), []).append(unfolded)
    return headers


def _header_text(headers: dict[str, list[str]], name: str, defects: list[str]) -> str:
    values = headers.get(name)
    if not values:
        return ""
    text, more = decode_header_value(values[0])
    defects.extend(f"{name}: {d}" for d in more)
    return clean(text, single_line=True)


def _sender(headers: dict[str, list[str]], defects: list[str]) -> tuple[str | None, str | None]:
    values = headers.get("from") or headers.get("sender") or headers.get("reply-to")
    if not values:
        defects.append("no From")
        return None, None
    raw = values[0]
    name, address = parseaddr(raw)
    if "@" not in address:
        found = _ADDRESS_FALLBACK.search(undo_surrogates(raw))
        address = found.group(0) if found else ""
        if not name:
            name = _ADDRESS_FALLBACK.sub("", raw).strip(" <>\"'")
        defects.append("malformed From")
    decoded_name, more = decode_header_value(name) if name else ("", [])
    defects.extend(f"from: {d}" for d in more)
    clean_name = clean(decoded_name, single_line=True).strip("\"' ") or None
    clean_address = undo_surrogates(address).strip().lower() or None
    return clean_name, clean_address


def _addresses(values: list[str]) -> tuple[str, ...]:
    try:
        pairs = getaddresses(values)
    except Exception:  # getaddresses has raised on hostile input in some Python releases
        pairs = []
    found = [undo_surrogates(addr).strip().lower() for _, addr in pairs if "@" in addr]
    if not found:
        found = [a.lower() for v in values for a in _ADDRESS_FALLBACK.findall(undo_surrogates(v))]
    return tuple(dict.fromkeys(found))


def _first_id(values: list[str]) -> str | None:
    """First <id@host> in the values; a bare token is wrapped so ids always compare equal."""
    for value in values:
        text = undo_surrogates(value)
        match = _MSG_ID.search(text)
        if match:
            return match.group(0)
        token = "".join(text.split()).strip("<>")
        if token:
            return f"<{token}>"
    return None


def _date(values: list[str], defects: list[str]) -> datetime | None:
    if not values:
        defects.append("no Date")
        return None
    try:
        parsed = parsedate_to_datetime(undo_surrogates(values[0]))
    except (TypeError, ValueError, IndexError, OverflowError):
        defects.append(f"unparsable Date {values[0][:60]!r}")
        return None
    if parsed.tzinfo is None:  # "-0000": UTC with the sender's zone unknown (RFC 5322 §3.3)
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


def identity_hash(data: bytes, message_id: str | None) -> str:
    """The content half of a message's identity: the store merges (Message-ID, this) into one row.

    With a Message-ID only the body counts. The sender promised that id is unique (RFC 5322
    §3.6.4), and copies of one email differ in the headers added on the way (Received,
    Delivered-To, spam scores; Exchange rewrites them): the same email reaching the mailbox
    twice (To and Cc) or filed into a second watched folder must stay one ticket. The body
    still parts two emails that reuse an id (broken mailers).

    Without a Message-ID nothing vouches for the body: "Please help, it is urgent." from two
    customers, or two messages with no body at all, are different emails. Then the whole
    message counts, headers included, so only a byte-for-byte copy (the same email in a
    second folder, or found again after a UIDVALIDITY change) is merged. Two deliveries of one
    such email with different trace headers become two rows: a duplicate costs an agent a
    glance, a wrong merge loses a customer.

    ``data`` is the message as ``parse`` reads it (leading blank lines stripped).
    """
    return _hash(data if message_id is None else _after_headers(data))


def body_hash(data: bytes) -> str:
    """The content hash earlier versions stored for every message: the body alone.

    Rows written then by a message without a Message-ID are found by it
    (``Intake.legacy_hash``); nothing new is keyed on it.
    """
    return _hash(_after_headers(data.lstrip(b"\r\n")))


def _after_headers(data: bytes) -> bytes:
    match = _BODY_SPLIT.search(data)
    return data[match.end() :] if match else b""


def _hash(data: bytes) -> str:
    # CRLF and LF copies of one message (IMAP vs maildir) must get the same identity
    return hashlib.sha256(data.replace(b"\r\n", b"\n")).hexdigest()
