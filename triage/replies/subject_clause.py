"""A fault's, a chase's or a complaint's subject line (and an email's opening line) read as
the thing it is about ("the COW battery") or the clause it abbreviates ("PDF preview down" ->
"the PDF preview is down"), for the restatement; "" whenever what is left would be garbled,
hostile, about people or about nothing. Pure."""

from __future__ import annotations

import re

from triage.plurals import looks_plural
from triage.reading.topic import CUT_AT, clean_subject
from triage.replies.ourwords import (
    BRANDS,
    HOSTILE,
    PEOPLE,
    SCARE_QUOTES,
    SENTENCE,
    lower_first,
    polish,
    shouts,
    swap,
)
from triage.replies.requests import IMPERATIVES
from triage.replies.subject_topic import DETERMINED
from triage.replies.vocabulary import Vocabulary

_MARKS = re.compile(r"\b(?:again|still|urgent|asap|now|please|today)\b|[?!]+", re.I)
_NOT_A_NAME = re.compile(
    r"\b(?:you|we|us|i|me|nobody|no\s*one|why|what|how|who|can'?t|won'?t|cannot|not|never|is|are|"
    r"was|were|has|have|had|per|last|reply|response|ticket|case|chas\w*|follow\w*|"
    # what a screen says is not the thing ("AutoCAD says licence expired": "your AutoCAD says
    # licence has expired"); not "shows", "reads", "claims", nouns as often ("Expense claims")
    r"says|said|saying|showing|tells|displays)\b",
    re.I,
)
_QUOTED = re.compile(r"""^\s*['"‘“](?P<name>[\w.&/-]+(?:\s+[\w.&/-]+)+)['"’”]\s*(?P<rest>.*)$""")
_YOURS = re.compile(r"\b(?:you|your|yours|u|ur)\b", re.I)
# a verb before its object: "kill the pelican", "cancel my account", "remove the logo"
_VERB_FIRST = re.compile(
    r"^\s*[A-Za-z]+\s+(?:the|my|our|a|an|this|that|these|those|it|them)\b", re.I
)


def loose_subject(subject: str) -> str:
    """A chase's or a complaint's subject as a topic, when it is shouted or marked ("PASSWORD
    CHANGE AGAIN??" -> "the password change", "'Powered by X' on MY invoices" -> "'Powered by
    X' on your invoices"); "" when it says who did what, asks, or insults."""
    s = _MARKS.sub(" ", clean_subject(subject))
    if _YOURS.search(s) or _VERB_FIRST.match(s):
        return ""  # "Your van on my lawn" is ours to own; "kill the pelican" asks, names nothing
    # a quoted name keeps its words ("'Powered by Quillstack'"); the rest is polished
    quoted = _QUOTED.match(s)
    rest = polish(quoted.group("rest") if quoted else s)
    words = rest.split()
    # "invite link keeps expiring": the thing is what comes before its state
    cut = next((i for i, w in enumerate(words) if i and w.lower() in CUT_AT), len(words))
    rest = re.sub(r"\b(?:my|our)\b", "your", " ".join(words[:cut]), flags=re.I)
    s = f"'{quoted.group('name')}' {rest}".strip() if quoted else rest
    words = s.split()
    if not 2 <= len(words) <= 7 or HOSTILE.search(s) or _NOT_A_NAME.search(s):
        return ""
    if quoted:
        return s
    if SCARE_QUOTES.search(s):
        return ""  # scare quotes ("'Proactive' support") are their irony, not a name
    first = words[0].lower()
    if first in ("all", "every", "no", "some") or first.endswith(("ing", "ed")) or first in CUT_AT:
        return ""  # how many, or a state ("being billed at the old address"), not what
    if first in DETERMINED:
        return s
    return f"the {s if first in BRANDS else lower_first(s)}"


# when, how many and how often are not the thing ("more than once" said back would claim
# earlier contact the store may not hold)
_HOW_OFTEN = r"\b(?:once|twice|times?|before|earlier|previous)\b"
_NOT_A_THING = re.compile(
    rf"\b(?:due|whole|all|every|entire)\b|{_HOW_OFTEN}|[\d,;]|(?:ed|ing)$", re.I
)


# words that name no thing ("Same problem", "Quick question", "From Sarah")
_NOTHING = frozenset(
    """problem problems issue issues question questions query queries service help request
    complaint matter thing things stuff same quick another other from about with for re fw
    terrible awful poor bad cant wont dont doesnt isnt didnt both each some half many most
    several says shows saying showing reads gives tells asks""".split()
)


def subject_thing(subject: str) -> str:
    """A fault's or an outage's subject as the thing it is about ("COW battery" -> "the COW
    battery"), or "" when what is left names people, when, how many or a state ("the payroll
    due at 3", "the finance team", "the quota exceeded") or nothing ("the same problem")."""
    topic = loose_subject(subject)
    words = [w.lower().removesuffix("'s") for w in topic.split()]
    if not topic or shouts(topic) or PEOPLE.intersection(words) or _names_nothing(words):
        return ""
    return topic


