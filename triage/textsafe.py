"""Make untrusted text (subjects, names, bodies) inert before it reaches a terminal.

Email comes from strangers: an ANSI escape in a subject could recolour, hide or rewrite what
an agent sees, and rich markup like ``[red]`` would be interpreted by rich. We strip escape
sequences and control characters, and callers hand the result to rich as ``Text`` (never as
markup) or pass it through ``rich.markup.escape``.
"""

from __future__ import annotations

import re

# CSI / OSC / other ESC sequences, then any remaining C0/C1 control char except \t and \n.
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: str | None, *, single_line: bool = False) -> str:
    """Text with escape sequences and control characters removed (bidi overrides included)."""
    if not text:
        return ""
    out = _CONTROL.sub("", _ANSI.sub("", text.replace("\r\n", "\n")))
    if single_line:
        out = " ".join(out.split())
    return out
