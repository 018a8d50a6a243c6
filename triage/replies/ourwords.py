"""The customer's words made safe to say back, in our voice: an ask as the complement of "You
asked ..." ("us to reset your voicemail PIN", "for a copy of the call notes", "whether there is
a way to ..."), or None when no form can be made reliably right.

Only short, plain asks are said back: insults, threats, legal words, shouting and anything that
would not read as one grammatical clause are left to the kind-level answer instead (reply-guide:
"never repeat insults, capitals, threats or legal claims back"). Pure.
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
# words that make a sentence unsafe to say back: insults, threats, legal claims, sarcasm
HOSTILE = re.compile(
    r"\b(?:ridiculous|incompetent|useless|joke|pathetic|unacceptable|disgrace\w*|idiot\w*|stupid|"
    r"absurd|shambles|rubbish|garbage|hell|damn\w*|bloody|crap|fuck\w*|f\*+k\w*|shit\w*|wtf|lawyer|"
    r"legal|solicitor|chargeback|ombudsman|court|sue|insult\w*|clowns?|amateur\w*|worst|"
    r"love\s+that|fantastic|brilliant|obviously|seriously|clearly|demand\w*|sick\s+of|fed\s+up|"
    r"your\s+(?:error|fault|mistake|incompetence)|trading\s+standards|regulator|ofcom|gdpr\s+complaint|"
    r"incapable|clueless|useless|nonsense|junk|joke|press|test\s+me|any\s+idea)\b",
    re.IGNORECASE,
)
_URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_UNSAFE = re.compile(r"[\[\]{}<>*_#`|\\\"]|[\U0001f000-\U0001faff\u2600-\u27bf\u2b50\u2b55\ufe0f]")
_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_KEEP_CAPS = frozenset(
    "VPN PC IT TV USB PDF SMS ID PIN OK UK US CEO HR SSO MFA CSV DNS NAT DMZ API URL IP "
    "EU VAT DMS WMS CRM ERP POS SIM LAN WAN".split()
)
# short words written in capitals for emphasis, never acronyms
_SHOUTED = frozenset(
    "NOW NOT YOUR YOU OUR ALL ANY WHY HOW WHAT WHO THE AND DAY GET PUT FIX STOP NEVER EVER DONE "
    "WEEK HOUR DAYS".split()
)
_LEAD_IN = re.compile(
    r"^(?:and|but|so|also|plus|well|ok|okay|right|anyway|basically|honestly|frankly|then|"
    r"if\s+(?:not|yes|so)|otherwise|or)\b[\s,:-]*",
    re.I,
)
# urgency said back is our promise to make, in the plan, not their word to echo
_TAIL = re.compile(
    r"[\s,;-]*\b(?:right\s+now|now|today|immediately|asap|at\s+once|this\s+minute|straight\s+away|"
    r"urgently|please|thanks?|thank\s+you|as\s+a\s+priority|as\s+soon\s+as\s+"
    r"possible|if\s+(?:that's|that\s+is|it's|it\s+is)\s+possible|if\s+possible|if\s+you\s+can|"
    r"when\s+you\s+(?:can|get\s+a\s+chance|have\s+a\s+moment|get\s+to\s+it)|this\s+week|"
    r"within\s+the\s+hour|at\s+some\s+point)$",
    re.I,
)

# a word left hanging once the time after it is gone ("..., starting" of "..., starting today")
_DANGLING = re.compile(
    r"[\s,;-]*\b(?:starting|from|by|before|until|within|in|at|on|of|and|or|to|the|a|with|"
    r"latest|first\s+thing)$",
    re.I,
)

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
_THEY = {"they": "we", "them": "us", "their": "our", "themselves": "ourselves"}
_AM_WAS = {("you", "am"): "are", ("you", "was"): "were", ("you", "wasn't"): "weren't"}

_WHO = r"(?:you|someone|somebody|anyone|one\s+of\s+you|the\s+team|your\s+team|you\s+guys)"
_REQUEST = re.compile(
    rf"^(?:please\s+)?(?:could|can|would|will)\s+(?P<who>{_WHO})\s+(?:please\s+)?(?:be\s+able\s+to\s+)?"
    r"(?P<rest>.+)$",
    re.I,
)
_POSSIBLE = re.compile(
    r"^(?:would|will|is|could)\s+it\s+be\s+possible\s+(?:for\s+(?:you|someone)\s+)?to\s+(?P<rest>.+)$",
    re.I,
)
_IF_COULD = re.compile(
    rf"^(?:(?:i|we)(?:'d|\s+would)\s+(?:really\s+)?(?:like|love|appreciate)\s+(?:it\s+)?)?if\s+"
    rf"{_WHO}\s+(?:could|would|can)\s+(?:please\s+)?(?P<rest>.+)$",
    re.I,
)
_WANT_YOU_TO = re.compile(
    rf"^(?:i|we)(?:'d|\s+would)?\s*(?:really\s+)?(?:like|want|need|love|expect)\s+{_WHO}\s+to\s+"
    r"(?P<rest>.+)$",
    re.I,
)
_WANT_TO_KNOW = re.compile(
    r"^(?:i|we)(?:'d|\s+would)?\s*(?:really\s+)?(?:like|want|need|love)\s+to\s+(?:know|understand|"
    r"find\s+out|hear)\s+(?:exactly\s+|precisely\s+|clearly\s+)?(?P<rest>(?:who|what|whether|if|how|why|when|where|which)\b.+)$",
    re.I,
)
_WANT_TO = re.compile(
    r"^(?:i|we)(?:'d|\s+would)?\s*(?:really\s+)?(?:like|want|need|love)\s+to\s+"
    r"(?!know\b|understand\b|find\s+out\b|hear\b)(?P<rest>.+)$",
    re.I,
)
_WANT_NP = re.compile(
    r"^(?:i|we)(?:'d|\s+would)?\s*(?:really\s+)?(?:like|want|need|require|expect)\s+"
    r"(?P<rest>(?:a|an|the|some|my|our|your|his|her|their|this|that|these|those|confirmation|"
    r"written)\b.+)$",
    re.I,
)
_MAY_HAVE = re.compile(
    r"^(?:please\s+)?(?:can|could|may)\s+(?:i|we)\s+(?:please\s+)?(?:have|get|borrow)\s+(?P<rest>.+)$",
    re.I,
)
_HOW_DO = re.compile(
    r"^how\s+(?:do|can|could|should|would)\s+(?:i|we)\s+(?P<rest>.+)$",
    re.I,
)
# what opens an ask but is not part of it: a greeting, "Quick question:", "For the third time,",
# a condition ("If it's going to be more than a day, ...") and a threat after it ("..., or I'm
# taking my business elsewhere") are cut before the ask is said back
_ASK_OPENER = re.compile(
    r"^(?:(?:hello|hi|hey|yes|no|sorry|also|so|and|but|one\s+(?:more|last)\s+(?:thing|question)|"
    r"(?:a\s+)?quick\s+(?:question|one)|for\s+(?:the\s+\w+\s+time|now|next\s+time)|"
    r"gently\s+but\s+firmly|in\s+the\s+meantime|meanwhile)\b[\s,:;-]+"
    r"|if\s+[^,?]{3,60},\s*)",
    re.I,
)
_THREAT_TAIL = re.compile(r"[\s,;-]+or\s+(?:else\b|(?:i|we)(?:'\w+)?\s).*$", re.I)
_APPRECIATE = re.compile(
    r"^(?:i|we)(?:'d|\s+would)\s+(?:really\s+|also\s+)?appreciate\s+"
    r"(?P<rest>(?:a|an|the|some|any|your|my|our|this|that)\b.+)$",
    re.I,
)
# "Could the projector be set to ...?", "could your invoices include ...?": a subject that is
# a thing, found by the verb after it (a short list: no parse here), said as "whether ..."
_THING = r"(?:the|your|my|our|this|that|these|those)(?:\s+[\w'-]+){1,4}?"
_THING_MODAL = re.compile(
    rf"^(?P<modal>could|can|would|will|should)\s+(?P<np>{_THING})\s+(?:please\s+)?"
    r"(?P<adv>(?:still|also|just|ever|actually)\s+)?"
    r"(?P<verb>be|stop|start|include|show|use|have|get|go|turn|work|display|print|send|run|"
    r"accept|allow|support|sync|keep|come|appear|move|change|remember|open|load|save|take|"
    r"connect|cover|list|carry|handle|need)\b(?P<rest>.*)$",
    re.I,
)
_THING_BE = re.compile(
    r"^(?P<verb>is|are|was|were)\s+(?P<np>(?:something|anything|anyone|anybody|everything|"
    rf"everyone|{_THING}))\s+(?P<rest>(?:still|definitely|actually|going|likely|really|already|"
    r"available|possible|ready|working|included|due|supposed|meant|normal|expected|known|being|"
    r"on|in|at|back|down|up|covered|affected|happening|broken|planned|booked|safe|free)\b.*)$",
    re.I,
)
# "Where do I find ...?", "Who should I tell ...?", "What do you need from me?"
_WH_DO = re.compile(
    r"^(?P<wh>where|when|what|which|who|how)\s+(?P<verb>do|does|did|can|could|should|would|will)\s+"
    r"(?P<subject>i|we|you)\s+(?P<rest>.+)$",
    re.I,
)
# "What are the rate limits for ...?", "Where is it?": said as "what the rate limits ... are"
_WH_BE = re.compile(
    r"^(?P<wh>where|when|what|which|who)\s+(?P<verb>is|are|was|were)\s+"
    r"(?P<np>(?:it|they|the|your|my|our|this|that|these|those)\b[^,;]*)$",
    re.I,
)
_SUBJECT_WORD = re.compile(r"\b(?:i|we|you|they|he|she|i'm|we're|you're)\b", re.I)
_YES_NO = re.compile(
    r"^(?P<verb>can|could|should|will|would|is|are|was|were|has|have|am|do)\s+"
    r"(?P<subject>i|we|they|it|this|that|there|you)\s+(?P<rest>.+)$",
    re.I,
)
_EMBEDDED = re.compile(
    r"^(?:whether|who|what|which|how\s+(?:long|much|many|often)|how|when|where|why)\b", re.I
)
_INVERTED = re.compile(
    r"^\w+(?:\s+(?:long|much|many|often|else))?\s+(?:is|are|was|were|do|does|did|can|could|will|"
    r"would|should|has|have|am)\s+(?:i|we|you|it|they|this|that|there|my|our|your|the|a|an)\b",
    re.I,
)
NOUN_START = re.compile(
    r"^(?:a|an|the|some|confirmation|written|copies|copy|details|access|proof)\b", re.I
)
IMPERATIVES = frozenset(
    """approve kill mark provide arrange schedule review activate deactivate migrate merge
    block format halt keep leave pause pull ring shut add allow arrange book cancel change check clear close confirm connect copy correct create
    delete disable enable explain extend find fix forward get give grant increase install issue
    let lift list lock look make move order print publish put raise reactivate recalibrate
    reconnect recover reinstate reissue release remove rename renew reopen repair replace reply
    reset resend restore return revoke run send set share show sort stop switch take tell transfer
    turn undo unlock update upgrade waive wipe""".split()
)
# a second question run on after the first ("... or is that blocked?") has no safe word order
_SECOND_QUESTION = re.compile(
    r"\b(?:or|and)\s+(?:is|are|was|were|do|does|did|can|could|will|would|should|have|has|am)\s+"
    r"(?:i|we|you|it|they|that|this|there|he|she)\b",
    re.I,
)
_FINITE = re.compile(
    r"\b(?:would|will|is|are|was|were|be|has|have|had|can|could|should|do|does|did|'s|'d)\b", re.I
)
_PRONOUNS = frozenset("i we you he she it they who that which".split())
_NOT_A_VERB = re.compile(
    r"^(?:who|that|which|whose|with|from|in|on|at|for|of|to|the|a|an|my|our|your|here|there)\b",
    re.I,
)
_DETERMINERS = frozenset("a an the some my our your his her their this that these those".split())
MAX_WORDS = 18


def is_request(text: str) -> bool:
    """ "Could you reset ...?" is a request put as a question; so is "Could the extra time be
    added ...?" (said back as "for the extra time to be added ...")."""
    p = polish(text)
    if (m := _THING_MODAL.match(p)) and m.group("modal").lower() != "should":
        return not m.group("adv")
    return bool(_REQUEST.match(p) or _IF_COULD.match(p) or _POSSIBLE.match(p))


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
            if out and out[-1] == " ":  # "you guys" -> "we" (drop the word)
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


