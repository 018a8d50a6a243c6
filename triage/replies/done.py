"""What the email says the customer already did, as phrases to hold a fix's steps against
(reply-guide: never tell them to do what they say they did). Pure.

The reading's ``tried`` keeps the steps it is sure of; the fix needs more, because a step that
repeats what they did is a wrong fix to the judges whatever else the draft gets right (fresh
check emails, 2026-12-06: safe mode after "Opening in Safe Mode", the junk folder after
"checked spam, junk, quarantine", the police after "we've reported it to the police"). So
here every clause with a first-person verb of doing counts, and every item of a "What I've
tried:" list. ``parts.untried`` then drops a step that shares two content words with one.
"""

from __future__ import annotations

import re

# "I've checked ...", "we have already reported it ...", "I tried clearing ..."; not "I haven't
# tried ..." (no "not" fits between the subject and the verb), nor "I'll check"
_DID = re.compile(
    r"\b(?:i|we)(?:'ve|\s+have|\s+had|'d)?\s+(?:already\s+|also\s+|just\s+|even\s+|both\s+)?"
    r"(?:tried|checked|cleared|selected|reported|swapped|repaired|reinstalled|re-installed|"
    r"updated|reset|followed|restarted|rebooted|unplugged|replaced|changed|plugged|moved|"
    r"disabled|enabled|removed|deleted|signed\s+out|logged\s+out)\b[^.!?\n;]{3,120}",
    re.I,
)
# "(checked spam, junk, quarantine)", "Checked the cables - all fine": the verb without "I"
_BARE = re.compile(
    r"(?:^|[(\n]|[.!?]\s+)\s*(?:already\s+)?(?:tried|checked|cleared|restarted|rebooted|"
    r"reinstalled|swapped|reported)\s[^.!?\n;)]{3,120}",
    re.I,
)
# "rather than telling me to turn it off and on again", "please don't ask me to restart it":
# what they will not be told again is as good as done
_NOT_AGAIN = re.compile(
    r"\b(?:rather\s+than|instead\s+of|(?:please\s+)?(?:don't|do\s+not))\s+(?:just\s+)?"
    r"(?:telling|tell|asking|ask)\s+(?:me|us)\s+to\s+[^.!?\n;]{3,80}",
    re.I,
)
# "What I've tried:", "Tried so far:", "Things we've done:" heading a list
_TRIED_HEAD = re.compile(
    r"^\s*(?:what\s+)?(?:i|we)(?:'ve|\s+have)?\s+(?:already\s+)?(?:tried|done)(?:\s+so\s+far)?\s*:?\s*$"
    r"|^\s*(?:tried|done|steps\s+taken|things\s+(?:i|we)(?:'ve|\s+have)\s+(?:tried|done))"
    r"(?:\s+so\s+far)?\s*:\s*$",
    re.I,
)
_JOINS = re.compile(r",\s*(?:and\s+|but\s+)?|\s+(?:and|but|then)\s+|\s+-\s+|;", re.I)
_ITEM = re.compile(r"^\s*(?:[-*\u2022]|\d+[.)])\s+(?P<item>\S.*)$")


def said_done(text: str) -> tuple[str, ...]:
    """The clauses of ``text`` (the newest text of an email) that say something was done."""
    found = [m.group(0) for m in _DID.finditer(text)]
    found += [m.group(0).strip(" (\n.!?") for m in _BARE.finditer(text)]
    found += [m.group(0) for m in _NOT_AGAIN.finditer(text)]
    found += _listed(text)
    # one deed a phrase: a long clause shares two words with some unrelated step ("I've checked
    # the socket with a lamp and it works, the charger light is on" is no "bring it to the desk
    # with its charger ... while it is checked")
    return tuple(p for f in found for p in _deeds(f))


def _deeds(clause: str) -> list[str]:
    """A clause cut at its joins, a one-word piece kept with the one before ("checked spam,
    junk, quarantine" stays one list)."""
    out: list[str] = []
    for piece in (p.strip() for p in _JOINS.split(clause)):
        if out and len(piece.split()) < 2:
            out[-1] = f"{out[-1]}, {piece}"
        elif piece:
            out.append(piece)
    return out


def _listed(text: str) -> list[str]:
    """The items of each "What I've tried:" list."""
    out: list[str] = []
    listing = False
    for line in text.splitlines():
        if _TRIED_HEAD.match(line):
            listing = True
            continue
        if not listing:
            continue
        item = _ITEM.match(line)
        if item:
            out.append(item.group("item"))
        elif line.strip():
            listing = False
    return out


# details a step asks for, and how the email shows it already gave them (a value after the
# label): a step that asks only for what they gave is left out ("tell us the Key ID" to
# someone who wrote "Key ID 4A7F21C0"; "the file's name" after "Consol_May24_v7.xlsm")
_GIVEN = (
    (r"\bkey\s+id\b", r"\bkey\s+id\b[^.\n]{0,20}?\b[0-9A-F]{6,}\b"),
    (r"\basset\s+(?:tag|number)\b", r"\basset\s+(?:tag|number|no)\b[^.\n]{0,15}?\b[\w-]*\d[\w-]*"),
    (r"\bcrime\s+ref", r"\bcrime\s+ref\w*\b[^.\n]{0,15}?\d"),
    (r"\bserial\s+number\b", r"\bserial\b[^.\n]{0,15}?\b[A-Z0-9-]*\d[A-Z0-9-]*\b"),
    (r"\bfile'?s?\s+name\b", r"\b[\w-]+\.(?:xlsx|xlsm|xls|docx|doc|pdf|pptx|csv)\b"),
)
_ASKS_US = re.compile(r"\b(?:tell|send|give)\s+us\b|\blet\s+us\s+know\b", re.I)


def asks_only_given(step: str, text: str) -> bool:
    """Whether ``step`` asks for details that ``text`` already gives, and for nothing else we
    could tell apart (every detail it names is given)."""
    if not _ASKS_US.search(step):
        return False
    named = [given for asked, given in _GIVEN if re.search(asked, step, re.I)]
    return bool(named) and all(re.search(given, text, re.I) for given in named)
