"""An ask cut to its point before it is said back (``askback``): without a label ("Question:",
"1)"), its politeness ("could you possibly ..."), a "yes or no", what follows its "please", a joking aside, the statement before its
question, and, when long, its reasons, conditions and alternatives. Pure."""

from __future__ import annotations

import re

# "Question: ...", "Q2. ...", "1) ...": a label, not the question
_LABEL = re.compile(r"^(?:(?:question|q)\s*\d*\s*[:.)-]|\d+\s*[.)])\s*", re.I)
_YES_OR_NO = re.compile(r",?\s*(?:yes\s+or\s+no|or\s+not)$", re.I)
# "please," then a clause of its own ("..., we can't do anything"), not a second ask ("please,
# and also reset my PIN") nor a second please ("please, please sort it")
_PLEASE_THEN = re.compile(
    r"\s+please\s*[,;-]\s+(?:we|i|it|it's|they|this|that|there|everything|nothing)\b.*$", re.I
)
# a joking aside after the ask, marked as one by its chat word
_CHAT_WORD = re.compile(r"[\s,]+\b(?:lol|haha\w*|lmao|tbh)\W*$", re.I)
# ... and the aside it ends, where one starts after the last comma ("..., forgot before I left
# lol"), not a list it would cut ("install Zoom, Teams and Slack haha")
_ASIDE_CLAUSE = re.compile(
    r",\s+(?:i|i'm|i've|it|it's|its|this|that|that's|been|forgot|just|not|totally|so)\b"
    r"(?![^,]*\b(?:and|or)\b)[^,]*$",
    re.I,
)
# a question after a statement in one sentence ("..., how do I clear space?")
_LAST_QUESTION = re.compile(
    r"^(?!\W*(?:can|could|would|will|is|are|do|does|did|how|what|when|where|why|who|which)\b)"
    r"[^?]*?(?:[,;:]|\s[-\u2013\u2014])\s+((?:how|what|when|where|why|who|which|can|could|do|does|is|are|will|would|"
    r"should)\b[^,;:]*)$",
    re.I,
)
# where a long ask may be cut: its reasons, conditions and alternatives ("Is it possible to
# pause the broadband for those months instead of paying for it while nobody is here?")
_TAIL_START = re.compile(
    r"(?:[,;]?\s+(?:instead\s+of|rather\s+than|while|because|since|so\s+that|as\s+(?:we|i|it)|"
    r"when|if|unless|or\s+(?:is|are|do|does|will|would|should|can|could|do|is))\b"
    r"|,\s*(?:(?:eg|ie|like|such\s+as)\b|e\.g\.|i\.e\.))",
    re.I,
)
# a question's second alternative ("Is there a way to export all our projects to a CSV, or only
# one project at a time?"); a request's is kept: "check the certificate, or re-enable password
# login for us" asks for either, and said back with one it asks for less
_OR_TAIL = re.compile(r",\s*or\b", re.I)
# a question that asks for facts, not for something to be done or allowed ("could I borrow
# one for the day, or take mine back?" asks for either)
_ASKS_WHETHER = re.compile(r"^(?:is|are|does|do|did|was|were|has|have)\b", re.I)
# ... unless it asks for something done ("Is there any chance someone could look at the queue,
# or import the file for us?")
_SOMEONE_DO = re.compile(
    r"\b(?:(?:someone|somebody|anyone|you|i|we)\s+(?:could|can|would|might)|"
    r"(?:could|can|would)\s+(?:someone|somebody|anyone|you|i|we))\b|^is\s+it\s+possible\b",
    re.I,
)


# the openers whose asks read right cut short: the subject is a pronoun or "there", so the
# cut cannot leave a noun phrase without its verb ("Is that something I just switch ...")
_SHORTENS = re.compile(
    r"^(?:is\s+it\s+possible|would\s+it\s+be\s+possible|is\s+there|are\s+there|"
    r"(?:is|are|will|was)\s+(?:the|my|our|your|we|i)\b|"
    r"(?:can|could|would|will|do|did|are)\s+you|(?:can|could|should|do)\s+(?:i|we)|"
    r"how\s+(?:do|can|could|should)\s+(?:i|we))\b",
    re.I,
)


_OR_ELSE = re.compile(r",\s*or\s+(?:is|are|can|could|should|do|does|would|will)\b", re.I)


def _shorter(p: str, question: bool) -> str:
    """A long ask without its tail (reasons, conditions, alternatives; a question's second
    alternative too), when at least five words are left; else as it is."""
    cuts = [*_TAIL_START.finditer(p), *(_OR_TAIL.finditer(p) if question else ())]
    for m in sorted(cuts, key=lambda m: m.start()):
        if len(p[: m.start()].split()) >= 5:
            return p[: m.start()].rstrip(" ,;")
    return p


# politeness between the modal and the verb ("could you possibly / kindly / perhaps ...")
_POLITE = re.compile(
    r"(?i)\b((?:could|would|can|will)\s+(?:you|someone)\s+)(?:possibly|kindly|perhaps)\s+"
)


def to_point(p: str, question: bool, max_words: int) -> str:
    """``p`` (a polished ask; ``question``: it ended with "?") cut to its point; an ask of
    more than ``max_words`` loses its tail where a safe cut leaves five words or more."""
    p = _YES_OR_NO.sub("", _LABEL.sub("", p))
    p = _POLITE.sub(r"\1", p)  # "could you possibly explain": never "us to possibly explain"
    # "Can this be sorted today please, we can't do anything": the ask ends at its "please"
    p = _PLEASE_THEN.sub("", p)
    if m := _CHAT_WORD.search(p):  # "..., forgot before I left lol": an aside, not the ask
        p = _ASIDE_CLAUSE.sub("", p[: m.start()])
    if question and (m := _LAST_QUESTION.search(p)):
        p = m.group(1)  # "My email says storage is full, how do I clear space?": the question
    if _SHORTENS.match(p) and (len(p.split()) > max_words or _OR_ELSE.search(p)):
        # "Can you send another one, or is there somewhere I can collect one?"
        p = _shorter(
            p, question and _ASKS_WHETHER.match(p) is not None and not _SOMEONE_DO.search(p)
        )
    return p
