"""What a complaint says we did, said back in our words ("a chat agent of ours closed your
conversation while you were still typing"), or None when no such sentence can be said safely.
Pure.

Judges read "I understand you're unhappy with how this has been handled" and "unhappy about
the supervisor" as restating nothing: a complaint is about something we did, and the email
usually says it in one sentence whose subject is us ("Your product let a junior employee
invite 14 contractors", "A chat agent of yours closed my conversation"). That sentence, short,
calm and with the pronouns turned, is the restatement a team lead would write.
"""

from __future__ import annotations

import re

from triage.replies.ourwords import HOSTILE, KEEP_CAPS, SCARE_QUOTES, polish, shouts, swap_pronouns

# who did it: "you", "your engineer", "your new billing system", "an agent of yours"
_US = (
    r"(?:you|your\s+(?:[\w'-]+\s+){0,2}?(?:adverts?|ads?|agents?|staff|engineers?|technicians?|colleagues?|team|"
    r"company|product|app|system|website|site|letter|email|advisers?|advisors?|person|drivers?|"
    r"installers?|chat|bot|support|update|upgrade|software|plugin|reps?|man|woman|guy|courier|"
    r"department|invoice|bill|survey|portal|renewal|form)|(?:a|an|the|one)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:agents?|engineers?|technicians?|person|member\s+of\s+staff|advisers?|advisors?|reps?)\s+"
    r"of\s+yours|(?:somebody|someone|one\s+of\s+you)\s+from\s+(?:your|the)\s+(?:company|team|office|"
    r"it\s+department|service\s+desk|helpdesk))"
)
# what it did, in the past: a regular past or one of the irregular verbs complaints use; not
# a state ("you are aware"), a need ("you need to refund me") or an -ed word of feeling or
# duty ("you supposed", "you guessed it")
_DID = (
    r"(?:(?!(?:need|feed|seed|speed|bleed|supposed|guessed|assumed|used|based|concerned|"
    r"worried|tired|interested|pleased|surprised|scared|aware|allowed|required|expected|"
    r"meant|entitled)\b)[a-z]+ed|sent|told|gave|took|made|put|left|cut|sold|wrote|said|rang|"
    r"came|went|lost|broke|kept|let|hung|shut|set|chose|forgot|threw|ran|brought|caught|spent|"
    r"paid|got|keeps?)"
)
_SAID = re.compile(
    rf"^\W*(?:(?:so|and|but|then|today|yesterday|this\s+morning|last\s+week)\W+)?(?P<clause>{_US}\s+"
    rf"(?:just\s+|then\s+|also\s+|have\s+|has\s+|had\s+)?{_DID}\b(?:[^.!?\n]|(?<=\d)\.(?=\d))*)",
    re.I,
)
# a sentence ends at a full stop, not at the one in "£49.99"
_SENTENCE = re.compile(r"(?:[^.!?\n]|(?<=\d)\.(?=\d))+[.!?]?")
# an allegation said back reads as ours to confirm ("you've told us that our company is a
# scam" is no restatement a team lead would send)
_ALLEGED = re.compile(
    r"\b(?:scam\w*|hack\w*|assault\w*|attack\w*|leak\w*|discriminat\w*|stole|stolen|steal\w*|"
    r"fraud\w*|lie|lied|lies|lying|liars?|cheat\w*|rob\w*|threat\w*|harass\w*|racis\w*|"
    r"sexis\w*|abus\w*|negligen\w*|illegal\w*|unlawful\w*|breach\w*|spy\w*|spied|bully\w*|"
    r"bullied|refund\w*|owe\w*|compensat\w*|touch\w*|inappropriat\w*|follow(?:ed|ing)\s+(?:me|you|us)|"
    r"disabilit\w*|publish\w*|kill\w*|injur\w*|hurt|grop\w*|sexual\w*|privacy|home\s+address|"
    r"personal\s+(?:data|information|details))\b",
    re.I,
)
# where a long clause can end and still say the grievance
_CUT = re.compile(r",|\s+(?:and|but|because|which|so|even\s+though|although|when)\s+", re.I)
MAX_WORDS = 16


# "I'd like to formally complain about how long it took to collect my old laptop": what
# the complaint is about, said by them in so many words
_ABOUT = re.compile(
    r"^\W*(?:(?:hi|hello|dear\s+\w+)\W+)?(?:i(?:\s+would|'d|’d)\s+like\s+to|i\s+want\s+to|i\s+wish\s+to|"
    r"i(?:'m|\s+am)\s+writing\s+to)\s+(?:(?:make|lodge|raise|file|register)\s+an?\s+)?"
    r"(?:formal(?:ly)?\s+|official(?:ly)?\s+)?complain[t]?\s+(?:about|regarding)\s+"
    r"(?P<clause>(?:[^.!?\n]|(?<=\d)\.(?=\d))+)",
    re.I,
)


def complaint_about(text: str) -> str | None:
    """What a complaint says it is about ("how long it took to collect your old laptop"), in
    our words, or None when it is not said in so many words or not safely."""
    for sentence in _SENTENCE.findall(text)[:4]:
        if (m := _ABOUT.match(sentence)) is None:
            continue
        clause = m.group("clause").strip()
        content = [w for w in re.findall(r"[a-z]+", clause.lower()) if w not in _EMPTY]
        if len(content) < 2 or _CONDUCT.search(clause):
            # "complain about you", "about it" say nothing back; "your engineer, who was rude
            # to my mother" is an allegation said back as ours to agree with
            return None
        said = _safe_clause(clause, lower=False)  # mid-sentence: a capital is a name's
        return said
    return None


_EMPTY = frozenset("you your it this that them him her me us the a an our my of to".split())
_CONDUCT = re.compile(
    r"\b(?:rude\w*|abrupt|aggressive|shout\w*|swore|swear\w*|insult\w*|patronis\w*|"
    r"condescend\w*|disrespect\w*|threaten\w*|lied|lying)\b",
    re.I,
)


def grievance(text: str) -> str | None:
    """The first of the email's opening sentences that says what we did, in our words."""
    for sentence in _SENTENCE.findall(text)[:6]:
        m = _SAID.match(sentence)
        if m is None:
            continue
        return _safe_clause(m.group("clause").strip())
    return None


def _safe_clause(clause: str, *, lower: bool = True) -> str | None:
    """The clause cut to length with the pronouns turned, or None when it cannot be said;
    with ``lower``, its first letter lower-cased (it opened a sentence)."""
    if len(clause.split()) > MAX_WORDS:
        # the longest whole part that fits: "our technician left the old boxes, packaging
        # and a pile of cables in your back hallway", not "... left the old boxes"
        fits = [
            c.start()
            for c in _CUT.finditer(clause)
            if 5 <= len(clause[: c.start()].split()) <= MAX_WORDS
        ]
        clause = clause[: max(fits)] if fits else clause
    if len(clause.split()) > MAX_WORDS or HOSTILE.search(clause) or _ALLEGED.search(clause):
        return None
    loud = any(w not in KEEP_CAPS for w in re.findall(r"\b[A-Z]{4,}\b", clause))
    if SCARE_QUOTES.search(clause) or shouts(clause) or loud:
        return None  # the grievance is in words we must not echo: none rather than another
    said = swap_pronouns(polish(clause, trim=False))
    return said[:1].lower() + said[1:] if lower else said