def _names_nothing(words: list[str]) -> bool:
    """Words said back as a thing that name none: when, how many or a state ("the payroll due
    at 3"), a word of nothing ("the same problem"), or a thing left hanging ("the letters to
    your", cut at its state)."""
    said = " ".join(words)
    lowered = [w.lower() for w in words]
    return bool(
        _NOT_A_THING.search(said) or _NOTHING.intersection(lowered) or lowered[-1] in _DANGLES
    )


# a subject's state, by the verb it takes after the thing: "PDF preview down" -> "... is
# down", "chat notifications stopped" -> "... have stopped"; "keeps", "won't" bring their own
_BE_STATE = frozenset(
    """down offline dead broken gone missing stuck slow failing crashing dropping
    frozen freezing empty blank expired expiring not off""".split()
)
# "Phone and broadband off in the flats": "off" is a state here, where a subject's clause is
# made ("the phone and broadband off in the flats" was said back as a thing: judges)
_CUT = CUT_AT | {"off"}
_HAS_STATE = frozenset("stopped disappeared crashed failed".split())
_BEEN_STATE = frozenset("wiped deleted".split())  # "the files have been deleted"
_OWN_VERB = {"keeps": "keep", "won't": "won't", "can't": "can't", "isn't": "aren't"}
# a fault that comes back, said as one: "Truck tablet rebooting" -> "... keeps rebooting"
_KEEPS_STATE = frozenset("rebooting restarting disconnecting resetting beeping".split())
_AGAIN_AND_AGAIN = re.compile(
    r"(?:all\s+day|every\b|constantly|randomly|again|on\s+and\s+off)", re.I
)
_AS_NAME = frozenset("the your this that these those".split())
_OURS = frozenset("engineer engineers technician technicians".split())  # the desk's people
# a thing does not end in a word that needs more after it ("letters to", "my")
_DANGLES = frozenset("to of for from in on at with by the a an your my our their and or".split())
_WHERE_WHEN = re.compile(
    r"(?:for|on|in|at|since|after|across|from|during|over|again|today|tonight|this|all|every|"
    r"everywhere|for\s+everyone)\b",
    re.I,
)


_GREETING = re.compile(
    r"^\s*(?:hi|hello|hey|dear|morning|afternoon|evening)\b[^\n.!?,-]{0,30}[,!-]?\s*", re.I
)


def opening(text: str) -> str:
    """The email's first sentence, its greeting left out ("Hi - whole shop offline since 9")."""
    return SENTENCE.split(_GREETING.sub("", text.strip(), count=1), maxsplit=1)[0]


def subject_clause(subject: str, vocab: Vocabulary, limit: int = 8, text: str = "") -> str:
    """A fault's or an outage's subject as the clause it abbreviates ("PDF preview down for
    accounts team" -> "the PDF preview is down for accounts team"), or "" when it is no thing
    followed by its state. One word before the state must be a thing the vocabulary knows or a
    name in capitals, or a word the email ``text`` writes in lower case ("Guesthouse offline"
    over "I run a six-room guesthouse"): "Karen stuck" is a person."""
    s = polish(_MARKS.sub(" ", clean_subject(subject)))
    # "ALL PRODUCT IMAGES GONE": how many, said before the thing ("ALL DAY": a when, not said)
    if re.match(r"(?:all|every)\s+(?:day|morning|night|week)\b", s, re.I):
        return ""
    every = re.match(r"(?:all|every)\s+(?:of\s+)?(?=\w+\s+\w)", s, re.I)
    s = s[every.end() :] if every else s
    words = s.split()
    if not 2 <= len(words) <= limit or _YOURS.search(s) or HOSTILE.search(s) or shouts(s):
        return ""
    at = next((i for i, w in enumerate(words) if i and w.lower() in _CUT | _KEEPS_STATE), 0)
    thing = [re.sub(r"^(?:my|our)$", "your", w, flags=re.I) for w in words[:at]]
    state, rest = words[at].lower() if at else "", swap(" ".join(words[at + 1 :]))
    # a second clause is not said back: "... crashed and I hit my head"
    rest = re.split(r"\s+(?:and|but|so|because|which|as|though|while)\s+", rest, maxsplit=1)[0]
    named_thing = " ".join(thing)
    if not at or _NOT_A_NAME.search(named_thing) or _names_nothing(thing):
        return ""  # "WHY CAN'T I PRINT", "Letters to my dead mother": no thing before its state
    if "'s" in named_thing or _OURS.intersection(w.lower() for w in thing):
        return ""  # "Sarah's laptop", "Engineer missing": whose is not ours to guess
    lowered = [w.lower() for w in thing]
    ordered = lowered[0] in IMPERATIVES and len(lowered) > 1  # "Clear cache not working"
    if ordered or {"it", "they", "them", "he", "she"}.intersection(lowered):
        return ""  # "Turn it off", "Switch the router off": an instruction, not a state
    common = len(named_thing) > 3 and re.search(rf"\b{re.escape(named_thing.lower())}\b", text)
    if len(thing) == 1 and not (vocab.names(named_thing) or named_thing.isupper() or common):
        return ""
    if re.search(rf"[\d,;?!]|{_HOW_OFTEN}", rest, re.I):
        return ""
    last = thing[-1].lower()
    # "Teams is down": a product's name is one thing
    plural = looks_plural(last) and last not in BRANDS
    plural = plural or lowered[-2:-1] == ["and"]  # "phone and broadband are off"
    if state == "not" and re.search(r"\bsince\b", rest):
        verb = f"{'have' if plural else 'has'} not been"  # "has not been working since Friday"
    elif state in _BE_STATE and rest.lower().startswith("since"):
        verb = f"{'have' if plural else 'has'} been {state}"  # "has been off since lunch"
    elif state in _BE_STATE:
        verb = f"{'are' if plural else 'is'} {state}"
    elif state in _HAS_STATE:
        verb = f"{'have' if plural else 'has'} {state}"
    elif state in _BEEN_STATE:
        verb = f"{'have' if plural else 'has'} been {state}"
    elif state in _OWN_VERB:
        verb = _OWN_VERB[state] if plural else state
    elif state in _KEEPS_STATE:
        verb = f"{'keep' if plural else 'keeps'} {state}"
    else:
        return ""  # "still", "again", "doesn't": no safe verb
    if state == "not" and not rest.split(" ", 1)[0].endswith("ing"):
        return ""  # "is not pulling emails", never "is not happy"
    placed = not rest or _WHERE_WHEN.match(rest)
    if state in _KEEPS_STATE and rest and not _AGAIN_AND_AGAIN.match(rest):
        return ""  # "Server restarting tonight" is planned, not a fault that comes back
    fixed = state in _BE_STATE or state in _HAS_STATE
    if fixed and state != "not" and not placed:
        return ""  # "down for everyone", "down on rent day"; never "dead mother"
    first = thing[0].lower()
    named = first in _AS_NAME or first in BRANDS  # "Outlook keeps crashing"
    said = " ".join(thing)
    np = (lower_first(said) if first in _AS_NAME else said) if named else f"the {lower_first(said)}"
    if PEOPLE.intersection(w.lower() for w in thing):
        np = np.replace("the ", "your ", 1)  # "Finance team can't open ..." is theirs
    if every:
        if not plural:
            return ""  # "All printer down": one thing has no "all"
        np = f"all {np}" if np.startswith(("the ", "your ")) else f"all the {np}"
    return f"{np} {verb} {rest}".strip()


