"""Phrase matching shared by the tone checker's rules (tone.py, tone_claims.py): a list of plain
phrases or ``re:`` expressions becomes one compiled alternation, scanned once per text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from triage.replies.tone_config import ToneConfig
from triage.replies.values import Finding, Severity


def _pattern(phrase: str, *, plural: bool = False) -> str:
    """A plain phrase as a regex body; the caller anchors it at a word start."""
    words = [re.escape(w.replace("’", "'")).replace("'", "['’]") for w in phrase.split()]
    body = r"\s+".join(words)
    end = (r"(?:e?s)?" if plural else "") + (r"(?!\w)" if phrase[-1:].isalnum() else "")
    # acronyms are matched as written, so "DNS" is jargon but "dns" inside a word is not
    case = "(?-i:" if (phrase.isupper() and len(phrase) > 1) else "(?:"
    return f"{case}{body}{end})"


@lru_cache(maxsize=64)
def _union(phrases: tuple[str, ...], plural: bool) -> re.Pattern[str] | None:
    """One alternation per list: one scan of the text, and overlapping phrases of the same
    rule ("sorry for any inconvenience this may have caused") give one finding, not two."""
    plain = sorted((p for p in phrases if not p.startswith("re:")), key=len, reverse=True)
    parts = [f"(?:{p[3:]})" for p in phrases if p.startswith("re:")]
    words = [_pattern(p, plural=plural) for p in plain if p[:1].isalnum()]
    if words:
        # anchoring once at a word start lets the scan skip mid-word positions cheaply
        parts.append(r"(?<!\w)(?=\w)(?:" + "|".join(words) + ")")
    parts += [_pattern(p, plural=plural) for p in plain if not p[:1].isalnum()]
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


def spans(phrases: Iterable[str], text: str, *, plural: bool = False) -> Iterator[re.Match[str]]:
    pattern = _union(tuple(phrases), plural)
    if pattern is not None:
        yield from pattern.finditer(text)


def finding(
    config: ToneConfig,
    rule: str,
    severity: Severity,
    m: re.Match[str] | tuple[int, int],
    msg: str,
    fix: str,
) -> Finding:
    start, end = (m.start(), m.end()) if isinstance(m, re.Match) else m
    return Finding(rule, config.severity.get(rule, severity), start, end, msg, fix)
