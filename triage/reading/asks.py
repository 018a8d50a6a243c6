"""Which sentences of an email ask something, cut into one clause per ask.

spaCy gives the sentences (plus the line-break rule of ``nlp``) and the parse; ``ask_forms``
says which clause shapes ask. This module decides what a clause is:

- two asks joined in one sentence become two ("fix it today and I want to know whose idea
  this was"; "Stop the job and explain what happened"), as the labels split them, but a
  modal question over two verbs stays one ("Could you update it and reissue the invoice?");
- the lines of a list introduced by an ask ending in ":" ("I want the following:", "Could
  someone tell me:") are asks of their own, one per line;
- disclaimers, auto-replies and newsletter footers say "please" to nobody and are skipped.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from triage.parse.kinds import AWAY_SELF
from triage.reading.ask_forms import ask_type, comment_comma, disclaimed, first_content
from triage.reading.values import Ask, AskType

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

BOILERPLATE = (
    "intended recipient",
    "received this email in error",
    "received it in error",
    "received this message in error",
    "unsubscribe",
    "notification preferences",
    "do not reply to this",
    "this is an automated",
    "automatic reply",
    "for anything urgent",
    "for urgent matters",
    "in my absence",
    "will respond on my return",
    "recipient's email address",
    "please contact your helpdesk",
    "notify the sender",
    "delete it from your system",
)
# An intro line ending in ":" opens a list of asks when it asks itself or names what follows.
LIST_INTRO_WORDS = frozenset(
    """want need needs expect following below these questions asking request requesting
    require demand""".split()
)
SHORT_TEXT = 280  # a tweet's length: see ask_forms.ask_type
BULLETS = frozenset({"-", "*", "•", "–", "·", "o", ">"})
_STRIP = " \t\r\n,;:-*•–·"
_LEADING_HANDLES = re.compile(r"^(?:\s*[@#]\w+[,:]?)+\s+|^\(?(?:\d{1,2}|[a-h])[.)]\s+")


def _tidy(clause: str) -> str:
    """The clause without the tweet's leading @handles ("@AmazonHelp where is my order?")."""
    return _LEADING_HANDLES.sub("", clause.strip(_STRIP)).strip(_STRIP)


def find_asks(doc: Doc, text: str) -> tuple[Ask, ...]:
    """The asks of the text, in order. ``doc`` is the parse of ``text`` or of a same-length
    copy (shouting lowered): clause boundaries come from the parse, the words from ``text``."""
    out: list[Ask] = []
    in_list = False
    short = len(text) <= SHORT_TEXT
    item_end = -1  # where the list item being read ends (a parse may split its line)
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        if sent.start_char < item_end:
            continue  # the rest of a list line already read as one item
        if not toks or boilerplate(sent.text.lower()):
            continue
        line = _starts_line(sent)
        if in_list and line and not (_after_blank(sent) and not _bulleted(toks) and out):
            # a numbered or bulleted line is one item, wherever the parse cut it
            end = (
                _item_end(text, sent.start_char, sent.end_char)
                if _bulleted(toks)
                else sent.end_char
            )
            item_end = end
            item = _tidy(text[sent.start_char : end])
            listed: AskType = "question" if item.endswith("?") else "request"
            head = _item_head(doc, text, sent.start_char, end)
            if sum(ch.isalpha() for ch in item) >= 3 and not (
                listed == "request" and _says(head, item)
            ):
                out.append(Ask(item, listed))
            continue
        in_list = False
        whole = ask_type(toks, sent.text, short)
        for n, (start, end) in enumerate(clauses(sent)):
            clause = _tidy(text[start:end])
            kind = _clause_type(doc, start, end, short)
            if kind is None and whole is not None and (n == 0 or _continues(doc, start, end)):
                kind = whole
            toks_of = _tokens(doc, start, end)
            if kind == "request" and _says(toks_of, clause):
                kind = None  # "Friday is our busiest day": it tells, it asks nothing
            if kind and disclaimed(toks_of):
                kind = None  # "I'm not asking for anything today"
            if kind == "request" and (cut := _comment_cut(toks_of)) is not None:
                clause = _tidy(text[start:cut])  # "Fix it[, it's not hard.]": what they ask
            if kind and clause:
                out.append(Ask(text=clause, type=kind))
        if sent.text.rstrip().endswith(":"):
            in_list = whole is not None or any(_intro_word(t) for t in toks)
            if (
                in_list
                and out
                and out[-1].text == text[sent.start_char : sent.end_char].strip(_STRIP)
            ):
                out.pop()  # the intro itself ("I want:") is not an ask; its lines are
    return tuple(out)


_TELLING = frozenset("explain describe share outline say tell update summarise summarize".split())


