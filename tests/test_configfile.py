"""triage/configfile.py: config and secret files are UTF-8; a BOM is fine, others are named."""

from __future__ import annotations

from pathlib import Path

import pytest

from triage.configfile import read_text
from triage.errors import ConfigError


def test_utf32_is_named_as_utf32_not_utf16(tmp_path: Path) -> None:
    f = tmp_path / "my config.toml"
    f.write_bytes("a = 1\n".encode("utf-32"))  # its mark starts with UTF-16's \xff\xfe
    with pytest.raises(ConfigError, match="is UTF-32") as err:
        read_text(f)
    assert "iconv -f UTF-32 -t UTF-8 '" in str(err.value)  # the path with a space is quoted


def test_column_counts_characters_not_bytes(tmp_path: Path) -> None:
    f = tmp_path / "c.toml"
    f.write_bytes(b"x = 1\ny = '\xc3\xbc\xfc'\n")  # line 2: y = 'ü then a Latin-1 ü
    with pytest.raises(ConfigError, match=r"line 2, column 7: not UTF-8 text \(byte 0xfc\)"):
        read_text(f, "where")


def test_plain_utf8_and_a_bom_read_the_same(tmp_path: Path) -> None:
    f = tmp_path / "c.toml"
    f.write_bytes("a = 'ü'\n".encode())
    plain = read_text(f)
    f.write_bytes(b"\xef\xbb\xbf" + "a = 'ü'\n".encode())
    assert read_text(f) == plain == "a = 'ü'\n"
