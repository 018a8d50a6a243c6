"""Split a plain-text reply into (newest text, quoted history, signature). Pure regex, no I/O.

The classifier scores only the newest text, so the rules lean towards keeping words the sender
just wrote. The rules, in order:

1. A *hard marker* starts the history, and everything from it on is history: an Outlook
   "-----Original Message-----" or "________________________________" rule, an Outlook header
   block ("From:" followed within a few lines by "Sent:"/"Date:" and "To:"/"Subject:"), a
   forward banner ("---------- Forwarded message ---------", "Begin forwarded message:"), or an
   attribution ("On <date>, X wrote:", one or two lines, and its German, French, Spanish, Italian,
   Dutch, Portuguese and Scandinavian variants) that is NOT followed by ">"-quoted lines.
2. Before the hard marker, ">"-quoted lines and the attributions that introduce them are
   history; unquoted lines between or after quoted blocks are kept as newest text (inline
   answers to quoted questions are what the customer just wrote).
3. A forward's own note (text above the banner) is newest; the forwarded message is history.
4. The signature is cut from the newest text: from a "-- " line, a mobile footer ("Sent from my
   iPhone"), or a short sign-off block at the end ("Thanks,\\nPriya\\nInbound Team, Bay 3").
5. Newest text is never empty when the input had text: if everything looked quoted (or like a
   signature), the whole text is the newest text and nothing is cut.
"""

from __future__ import annotations

import re

_WROTE = (
    r"(?:wrote|writes|schrieb|a écrit|a ecrit|escribió|escribio|ha scritto|schreef"
    r"|escreveu|skrev|kirjoitti|napisał|napisal|написал\(а\)|написал|написала)"
)
# "..., Bob wrote:" ends the line; German puts the name after: "Am ... schrieb Bob <b@x>:"
_TAIL = r"(?:\s*:?|\b.{0,200}:)\s*$"
_ATTRIBUTION = re.compile(
    r"^\s*(?:On|Am|Le|El|Il giorno|Op|Em|Den|På|Dne)\b.{0,300}\b"
    + _WROTE
    + _TAIL
    + r"|^.{1,160}\b"
    + _WROTE
    + r"\s*:\s*$",
    re.IGNORECASE,
)
# Without ">" lines after it, an attribution cuts everything below, so that needs more evidence:
# the "On/Am/Le ..." form with a date (digits) or an address in it.
_STRICT_ATTRIBUTION = re.compile(
    r"^\s*(?:On|Am|Le|El|Il giorno|Op|Em|Den|På|Dne)\b(?=.*(?:\d|@)).{0,300}\b" + _WROTE + _TAIL,
    re.IGNORECASE,
)
# first line of an attribution wrapped over two lines ("On Mon, 3 Jun 2024 at 10:02, Bob Smith")
_ATTRIBUTION_START = re.compile(r"^\s*(?:On|Am|Le|El|Il giorno|Op|Em|Den)\s+\S.{0,200}$")
_ORIGINAL = re.compile(
    r"^\s*-{2,}\s*(?:Original Message|Original|Ursprüngliche Nachricht|Message d'origine"
    r"|Mensaje original|Messaggio originale|Oorspronkelijk bericht)\s*-{2,}\s*$",
    re.IGNORECASE,
)
_RULE = re.compile(r"^\s*_{20,}\s*$")
_FORWARD = re.compile(
    r"^\s*-{3,}\s*(?:Forwarded message|Forwarded Message|Weitergeleitete Nachricht"
    r"|Message transféré|Mensaje reenviado|Messaggio inoltrato)\s*-{3,}\s*$"
    r"|^\s*Begin forwarded message:\s*$",
    re.IGNORECASE,
)
_HEADER_FROM = re.compile(r"^\s*\*?(?:From|Von|De|Da|Van|Från|Fra)\s*:\*?\s", re.IGNORECASE)
_HEADER_SENT = re.compile(
    r"^\s*\*?(?:Sent|Date|Gesendet|Datum|Envoyé|Enviado|Inviato|Verzonden|Skickat)\s*:",
    re.IGNORECASE,
)
_HEADER_TO = re.compile(
    r"^\s*\*?(?:To|An|À|A|Para|Aan|Till|Subject|Betreff|Objet|Asunto)\s*:", re.I
)
_QUOTED = re.compile(r"^\s*>")

