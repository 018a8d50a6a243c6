"""Whether the subject said as its sentence is the better restatement of a fault than the
clause cut from the body or our words for its kind (restate.py). Split from restate.py. Pure.
"""

from __future__ import annotations

import re

from triage.replies.detail import Detail, with_detail
from triage.replies.gist import Gist


def headline_better(
    headline: str, theirs: str, ours: Gist | None, told: Detail | None, text: str
) -> bool:
    """Whether the subject said as its sentence ("the alarm is going off in the server room")
    says the fault better than the clause cut from the body or our words for its kind. Paired
    judges preferred it where those were vague ("the server is making a noise it shouldn't",
    "the PDF is stuck on one screen") or about something else ("last night's wind is hanging
    down across the road" of a cable down), and preferred those where they named the same
    thing ("the time recording software keeps freezing"): a subject said back nearly as
    written reads as pasted."""
    if theirs:  # their own clause from the body
        return not _same_thing(headline, theirs)
    if ours is None:
        return True
    # "stuck on one screen" says little, unless the screen is named ("stuck on 'Starting up'")
    vague = ours.trouble == "noise" or "one screen" in with_detail(ours.text, told, text)
    return ours.generic or vague or not _same_thing(headline, ours.text)


_HEADLINE_VERB = re.compile(
    r"\s(?:is|are|has|have|keeps?|won't|can't|doesn't|don't|isn't|aren't|hasn't|haven't|may)\b"
)


def _same_thing(headline: str, clause: str) -> bool:
    """The headline's thing (its words before the verb) is named in ``clause`` too."""
    thing = _HEADLINE_VERB.split(headline, maxsplit=1)[0]
    words = {_stem(w) for w in re.findall(r"[a-z][a-z-]+", thing.lower())} - {"the", "your"}
    return bool(words & {_stem(w) for w in re.findall(r"[a-z][a-z-]+", clause.lower())})


def _stem(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word
