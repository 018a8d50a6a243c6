"""Whether the customer says they wrote or called before ("third time I'm writing", "I
already reported this", "as I said in my last email"): a chase is answered by owning the
delay, so the reply needs to know.

From the parse: a contact verb ("wrote", "emailed", "called", "reported", "raised" ...)
in the past or the perfect with the writer as subject and a sign of an earlier time
("already", "before", "twice", "last week", a date); or one of the set phrases of a chase
("the third time", "following up", "still waiting", "my previous email"). The subject line
counts too ("RE: Third time asking").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

CONTACT = frozenset(
    """wrote written emailed e-mailed mailed called rang rung phoned reported raised logged
    contacted messaged dm'd dmed tweeted asked chased sent submitted mentioned told explained
    opened complained""".split()
)
EARLIER = frozenset(
    """already before previously earlier twice times again ago last yesterday weeks days
    months repeatedly multiple several numerous countless""".split()
)
# verbs that are contact only with a contact as their object ("opened a ticket", "sent an
# email"), not alone ("since we opened at 8:30", "I sent the file")
NEEDS_OBJECT = frozenset("opened logged submitted raised sent".split())
CONTACT_OBJECTS = frozenset(
    """ticket tickets case cases request requests call calls complaint complaints query
    queries issue issues fault faults email emails e-mail message messages report reports
    form incident chat job enquiry enquiries letter it this""".split()
)
# "opened" is contact only for a case ("I opened a ticket"), not "I opened your letter"
CASE_OBJECTS = frozenset(
    "ticket tickets case cases request requests complaint complaints query incident chat".split()
)
FIRST_PERSON = frozenset({"i", "we"})
_CONTACTING = (
    r"(writ\w*|e-?mail\w*|call\w*|ask\w*|chas\w*|contact\w*|report\w*|rais\w*|messag\w*"
    r"|rang|rung|phon\w*|told|tell\w*|ring\w*|repl\w*|bump\w*|follow\w*|ticket|case)"
)
_SET_PHRASES = re.compile(
    r"\b((second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|\d+th|umpteenth|nth|another)"
    r" (email|message|msgs?\b|mail\b|call|request|chase"
    # "the third time I'm writing"; not "the second time this month" (the fault came back)
    rf"|time\b[^.!?\n]{{0,40}}?\b{_CONTACTING})"
    rf"|\b{_CONTACTING}\b[^.!?\n]{{0,30}}?\b(second|third|fourth|fifth|\d+th|umpteenth) time"
    r"|follow(ing)?[- ]up (on|about|again)|chasing (this|up|again|my)"
    r"|still (waiting|no (reply|response|answer|word|update|one|call))"
    r"|(my|our) (previous|last|earlier|original) (email|e-mail|message|ticket|call|request)"
    r"|as (i|we) (said|mentioned|explained|reported|wrote)"
    r"|(ticket|case|ref(erence)?|inc) ?(no\.?|number|#) ?\w*\d)",
    re.IGNORECASE,
)


def says_wrote_before(doc: Doc, text: str, subject: str = "") -> bool:
    if _SET_PHRASES.search(text) or _SET_PHRASES.search(subject):
        return True
    told = _told_history(text) if len(text) == len(doc.text) else []
    return any(_earlier_contact(tok) and not any(a <= tok.idx < b for a, b in told) for tok in doc)


# "My last four support requests went like this:" and its bullets: how other requests went,
# told as a pattern (judges: "falsely says she raised it before" of "after I explained again"
# in such a list); what was raised about this matter is said outside it
_HISTORY_INTRO = re.compile(
    r"(?im)^[^\n]*\b(?:requests|tickets|cases|calls|emails|contacts|queries)\b[^\n]*"
    r"\b(?:went|go|goes|looked|look)\s+(?:like\s+this|as\s+follows)\s*:\s*$"
)
_BULLET = re.compile(r"^\s*(?:[-*•–]|\d+[.)])\s+")


def _told_history(text: str) -> list[tuple[int, int]]:
    """The character spans of the bulleted lines under such an intro; none where a line dates
    its contact ("- 3 March: I emailed you about the VPN drops"): a timeline of this matter,
    not a pattern of others (review)."""
    spans: list[tuple[int, int]] = []
    for intro in _HISTORY_INTRO.finditer(text):
        at, lines = intro.end() + 1, []
        for line in text[at:].splitlines(keepends=True):
            if line.strip() and not _BULLET.match(line):
                break
            lines.append((at, at + len(line)))
            at += len(line)
        if not any(_DATED.search(text[a:b]) for a, b in lines):
            spans += lines
    return spans


_DATED = re.compile(
    r"(?i)\d|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\byesterday\b|\blast\s+week\b"
)


# who "we" are in an email to the desk: "I called you", "I rang your helpline", "I emailed
# the support team"
_US = frozenset(
    """you your yours support helpdesk help desk servicedesk service it helpline hotline team
    engineer engineers technician office department line number company""".split()
)
# contact with a person: "I rang the cardiology nurses", "I've called the bank"
_PERSON_CONTACT = frozenset(
    "rang rung called phoned contacted told emailed e-mailed messaged".split()
)
# people and bodies that are not the desk (not "the manager", "the provider", "Sam": in an
# email to the desk those are often ours)
_OTHERS = frozenset(
    """nurse nurses doctor doctors gp hospital surgery clinic bank banks police insurer insurers
    council councillor landlord school teacher parents family daughter son wife husband mum dad
    mother father neighbour neighbours solicitor lawyer accountant carer carers ombudsman
    regulator friend friends""".split()
)


def _someone_else(verb: Token, obj: Token) -> bool:
    """The object of a contact verb is a person or body other than the desk ("the cardiology
    nurses", "my bank"): contact, but not with us."""
    if verb.lower_ not in _PERSON_CONTACT or any(t.lower_ in _US for t in obj.subtree):
        return False
    return any(t.lower_ in _OTHERS for t in obj.subtree)  # "a solicitor friend"


def _sent_elsewhere(verb: Token) -> bool:
    """ "I emailed a client file to the wrong John", "I sent it to my accountant last week":
    what went to someone else, not a message to us."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "to":
            words = {t.lower_ for t in prep.subtree}
            if not words & _US and (words & _OTHERS or _wrong_one(prep)):
                return True
    return False


# "the wrong John", "the wrong address": someone else; "the wrong ticket" is still ours
_RECIPIENTS = frozenset("person people address recipient contact customer client company".split())


def _wrong_one(prep: Token) -> bool:
    doc = prep.doc
    return any(
        t.lower_ == "wrong"
        and t.i + 1 < len(doc)
        and (doc[t.i + 1].tag_ in ("NNP", "NNPS") or doc[t.i + 1].lower_ in _RECIPIENTS)
        for t in prep.subtree
    )


# "rang it" is ringing the line itself when it was rung from another phone ("when I rang it
# from my mobile, a recording answered"); "I rang it in yesterday" is contact
_DIALLED = frozenset("rang rung called phoned dialled dialed".split())


def _rang_the_line(tok: Token) -> bool:
    """ "rang it from my mobile", "called it on another phone": the line itself."""
    it = next((c for c in tok.children if c.dep_ == "dobj" and c.lower_ == "it"), None)
    if it is None:
        return False
    after = it.doc[it.i + 1 : it.i + 4].text
    return (
        re.match(r"(?i)(?:from|on|using|with)\s+(?:my|a|an|another|our|his|her)\b", after)
        is not None
    )


# what a contact verb in a relative clause is about when it is a wish for the product, not a
# matter raised with the desk ("the features we actually asked for in the last year")
_NOT_TOLD = frozenset(
    """feature features functionality improvement improvements things options option tools
    integrations integration roadmap""".split()
)
# "sent it" / "submitted this" is contact only when it went to us ("I sent it to you on
# Monday"): otherwise "it" is the report, the form, the file ("I've sent it manually for now")
_PASSED_ON = frozenset("sent submitted".split())
_VAGUE = frozenset("it this".split())


# "I sent it last Tuesday, did you get it?", "I submitted this yesterday via the portal":
# sent to us, said by what follows
_TO_US = re.compile(
    r"\bdid\s+you\s+(?:get|receive)|\bstill\s+(?:nothing|no\b)|\bheard\s+nothing|\bno\s+(?:reply|response)"
    r"|\bvia\s+(?:the\s+|your\s+)?(?:portal|form|website|app)",
    re.I,
)


def _sent_to_us(tok: Token) -> bool:
    if not any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ in _VAGUE for c in tok.children):
        return True
    if _TO_US.search(tok.sent.text):
        return True
    return any(t.lower_ in _US for t in tok.subtree if t.dep_ == "pobj")


# counterfactual modals: "I'd have told them", "we could have called"
_IF_ONLY = frozenset("would 'd could might should".split())
# "every day", "every morning this week": again and again (not "every user")
_EVERY = re.compile(r"\bevery\s+(?:single\s+)?(?:day|morning|afternoon|evening|week|time)\b")


def _earlier_contact(tok: Token) -> bool:
    if tok.lower_ not in CONTACT or tok.tag_ not in ("VBD", "VBN"):
        return False
    objects = CASE_OBJECTS if tok.lower_ == "opened" else CONTACT_OBJECTS
    if tok.lower_ in NEEDS_OBJECT and not (
        any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ in objects for c in tok.children)
        or (tok.dep_ == "relcl" and tok.head.lower_ in objects)  # "the ticket I raised"
    ):
        return False  # "since we opened at 8:30" is the shop, not a ticket
    if tok.dep_ == "relcl" and tok.head.lower_ in _NOT_TOLD:
        return False  # "the features we asked for last year": a wish for the product
    if tok.lower_ in _PASSED_ON and not _sent_to_us(tok):
        return False  # "I've sent it manually every week": the report, not a message to us
    if any(c.dep_ == "dobj" and _someone_else(tok, c) for c in tok.children):
        return False  # "I rang the cardiology nurses this week": contact, but not with us
    if _sent_elsewhere(tok):
        return False  # "ten minutes ago I emailed a client file to the wrong John"
    if tok.lower_ in _DIALLED and _rang_the_line(tok):
        return False  # "when I rang it from my mobile": the line, not us
    asked = tok.sent.text.rstrip().endswith("?")  # "Haven't I already told you twice?"
    if any(c.dep_ == "neg" for c in tok.children) and not asked:
        return False  # "charges for dates we never called you": no contact at all
    if any(c.lower_ in _IF_ONLY for c in tok.children):
        return False  # "I'd have told them": what would have been (not "must have emailed")
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None and tok.dep_ == "conj":
        subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ not in FIRST_PERSON:
        return False
    around = {t.lower_ for t in tok.subtree} | {c.lower_ for c in tok.children}
    aux = {c.lower_ for c in tok.children if c.dep_ == "aux"}
    if around & EARLIER or _EVERY.search(" ".join(t.lower_ for t in tok.subtree)):
        return True
    has_date = any(e.label_ in ("DATE", "TIME") for e in tok.sent.ents)
    return has_date and (tok.tag_ == "VBD" or bool(aux & {"have", "'ve", "had"}))