def _intro_word(tok: Token) -> bool:
    """A word that makes a line ending in ":" a list of asks: "I need:", "I'd like:"; not
    "like" as a comparison ("My last four requests went like this:" then what happened)."""
    if tok.lower_ == "like":
        # ... wanting what follows ("I'd like help with:", "I'd like to get their IT set up:"),
        # not telling it ("I'd like to explain what happened:", review)
        doc = tok.doc
        wants = tok.i > 0 and doc[tok.i - 1].lower_ in ("'d", "’d", "would", "d", "should")
        return wants and not {t.lower_ for t in doc[tok.i + 1 : tok.sent.end]} & _TELLING
    return tok.lower_ in LIST_INTRO_WORDS


def _item_end(text: str, start: int, end: int) -> int:
    """Where a bulleted list item ends: at its sentence's end when that closes a
    sentence ("A desk phone if we still do those?" then "Otherwise ..."), else at the end of
    its line, which the parse may have cut ("1) an engineer this week, first slot of" / "the
    day"): the item is the customer's line, not the parser's sentence."""
    if text[start:end].rstrip().endswith((".", "?", "!")):
        return end
    newline = text.find("\n", start)
    return len(text) if newline < 0 else max(newline, end)


# what a list item adds after a spaced dash is a detail of it ("Access to the shared drive -
# same as Tom has", "Arrange collection of his laptop - he'll hand it to Paul"), not what
# decides whether the line asks or tells
_ITEM_DETAIL = re.compile(r"\s+[-–—]\s+")


def _item_head(doc: Doc, text: str, start: int, end: int) -> list[Token]:
    """The tokens of a list item before any detail after a spaced dash."""
    detail = _ITEM_DETAIL.search(text, start, end)
    return _tokens(doc, start, detail.start() if detail else end)


def _comment_cut(toks: list[Token]) -> int | None:
    """Where the comment spliced onto a command starts (``ask_forms.comment_comma``), as a
    character offset: how they feel about it is not part of what they ask, and said back it
    would come back as our words ("You asked us to fix it, it's not that hard")."""
    first = first_content(toks)
    comma = comment_comma(first) if first is not None else None
    return comma.idx if comma is not None else None


# what asks in a request-shaped clause: a word of asking, or a question mark
_ASKING = re.compile(
    r"\?|\b(?:please|kindly)\b|\b(?:can|could|would|will|won't|wouldn't|can't)\s+(?:you|someone|"
    r"somebody|anyone|one\s+of\s+you|the\s+team|i|we)\b|\b(?:want|need|needs|expect|require|"
    r"appreciat\w*|prefer|like|must|should|let\s+(?:me|us)\s+know|ask|asking|request|insist|"
    r"grateful|great|lovely|nice|welcome|wonderful|helpful|good|best|perfect|wonder\w*|hope|"
    r"hoping|expecting)\b"
    r"|^\W*(?:\w+ly\s+)?(?:if|whether|how|what|when|where|who|which|why|can|could|would|will)\b"
    # "Either you send a real engineer this week and fix it, or I cancel": an ultimatum
    r"|^\W*either\s+you\b",
    re.I,
)


_PERSONAL = frozenset("i we he she they it this that there".split())


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return [t for t in span if not t.is_space] if span is not None else []


def _says(toks: list[Token], clause: str) -> bool:
    """A declarative clause with no word of asking: a finite verb with its own subject, not
    an imperative ("We expect about 4TB", "I'd be grateful for either", "Our contract
    guarantees 99.9%")."""
    if not toks or _ASKING.search(clause):
        return False
    first = first_content(toks)
    if first is not None and first.tag_ == "VB":
        return False  # an imperative: "Call me."
    inside = {t.i for t in toks}
    roots = [t for t in toks if t.head.i not in inside or t.head.i == t.i]
    if len(roots) != 1:
        return False
    root = roots[0]
    aux = any(c.dep_ in ("aux", "auxpass") and c.tag_ != "TO" for c in root.children)
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if root.tag_ in ("VBD", "VBN") and not aux and subject is not None:
        if subject.lower_ not in _PERSONAL:
            return False  # "Our data restored TODAY", "The termination fee removed": demands
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) > 1:
        # "A refund for every day it's been off" parsed with two subjects: a thing asked for,
        # then a clause of detail (judges: "refund request ignored")
        return False
    finite = root.tag_ in ("VBZ", "VBD", "VBP") or aux
    # "Graham's account locked NOW" is an elliptical demand; "Written confirmation of ..." a
    # listed one: only a finite verb with its own subject tells rather than asks
    return finite and any(
        c.dep_ in ("nsubj", "nsubjpass", "expl")
        and c.lower_ not in ("you", "someone", "somebody", "anyone")
        for c in root.children
    )