_SIG_DASHES = re.compile(r"^--\s*$")
_MOBILE = re.compile(
    r"^\s*(?:Sent from my \w[\w\s-]{0,30}|Sent from (?:Mail|Outlook|Yahoo Mail|Gmail)\b.*"
    r"|Get Outlook for \w+.*|Sent via \w[\w\s]{0,30}|Von meinem \w+ gesendet"
    r"|Envoyé de mon \w+|Enviado desde mi \w+|Inviato da(?:l mio)? \w+)\s*$",
    re.IGNORECASE,
)
# the one list of sign-offs (restate.py builds its line test from it too)
SIGN_OFF = (
    r"(?i:(?:with )?(?:many |warm |best |kind )?thanks(?: again| so much| a lot| in advance)?"
    r"|thank you(?: again| very much| so much)?|thx|ta|cheers|regards|best regards|kind regards"
    r"|with (?:best |kind |warm )?regards|warm regards|warmest regards|best wishes|best"
    r"|all the best|sincerely|yours(?: sincerely| truly| faithfully)?|respectfully|br"
    r"|mit freundlichen grüßen|viele grüße|gruß|grüße|cordialement|bien à vous|saludos"
    r"|un saludo|atentamente|cordiali saluti|saluti|met vriendelijke groet|groeten)"
)
# The name part is case-sensitive on purpose: "Thanks for the help" is not a sign-off.
_SIGNED_NAME = r"[-–~]?\s*[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,2}"
_SIGN_OFF_LINE = re.compile(r"^\s*" + SIGN_OFF + r"\s*[,.!]*\s*$")
_SIGN_OFF_WITH_NAME = re.compile(
    r"^\s*" + SIGN_OFF + r"\s*[,.!]*\s+(?P<name>" + _SIGNED_NAME + r")\s*$"
)
# "... any chance tonight? Thanks, Tendai": a sign-off after the last sentence, on its line
_INLINE_SIGN_OFF = re.compile(
    r"^(?P<text>.*[.!?])\s+(?P<sig>" + SIGN_OFF + r"\s*[,.!]*\s+" + _SIGNED_NAME + r")\s*$"
)
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*"
_PARTICLE = r"(?:de|van|von|der|den|da|di|du|le|la|del|dos|bin|al|ter)"
_NAME = re.compile(
    r"^\s*[-–~]?\s*("
    + _NAME_WORD
    + r"(?:\s+(?:"
    + _PARTICLE
    + r"\s+){0,2}"
    + _NAME_WORD
    + r"){0,3})\s*$"
)
_NAME_PREFIX = re.compile(
    r"^\s*[-–~]?\s*("
    + _NAME_WORD
    + r"(?:\s+(?:"
    + _PARTICLE
    + r"\s+){0,2}"
    + _NAME_WORD
    + r"){0,3})\s*(?:[,(]|$)"
)
_NOT_NAMES = frozenset(
    "please help urgent asap hello hi thanks thank regards sent get the this it we i "
    "any anyone update note ps p.s. ok okay yes no sorry cheers best".split()
)
_MAX_SIGN_OFF_LINES = 6
_MAX_SIGNATURE_LINE = 80


