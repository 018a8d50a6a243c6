"""A subject line that is already a sentence, said back as our clause: "Pop ups are back" ->
"the pop ups are back", "Customer replies to ticket emails going nowhere" -> "the customer
replies to ticket emails are going nowhere", "Not getting notification emails" -> "you're
not getting notification emails", "Need email working before my flight" -> "you need email
working before your flight". The last resort before the subject is quoted back ("I've read
your email about "..."", judged a pasted subject line), so only a subject that could be
quoted (``quoted_subject``: no anger, claim or accusation) and never one about a thing of
ours: "Your prices are extortionate" said back is "our prices are extortionate", our own
word for it. "" for anything it cannot say as one grammatical clause. Pure."""

from __future__ import annotations

import re

from triage.reading.topic import clean_subject
from triage.replies.detail import plural
from triage.replies.ourwords import HOSTILE, PEOPLE, lower_first, polish, shouts, swap
from triage.replies.subject_topic import quoted_subject

# a finite verb that starts what the subject says of its thing
_FINITE = (
    r"is|are|was|were|has|have|keeps|keep|won't|doesn't|don't|isn't|aren't|can't|hasn't|"
    r"haven't|may\s+have\s+been|might\s+have\s+been|has\s+been|have\s+been"
)
# a thing in a few words (no verb of its own, no pronoun but "my"/"our"), then its state
_CLAUSE = re.compile(
    rf"^(?P<np>(?:(?:my|our|the|your)\s+)?[A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*){{0,4}}?)\s+"
    rf"(?P<verb>{_FINITE})\s+(?P<rest>[\w' -]+)$",
    re.I,
)
# the same with its state as a participle and no verb ("... going nowhere", "... being renamed")
_PARTICIPLE = re.compile(
    r"^(?P<np>(?:(?:my|our|the)\s+)?[A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*){1,5}?)\s+"
    r"(?P<ing>(?:being|going|coming|showing|dropping|disappearing|failing|crashing|freezing|"
    r"bouncing|arriving|printing|syncing|loading|timing|logging|signing|sending|getting)\b)"
    r"(?P<rest>(?:\s+[\w'-]+){0,5})$",
    re.I,
)
# ... or as a word of state with no verb ("HR folder visible to all staff", "Study room
# unusable since the router was moved")
_STATE = re.compile(
    r"^(?P<np>(?:(?:my|our|the)\s+)?[A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*){0,4}?)\s+"
    r"(?P<adj>visible|unusable|missing|blank|empty|unreadable|unreachable|inaccessible|"
    r"unavailable|stuck|frozen|suspended|exposed|corrupted|corrupt|blocked|offline|broken)\b(?P<rest>(?:\s+[\w'-]+){0,6})$",
    re.I,
)
_NOT_GETTING = re.compile(
    r"^(?:not|no\s+longer)\s+(?P<ing>(?:getting|receiving|seeing|able\s+to\s+\w+))\s+(?P<rest>.+)$",
    re.I,
)
# a state that is also a deed done to someone: "locked out our staff" has an object
_DID_TO = re.compile(r"(?i)^(?:blocked|broken)$")
_HAS_OBJECT = re.compile(r"(?i)^\s+(?:out\s+)?(?:our|my|the|all|every|\w+s\b)(?!\s*$)")
# "Still getting email bills", "Still waiting for the migration call": what goes on for them
_STILL = re.compile(r"^still\s+(?P<ing>getting|waiting|seeing|receiving)\s+(?P<rest>.+)$", re.I)
_NEED = re.compile(r"^need\s+(?P<rest>(?:my|our|the|a|an)?\s*[\w' -]+)$", re.I)
# words a thing is never made of: a question, a person, time ("Tuesday", "again")
_NOT_A_THING = re.compile(
    r"\b(?:i|you|we|he|she|they|it|this|that|there|what|why|how|who|when|where|which|still|"
    r"again|today|yesterday|now|please|urgent|re|fw|fwd|not|no|never|after|before|since|"
    r"during|for|from|with)\b",
    re.I,
)
_DETERMINED = re.compile(r"^(?:my|our|the|your|a|an)\s", re.I)
# what would not read as one clause of ours: a number, a second clause, a name we can't place
_BARRED = re.compile(r"[\d?!&/()\"“”]|\b(?:and|but|so|because|vs|versus|or)\b", re.I)


def subject_sentence(subject: str) -> str:
    """The subject said as our clause, or "": the whole line, else what comes before a spaced
    dash ("HR folder visible to all staff - reported this yesterday", "Account locked - day
    2": the rest is when or how often)."""
    said = _sentence(subject)
    head, dash, _ = subject.partition(" - ")
    if not said and dash and len(head.split()) >= 2:
        said = _sentence(head)
    return said


def _sentence(subject: str) -> str:
    s = clean_subject(subject)
    if not s or shouts(s) or HOSTILE.search(s) or _BARRED.search(s) or len(s.split()) > 9:
        return ""
    if not quoted_subject(subject) or re.match(r"(?i)\s*(?:your|you)\b", s):
        return ""  # not ours to say: a claim, an accusation, or what they say of our things
    s = polish(s).rstrip(" .")
    if m := _NOT_GETTING.match(s):
        return f"you're not {m.group('ing').lower()} {swap(m.group('rest'))}"
    if m := _STILL.match(s):
        return f"you're still {m.group('ing').lower()} {swap(m.group('rest'))}"
    if m := _NEED.match(s):
        return f"you need {swap(m.group('rest'))}"
    if m := _CLAUSE.match(s):
        np, verb, rest = m.group("np"), m.group("verb").lower(), m.group("rest")
    elif m := _STATE.match(s):
        if _DID_TO.match(m.group("adj")) and _HAS_OBJECT.match(m.group("rest")):
            return ""  # "Forced MFA rollout locked out our warehouse staff": a deed, not a state
        np, rest = m.group("np"), f"{m.group('adj').lower()}{m.group('rest')}"
        verb = "are" if plural(np) else "is"
    elif m := _PARTICIPLE.match(s):
        np, rest = m.group("np"), f"{m.group('ing').lower()}{m.group('rest')}"
        verb = "are" if plural(np) else "is"
    else:
        return ""
    if any(w.lower().endswith("ing") for w in np.split()):
        return ""  # "List of users going missing": the state began before "missing"
    if _NOT_A_THING.search(np) or np.split()[-1].lower() in PEOPLE:
        return ""  # "Why is it slow", "Staff are locked out": no thing of theirs to name
    if np.split()[-1][:1].isupper() and not _DETERMINED.match(np):
        return ""  # "Plotwise is down": a name we would have to guess the article of
    said = lower_first(swap(np)) if _DETERMINED.match(np) else f"the {lower_first(np)}"
    return f"{said} {verb} {swap(rest)}".strip()
