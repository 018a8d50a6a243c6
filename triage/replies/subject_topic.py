"""A subject line read as a topic ("the out of hours number", "pausing service over summer"),
for a request's or a question's restatement: "Thank you for asking us about {topic}". Pure."""

from __future__ import annotations

import re

from triage.replies.ourwords import BRANDS, HOSTILE, lower_first, polish, shouts
from triage.replies.requests import IMPERATIVES

# a subject line that names no topic: about the message itself, the wait, or shouting
_META = re.compile(
    r"\b(?:question|questions|query|queries|quick|q|help|urgent|asap|again|chas\w*|follow\w*|ticket|"
    r"case|reply|response|email|message|request|attempt|times?|still|waiting|hello|hi|thanks?|"
    r"please|fw|fwd|re)\b|[#\[\]@!,;:\d]",
    re.I,
)


# words of something wrong: a chase's clause with one says more than its subject
A_STATE = re.compile(
    r"\b(?:not|no|never|still|\w+n't|error\w*|broke\w*|fail\w*|stopped|down|offline|missing|"
    r"flicker\w*|crash\w*|freez\w*|slow\w*|dead|stuck|wrong|keeps?|lost|gone|jam\w*|declin\w*)\b",
    re.I,
)
DETERMINED = frozenset("the a an your this that these those".split())
_OWNED = frozenset("our his her their".split())


_ASKED = re.compile(
    r"(?:who|what|when|where|why|how|which|is|are|can|could|do|does|did|will|would|should|may|"
    r"shall|might)\b",
    re.I,
)


# a subject that is a sentence, not a topic: a state after its thing (``A_STATE``: "printer
# broken", "wifi down") or a verb ("site certificate expires tomorrow")
_SAYS_A_STATE = re.compile(
    rf"{A_STATE.pattern}|\b(?:is|are|was|were|has|have|had|expires?|starts?|ends?|needs?|"
    r"broken)\b",
    re.I,
)
_NO_THE = frozenset("some any no all every each".split())  # "the some advice"


def subject_phrase(subject: str) -> str:
    """A short subject line as a topic in our words ("pausing service over summer", "the out
    of hours number"), or "" when it is long, hostile, shouted, a sentence, an instruction, or
    about the message rather than its topic."""
    s = re.sub(r"\b(?:my|our)\b", "your", polish(subject).rstrip("?"), flags=re.I)
    words = s.split()
    if not 2 <= len(words) <= 7 or _META.search(s) or HOSTILE.search(s) or shouts(subject):
        return ""
    first = words[0].lower()
    if _ASKED.match(s) or _SAYS_A_STATE.search(s) or first in IMPERATIVES or first in _NO_THE:
        return ""  # "why is this so hard", "cancel my contract", "some advice": no topic
    if first in BRANDS or words[0][:1].isupper() and words[1][:1].isupper():
        return s  # "Microsoft Teams licence", "Zoom licences": a name keeps its capitals
    if first.endswith("'s"):
        return ""  # "John's laptop" or "the designer's": whose is not ours to guess
    if first in DETERMINED or first in _OWNED or first.endswith("ing"):
        return lower_first(s)  # "pausing service over summer", "your broadband"
    return f"the {lower_first(s)}"  # "about the out of hours number"