_CANT = re.compile(
    r"^(?:why\s+)?(?P<still>still\s+)?(?:can'?t|cannot|unable\s+to|not\s+able\s+to)\s+"
    r"(?:i\s+|we\s+)?(?P<what>[a-z][a-z' -]*)$",
    re.I,
)
_JOINED = {"login": "log in", "logon": "log on", "signin": "sign in"}
# what a customer cannot do that is a fault of ours to look at (not "can't believe", "can't
# wait", "can't thank the team enough")
_CAN_DO = frozenset(
    """print log sign access connect send receive open save download upload install scan get
    see use load stream edit share book pay submit sync find join reach hear make""".split()
)
# an object said without its determiner that reads as plain English ("send or receive email")
_BARE_OK = frozenset(
    """email emails mail internet wi-fi wifi anything files documents calls messages
    attachments payments online in on out into""".split()
)
_DETERMINED = DETERMINED | frozenset("my our any all some every".split())
_FUNCTION = _DETERMINED | frozenset("to into on in at for from with of by or and".split())


def subject_you(subject: str) -> str:
    """A subject that says what the customer cannot do, as our clause: "WHY CAN'T I PRINT"
    -> "you can't print", "still cant login" -> "you still can't log in", "can't send or
    receive email" -> "you can't send or receive email"; "" for anything else: a verb that is
    no fault ("can't believe this"), a thing before the verb ("why can't the printer print"),
    an object in shorthand ("can't reset password") or their "your" (ours, to be said back)."""
    s = clean_subject(subject).strip(" ?!.")
    s = re.sub(r"\s+(?:again|now|please|urgent|asap)$", "", s, flags=re.I)
    s = s.lower() if shouts(s) else s
    cant = _CANT.match(s)
    if cant is None or HOSTILE.search(s):
        return ""
    words = " ".join(_JOINED.get(w.lower(), w) for w in cant.group("what").split()).split()
    if not 1 <= len(words) <= 6 or words[0].lower() not in _CAN_DO:
        return ""
    if re.search(r"\b(?:i|you|your|u|ur|me|we|us)\b", " ".join(words), re.I):
        return ""  # "can't unsubscribe from your emails": whose "your" is ours to say
    for before, word in zip(["", *words], words, strict=False):
        b, w = before.lower(), word.lower()
        named = word[:1].isupper()  # "log in to Teams": a name needs no determiner
        noun_like = not named and w not in _CAN_DO and w not in _FUNCTION and w not in _BARE_OK
        if noun_like and b not in _DETERMINED and (b in _CAN_DO or b in _FUNCTION):
            return ""  # "reset password", "log in to portal": a subject line's shorthand
    what = re.sub(r"\b(?:my|our)\b", "your", " ".join(words), flags=re.I)
    return f"you {'still ' if cant.group('still') else ''}can't {what}"
