"""Asks quoted back as the customer wrote them ("What would it cost?"), when no form of them
can be said in our words (askback.ask_phrase gave none). "The rest of what you asked is with us,
and you'll have an answer on each point" names no ask, and judges counted every such ask as
passed over; their own short question, quoted, is acknowledged by name. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from triage.replies.ourwords import APOSTROPHES, unsafe_verbatim, upper_first, visible
from triage.replies.templates import Templates, Tone

MAX_WORDS = 14  # a longer ask quoted whole would copy a run of the email back
MIN_WORDS = 3
_LEAD = re.compile(
    r"^(?:(?:and|also|so|but|plus|oh|ok|okay|then|just|hey|hi|hello)\b[\s,]*)+", re.I
)
_GUESS = re.compile(
    r"(?:i'm\s+guessing|i\s+guess|my\s+guess|i\s+think|i\s+suppose|i\s+assume|presumably|"
    r"i\s+wonder(?:ed)?\s+if\s+it)\b",
    re.I,
)
# what a "?" ends that is no question to quote back: a worry put as a fragment ("I don't miss
# anything?", "Hoping someone's actually on it?"), a greeting run on ("Hiya my outlook keeps
# ..."), an order ("Kick it please?") or a jibe ("Invest in what, exactly?"): quoted as "You
# asked ...", each read as mocking or parroting (paired judges); a plain statement put as a
# question ("I thought you handled the renewals?", "We're nowhere near our quota?") is the
# point they want answered, and quoted it won. A question after the fragment ("I'm not able to
# log in, can you help?") or a polite one ("Could you send me the invoice please?") still asks
_NOT_ASKED = re.compile(
    r"^(?:hoping|something\s+like|my\s+question\s+is|hiya|hi|hello|hey)\b|,\s*exactly\s*\?$|"
    r"kidding\s+me|@\w",
    re.I,
)
_FRAGMENT = re.compile(
    r"^(?:i(?:\s+don't|\s+do\s+not|\s+am\s+not|'m\s+not)|really)\b(?!\s+suppose)", re.I
)
_THEN_ASKS = re.compile(r"[,;]\s*(?:can|could|will|would|is|are|do|does)\b", re.I)
_MODAL = re.compile(r"^(?:can|could|would|will)\b", re.I)


def _no_question(s: str) -> bool:
    if _NOT_ASKED.search(s):
        return True
    if re.search(r"\bplease\s*\?$", s, re.I) and not _MODAL.match(s):
        return True
    return bool(_FRAGMENT.match(s)) and not _THEN_ASKS.search(s)


MAX_QUOTED = 2  # three quotes in a row read as a form, not an answer


def quotable(text: str) -> str:
    """The ask as it will be quoted ("What would it cost?"), or "" when it is long, not safe to
    say back as written, or holds quotes or line breaks of its own."""
    s = _LEAD.sub("", visible(text).translate(APOSTROPHES).strip()).strip()
    s = s.replace("!", "").rstrip(" .,;:-")  # no "!": ours would read as cheer, quoted or not
    # "What now?" quoted says less than the plain line that names what the email is about
    if not s or "\n" in s or '"' in s or not MIN_WORDS <= len(s.split()) <= MAX_WORDS:
        return ""
    # links, markup, a card number, a threat: ourwords.unsafe_verbatim, as for listed asks
    if unsafe_verbatim(s):
        return ""
    # "Did anyone actually test it??": venting, never quoted back (nor a shouted word:
    # ``unsafe_verbatim``)
    if "??" in text or _no_question(s):
        return ""
    # only a question put as one: a sentence the reading took for an ask ("Ran it at 7am, all
    # the same", "Please treat as urgent") or a guess ("My guess is it's the locale?") quoted
    # as "You asked ..." would misquote them
    if not s.endswith("?") or _GUESS.match(s):
        return ""
    return upper_first(s)


def quoted_list(quotes: Sequence[str]) -> str:
    """'"A"', '"A" and "B"', '"A", "B" and "C"'."""
    said = [f'"{q}"' for q in quotes]
    return said[0] if len(said) == 1 else ", ".join(said[:-1]) + " and " + said[-1]


def quoted_sentence(
    plain: Sequence[str], templates: Templates, key: str, style: Tone, fields: Mapping[str, str]
) -> str:
    """The asks quoted in one sentence ("You asked "What would it cost?": we'll check and answer
    it properly by ..."), or "" when any of them can't be quoted. ``fields``: the callback and
    who handles it (``callback``, ``handler_obj``)."""
    quotes = [quotable(text) for text in plain]
    if not quotes or not all(quotes) or len(quotes) > MAX_QUOTED:
        return ""
    it = "it" if len(quotes) == 1 else "each of them"
    return templates.render(
        "answer_quoted_questions", key, style, quotes=quoted_list(quotes), it=it, **fields
    )