def shout_down(sentence: str) -> str:
    """SHOUTED words back to lower case: we answer, we don't shout back. In a shouted sentence
    every capitalised word goes (but known acronyms); otherwise only long ones ("ELEVEN YEARS"),
    so "100GB" and "the HR portal" keep their capitals."""
    words = [w for w in _WORD.findall(sentence) if len(w) > 1]
    shouting = bool(words) and sum(w.isupper() for w in words) / len(words) >= 0.5

    def fix(m: re.Match[str]) -> str:
        w = m.group(0)
        if shouting and w == "IT":
            return "it"  # "FIX IT" is not about the IT department
        if w in _SHOUTED or (
            w.isupper() and w not in _KEEP_CAPS and (len(w) >= 5 or (shouting and len(w) > 1))
        ):
            return w.lower()
        return w

    return _WORD.sub(fix, sentence)


def visible(text: str) -> str:
    """Drop control and format characters (bidi overrides, zero-width): customer text must not
    be able to reorder or hide parts of our reply."""
    return "".join(c for c in text if c in "\t\n " or unicodedata.category(c) not in ("Cc", "Cf"))


def polish(text: str, *, trim: bool = True) -> str:
    """One line of customer text, safe to place in ours: no links, addresses, markup, shouting,
    lead-in words, long asides or end punctuation; with ``trim``, no trailing urgency words or
    the word they leave hanging ("..., starting today"). A whole clause cut by the parse is not
    trimmed: its last word may be a particle ("won't turn on", "can't log in")."""
    s = visible(text).translate(_APOSTROPHES)
    s = re.sub(r"\s*\([^()]{12,}\)", "", s)
    s = _URL.sub("the link", s)
    s = _EMAIL.sub("the address", s)
    s = _UNSAFE.sub("", s)
    s = shout_down(s)
    s = re.sub(r"\s+", " ", s).strip()
    s = _LEAD_IN.sub("", s).strip()
    s = re.sub(r"^(?:please\s+)?(?:just\s+)?(?:go\s+ahead\s+and\s+)?", "", s, flags=re.I)
    s = re.sub(r"[!?.;:,\s]+$", "", s)
    # a word is left hanging only where a time word was cut after it ("..., starting today");
    # a clause that ends in a particle as written keeps it ("when it last checked in")
    while trim and (cut := _TAIL.sub("", s)) != s:
        s = _DANGLING.sub("", cut)
    return re.sub(r"\s+", " ", s).strip(" -'")


