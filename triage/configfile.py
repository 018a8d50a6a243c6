"""The text of a configuration or secret file: UTF-8, with a byte-order mark accepted.

TOML files must be UTF-8, but editors on Windows save "UTF-8 with BOM" (Notepad) or UTF-16
("Unicode"; PowerShell 5's ``>``). tomllib answers a BOM with "Invalid statement (at line 1,
column 1)" and ``read_text`` answers UTF-16 with a UnicodeDecodeError traceback; here a UTF-8
BOM is dropped, and any other encoding is a ConfigError that names the file, says what it is,
and how to re-save it.
"""

from __future__ import annotations

import codecs
import shlex
from pathlib import Path

from triage.errors import ConfigError

# UTF-32 first: its little-endian mark starts with UTF-16's
_OTHER_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def read_text(path: Path, where: str | None = None) -> str:
    """The file's text. ``where`` starts the error message (default: the path).

    OSError is left to the caller (each says which key named the file); an encoding other
    than UTF-8 is a ConfigError.
    """
    data = path.read_bytes()
    where = where or str(path)
    quoted = shlex.quote(str(path))
    for bom, name in _OTHER_BOMS:
        if data.startswith(bom):
            raise ConfigError(
                f"{where}: the file is {name} (it starts with a {name} byte-order mark) but must "
                f"be UTF-8: save it as UTF-8 (Notepad: Save as, Encoding UTF-8), or convert it: "
                f"iconv -f {name} -t UTF-8 {quoted} > {quoted}.new && mv {quoted}.new {quoted}"
            )
    try:
        # utf-8-sig drops a leading UTF-8 BOM, which TOML does not allow but Notepad writes
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[line_start : exc.start].decode("utf-8", "replace")) + 1
        raise ConfigError(
            f"{where}: line {line}, column {column}: not UTF-8 text (byte "
            f"0x{data[exc.start]:02x}) but the file must be UTF-8: save it as UTF-8, or convert "
            f"it, e.g. from Latin-1: iconv -f LATIN1 -t UTF-8 {quoted} > {quoted}.new"
        ) from exc
