"""Bytes → str for mail: declared charsets with aliases and fallbacks, RFC 2047 header words.

Nothing here raises on bad input: every decoder returns text plus the defects it had to paper over.
Mail in the wild mislabels charsets constantly, so the fallback chain (utf-8, then cp1252, then
latin-1, which cannot fail) follows what mail clients and browsers actually do.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import re

# Labels seen in real mail that Python does not know, or knows as a narrower charset than the
# senders actually used (Outlook writes ks_c_5601-1987 for cp949, gb2312 for gbk text, etc.).
_ALIASES: dict[str, str] = {
    "ks_c_5601-1987": "cp949",
    "ks_c_5601": "cp949",
    "ksc5601": "cp949",
    "euc-kr": "cp949",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "x-sjis": "cp932",
    "sjis": "cp932",
    "windows-31j": "cp932",
    # WHATWG: latin-1 and ascii labels are decoded as windows-1252 by every browser and client
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "ansi_x3.4-1968": "cp1252",
    "iso-8859-8-i": "iso-8859-8",
    "windows-874": "cp874",
    "tis-620": "cp874",
    "utf8": "utf-8",
    "unicode-1-1-utf-7": "utf-7",
}

# Labels that say "we don't know": go straight to the fallback chain without a defect about them.
_UNKNOWN_LABELS = frozenset(
    {"unknown-8bit", "x-unknown", "unknown", "x-user-defined", "default", "charset", "none", ""}
)

# Codecs that are not text encodings (base64_codec, rot13, ...) must never be accepted as charsets:
# a hostile message could otherwise pick a codec that raises or behaves unexpectedly.
_TEXT_CODEC_OK = re.compile(r"^[a-z0-9_\-]+$")
_FALLBACKS = ("utf-8", "cp1252")


def normalise_charset(label: str | None) -> str | None:
    """Python codec name for a declared charset label, or None when unusable or unknown."""
    if label is None:
        return None
    name = label.strip().strip("\"'").lower()
    name = name.split("*", 1)[0]  # RFC 2231 language suffix: utf-8*en
    if name in _UNKNOWN_LABELS:
        return None
    name = _ALIASES.get(name, name)
    if not _TEXT_CODEC_OK.match(name):
        return None
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError):
        return None
    if not getattr(info, "_is_text_encoding", True):
        return None
    return info.name


def fallback_decode(data: bytes) -> str:
    """Decode bytes of unknown charset: utf-8, then cp1252, then latin-1 (never fails)."""
    for codec in _FALLBACKS:
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def decode_text(data: bytes, declared: str | None) -> tuple[str, list[str]]:
    """Decode a body part. Returns the text and the defects (empty when the label was honest)."""
    codec = normalise_charset(declared)
    if codec is not None:
        try:
            return data.decode(codec), []
        except UnicodeDecodeError:
            # The label lied; utf-8 mislabelled as latin-1/ascii is by far the commonest case.
            for other in _FALLBACKS:
                if other != codec and _fits(data, other):
                    return data.decode(other), [
                        f"charset {declared!r} did not fit; decoded as {other}"
                    ]
            try:
                text = data.decode(codec, errors="replace")
            except Exception:  # exotic codecs may raise anything on hostile input
                text = fallback_decode(data)
            return text, [f"invalid bytes for charset {declared!r}; replaced"]
        except Exception:  # same: fall through to the unknown-charset chain
            pass
    text = fallback_decode(data)
    label = (declared or "").strip().strip("\"'").lower()
    if declared is None or label in _UNKNOWN_LABELS:
        return text, []
    used = "utf-8" if _fits(data, "utf-8") else "cp1252" if _fits(data, "cp1252") else "latin-1"
    return text, [f"bad charset {declared!r} decoded as {used}"]


def _fits(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def undo_surrogates(text: str) -> str:
    """Repair 8-bit bytes the email package kept as surrogate escapes (raw non-ASCII headers)."""
    if not any("\udc80" <= ch <= "\udcff" for ch in text):
        return text
    return fallback_decode(text.encode("utf-8", errors="surrogateescape"))


_ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=")
_BETWEEN_WORDS = re.compile(r"^[ \t\r\n]*$")
_HEX2 = re.compile(r"[0-9A-Fa-f]{2}")


def _word_bytes(encoding: str, payload: str) -> bytes | None:
    if encoding in "bB":
        cleaned = re.sub(r"[^A-Za-z0-9+/]", "", payload)
        cleaned += "=" * (-len(cleaned) % 4)
        try:
            return base64.b64decode(cleaned)
        except (binascii.Error, ValueError):
            return None
    raw = payload.replace("_", " ")
    out = bytearray()
    i = 0
    while i < len(raw):
        ch = raw[i]
        if ch == "=" and _HEX2.fullmatch(raw[i + 1 : i + 3]):
            out.append(int(raw[i + 1 : i + 3], 16))
            i += 3
            continue
        out.extend(ch.encode("utf-8", errors="surrogateescape"))
        i += 1
    return bytes(out)


def decode_header_value(raw: str) -> tuple[str, list[str]]:
    """Decode RFC 2047 encoded-words (and raw 8-bit bytes) in a header value; never raises.

    Adjacent encoded-words in the same charset are joined as bytes before decoding, because
    senders split multi-byte characters across words (common in Japanese and Korean mail).
    """
    defects: list[str] = []
    # Surrogates are kept until each piece is known: inside an encoded-word they are raw bytes of
    # the word's charset (senders do put 8-bit bytes there); outside, they are undeclared 8-bit.
    text = raw
    pieces: list[tuple[str | None, bytes | str]] = []  # (charset, bytes) or (None, literal)
    pos = 0
    for match in _ENCODED_WORD.finditer(text):
        literal = text[pos : match.start()]
        previous_is_word = bool(pieces) and pieces[-1][0] is not None
        if literal and not (previous_is_word and _BETWEEN_WORDS.match(literal)):
            pieces.append((None, literal))
        charset, encoding, payload = match.groups()
        data = _word_bytes(encoding, payload)
        if data is None:
            defects.append("broken encoded-word in header")
            pieces.append((None, match.group(0)))
        elif pieces and pieces[-1][0] == charset.lower() and isinstance(pieces[-1][1], bytes):
            pieces[-1] = (charset.lower(), pieces[-1][1] + data)
        else:
            pieces.append((charset.lower(), data))
        pos = match.end()
    if pos < len(text):
        pieces.append((None, text[pos:]))
    out: list[str] = []
    for charset, value in pieces:
        if isinstance(value, str):
            out.append(undo_surrogates(value))
        else:
            decoded, more = decode_text(value, charset)
            defects.extend(more)
            out.append(decoded)
    return "".join(out), defects