def _lower_first(text: str) -> str:
    first = text.split(" ", 1)[0]
    if first.isupper() and len(first) > 1 or first in ("I", "I'm", "I've", "I'd", "I'll"):
        return text
    return text[:1].lower() + text[1:]


def _yes_no(m: re.Match[str]) -> str | None:
    verb, subject, rest = m.group("verb").lower(), m.group("subject").lower(), m.group("rest")
    if verb == "do":
        if subject not in ("i", "we", "you", "they"):
            return None  # "does it need" would need the verb inflected: not said back
        return f"whether {_swap(subject)} {_swap(rest)}"
    said = _swap(subject)
    if subject == "i":
        verb = {"am": "are", "was": "were"}.get(verb, verb)
    if subject == "you" and verb in ("can", "could", "will", "would"):
        return None  # a request, handled as one
    return f"whether {said} {verb} {_swap(rest)}"


def ask_phrase(text: str) -> str | None:
    """The complement of "You asked ..." for one ask, or None when it cannot be made right."""
    raw = visible(text).translate(_APOSTROPHES)
    if HOSTILE.search(raw):
        return None
    question = raw.rstrip().endswith("?")
    p = polish(raw)
    while (cut := _ASK_OPENER.sub("", p, count=1)) != p and len(cut.split()) >= 3:
        p = cut
    p = _THREAT_TAIL.sub("", p)
    if not p or len(p.split()) > MAX_WORDS or len(re.findall(r"\d", p)) > 8:
        return None
    out: str | None = None
    if m := _WANT_TO_KNOW.match(p):
        rest = m.group("rest")
        out = None if _INVERTED.match(rest) else _swap(rest)
    elif m := (
        _REQUEST.match(p) or _IF_COULD.match(p) or _WANT_YOU_TO.match(p) or _POSSIBLE.match(p)
    ):
        rest = m.group("rest")
        said = _swap(rest)
        if (m.groupdict().get("who") or "you").lower() != "you":
            # "could someone pop down when they can?": that someone is us
            said = re.sub(
                r"\b(?:they|them|their|themselves)\b",
                lambda t: _THEY[t.group(0).lower()],
                said,
                flags=re.I,
            )
        # "could someone who knows ... read this": the verb is not where it would be
        out = None if _NOT_A_VERB.match(rest) else "us to " + said
    elif m := (_MAY_HAVE.match(p) or _WANT_NP.match(p)):
        out = "for " + _swap(_to_be(m.group("rest")))
    elif m := _WANT_TO.match(p):
        out = "to " + _swap(m.group("rest"))
    elif m := _HOW_DO.match(p):
        out = "how to " + _swap(m.group("rest"))
    elif m := _APPRECIATE.match(p):
        out = "for " + _swap(_to_be(m.group("rest")))
    elif m := _THING_MODAL.match(p):
        verb = m.group("modal").lower()
        tail = f"{m.group('adv') or ''}{m.group('verb')}{m.group('rest')}"
        if verb in ("should",) or m.group("adv"):  # "could the old secret still be used?"
            out = f"whether {_swap(m.group('np'))} {verb} {_swap(tail)}"
        else:  # "could the extra time be added ...?" asks for it to be done
            out = f"for {_swap(m.group('np'))} to {_swap(tail)}"
    elif m := _THING_BE.match(p):
        out = f"whether {_swap(m.group('np'))} {m.group('verb').lower()} {_swap(m.group('rest'))}"
    elif (m := _WH_DO.match(p)) and not _SUBJECT_WORD.search(m.group("rest")):
        verb = m.group("verb").lower()
        modal = "" if verb in ("do", "does", "did") else f" {verb}"
        out = f"{m.group('wh').lower()} {_swap(m.group('subject'))}{modal} {_swap(m.group('rest'))}"
    elif (m := _WH_BE.match(p)) and not _SUBJECT_WORD.search(m.group("np")[3:]):
        out = f"{m.group('wh').lower()} {_swap(m.group('np'))} {m.group('verb').lower()}"
    elif m := _YES_NO.match(p):
        out = _yes_no(m)
    elif _EMBEDDED.match(p) and not question and not _INVERTED.match(p):
        out = _swap(_lower_first(p))
    elif re.match(r"let\s+(?:me|us)\s+(?!know\b|have\b|see\b)", p, re.I):
        out = None  # "Let me spell it out" asks nothing of us
    elif p.split(" ", 1)[0].lower() in IMPERATIVES and not question:
        out = "us to " + _swap(_lower_first(p))
    elif NOUN_START.match(p) and not question and not _FINITE.search(p):
        out = "for " + _swap(_to_be(_lower_first(p)))
    if out is None:
        return None
    out = re.sub(r"\s+", " ", out).strip(" ,;:-")
    if _SECOND_QUESTION.search(out):
        return None
    if re.search(r"\b(?:we|us|our)\s+(?:guys|lot)\b", out) or _shouts(out):
        return None
    if len(out.split()) < 3:
        return None
    return out


