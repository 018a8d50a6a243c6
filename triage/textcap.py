"""Cap untrusted text before anything renders it.

A 20 MB plain-text email once made ``show`` run 177 s, print 34 MB and use 492 MB: rich
wrapped and measured every character inside a panel. So the text is cut here first, by lines,
by characters per line and by characters in all, and nothing here copies the whole text:
lines are found with ``str.find`` and the rest are only counted. ``--full`` streams the whole
text in small cleaned chunks instead, past rich.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from triage.textsafe import clean

MAX_LINES = 200
MAX_LINE_CHARS = 1_000
MAX_CHARS = 20_000
CUT = "…"
FULL_HINT = "--full to see all"
# a line start, then blanks other than a newline, then something visible
_NON_BLANK_LINE = re.compile(r"^[^\S\n]*\S", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Capped:
    """The start of a text: at most the caps, the lines cut marked with ``CUT``."""

    text: str
    more_lines: int = 0  # lines not shown at all
    cut_lines: int = 0  # lines shown, but not to their end

    @property
    def truncated(self) -> bool:
        return self.more_lines > 0 or self.cut_lines > 0

    def note(self, max_line_chars: int = MAX_LINE_CHARS) -> str | None:
        """What was left out, e.g. "… 12,345 more lines; --full to see all" (None: nothing)."""
        if not self.truncated:
            return None
        parts = []
        if self.more_lines:
            parts.append(f"{self.more_lines:,} more line{'s' * (self.more_lines != 1)}")
        if self.cut_lines:
            parts.append(
                f"{self.cut_lines:,} line{'s' * (self.cut_lines != 1)} "
                f"cut at {max_line_chars:,} characters"
            )
        return f"{CUT} {', '.join(parts)}; {FULL_HINT}"


def cap_text(
    text: str,
    *,
    max_lines: int = MAX_LINES,
    max_line_chars: int = MAX_LINE_CHARS,
    max_chars: int = MAX_CHARS,
) -> Capped:
    """The first lines of ``text`` within the caps (not yet cleaned: see ``textsafe.clean``)."""
    kept: list[str] = []
    pos, size, used, cut = 0, len(text), 0, 0
    while pos < size and len(kept) < max_lines and used < max_chars:
        end = text.find("\n", pos)
        if end == -1:
            end = size
        width = min(max_line_chars, max_chars - used)
        line = text[pos : min(end, pos + width)]
        if end - pos > width:
            line += CUT
            cut += 1
        kept.append(line)
        used += len(line)
        pos = end + 1
    more = 0
    if pos < size:  # counted, not split: no copy of the rest
        more = text.count("\n", pos) + (0 if text.endswith("\n") else 1)
    return Capped("\n".join(kept), more, cut)


def count_lines(text: str, *, non_blank: bool = False) -> int:
    """Lines in ``text`` without building a list of them (``non_blank``: with a visible char)."""
    if non_blank:
        return sum(1 for _ in _NON_BLANK_LINE.finditer(text))
    return text.count("\n") + (0 if not text or text.endswith("\n") else 1)


def clean_chunks(text: str, size: int = 64 * 1024) -> Iterator[str]:
    """The whole text, cleaned a chunk at a time (for ``--full``: memory stays at one chunk).

    An escape sequence cut in two by a chunk edge stays inert: ``clean`` drops every ESC and
    control character on its own, so neither half can act on the terminal.
    """
    for start in range(0, len(text), size):
        yield clean(text[start : start + size])
