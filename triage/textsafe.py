"""Make untrusted text (subjects, names, bodies) inert before a terminal or the model sees it.

Email comes from strangers: an escape sequence in a subject could recolour, hide or rewrite
what an agent sees, or write to the agent's clipboard (OSC 52), and rich markup like ``[red]``
would be interpreted by rich. We remove whole escape sequences — introducer, parameters and
payload — and every other control character, and callers hand the result to rich as ``Text``
(never as markup) or pass it through ``rich.markup.escape``.

Removing only the ESC is not enough: the rest of ``ESC ] 52;c;ZWNo… BEL`` then reads as
words, and the model once took such a payload for its strongest evidence. The grammar is
ECMA-48's (as xterm's ctlseqs implements it), in its 7-bit (``ESC [``) and 8-bit (U+009B)
forms. No maintained package covers the string sequences (DCS/SOS/PM/APC) and the 8-bit forms
too; the ones that exist strip CSI and sometimes OSC, so the few patterns live here.
"""

from __future__ import annotations

import re

# String sequences: OSC, DCS, SOS, PM, APC carry a payload up to the String Terminator (ESC \
# or 8-bit ST); xterm also ends OSC with BEL, which we accept for all of them. A terminal
# would swallow an unterminated one up to the next ST; we stop at the end of the line so a
# stray introducer costs the rest of that line, not the rest of the email. A new ESC, CAN or
# SUB aborts a string (the VT500 parser does the same), so nothing after it is lost.
_STRING = r"(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\x18\x1a\n]*(?:\x07|\x9c|\x1b\\)?"
# Control Sequence: parameters, intermediates, final byte (missing when the text is cut short).
_CSI = r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
# Every other escape sequence: ESC, intermediates, one final byte (ESC ( B, ESC 7, ESC c, ...).
_ESC = r"\x1b[ -/]*[0-~]"
_SEQUENCE = re.compile(f"{_STRING}|{_CSI}|{_ESC}")
# Then any control char left (C0 but tab and newline, DEL, C1, a lone ESC) and the bidi
# overrides and isolates, which reorder what the agent reads.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: str | None, *, single_line: bool = False) -> str:
    """Text with whole escape sequences and control characters removed (bidi overrides too)."""
    if not text:
        return ""
    # a lone CR is an old Mac line end; a terminal would use it to overwrite the line
    out = text.replace("\r\n", "\n").replace("\r", "\n")
    if _CONTROL.search(out):  # every sequence starts with a control char: most text has none
        out = _CONTROL.sub("", _SEQUENCE.sub("", out))
    if single_line:
        out = " ".join(out.split())
    return out
