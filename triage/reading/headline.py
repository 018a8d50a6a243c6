"""The subject line as the sentence it abbreviates, in our voice: "Deactivated users still
showing up" -> "your deactivated users are still showing up", "Alarm going off in server room"
-> "the alarm is going off in the server room", "Payroll broken since Monday" -> "the payroll
has been broken since Monday", "Utilisation report doesn't match timesheets" -> "the
utilisation report doesn't match timesheets"; "" when the subject is not a thing followed by
what is wrong with it.

Subject lines are headlines: they drop the verb "to be" and the article. With nothing better to
say back, the reply had quoted the subject ("Thanks for your email about "Deactivated users
still showing up""), which judges read as a form letter. Putting the article and the verb back
is a matter of the subject's tags (no parse: a headline's parse is unreliable): a noun phrase,
then either a predicate that lacks its verb (a participle, an adjective, "still", "off", "out")
or a clause's own finite verb.

Never said back: a question, a second person ("Your update broke everything" is ours to own,
not to repeat), an "I" ("Need email working"), a shout, or anything hostile (``topic``).

Pure over a spaCy ``Doc`` of the cleaned subject (tags only).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from itertools import takewhile
from typing import TYPE_CHECKING

from triage.plurals import looks_plural
from triage.reading.nlp import TIME_WORDS
from triage.reading.topic import KIN, POSSESSIVE, clean_subject, hostile, named_in

if TYPE_CHECKING:
    from spacy.tokens import Token

MIN_WORDS, MAX_WORDS = 3, 10
_NOUNS = frozenset("NN NNS NNP NNPS".split())
# what may stand in a noun phrase before its head; a participle only first ("Deactivated users")
_IN_NP = _NOUNS | frozenset("DT PRP$ JJ JJR JJS HYPH POS".split())
# prepositions that continue a noun phrase ("replies to ticket emails"), not a state ("off")
_NP_PREPS = frozenset("of to for on in from with".split())
_FINITE = frozenset("VBZ VBP VBD MD".split())
# a participle that names a state takes "is" ("the laptop is stuck"); one that names what
# happened takes "has" ("the shared mailbox has vanished"); any other is left alone ("Credit
# note promised on the phone" is neither)
_STATES = frozenset(
    """stuck locked blocked broken frozen linked delayed deactivated disabled encrypted closed
    needed scratched rejected renamed set cut held jammed corrupted damaged""".split()
)
_EVENTS = frozenset(
    """stopped vanished disappeared failed crashed died expired changed switched converted
    doubled dropped reset""".split()
)
_BEEN = frozenset("stolen wiped deleted hacked cancelled removed moved".split())
# the verbs a headline's own clause uses ("Teams calls keep dropping", "PDFs won't open");
# any other word tagged as a verb after the thing is as often a noun ("Door pass not
# working", "Finance reports failing")
_OWN_VERBS = frozenset(
    """is are has have does do doesn't don't isn't aren't hasn't haven't keeps keep drops
    cuts fails crashes freezes expires loses stops goes won't can't cannot""".split()
)
# a deadline is not a problem: "files needed in 2 hours", "payroll due at 3"
_NOT_A_STATE = frozenset("due needed required wanted".split())
_PLACE_WORDS = frozenset("off down offline".split())
_AFTER_STATE = frozenset("again today now still".split())  # "Cable down across the road"
_PERSONAL = re.compile(
    r"\b(?:you|your|yours|u|ur|we|us|i|me|i'm|i've|i'd|mine|ours|myself)\b", re.I
)
# a second clause or a note after the headline is not said back ("Editor broken, launch
# tomorrow", "Coverage checker says no fibre but neighbour has it")
_SECOND = re.compile(r"\s*(?:,|;|/|\s-\s|\s(?:and|but|so|because|while)\s).*$", re.I)
_TRAILING = re.compile(r"(?:\s+(?:right\s+now|now|asap|urgent|urgently|please|pls))+\s*$", re.I)
# no thing at all ("Someone has changed my account", "Everything broken again")
_NOBODY = frozenset(
    """someone somebody anyone nobody everyone everybody everything anything something
    nothing""".split()
)
# the customer's people: "your deactivated users", "your finance team"
_PEOPLE = frozenset(
    """staff team user users people person customer customers client clients student students
    parent parents accountant manager starter starters member members colleague colleagues
    patient patients""".split()
)
# who says what ("AutoCAD says licence expired") reads as our claim when said back, and a verb
# of seeming is never the thing's last noun ("Printer shows offline" is not "the printer
# shows are offline", "Laptop runs hot" not "the laptop runs are hot": review)
_NOT_NOUNS = frozenset(
    """says say said shows show reads read tells runs run looks look seems seem feels feel
    sounds sound appears appear stays stay remains remain gets get turns turn goes go works
    work displays display becomes become""".split()
)
# our own service is not the customer's thing to be said back ("the helpdesk is still
# ignoring tickets" in our voice reads as our admission, or as mockery: review)
_OUR_SERVICE = frozenset(
    """helpdesk help-desk support desk servicedesk engineer engineers technician technicians
    agent agents it""".split()
)
# a tail that is slang, a judgement or the customer's aside is not said back in our voice
# ("broken again ffs", "is a complete farce", "slow as usual": review)
_ASIDE = re.compile(
    r"\b(?:ffs|fml|lol|lmao|smh|ugh|wtf|omg|jeez|grr+|argh+|sigh|haha\w*|hehe\w*|typical|"
    r"as\s+usual|as\s+always|as\s+per|yet\s+again|of\s+course|obviously|apparently|"
    r"supposedly)\b|[:;=]-?(?:[()/\\|pPdDoOsS](?![a-z])|$)|\.\s+\w",
    re.I,
)
MAX_CHARS = 200  # a subject longer than this is not a headline (and no regex sees it)


def headline_text(subject: str) -> str:
    """The part of the subject a headline is read from (its first clause, without trailing
    urgency words), or "" when no headline can come of it: what the reader tags, in one batch
    for many emails (``TextReader.read_many``)."""
    if len(subject) > MAX_CHARS:
        return ""
    s = _TRAILING.sub("", _SECOND.sub("", clean_subject(subject)))
    words = s.split()
    if not MIN_WORDS <= len(words) <= MAX_WORDS or "?" in s or "!" in s:
        return ""
    if _PERSONAL.search(s) or hostile(s) or _shouted(s) or _ASIDE.search(s):
        return ""
    if any(unicodedata.category(ch) == "So" for ch in s):
        return ""  # an emoji or a symbol is the customer's aside, not the fault
    return s


def read_headline(s: str, parse: Callable[[str], object], text: str = "") -> str:
    """The subject, already cut to its ``headline_text``, as a clause in our voice, or "".
    ``text`` (the email's words) says which capitalised words are names ("Excel", "Sage
    Payroll"), which take no article."""
    if not s:
        return ""
    tokens: list[Token] = list(parse(s))  # type: ignore[call-overload]
    head = _noun_phrase_end(tokens)
    head = _verb_tagged_head(tokens) if head is None else head
    if head is None or not _a_thing(tokens[: head + 1]):
        return ""
    np_end = _phrase_end(tokens, head)
    rest = tokens[np_end:]
    if rest and rest[0].tag_ in ("VBZ", "VBP") and rest[0].lower_ not in _OWN_VERBS:
        # "Finance reports failing": the word tagged as a verb is the thing's last noun
        if len(rest) < 2 or rest[0].lower_ in _NOT_NOUNS or not _predicate(rest[1:]):
            return ""
        head, np_end, rest = np_end, np_end + 1, rest[1:]
    if not rest or rest[0].lower_ in _NOT_A_STATE:
        return ""
    thing = _determined(s, tokens[:np_end], text)
    tail = _articled(s, rest)
    first = rest[0]
    plural = _plural(tokens[head], s)
    participle = first.tag_ in ("VBD", "VBN")
    if participle and not _ends_or_goes_on(rest[1:]):
        return ""  # "licence expired popup", "rollout locked out our staff": not a state
    if first.lower_ == "locked" and len(rest) > 1 and rest[1].lower_ == "out":
        return ""  # people are locked out ("MFA locked out before audit"), never a thing
    since = re.search(r"\bsince\b", tail) is not None
    if participle and first.lower_ in _STATES:
        # "broken since Monday" has been so: "has been broken since Monday"
        be = ("have been" if plural else "has been") if since else ("are" if plural else "is")
        return f"{thing} {be} {tail}"
    if participle and first.lower_ in _EVENTS:
        return f"{thing} {'have' if plural else 'has'} {tail}"
    if participle and first.lower_ in _BEEN:
        return f"{thing} {'have' if plural else 'has'} been {tail}"
    if first.tag_ in _FINITE:
        if first.lower_ not in _OWN_VERBS and first.tag_ != "MD" or len(rest) < 2:
            return ""  # "Engineer drilled into a cable": what someone did, not a state
        if first.lower_ in ("has", "have") and rest[1].lower_ not in ("no", "not", "been"):
            return ""  # "Router has a mind of its own" is a joke; "has no access" is a state
        if first.lower_ in ("is", "are") and rest[1].tag_ == "DT":
            return ""  # "Broadband is a complete farce": a judgement, not a state
        return f"{thing} {tail}"  # "the utilisation report doesn't match timesheets"
    if any(t.tag_ in _FINITE for t in rest) or not _predicate(rest):
        return ""
    if since:
        # "not arriving since Monday" has been going on: "have not been arriving since Monday"
        has = "have" if plural else "has"
        if tail.startswith("not "):
            return f"{thing} {has} not been {tail[4:]}"
        return f"{thing} {has} been {tail}"
    return f"{thing} {'are' if plural else 'is'} {tail}"


# a preposition and one noun that make an idiom, not a place or a thing
_IDIOMS = {
    "by": frozenset("mistake accident error hand email post phone default design".split()),
    "on": frozenset("fire hold charge site call time purpose order standby loan".split()),
    "in": frozenset("progress use stock limbo error order time place person transit".split()),
    "at": frozenset("risk home work night random".split()),
    "under": frozenset("warranty repair review investigation".split()),
    "for": frozenset("sale free repair".split()),
    "of": frozenset("charge date".split()),
}
# nouns that take no article after a preposition ("going to junk", "landing in spam")
_MASS = frozenset(
    """spam junk email mail work home data software internet wifi wi-fi broadband power
    school hospital time contact everyone everything anything something nothing everybody
    anybody nobody someone somebody""".split()
)


def _articled(s: str, rest: list[Token]) -> str:
    """The words after the thing, calmed, with the article a headline drops after a
    preposition put back: "going off in server room" -> "... in the server room", "stolen
    from car" -> "... from the car"; not before a name, a number, a time, a plural, a mass
    noun or an idiom ("since Monday", "at 99%", "to junk", "by mistake")."""
    out: list[str] = []
    for i, t in enumerate(rest):
        word = s[t.idx : t.idx + len(t)]
        # a shouted state is said calmly ("FULL", "SLOW"); a shouted noun may be a name
        shouted = word.isupper() and str(t.tag_)[:2] in ("JJ", "RB", "VB")
        out.append((word.lower() if shouted else _calm(word)) + t.whitespace_)
        nxt = rest[i + 1] if i + 1 < len(rest) else None
        if t.tag_ != "IN" or nxt is None or nxt.tag_ not in ("JJ", "NN", "VBN", "VBG"):
            continue
        # the noun phrase that follows: its last noun is its head, and decides
        run = list(takewhile(lambda u: u.tag_ in _IN_NP | {"VBN", "VBG"}, rest[i + 1 :]))
        nouns = [u for u in run if u.tag_ in _NOUNS]
        if not nouns or nouns[-1].tag_ != "NN" or nouns[-1].lower_ in _MASS | TIME_WORDS:
            continue
        if (
            s[nxt.idx : nxt.idx + 1].isupper()
            or len(run) < 2
            and nxt.lower_ in _IDIOMS.get(t.lower_, ())
        ):
            continue  # a name ("in ED"), or an idiom ("by mistake", "on fire": review)
        out.append("the ")
    return "".join(out).strip()


def _ends_or_goes_on(after: list[Token]) -> bool:
    """A participle that says a state ends the headline or goes on with where, when or how
    ("stuck on", "locked out before", "changed to"), never with an object ("locked out our
    staff") or a noun it describes ("expired popup")."""
    rest = after[1:] if after and after[0].tag_ == "RP" else after
    return not rest or str(rest[0].tag_) in ("IN", "TO", "RB", "CC", "CD", "VBG")


def _plural(head: Token, s: str) -> bool:
    word = s[head.idx : head.idx + len(head)]  # the parse is of a calmed copy
    if word.isupper():
        return False  # "NAS", "SSO"
    return head.tag_ in ("NNS", "NNPS") or looks_plural(word)


def _verb_tagged_head(tokens: list[Token]) -> int | None:
    """ "Gantt dates off by a day": the tagger's verb "dates" is the head of a noun phrase
    with no other noun, when a state follows it."""
    k = next((i for i, t in enumerate(tokens) if t.tag_ not in _IN_NP), None)
    if not k or tokens[k].tag_ not in ("VBZ", "VBP") or tokens[k].lower_ in _OWN_VERBS:
        return None
    return k if k + 1 < len(tokens) and _predicate(tokens[k + 1 :]) else None


def _predicate(rest: list[Token], adverb: bool = False) -> bool:
    """The words after the thing say its state, as a headline drops "is": "still showing
    up", "not working", "printing blank pages", "unbearably slow", "down across the road";
    not a noun phrase's second half ("numbering gap", "high CPU", "remote access")."""
    first, nxt = rest[0], rest[1] if len(rest) > 1 else None
    if first.lower_ in _PLACE_WORDS:
        # "down across the road"; not "offline igen idag" (a subject in another language)
        return _ends_or_goes_on(rest[1:])
    if first.tag_ == "RB":
        return nxt is not None and _predicate(rest[1:], adverb=True)
    if first.tag_ in _NOUNS and nxt is not None and nxt.tag_ == "HYPH" and len(rest) > 2:
        return rest[2].tag_ in ("JJ", "VBN") and _predicate(rest[2:], adverb)  # "comma-separated"
    if first.tag_ == "VBG":
        if nxt is not None and nxt.tag_ == "VBG":
            return False  # "Ticket scanning failing"
        # "numbering gap" right after the thing is its noun phrase going on; after "not" or
        # "still" it is a verb and its object ("not creating projects")
        return adverb or not (len(rest) == 2 and nxt is not None and nxt.tag_ in _NOUNS)
    if first.tag_ in ("JJ", "VBN"):
        # "unbearably slow", "offline in all 4 restaurants", "broken again"; not "mic not"
        return nxt is None or nxt.tag_ in ("IN", "TO", "CC") or nxt.lower_ in _AFTER_STATE
    return first.lower_ in _PLACE_WORDS


def _a_thing(np: list[Token]) -> bool:
    """A noun phrase that names a thing: not people, a time, a count, a reference, a verb
    the tagger took for a noun ("Phone shows not registered") or our own service."""
    head = np[-1]
    if head.lower_ in _NOBODY | KIN | TIME_WORDS | _NOT_NOUNS | {"time", "times"}:
        return False
    if np[0].tag_ == "CD" or any(t.lower_ in _OUR_SERVICE for t in np):
        return False
    return not any(re.search(r"\d", str(t.text)) for t in np)


def _shouted(s: str) -> bool:
    letters = [w for w in re.findall(r"[A-Za-z]+", s) if len(w) > 1]
    return sum(1 for w in letters if w.isupper() and len(w) > 3) >= 2


def _calm(word: str) -> str:
    """A shouted word said calmly ("NO access"), in our voice ("from my address" -> "from
    your address"); short capitals are names ("VPN", "PACS")."""
    low = word.lower()
    if low in POSSESSIVE:
        return POSSESSIVE[low]
    shouted = word.isupper() and (len(word) >= 5 or low in _SMALL_WORDS)
    return low if shouted else word


# short words that are never names, however they are written
_SMALL_WORDS = frozenset("no not all now any and or the is are our my new old yet".split())


def _noun_phrase_end(tokens: list[Token]) -> int | None:
    """The index of the first noun phrase's head: the last noun before anything that cannot
    stand in a noun phrase; None when the subject does not start with one."""
    head = None
    for i, t in enumerate(tokens):
        if t.tag_ in _NOUNS:
            head = i
        elif t.tag_ in _IN_NP or i == 0 and t.tag_ in ("VBN", "VBG"):
            if head is not None:
                break  # "Printer dead slow": an adjective after the head starts the state
        else:
            break
    return head


def _phrase_end(tokens: list[Token], head: int) -> int:
    """Where the noun phrase ends, taking in "to ticket emails" after "Customer replies"."""
    end = head + 1
    while end < len(tokens) - 1 and tokens[end].lower_ in _NP_PREPS:
        nxt = _noun_phrase_end(tokens[end + 1 :])
        if nxt is None:
            break
        end = end + 1 + nxt + 1
    return end


def _determined(s: str, tokens: list[Token], text: str) -> str:
    """The noun phrase as written, with an article in our voice: "my laptop" -> "your
    laptop", "Gantt dates" -> "the Gantt dates", "deactivated users" -> "the deactivated
    users"; a name takes none ("Excel", "Sage Payroll")."""
    raw = s[tokens[0].idx : tokens[-1].idx + len(tokens[-1])].split()
    words = [raw[0], *(_calm(w) for w in raw[1:])]
    first = words[0]
    low = first.lower()
    if low in POSSESSIVE:
        return " ".join([POSSESSIVE[low], *words[1:]])
    words[0] = _calm(first)
    first = words[0]
    if tokens[0].tag_ == "DT":
        return " ".join([low, *words[1:]])
    if first.istitle() and named_in(first, text) and not re.search(rf"\b{re.escape(low)}\b", text):
        if all(w.istitle() for w in words):
            return " ".join(words)  # "Excel", "Sage Payroll"
        return " ".join(["the", *words])  # "the Teams calls"
    if not (first.isupper() and len(first) > 1) and not re.search(r".[A-Z]", first):
        words[0] = low
    theirs = tokens[-1].lower_ in _PEOPLE
    return " ".join(["your" if theirs else "the", *words])