def _to_be(phrase: str) -> str:
    """ "the software installed" -> "the software to be installed" (after "for")."""
    words = phrase.split()
    # a name needs no determiner: "Visio installed on your laptop" -> "Visio to be installed ..."
    named = bool(words) and words[0][:1].isupper() and words[0].lower() not in _DETERMINERS
    for i in range(1 if named else 2, min(len(words), 6)):
        if (
            re.fullmatch(r"[a-z]+ed", words[i])
            and (named or words[0].lower() in _DETERMINERS)
            and words[i - 1].lower() not in _DETERMINERS
            and not _PRONOUNS.intersection(w.lower() for w in words[1:i])
        ):
            return " ".join([*words[:i], "to", "be", *words[i:]])
    return phrase


_CODE = re.compile(r"\b[A-Z0-9]+(?:-[A-Z0-9]+)*-\d+[A-Z0-9]*\b")  # "STA-LT-1184", "E-204"


def _shouts(text: str) -> bool:
    words = _WORD.findall(_CODE.sub("", text))
    return any(w.isupper() and len(w) > 2 and w not in _KEEP_CAPS for w in words)


# the words that open a clause and are not names: lower-cased when the clause follows "I
# understand ..." ("The shared calendar ..." -> "the shared calendar ...")
_OPENERS = frozenset(
    """the a an my our your his her their this that these those there nobody nothing none no
    everyone everybody all half some most every several we i you he she they it""".split()
)


def problem_phrase(clause: str) -> str | None:
    """The reading's problem clause said back in our words ("your entire office email is
    down"), or None when it cannot be said safely: insults, threats, legal words and sarcasm
    are never echoed, and shouting is lowered."""
    if not clause or HOSTILE.search(clause):
        return None
    s = swap_pronouns(polish(clause, trim=False))
    words = s.split()
    if len(words) < 3 or _shouts(s):
        return None
    if words[0].lower() in _OPENERS or words[0] in ("You", "Your", "You're", "You've"):
        s = s[:1].lower() + s[1:]
    return s
