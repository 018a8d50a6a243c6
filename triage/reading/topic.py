"""What the email is about, as the customer named it in the subject line: a noun phrase
("the grey streak on prints", "your laptop battery"), or "" when the subject is not one.

The reply restates the problem before anything else (reply-guide, acknowledge). When no
problem clause can be cut from the body (triage/reading/problem.py finds one in about one
email in six), a stock line ("something isn't working as it should") is what judges called a
wrong restatement. The subject line is where most customers name the thing in a few words;
said back as a topic ("I understand you're having trouble with the grey streak on prints") it
is short, specific and not a copied sentence. A subject that reports a state names its thing
by the words before that state ("Photo backup stopped syncing" -> "the photo backup", "WMS down
all depots" -> "the WMS"); otherwise only a subject that tags as a noun phrase is used. A
question, second-person words (said back they would become our admission), a loss or a
judgement ("bereavement", "rude engineer"), a shout that is not an acronym, or a generic head
("help", "question", "complaint") gives "".

Pure over a spaCy ``Doc`` of the cleaned subject (tags only; the pipeline has no lemmatizer).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from triage.subjects import bare_subject

MAX_WORDS = 8
# reply and forward marks, ticket references and bracketed tags are not part of the topic
_BRACKETS = re.compile(r"\[[^\]]*\]|\([^)]*\)")
_TICKET = re.compile(
    r"\b(?:ticket|ref|reference|case|inc|req|incident)\b\W*[#:]?\s*[\w-]*\d[\w-]*|#\s*\d[\w-]*"
    # a bare reference ("BW-482301 slow speeds" was said back as "trouble with the bw-482301")
    # (first only: not inside an asset tag, "STA-LT-1184", nor a standard's or product's name,
    # review; nor after what it refers to, "Invoice INV-20931 - charges I don't recognise" is
    # better quoted than "the invoice": paired judges)
    r"|(?-i:^(?!(?:ISO|IEC|RFC|CVE|RTX|GTX|BS|EN|PCI|SOC)-)[A-Z]{2,5}-\d{4,}(?![\w-]))",
    re.I,
)
# "Complaint about chat agent" is about the chat agent
_ABOUT = re.compile(
    r"^(?:(?:a\s+)?(?:quick\s+)?(?:complaint|question|query|problem|issue|help|request|enquiry|"
    r"inquiry|feedback)\s+(?:about|with|re|regarding|on|for|from)\s+"
    # "Checking in on my laptop", "Any news on the refund?": a chase about its topic
    r"|(?:just\s+)?(?:checking\s+in\s+on|following\s+up\s+on|follow[- ]up\s+on|(?:any\s+)?"
    r"(?:update|news|progress)\s+on|status\s+of|chasing)\s+)",
    re.I,
)
_GENERIC = frozenset(
    """help question query issue issues problem problems complaint request enquiry inquiry
    update urgent ticket email message hello hi follow followup feedback thanks thank info
    information support fault stuff thing things please pls asap important""".split()
)
_ALLOWED_TAGS = frozenset("NN NNS NNP NNPS JJ JJR JJS DT PRP$ IN CD POS HYPH CC NFP".split())
_SECOND = re.compile(r"\b(?:you|your|yours|u|ur|we|us|i|me|i'm|i've)\b", re.I)
_HOSTILE = re.compile(
    r"\b(?:ridiculous|incompetent|useless|joke|pathetic|unacceptable|disgrace\w*|idiot\w*|"
    r"stupid|shambles|rubbish|garbage|hell|damn\w*|bloody|crap|fuck\w*|shit\w*|wtf|lawyer|legal|"
    r"solicitor|court|sue|worst|formal|compensation|refund|still|again|never|"
    # a loss or a judgement is not a topic to be "sorry to hear about" or to agree with
    r"death|died|dead|deceased|bereave\w*|late|funeral|passed|widow\w*|estate|rude|terrible|"
    r"awful|horrible|appalling|disgusting|shocking|dreadful|unprofessional|liar\w*|"
    # praise in a subject is sarcasm as often as not ("Congratulations" over 100% downtime)
    r"congratulat\w*|congrats|well\s+done|bravo|kudos|thanks|great\s+job|nice\s+one|"
    r"brilliant|amazing|fantastic|genius|world-class|impressive)\b",
    re.I,
)
_WHEN = frozenset("today tonight tomorrow now asap urgent urgently again please".split())
# where a subject's report of a state begins: the words before it name the thing
CUT_AT = frozenset(
    """down offline dead broken gone missing stuck slow failed failing crashing crashed
    not still again keeps won't can't isn't doesn't stopped empty blank frozen freezing
    slowly dropping disappeared wiped deleted expired expiring""".split()
)
# words that make the subject a report of a state, not the name of a thing
_STATE = frozenset(
    """no not offline down dead broken gone missing stuck slow failed failing crashing
    crashed lost wrong off""".split()
)
# the words for family, shared with the replies (replies/evidence.py: a loss of theirs)
KIN = frozenset(
    """mum mom mam dad mother father wife husband son daughter brother sister gran nan grandma
    grandad grandpa granny grandmother grandfather partner aunt uncle""".split()
)
POSSESSIVE = {"my": "your", "our": "your", "mine": "yours"}
_DETERMINERS = frozenset("a an the this that these those some any".split())


# a part of a subject about the chase, not the topic: "4th email - user permissions",
# "referral credit - asked twice", "Chasing: laptop order"
_CHASE_PART = re.compile(
    r"^(?:(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|another|final|last|"
    r"one\s+more)\s+(?:e-?mails?|messages?|requests?|times?|attempts?|chas(?:e|es|er|ers)|reminders?|"
    r"follow[- ]?ups?)|(?:asked|chased|emailed|written|called|raised)\s+\w+(?:\s+times)?|"
    r"chasing|chaser|reminder|follow[- ]?up|urgent|still\s+waiting|no\s+(?:reply|response)|"
    r"again|resen[dt]|please\s+(?:help|reply|respond))\W*$",
    re.I,
)


def hostile(s: str) -> bool:
    """Words a topic must not say back: anger, legal words, a loss, a judgement, praise that
    may be sarcasm; "still", "again" and "never" are left to the caller."""
    return _HOSTILE.search(re.sub(r"(?i)\b(?:still|again|never)\b", " ", s)) is not None


def clean_subject(subject: str) -> str:
    """The subject without reply marks, ticket numbers, brackets and a second part after a
    dash ("Laptop battery - ticket #48190" -> "Laptop battery"); a part about the chase is
    passed over for the one that names the topic ("3rd email - admin console lockout" ->
    "admin console lockout")."""
    s = bare_subject(subject)
    s = _BRACKETS.sub(" ", s)
    parts = re.split(r"\s+[-–—|]\s+|:\s+", s)
    s = next((p for p in parts if p.strip() and not _CHASE_PART.match(p.strip())), parts[0])
    s = _TICKET.sub(" ", s)
    s = _ABOUT.sub("", s.strip())
    return re.sub(r"\s+", " ", s).strip(" .,;:-–—")


def find_topic(subject: str, parse: Callable[[str], object], text: str = "") -> str:
    """The subject as a topic to say back ("the grey streak on prints"), or "". ``text`` (the
    email's words) says whether the subject's first word is a name: "Outlook keeps crashing"
    keeps its capital when the email writes "Outlook" mid-sentence too."""
    s = clean_subject(subject)
    words = s.split()
    if not 1 <= len(words) <= MAX_WORDS or "?" in s or "!" in s:
        return ""
    # "ED tracking board down", "SWITCHBOARD PHONES DOWN", "signature broken AGAIN": the thing
    # is what comes before the word of its state
    cut = next((i for i, w in enumerate(words) if i and w.lower().strip(".,;") in CUT_AT), 0)
    if cut:
        # shouting lowered, short capitals kept: "EPR", "POS" and "DMS" are names
        words = [w.lower() if len(w) >= 5 and w.isupper() else w for w in words[:cut]]
        s = " ".join(words)
    while len(words) > 1 and words[-1].lower().strip(".,;") in _WHEN:
        words = words[:-1]  # "Open day TOMORROW": when is not what
        s = " ".join(words).rstrip(".,;")  # "sort order. AGAIN."
    if words[0].lower() in ("all", "every", "whole", "entire", "no", "some", "any"):
        return ""  # "ALL PRODUCT IMAGES GONE", "whole family offline": how many, not what
    if _SECOND.search(s) and not re.match(r"(?i)^(?:my|our)\b", s):
        return ""  # "Your importer DUPLICATED our list": ours to admit, not to say back
    if _SECOND.search(" ".join(words[1:])) or _HOSTILE.search(s):
        return ""
    letters = [w for w in re.findall(r"[A-Za-z]+", s) if len(w) > 1]
    if letters and sum(w.isupper() for w in letters) / len(letters) > 0.5 and len(letters) > 2:
        return ""  # a shouted subject is a headline of anger, not a name for the thing
    doc = parse(s)
    tokens = list(doc)  # type: ignore[call-overload]
    if not tokens or any(t.tag_ not in _ALLOWED_TAGS for t in tokens):
        return ""
    if len(tokens) > 1 and tokens[1].tag_ == "POS" and tokens[0].text.lower() in KIN:
        return ""  # "Mum's phone": "the mum's phone" is no way to name it
    nouns = [t for t in tokens if t.tag_.startswith("NN")]
    if not nouns or not tokens[-1].tag_.startswith("NN") and tokens[-1].tag_ != "CD":
        return ""
    if any(t.text.lower() in _GENERIC for t in nouns) and len(nouns) == 1:
        return ""  # "help", "quick question"
    if tokens[-1].text.lower() in _GENERIC or tokens[0].tag_ in ("IN", "CC", "CD", "POS"):
        return ""  # "On behalf of my mother": not a name for a thing
    if any(t.text.lower() in _STATE for t in tokens):
        return ""  # "Northgate offline", "3rd floor no network": a report, not a name
    # the parse saw shouting calmed (triage/reading/nlp.calm keeps offsets): the words are
    # taken from the subject as written, with their spacing ("no-show", "engineer's")
    if sum(len(w) >= 3 and w.isupper() for w in letters) >= 2:
        s = " ".join(w.lower() if len(w) >= 3 and w.isupper() else w for w in s.split())
    s = " ".join(w.lower() if len(w) >= 5 and w.isupper() else w for w in s.split())
    first, _, rest = s.partition(" ")
    if first[:1].isupper() and named_in(first, text):
        # a name alone takes no article ("trouble with Outlook"); a thing named after it does
        # ("the Outlook calendar")
        return f"the {first} {rest}" if rest else first
    return _determined(first, f" {rest}" if rest else "")


_SENTENCE_START = re.compile(r"(?:[.!?:]\s+|\n\s*)$")


def named_in(word: str, text: str) -> bool:
    """``word`` stands capitalised in ``text`` where a sentence does not start: a name
    ("Outlook", "Teams"), not a common word capitalised only as a subject line's first."""
    for m in re.finditer(rf"\b{re.escape(word)}\b", text):
        # only the few characters before it are looked at (not the whole text before it, for
        # every match): a sentence starts at the text's start, after . ! ? : or a line break
        before = text[max(0, m.start() - 8) : m.start()]
        if m.start() and not _SENTENCE_START.search(before):
            return True
    return False


def _determined(first: str, rest: str) -> str:
    """The phrase with a determiner in our voice: "my laptop" -> "your laptop", "grey streak
    on prints" -> "the grey streak on prints"; a first word that is not an acronym or a name
    in the middle of the sentence is lower-cased."""
    low = first.lower()
    if low in POSSESSIVE:
        return POSSESSIVE[low] + rest
    if low in _DETERMINERS:
        return low + rest
    if not (first.isupper() and len(first) > 1) and not re.search(r".[A-Z]", first):
        first = low
    return f"the {first}{rest}"
