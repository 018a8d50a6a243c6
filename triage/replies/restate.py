"""Restate the customer's problem in one second-person sentence (reply-guide: "show you read the
whole message ... in your own words, not a copy of their subject line").

Picks the sentence of the newest text that best states the problem (problem words, first person,
early, not an insult or a threat), then turns the pronouns around: "I can't print" -> "you can't
print", "your VPN drops me" -> "our VPN drops you". Pure; returns None when no sentence is usable,
and the composer then uses a neutral sentence instead of guessing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from triage.parse.quotes import SIGN_OFF

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
_GREETING_LINE = re.compile(
    r"^\s*(?:hi|hello|hey|dear|morning|afternoon|evening|good\s+(?:morning|afternoon|evening|day)|greetings|"
    r"to\s+whom|yo|hiya)\b[^.?!]{0,40}[,!:.]?\s*$",
    re.I,
)
# a line that starts with a sign-off ("Thanks for looking", "Sent from my iPhone") closes the text
_SIGN_OFF_LINE = re.compile(
    r"^\s*(?:" + SIGN_OFF + r"|sent\s+from\s+my)\b[^.?!]{0,40}[,.!]?\s*$", re.I
)
_SPLIT = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\n\s*\n|\n(?=\s*[-*•\d])|(?<=:)\s*\n")
_PROBLEM = re.compile(
    r"\b(?:can't|cannot|can\s+not|(?:will|does|do|did|is|are|has|have)\s+not|couldn't|won't|wouldn't|isn't|aren't|doesn't|don't|didn't|hasn't|haven't|not\s+working|"
    r"no\s+longer|unable|error|errors|fail\w*|broken|down|crash\w*|stuck|keeps?|lost|missing|locked|expired|slow\w*|"
    r"drop\w*|disconnect\w*|offline|jam\w*|stopped|gone|wrong|problem|issue|blank|frozen|freez\w*|"
    r"nothing|no\s+(?:internet|signal|sound|network|service|access|login|dial\s+tone)|need|needs|bounc\w*|"
    r"spam|phish\w*|hack\w*|virus|ransom\w*|deleted|full|overcharg\w*|charged|refund|invoice|"
    r"instead\s+of|again|still|nois\w*|off|black|flashing|strange|weird|odd|random\w*)\b",
    re.I,
)
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|i've|my|me|we|we're|we've|our|us)\b", re.I)
_NEGATION = re.compile(r"\b(?:not|no|never|nothing|nobody)\b|n't\b", re.I)
_HOSTILE = re.compile(
    r"\b(?:ridiculous|incompetent|useless|joke|pathetic|unacceptable|disgrace\w*|idiot\w*|stupid|absurd|shambles|"
    r"rubbish|garbage|hell|damn\w*|bloody|crap|fuck\w*|f\*+k\w*|shit\w*|wtf|cancel\w*|lawyer|legal|solicitor|chargeback|"
    r"don't\s+tell|ombudsman|manager|director|review|twitter|followers|refuse|sue|insult\w*|clowns?|amateur\w*|worst|"
    r"love\s+that|fantastic|brilliant|great\s+job|well\s+done|thanks\s+a\s+lot|obviously|seriously|clearly|"
    r"compensation|demand\w*|sick\s+of|fed\s+up|another\s+(?:provider|supplier|processor|company))\b",
    re.I,
)
_FILLER_START = re.compile(
    r"^(?:sorry|hope|i\s+hope|thanks|thank|just\s+(?:a\s+)?(?:wanted|quick|checking)|please\s+see|see\s+below|"
    r"fyi|ps|p\.s|any\s+help|let\s+me\s+know|look\s+forward|i\s+look\s+forward)\b",
    re.I,
)
_LEAD_IN = re.compile(
    r"^(?:and|but|so|also|plus|well|ok|okay|right|anyway|basically|honestly|frankly|heads\s+up|quick\s+one|"
    r"just\s+so\s+you\s+know|fyi)\b[\s,:-]*",
    re.I,
)
_REQUEST = re.compile(
    r"^(?:please\s+)?(?:could|can|would|will)\s+(?:you|someone|somebody|anyone|one\s+of\s+you|it|the\s+team)\s+"
    r"(?:please\s+)?(?P<rest>.+?)\??$",
    re.I,
)
_WH_QUESTION = re.compile(r"^(?:who|what|when|where|why|how|which|whether)\b", re.I)
_THERE_QUESTION = re.compile(r"^(?P<verb>is|are|was|were)\s+there\s+(?P<rest>.+?)\??$", re.I)
# yes/no questions: "Do you offer X?" -> "whether we offer X"; "Is it possible to X?" -> "whether it is ..."
_DO_QUESTION = re.compile(r"^do\s+(?P<subject>you|we|i|they)\s+(?P<rest>.+?)\??$", re.I)
_BE_QUESTION = re.compile(
    r"^(?P<verb>am|is|are|was|were|has|have)\s+(?P<subject>you|we|i|it|they|this|that|my|our|your|the)\b\s*(?P<rest>.+?)\??$",
    re.I,
)
_IMPERATIVE = re.compile(
    r"^(?:don't|do\s+not|turn|fix|give|send|tell|get|stop|sort|find|make|call|ring|check|put|take|bring|"
    r"change|remove|undo|reverse|explain|let|refund|cancel|escalate|switch|just|please)\b",
    re.I,
)
_INLINE_GREETING = re.compile(r"^(?:hi|hello|hey|dear|morning)\b[^,.!?]{0,30}[,!]\s*", re.I)
_PROPER = frozenset(
    "Outlook Teams Windows Excel Word Microsoft Google Gmail Zoom Slack Office Apple iPhone Android Mac "
    "MacBook Chrome Edge Firefox Safari OneDrive SharePoint Dropbox Xero Sage Adobe Acrobat WhatsApp "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June July "
    "August September October November December".split()
)
_URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_UNSAFE = re.compile(r"[\[\]{}<>*_#`|\\]|[\U0001f000-\U0001faff\u2600-\u27bf\u2b50\u2b55\ufe0f]")
_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")

# Pronouns seen from the customer's side -> from ours. "you" means the help desk in their mail.
_SWAP = {
    "i": "you", "me": "you", "my": "your", "mine": "yours", "myself": "yourself",
    "i'm": "you're", "i've": "you've", "i'd": "you'd", "i'll": "you'll",
    "we": "you", "us": "you", "our": "your", "ours": "yours", "ourselves": "yourselves",
    "we're": "you're", "we've": "you've", "we'd": "you'd", "we'll": "you'll",
    "your": "our", "yours": "ours", "yourself": "ourselves", "yourselves": "ourselves",
    "you're": "we're", "you've": "we've", "you'd": "we'd", "you'll": "we'll",
}  # fmt: skip
# after these words "you" is an object ("emailed you" -> "emailed us"), otherwise a subject ("we")
_OBJECT_AFTER = frozenset(
    "to for with from at by about of on told asked emailed called contacted sent gave give let help "
    "thank thanks tell pay paying paid rang phoned chased reminded than like".split()
)
_AM_WAS = {
    ("you", "am"): "are",
    ("you", "was"): "were",
    ("you", "wasn't"): "weren't",
    ("we", "are"): "are",
}
_KEEP_CAPS = frozenset(
    {"VPN", "PC", "IT", "TV", "USB", "PDF", "SMS", "ID", "PIN", "OK", "UK", "US", "CEO", "HR"}
)

MAX_WORDS = 32


@dataclass(frozen=True, slots=True)
class _Candidate:
    text: str
    score: float
    index: int


def _clean_lines(text: str) -> str:
    lines = []
    for line in text.translate(_APOSTROPHES).splitlines():
        if _GREETING_LINE.match(line) or _SIGN_OFF_LINE.match(line):
            continue
        lines.append(line)
    return "\n".join(lines)


def _sentences(text: str) -> list[str]:
    parts = (re.sub(r"\s+", " ", p).strip() for p in _SPLIT.split(_clean_lines(text)))
    return [p for p in parts if p]


def _shout_down(sentence: str) -> str:
    """SHOUTED words back to lower case: we restate, we don't shout back. In a shouted sentence
    every capitalised word goes (but known acronyms); otherwise only long ones ("ELEVEN YEARS"),
    so "100GB" and "the HR portal" keep their capitals."""
    words = [w for w in _WORD.findall(sentence) if len(w) > 1]
    shouting = bool(words) and sum(w.isupper() for w in words) / len(words) >= 0.5

    def fix(m: re.Match[str]) -> str:
        w = m.group(0)
        if w.isupper() and w not in _KEEP_CAPS and (len(w) >= 5 or (shouting and len(w) > 1)):
            return w.lower()
        return w

    return _WORD.sub(fix, sentence)


def _score(sentence: str, index: int) -> float:
    words = len(sentence.split())
    sentence = _INLINE_GREETING.sub("", sentence)
    # words inside quotes are an error message or someone else's, not the customer's problem statement
    sentence = re.sub(r'"[^"]*"', '"…"', sentence)
    if (
        words < 4
        or _FILLER_START.match(sentence)
        or _HOSTILE.search(sentence)
        or re.search(r"\bsorry\b", sentence, re.I)
        or (_IMPERATIVE.match(sentence) and not _REQUEST.match(sentence))
    ):
        return float("-inf")
    question = sentence.rstrip().endswith("?")
    asks = bool(
        _REQUEST.match(sentence)
        or (question and (_WH_QUESTION.match(sentence) or _THERE_QUESTION.match(sentence)))
        or (question and (_DO_QUESTION.match(sentence) or _BE_QUESTION.match(sentence)))
    )
    problem = bool(_PROBLEM.search(sentence))
    negated = bool(_NEGATION.search(sentence))
    person = bool(_FIRST_PERSON.search(sentence))
    if not (problem or negated or person or asks):
        return float("-inf")  # a sentence about nobody and nothing going wrong restates nothing
    score = 3.0 * problem + 1.0 * negated + 1.0 * person
    score += 1.0 * asks
    score -= 0.4 * index  # the problem is usually stated first
    score -= 1.5 * (question and not asks)
    score -= max(0, words - MAX_WORDS) / 15
    score -= 2.0 * (sum(c.isdigit() for c in sentence) > 12)  # logs, account numbers
    return score


def _trim(sentence: str) -> str | None:
    words = sentence.split()
    if len(words) <= MAX_WORDS:
        return sentence
    # cut at the last clause boundary that keeps the sentence meaningful
    head = " ".join(words[:MAX_WORDS])
    cut = max(head.rfind(","), head.rfind(";"), head.rfind(" - "), head.rfind(" — "))
    if cut >= 0 and len(head[:cut].split()) >= 6:
        return head[:cut]
    return None


def swap_pronouns(sentence: str) -> str:
    """First person -> second person, second person (the help desk) -> first person plural.

    Text inside double quotes is what someone else wrote (an error message, a slogan): kept as is.
    """
    parts = re.split(r'("[^"]*")', sentence)
    return "".join(p if p.startswith('"') else _swap(p) for p in parts)


def _swap(sentence: str) -> str:
    tokens = re.split(r"([A-Za-z]+(?:'[A-Za-z]+)?)", sentence)
    out: list[str] = []
    prev_word = ""
    prev_new = ""
    for tok in tokens:
        low = tok.lower()
        if not tok or not tok[0].isalpha():
            out.append(tok)
            if tok.strip(" "):
                prev_word = ""  # punctuation breaks the "object after a verb" context
            continue
        if low == "you":
            new = "us" if prev_word in _OBJECT_AFTER else "we"
        elif low in ("guys", "lot") and prev_new in ("we", "us"):
            # "you guys" -> "we" (drop the word)
            if out and out[-1] == " ":
                out.pop()
            prev_word = low
            continue
        elif (prev_new, low) in _AM_WAS:
            new = _AM_WAS[(prev_new, low)]
        else:
            new = _SWAP.get(low, tok)
        out.append(new)
        prev_word, prev_new = low, new.lower()
    return "".join(out)


def _visible(text: str) -> str:
    """Drop control and format characters (bidi overrides, zero-width): customer text must not
    be able to reorder or hide parts of our reply."""
    return "".join(c for c in text if c in "\t\n " or unicodedata.category(c) not in ("Cc", "Cf"))


def _polish(sentence: str) -> str:
    s = _INLINE_GREETING.sub("", _visible(sentence))
    s = re.sub(r"\s*\([^()]{12,}\)", "", s)  # long asides ("(list below again)") read oddly back
    s = _URL.sub("the link", s)
    s = _EMAIL.sub("the address", s)
    s = _UNSAFE.sub("", s)
    s = _shout_down(s)
    s = _LEAD_IN.sub("", s).strip()
    s = re.sub(r"[!?.;:,\s]+$", "", s)
    s = re.sub(r"!+", "", s)
    if s.count('"') % 2:
        s = s.replace('"', "")
    s = re.sub(r"\s+", " ", s).strip(" -'")
    return s


def _proper_nouns(text: str) -> set[str]:
    """Capitalised words that also appear capitalised mid-sentence: names, products, places."""
    return {m.group(1) for m in re.finditer(r"(?<=[a-z,] )([A-Z][a-z]+)", text)} | _PROPER


def _as_clause(sentence: str) -> str:
    question = sentence.rstrip().endswith("?")
    polished = _polish(sentence)
    request = _REQUEST.match(polished)
    if request:
        return "you'd like us to " + swap_pronouns(request.group("rest"))
    if not question:
        return swap_pronouns(polished)
    know = "you'd like to know "
    if m := _THERE_QUESTION.match(polished):
        return f"{know}whether there {m.group('verb').lower()} " + swap_pronouns(m.group("rest"))
    if m := _DO_QUESTION.match(polished):
        return f"{know}whether " + swap_pronouns(f"{m.group('subject')} {m.group('rest')}")
    if m := _BE_QUESTION.match(polished):
        said = m.group("subject").lower()
        if said in ("my", "our", "your", "the"):
            return ""  # "is my account still active" has no safe word order to turn around
        verb = m.group("verb").lower()
        verb = (
            "are"
            if said == "i" and verb in ("am", "is")
            else ("were" if said == "i" and verb == "was" else verb)
        )
        return f"{know}whether {swap_pronouns(said)} {verb} " + swap_pronouns(m.group("rest"))
    if _WH_QUESTION.match(polished):
        return know + swap_pronouns(polished[0].lower() + polished[1:])
    return swap_pronouns(polished)


def restatements(newest_text: str) -> Iterator[str]:
    """Candidate clauses, best first, restating the problem in the second person.

    A clause has no final punctuation and starts lower case (unless it starts with a name), ready
    for "I understand that {restatement}." The composer takes the first one that passes the tone
    checker (a customer's own "my fault" must not come back as our "your fault").
    """
    sentences = _sentences(newest_text)[:12]
    proper = _proper_nouns(newest_text.translate(_APOSTROPHES))
    ranked = sorted(
        (_Candidate(s, _score(s, i), i) for i, s in enumerate(sentences)),
        key=lambda c: (-c.score, c.index),
    )
    for cand in ranked:
        if cand.score < 1.0:
            return
        clause = _trim(_as_clause(cand.text))
        if clause is None or len(clause.split()) < 4:
            continue
        first = clause.split(" ", 1)[0]
        if first not in proper and not first.isupper() and not any(c.isdigit() for c in first):
            clause = clause[0].lower() + clause[1:]
        yield clause


def restate(newest_text: str) -> str | None:
    """The best restatement, or None when no sentence is usable."""
    return next(restatements(newest_text), None)