def split_reply(text: str) -> tuple[str, str, str]:
    """(newest, quoted_history, signature) of a plain-text message; see the module docstring."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return "", "", ""
    lines = text.split("\n")
    cut = _hard_marker(lines)
    head, history = lines[:cut], lines[cut:]
    newest_lines: list[str] = []
    quoted_lines: list[str] = []
    for index, line in enumerate(head):
        if _QUOTED.match(line) or _introduces_quote(head, index):
            quoted_lines.append(line)
        else:
            newest_lines.append(line)
    quoted = "\n".join(quoted_lines + history).strip("\n")
    newest = "\n".join(newest_lines).strip()
    if not newest:
        return text.strip(), "", ""
    newest, signature = _cut_signature(newest)
    return newest, quoted, signature


def _introduces_quote(lines: list[str], index: int) -> bool:
    """An attribution line (or the first half of a two-line one) followed by quoted lines."""
    line = lines[index]
    if _ATTRIBUTION.match(line):
        return _next_is_quoted(lines, index + 1)
    if index + 1 < len(lines) and _ATTRIBUTION_START.match(line):
        joined = line.rstrip() + " " + lines[index + 1].strip()
        return bool(_ATTRIBUTION.match(joined)) and _next_is_quoted(lines, index + 2)
    if index > 0 and _ATTRIBUTION_START.match(lines[index - 1]):
        joined = lines[index - 1].rstrip() + " " + line.strip()
        return bool(_ATTRIBUTION.match(joined)) and _next_is_quoted(lines, index + 1)
    return False


def _next_is_quoted(lines: list[str], start: int) -> bool:
    for line in lines[start:]:
        if line.strip():
            return bool(_QUOTED.match(line))
    return False


def _hard_marker(lines: list[str]) -> int:
    """Index of the first line of unquoted history, or len(lines) when there is none."""
    for index, line in enumerate(lines):
        if _QUOTED.match(line):
            continue
        if _ORIGINAL.match(line) or _RULE.match(line) or _FORWARD.match(line):
            return index
        if _HEADER_FROM.match(line) and _is_header_block(lines, index):
            return index
        if _STRICT_ATTRIBUTION.match(line) and not _next_is_quoted(lines, index + 1):
            return index
        if (
            index + 1 < len(lines)
            and _ATTRIBUTION_START.match(line)
            and _STRICT_ATTRIBUTION.match(line.rstrip() + " " + lines[index + 1].strip())
            and not _next_is_quoted(lines, index + 2)
        ):
            return index
    return len(lines)


def _is_header_block(lines: list[str], start: int) -> bool:
    window = lines[start + 1 : start + 6]
    return any(_HEADER_SENT.match(line) for line in window) and any(
        _HEADER_TO.match(line) for line in window
    )


def _cut_signature(newest: str) -> tuple[str, str]:
    lines = newest.split("\n")
    inline = _INLINE_SIGN_OFF.match(lines[-1])
    if inline:
        lines[-1:] = [inline.group("text"), inline.group("sig")]
    cut = _signature_start(lines)
    if cut is None:
        return newest, ""
    kept = "\n".join(lines[:cut]).strip()
    if not kept:  # a message that is only a sign-off is still the customer's words
        return newest, ""
    return kept, "\n".join(lines[cut:]).strip()


def _signature_start(lines: list[str]) -> int | None:
    for index, line in enumerate(lines):
        if _SIG_DASHES.match(line) or _MOBILE.match(line):
            return index
    # A sign-off near the end, followed only by a few short lines (name, title, phone).
    content = [i for i, line in enumerate(lines) if line.strip()]
    for index in content[-_MAX_SIGN_OFF_LINES:]:
        line = lines[index]
        if not (_SIGN_OFF_LINE.match(line) or _SIGN_OFF_WITH_NAME.match(line)):
            continue
        rest = [lines[i] for i in content if i > index]
        if len(rest) < _MAX_SIGN_OFF_LINES - 1 and all(
            len(r.strip()) <= _MAX_SIGNATURE_LINE for r in rest
        ):
            return index
    # No sign-off word: a last paragraph that is just a name (and maybe a title) after a blank line.
    last_blank = max((i for i, line in enumerate(lines) if not line.strip()), default=None)
    if last_blank is not None:
        tail = [line for line in lines[last_blank + 1 :] if line.strip()]
        if (
            1 <= len(tail) <= 3
            and _looks_like_name(tail[0])
            and all(
                len(r.strip()) <= _MAX_SIGNATURE_LINE and not r.rstrip().endswith(("?", "."))
                for r in tail
            )
        ):
            return last_blank + 1
    return None


def _looks_like_name(line: str) -> bool:
    match = _NAME.match(line)
    if match is None:
        return False
    words = match.group(1).split()
    if all(len(word.strip(".")) < 2 for word in words):  # "J" or "J. K." is not enough to greet
        return False
    return words[0].lower().strip(".,") not in _NOT_NAMES and not any(ch.isdigit() for ch in line)


def signature_name(signature: str) -> str | None:
    """The sender's name as signed ("Priya", "Dr. Kwame Mensah"), or None when none is visible.

    Titles are kept as written; a trailing ", CPA" or "(volunteer)" is dropped.
    """
    lines = [line.strip() for line in signature.replace("\r", "").split("\n") if line.strip()]
    for line in lines[:3]:
        if _SIG_DASHES.match(line) or _MOBILE.match(line) or _SIGN_OFF_LINE.match(line):
            continue
        with_name = _SIGN_OFF_WITH_NAME.match(line)
        candidate = with_name.group("name") if with_name else line
        match = _NAME_PREFIX.match(candidate)
        if match is None or not _looks_like_name(match.group(1)):
            return None
        return match.group(1).rstrip(".")
    return None
