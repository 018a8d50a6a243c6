"""Charset labels, fallbacks and RFC 2047 header words (triage/parse/charsets.py)."""

from __future__ import annotations

import base64

import pytest

from triage.parse.charsets import (
    decode_header_value,
    decode_text,
    normalise_charset,
    undo_surrogates,
)


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("utf-8", "utf-8"),
        ('"UTF-8"', "utf-8"),
        ("utf-8*en", "utf-8"),
        ("ks_c_5601-1987", "cp949"),
        ("gb2312", "gb18030"),
        ("shift_jis", "cp932"),
        ("iso-8859-1", "cp1252"),
        ("us-ascii", "cp1252"),
        ("iso-2022-jp", "iso2022_jp"),
    ],
)
def test_known_labels_map_to_the_codec_senders_really_used(label: str, codec: str) -> None:
    assert normalise_charset(label) == codec


@pytest.mark.parametrize(
    "label", [None, "x-foo", "unknown-8bit", "x-user-defined", "base64", "rot13", "zlib", "a b"]
)
def test_unknown_and_non_text_codecs_are_refused(label: str | None) -> None:
    assert normalise_charset(label) is None


def test_declared_charset_is_used() -> None:
    text, defects = decode_text("프린터가 고장났습니다".encode("cp949"), "ks_c_5601-1987")
    assert text == "프린터가 고장났습니다"
    assert defects == []


def test_unknown_charset_falls_back_to_cp1252_with_a_defect() -> None:
    text, defects = decode_text(b"caf\xe9 \x93ok\x94", "x-foo")
    assert text == "café “ok”"
    assert defects == ["bad charset 'x-foo' decoded as cp1252"]


def test_unknown_charset_prefers_utf8_when_it_fits() -> None:
    text, defects = decode_text("café".encode(), "x-foo")
    assert text == "café"
    assert defects == ["bad charset 'x-foo' decoded as utf-8"]


def test_unknown_8bit_label_is_a_known_unknown_without_defect() -> None:
    assert decode_text("naïve".encode(), "unknown-8bit") == ("naïve", [])


def test_bytes_cp1252_cannot_hold_end_in_latin1() -> None:
    # 0x81 and 0x8d are undefined in cp1252: latin-1 is the last resort and never fails
    text, _ = decode_text(b"a\x81b\x8d", None)
    assert text == "a\x81b\x8d"


def test_lying_utf8_label_falls_back_to_cp1252() -> None:
    text, defects = decode_text(b"caf\xe9", "utf-8")
    assert text == "café"
    assert defects == ["charset 'utf-8' did not fit; decoded as cp1252"]


def test_lying_latin1_label_on_utf8_bytes_keeps_cp1252_reading() -> None:
    # every byte is valid cp1252, so the label is honoured (mojibake is the sender's doing)
    text, defects = decode_text("é".encode(), "iso-8859-1")
    assert text == "Ã©"
    assert defects == []


def test_rfc2047_words_in_several_charsets() -> None:
    raw = (
        "=?utf-8?q?caf=C3=A9_au_lait?= and =?ISO-8859-1?B?"
        + base64.b64encode(b"cr\xe8me").decode()
        + "?="
    )
    assert decode_header_value(raw) == ("café au lait and crème", [])


def test_adjacent_words_join_bytes_before_decoding() -> None:
    # one UTF-8 character split across two encoded-words (as some Japanese mailers do)
    data = "テスト".encode()
    first = base64.b64encode(data[:4]).decode()
    second = base64.b64encode(data[4:]).decode()
    text, defects = decode_header_value(f"=?UTF-8?B?{first}?=\r\n =?UTF-8?B?{second}?=")
    assert text == "テスト"
    assert defects == []


def test_encoded_word_with_alias_charset() -> None:
    word = base64.b64encode("김민수".encode("cp949")).decode()
    assert decode_header_value(f"=?ks_c_5601-1987?B?{word}?=")[0] == "김민수"


def test_broken_encoded_words_do_not_crash() -> None:
    text, defects = decode_header_value("=?utf-8?B?w6k?= =?bogus?Q?caf=E9?= =?utf-8?X?nope?=")
    assert text.startswith("é")
    assert "café" in text
    assert "=?utf-8?X?nope?=" in text  # not an encoded-word: kept literally
    assert defects == ["bad charset 'bogus' decoded as cp1252"]


def test_raw_8bit_header_bytes_are_repaired() -> None:
    utf8 = "René – ok".encode().decode("ascii", errors="surrogateescape")
    cp1252 = b"Ren\xe9".decode("ascii", errors="surrogateescape")
    assert undo_surrogates(utf8) == "René – ok"
    assert undo_surrogates(cp1252) == "René"
    assert undo_surrogates("plain") == "plain"


def test_raw_8bit_inside_an_encoded_word_uses_the_word_charset() -> None:
    raw = b"=?iso-8859-1?Q?Fr\xf6sche?=".decode("ascii", errors="surrogateescape")
    assert decode_header_value(raw) == ("Frösche", [])
