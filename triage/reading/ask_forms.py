"""The shapes of a clause that put a request or a question to the desk, read from spaCy's
tags and parse (``asks`` decides which clauses to test and how to cut them).

- a question: ends with "?" (set rhetorical phrasings and "??" / "?!" venting dropped);
- an imperative: the main verb is bare and has no subject ("Please escalate it", "ANSWER
  THE PHONE", "If there's a guide, just point me at it");
- "please" / "pls" in the clause, outside formulas ("please find attached");
- a modal request: "can / could / would / will you (someone, anyone) ...", "can I get ...";
- a stated demand: "I want / need / expect / would like ...", "X needs to ...", "it would be
  great if ...", "a call would be nice", "if someone could ...".

Each word list was read off the tuning portion of the labelled data.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from triage.reading.ask_lexicon import (
    ADDRESSEES,
    ARE_YOU_ASKING,
    ASK_INFINITIVES,
    CALL_NOUNS,
    CALL_VERBS,
    DEMAND_VERBS,
    DISCLAIM_FORMS,
    FIRST_PERSON,
    HELP,
    INVERTING,
    LEADERS,
    MODALS,
    NEEDERS,
    NEEDS_WOULD,
    NOT_IMPERATIVE,
    OFFERS,
    OUTRAGE,
    PHONE_NUMBER,
    PLEASE,
    PLEASE_NOT_ASKING,
    PLEASED,
    REASSURING,
    RHETORICAL,
    SKIPPED_TAGS,
    THROUGH_US,
    WH_SPELLINGS,
    WOULD,
    YOU,
)
from triage.reading.nlp import query_mark
from triage.reading.values import AskType

if TYPE_CHECKING:
    from spacy.tokens import Token


def ask_type(toks: list[Token], text: str, short: bool = False) -> AskType | None:
    """ "request", "question" or None for a clause given as its non-space tokens. ``short``:
    the whole message is a line or two (a tweet, a chat line), where a "??" question is the
    ask itself rather than venting beside the real asks (as it is in most long emails)."""
    if not toks:
        return None
    lower = text.lower()
    tail = lower.rstrip(" \n)\"'")[-3:]
    marks = any(t.text.startswith("?") and not query_mark(t) for t in toks)
    question = ("?" in tail or marks) and not quoted_question(text)
    if question and any(p in lower for p in RHETORICAL):
        return None
    if question and "are you" in lower and not any(p in lower for p in ARE_YOU_ASKING):
        return None
    if any(p in lower for p in OFFERS) or lower.lstrip().startswith(("have you tried", "me:")):
        return None
    if sum(ch.isalpha() for t in toks if not handle(t.text) for ch in t.text) < 3:
        return None
    bare = " ".join(t.lower_ for t in toks if not t.is_punct and not handle(t.text))
    if bare in HELP:
        return "request"
    if modal_request(toks) or imperative(toks) or please(toks) or demand(toks):
        return "request"
    if question and (short or not OUTRAGE.search(tail) or _PUT_TO_US.match(lower)):
        return "question"
    if short and not question and _unmarked_question(toks):
        return "question"
    return None


# "Who approved this new template??": a question put to the desk however it is shouted, which
# judges counted as passed over when left unanswered (not "why is there no backup method??"
# nor "Didn't your monitoring notice??": answered only as "we'd rather check than guess", and
# a cause's line misfits them)
_PUT_TO_US = re.compile(
    r"\W*(?:\w+\W+){0,12}?who\s+(?:approved|decided|signed\s+off|chose|changed)\b"
)


def quoted_question(text: str) -> bool:
    """The clause's last "?" is inside quotation marks or brackets: someone else's words (a
    survey's "How did we do?", what the writer asked the students) reported, not a question
    put to the desk."""
    at = text.rfind("?")
    if at < 0:
        return False
    before = text[:at]
    quotes = before.count('"') + before.count("“") - before.count("”")
    bracket = before.count("(") > before.count(")")
    # "(how do I add a logo to report headers?)": their own question, put in brackets
    opened = before.rfind("(")
    reported = _REPORTED.search(before[:opened]) is not None
    own = not reported and _OWN_QUESTION.match(before[opened + 1 :]) is not None
    return quotes % 2 == 1 or bracket and not own


# "I asked the students (how did we do in the mock?)": someone else's words, reported
_REPORTED = re.compile(r"(?i)\b(?:asked|asks|ask|said|says|told|wondered)\b[^(]{0,30}$")
_OWN_QUESTION = re.compile(
    r"(?i)\s*(?:how|what|where|when|which|can|could|is|are|do|does)\b[^)]*\b(?:i|we)\b"
)


def _unmarked_question(toks: list[Token]) -> bool:
    """A question typed without its "?": "whats going on with your app", "when will I get my
    refund", "do you have a chat line". The wh-word or the inverted verb opens the main
    clause (a "when" that opens a subordinate clause hangs below the root and is not one)."""
    first = first_content(toks)
    if first is None or first.i + 1 >= len(first.doc):
        return False
    nxt = first.doc[first.i + 1]
    if first.lower_ in WH_SPELLINGS:
        return True
    if first.tag_ in ("WRB", "WP") and first.lower_ not in ("whatever", "however"):
        head = first.head if first.head.dep_ == "ROOT" else first.head.head
        return head.dep_ == "ROOT" and head.i > first.i
    if first.tag_ in ("VBZ", "VBP", "MD") and first.lower_ in INVERTING:
        return nxt.dep_ in ("nsubj", "expl", "nsubjpass") and first.i == toks[0].i
    return False


def handle(word: str) -> bool:
    """A tweet's @handle or #tag: a name, not a word of the sentence."""
    return word[:1] in ("@", "#") and len(word) > 1


def first_content(toks: list[Token]) -> Token | None:
    """The first word that is not a bullet, a list number, "please", "so", "just" ..."""
    for k, t in enumerate(toks):
        if t.is_punct or t.lower_ in LEADERS or t.tag_ in SKIPPED_TAGS or handle(t.text):
            continue
        if t.like_num and k + 1 < len(toks) and toks[k + 1].text in (".", ")"):
            continue  # "1." / "2)" numbering a list
        return t
    return None


_ANYONE = frozenset("someone somebody anyone anybody".split())


def imperative(toks: list[Token]) -> bool:
    """The main verb is bare and has no subject: "Please send someone today", "If there's a
    guide, just point me at it" (a leading if-clause does not hide the command)."""
    first = first_content(toks)
    if first is None:
        return False
    if first.lower_ in ("do", "don't", "dont") and len(toks) > 2:
        # "Don't close this ticket", "Do not send me another survey"
        nxt = [t for t in toks if t.i > first.i and t.lower_ not in ("n't", "not")]
        return bool(nxt) and nxt[0].tag_ == "VB" and nxt[0].lower_ not in REASSURING
    if first.tag_ == "IN" and first.lower_ in ("if", "when", "once", "as"):
        head = first.head.head if first.head.dep_ == "advcl" else None
        if head is not None and head.i > first.i and _bare_command(head):
            return True
    if _call_mistagged(first, toks):
        return True
    if first.lower_ in _ANYONE and first.dep_ == "nsubj" and first.head.tag_ in ("VB", "VBP"):
        # "SOMEONE GET HERE NOW": a command to whoever reads it ("someone gets" would tell;
        # the bare verb after a singular "someone" is tagged VBP in running text)
        return not any(c.dep_ == "aux" for c in first.head.children)
    if not _bare_command(first):
        return False
    if first.dep_ == "conj":
        # "... and send me the link" commands only when what it joins commands too
        return _bare_command(first.head)
    if first.dep_ == "advcl" and first.head.i > first.i:
        # "Freeze the payout NOW, lock the account": two commands in a row, parsed as one
        # hanging off the other; "Put it back today, it's ridiculous": a command and the
        # comment spliced on after a comma, parsed as hanging off the comment
        return _bare_command(first.head) or comment_comma(first) is not None
    return first.dep_ in ("ROOT", "ccomp") or first.head.lower_ in PLEASE


# "call chef ade NOW 555-0123": typed in lower case, "call" opening a line with a phone number
# in it is parsed as part of a noun ("call chef" as a compound); the number shows the command
# (CALL_NOUNS: the nouns that open such lines, "call centre 0800 ...", "phone number 07700 ...")
_PHONE = re.compile(PHONE_NUMBER)


def _call_mistagged(first: Token, toks: list[Token]) -> bool:
    if first.lower_ not in CALL_VERBS or first.dep_ in ("ROOT", "ccomp") or not first.is_sent_start:
        return False
    after = [t for t in toks if t.i > first.i and not t.is_punct]
    if not after or after[0].lower_ in CALL_NOUNS or after[0].tag_ in ("NNS", "VBZ", "VBD"):
        return False
    return bool(_PHONE.search(first.doc[first.i : toks[-1].i + 1].text))


_BE = frozenset({"is", "'s", "’s", "was"})
# "Trust me, it's annoying", "Look, it's broken", "Forget it, it's fine": asides and
# withdrawals, not commands (but "Look into it, it's urgent" asks)
_ASIDES = frozenset(
    {"trust", "believe", "mind", "look", "listen", "imagine", "face", "say", "forget"}
)
_ASIDE_WORDS = frozenset({"me", "us", "you", "it", "never"})


def comment_comma(verb: Token) -> Token | None:
    """The comma before a comment spliced onto a command ("Fix it[, it's not hard]", "Send
    me the invoice[, it's urgent]"): the head the command hangs off is "it's/that's/this is" +
    a word describing it; None for "If you see it, it's fine" (no command there), "Turn left,
    it's the second door" (a noun) or an aside ("Trust me, it's annoying")."""
    head = verb.head
    if verb.dep_ != "advcl" or head.lower_ not in _BE or head.i - verb.i < 2:
        return None
    if verb.lower_ in _ASIDES and all(
        c.is_punct or c.lower_ in _ASIDE_WORDS for c in verb.children
    ):
        return None
    kids = list(head.children)
    subject = [c.lower_ for c in kids if c.dep_ == "nsubj"]
    if subject not in (["it"], ["that"], ["this"]) or not any(c.dep_ == "acomp" for c in kids):
        return None
    commas = [t for t in verb.doc[verb.i + 1 : head.i] if t.text == ","]
    return commas[-1] if commas and _bare_command(verb) else None


def _quoted(tok: Token) -> bool:
    """Inside quotation marks in its sentence: an error message or someone else's words
    ("please try again later")."""
    before = tok.doc[tok.sent.start : tok.i].text
    return (before.count('"') + before.count("“") - before.count("”")) % 2 == 1


def _bare_command(verb: Token) -> bool:
    if verb.tag_ != "VB" or verb.lower_ in NOT_IMPERATIVE or _quoted(verb):
        return False
    kids = {c.dep_ for c in verb.children}
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return not kids & {"nsubj", "nsubjpass", "expl"} and not aux - {"do", "n't", "not"}


def please(toks: list[Token]) -> bool:
    for t in toks:
        if t.lower_ not in PLEASE or _kindly_done(t):
            continue
        nxt = [u for u in toks if u.i > t.i and not u.is_punct]
        if nxt and nxt[0].lower_ in PLEASE_NOT_ASKING:
            return False
        verbs = [u for u in nxt if u.lower_ not in ("do", "don't", "dont", "not", "n't")]
        if verbs and verbs[0].lower_ in REASSURING:
            return False
        return not _quoted(t)
    return False


def _kindly_done(t: Token) -> bool:
    """ "The Head of Department has kindly agreed to nominate me", "you kindly sent": someone's
    kindness told, not a request ("Could you kindly reset it" asks by its modal)."""
    if t.lower_ != "kindly" or t.head.tag_ not in ("VBD", "VBN"):
        return False  # "I kindly ask you to reset it" asks
    subjects = [c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and subjects[0].lower_ not in ("i", "we")


def modal_request(toks: list[Token]) -> bool:
    """ "Could someone reset it", "can you", "can I get", "would anyone", "you should"."""
    for a, b in zip(toks, toks[1:], strict=False):
        if a.lower_ in YOU and b.lower_ in ("should", "must", "shd"):
            return True  # "you guys should contact the seller"
        if a.lower_ == "either" and b.lower_ in YOU and _ultimatum(toks, b.i):
            return True  # "either you match the new price or I'm off"
        if a.lower_ not in MODALS or a.tag_ != "MD":
            continue
        if b.lower_ in ("i", "we"):
            # "could I get", "can we have" ask; "can I still log in" is a question
            verbs = [t for t in toks if t.i > b.i and t.tag_ == "VB"]
            return bool(verbs) and verbs[0].lower_ in ("get", "have", "borrow", "book")
        if b.lower_ in ADDRESSEES or (b.dep_ == "nsubj" and first_content(toks) is a):
            return True
    return False


_NOT_ASKED = frozenset(
    "do did does don't didn't doesn't are were 're have had 've can could will would or".split()
)


def _ultimatum(toks: list[Token], you: int) -> bool:
    """A bare verb after "you" and a threat after "or" ("or I'm off"); not an accusation
    ("either you didn't read it or you don't care") nor a who ("either you or Sam")."""
    after = [t for t in toks if t.i > you]
    if not after or after[0].tag_ not in ("VB", "VBP") or after[0].lower_ in _NOT_ASKED:
        return False
    return any(
        t.lower_ == "or" and nxt.lower_ in ("i", "we", "else")
        for t, nxt in zip(after, after[1:], strict=False)
    )


def demand(toks: list[Token]) -> bool:
    """ "I want it changed back", "we need this today", "I'd appreciate a call", "someone
    needs to pull the plug", "a call would be nice", "if someone could have a look"."""
    for t in toks:
        if t.lower_ in DEMAND_VERBS and t.tag_ in ("VBP", "VBZ", "VB", "VBG"):
            if _demand_verb(t):
                return True
    return _would_be_nice(toks) or _if_someone_could(toks)


def _demand_verb(t: Token) -> bool:
    if t.dep_ not in ("ROOT", "conj", "ccomp"):
        return False  # "everything I need is on this machine"
    kids = list(t.children)
    subj = [c.lower_ for c in kids if c.dep_ in ("nsubj", "nsubjpass")]
    if any(c.dep_ == "neg" for c in kids):
        return False  # "I don't need anything today"
    if t.lower_ == "need" and any(c.lower_ in ("will", "'ll", "shall") for c in kids):
        return False  # "we'll need them for our legal team": a reason, not the ask
    if t.lower_ in NEEDS_WOULD and not any(c.lower_ in WOULD for c in kids):
        return False
    if subj and subj[0] in FIRST_PERSON:
        told = any(c.dep_ == "auxpass" for c in t.head.children)
        if t.dep_ == "ccomp" and t.head.tag_ == "VBN" and told:
            return False  # "We were then told we'd need to return the router": reported
        if any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in kids):
            return False  # "calls asking if I want to upgrade": what others asked them
        if t.head.lower_ in ("makes", "make", "made", "making"):
            return False  # "This makes me want to cancel out of pure spite": a feeling
        inf = [c for c in kids if c.dep_ == "xcomp" and c.tag_ == "VB"]
        has_object = any(c.dep_ in ("dobj", "ccomp") for c in kids)
        # "I need to pull the marks", "I'd like to give feedback": the writer's own plans
        # (letting every "I'd like to ..." ask instead lowered F1 on the tuning portion)
        wants = t.lower_ in ("like", "want", "love") and bool(inf) and inf[0].lower_ in THROUGH_US
        return not inf or has_object or inf[0].lower_ in ASK_INFINITIVES or wants
    if t.lower_ in ("needs", "need") and subj and t.tag_ in ("VBZ", "VBP"):
        # "someone needs to pull the plug", "this really needs to change", "you need to fix it"
        if subj[0] in YOU:
            return any(c.dep_ == "xcomp" for c in kids)
        return subj[0] in NEEDERS
    return False


def disclaims(verb: Token) -> bool:
    """ "I'm not asking for anything", "we don't need a reply": the writer says what they do
    NOT want; such a clause asks nothing, and a time in it ("... today") is no deadline."""
    if verb.lower_ not in DISCLAIM_FORMS:
        return False
    kids = list(verb.children)
    return any(c.dep_ == "neg" for c in kids) and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in FIRST_PERSON for c in kids
    )


def disclaimed(toks: list[Token]) -> bool:
    """The clause's own verb disclaims, and nothing else in it asks ("... but please confirm"
    still does)."""
    inside = {t.i for t in toks}
    roots = [t for t in toks if t.head.i not in inside or t.head.i == t.i]
    return (
        len(roots) == 1
        and disclaims(roots[0])
        and not please(toks)
        and not any(t.text in ("?", "？") for t in toks)
    )


def _would_be_nice(toks: list[Token]) -> bool:
    """ "it would be great if", "a quick update would be nice", "I'd be grateful for"."""
    words = [t.lower_ for t in toks]
    for k, w in enumerate(words[:-2]):
        if w in WOULD and words[k + 1] == "be":
            rest = words[k + 2 : k + 5]
            if any(r in PLEASED for r in rest):
                return True
    return False


def _if_someone_could(toks: list[Token]) -> bool:
    words = [t.lower_ for t in toks]
    for k, w in enumerate(words):
        if w == "if" and k + 2 < len(words):
            if words[k + 1] in ADDRESSEES and words[k + 2] in MODALS:
                return True
    return False