# A disclaimer's or an away notice's own sentence, not a customer's that mentions the same
# words: "This email and any attachments are confidential ...", "I am out of the office until
# Monday, please contact Jo" are skipped; "How do I set an out of office on Outlook web?", "I
# want a loan laptop today, I'm not using annual leave to cover for this", "The payroll folder
# is confidential, can you restrict it to HR?" and "Sarah is on leave so please give me access
# to her mailbox" ask (a bare "out of office", "annual leave" or "confidential" once marked a
# sentence boilerplate, and the customer's ask was lost)
_DISCLAIMER = re.compile(
    # the message's own confidentiality notice
    r"\b(?:this|the)\s+(?:e-?mail|message|communication|transmission)\b[^.]{0,80}?\bconfidential\b"
    r"|\bconfidential(?:ity)?\s*(?:notice|:)|\bmay\s+contain\s+(?:\w+\s+)?confidential\b"
    r"|\bprivileged\s*(?:/|and|or)\s*confidential\b|\bconfidential\s*(?:/|and|or)\s+"
    r"(?:may\s+be\s+)?(?:legally\s+)?privileged\b"
    # the writer away, said at the sentence's start, as a notice says it
    r"|^\W*(?:thank(?:s|\s+you)\s+for\s+your\s+(?:e-?mail|message)\W+)?"
    rf"{AWAY_SELF}"
    r"|^\W*out\s+of\s+(?:the\s+)?office\s+(?:until|till|from|on)\b"
)
# ... unless the same sentence asks us something ("I'm on leave from Monday, can you set up my
# out of office?")
_ASKS_US = re.compile(
    r"\b(?:can|could|would|will)\s+(?:you|someone|somebody|anyone)\b|\bplease\s+(?!contact\b|"
    r"call\b|email\b|e-mail\b|ring\b|get\s+in\s+touch\b|reach\b|direct\b|note\b|delete\b|"
    r"notify\b|destroy\b|inform\b)\w+"
)


def boilerplate(lower: str) -> bool:
    """Disclaimers, auto-reply and newsletter formulas: they say "please" to nobody."""
    return any(p in lower for p in BOILERPLATE) or (
        _DISCLAIMER.search(lower) is not None and _ASKS_US.search(lower) is None
    )


def _starts_line(sent: Span) -> bool:
    doc = sent.doc
    return sent.start == 0 or "\n" in doc[sent.start - 1].text + doc[sent.start - 1].whitespace_


def _after_blank(sent: Span) -> bool:
    doc = sent.doc
    if sent.start == 0:
        return False
    prev = doc[sent.start - 1]
    return (prev.text + prev.whitespace_).count("\n") >= 2 or (
        prev.is_space and sent.start > 1 and "\n" in doc[sent.start - 2].whitespace_
    )


def _bulleted(toks: list[Token]) -> bool:
    first = toks[0]
    return first.text in BULLETS or (
        first.like_num and len(toks) > 1 and toks[1].text in (".", ")")
    )


def _clause_type(doc: Doc, start: int, end: int, short: bool) -> AskType | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    return ask_type([t for t in span if not t.is_space], span.text, short)


def _continues(doc: Doc, start: int, end: int) -> bool:
    """A later clause of an ask sentence that is a bare verb phrase ("... and copy the folder
    somewhere") carries the sentence's ask."""
    span = doc.char_span(start, end, alignment_mode="expand")
    first = first_content([t for t in span if not t.is_space]) if span is not None else None
    return first is not None and first.tag_ == "VB"


def clauses(sent: Span) -> list[tuple[int, int]]:
    """Character spans of the sentence's coordinated main clauses ("A and B" -> A, B)."""
    root = sent.root
    doc = sent.doc
    command = root.tag_ == "VB" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux") for c in root.children
    )
    # "fix it or refund me" is one ask with two acceptable outcomes: only "and" splits
    either = any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in root.children)
    cuts = [
        c
        for c in root.children
        if c.dep_ == "conj" and c.i > root.i and not either and _own_clause(c, command)
    ]
    out: list[tuple[int, int]] = []
    start = sent.start_char
    for conj in cuts:
        left = conj.left_edge
        j = left.i - 1  # cut before the "and" / "," that joins the new clause
        while j > sent.start and (doc[j].dep_ in ("cc", "punct") or doc[j].is_space):
            j -= 1
        cut = doc[j].idx + len(doc[j].text)
        if j >= sent.start and cut > start:
            out.append((start, cut))
            start = left.idx
    out.append((start, sent.end_char))
    return out


def _own_clause(tok: Token, imperative_root: bool) -> bool:
    """A conjoined verb that makes an ask of its own: one with its own subject, or a second
    command after a command ("Stop the job and explain ...")."""
    if tok.tag_ not in ("VB", "VBP", "VBZ", "MD"):
        return False
    kids = {c.dep_ for c in tok.children}
    if "nsubj" in kids or "nsubjpass" in kids:
        return True
    return imperative_root and tok.tag_ == "VB" and bool(kids & {"dobj", "prt", "ccomp"})
