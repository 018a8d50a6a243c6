"""The text reading of one email: asks, deadline, tried steps, language, "wrote before".

``TextReader`` is built once per process: its constructor loads spaCy's English pipeline,
dateparser and the fastText language model (2-3 s, ~90 MB); ``read`` and ``read_many`` are
then pure functions of their arguments (the received time is passed in, never read from a
clock). ``read_many`` parses a batch with ``nlp.pipe``, which is faster per email than one
call each.

Text in another language gets only what does not need the English parser: its language,
its questions (sentences ending in "?", the same in most scripts) and no deadline or tried
steps, rather than guesses from a parse of words the English model cannot read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from triage.reading import nlp as nlp_mod
from triage.reading.asks import find_asks
from triage.reading.automated import is_automated
from triage.reading.dates import DateResolver
from triage.reading.deadline import find_deadline
from triage.reading.headline import headline_text, read_headline
from triage.reading.language import LanguageGuesser
from triage.reading.problem import find_problem
from triage.reading.refers import name_asks
from triage.reading.topic import find_topic
from triage.reading.tried import find_tried
from triage.reading.values import Ask, TextReading
from triage.reading.wrote_before import says_wrote_before

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Past this many characters the newest text is mostly pasted logs or a forwarded thread the
# quote splitter missed; asks and deadlines sit at the top, and the parse time grows with
# length, so the tail is not read (the p95 time budget depends on it).
MAX_CHARS = 4000
_QUESTION = re.compile(r"¿?[^.!?¿¡\n]*[?？]")

Item = tuple[str, str, datetime]


class TextReader:
    """Reads the words of emails for one desk (its time zone resolves the deadlines)."""

    def __init__(self, zone: ZoneInfo, default_language: str = "en") -> None:
        self.zone = zone
        self._nlp = nlp_mod.load_pipeline()
        self._dates = DateResolver(zone)
        self._language = LanguageGuesser(default_language)

    def read(self, subject: str, text: str, received: datetime) -> TextReading:
        return self.read_many([(subject, text, received)])[0]

    def read_many(self, items: Iterable[Item]) -> list[TextReading]:
        """One reading per (subject, newest text, received) item, in order."""
        rows = list(items)
        if any(received.tzinfo is None for _, _, received in rows):
            raise ValueError("received must be an aware datetime (the desk's zone resolves it)")
        texts = [text[:MAX_CHARS] for _, text, _ in rows]
        langs = [self._language.guess(t) if t.strip() else "" for t in texts]
        empty = {i for i, (subject, _, _) in enumerate(rows) if is_automated(subject, texts[i])}
        docs = self._parse(texts, langs, empty)
        # the subjects' headlines tagged in one batch (a call each costs three times as much)
        heads = {i: headline_text(rows[i][0]) for i in docs}
        wanted = sorted(set(heads.values()) - {""})
        tagged = dict(zip(wanted, nlp_mod.tag_many(self._nlp, wanted), strict=True))

        def tag(s: str) -> Doc:
            return tagged.get(s) or self._parse_subject(s)

        out: list[TextReading] = []
        for i, (subject, _, received) in enumerate(rows):
            doc = docs.get(i)
            if i in empty:
                out.append(TextReading((), None, (), langs[i] or self._language.default, False))
            elif doc is None:
                out.append(foreign_reading(texts[i], langs[i]))
            else:
                reading = self._english(doc, texts[i], subject, received, langs[i] or "en")
                # the subject is tagged (no parse): for its topic, and to name a bare "it"
                problem = find_problem(doc, subject, self._parse_subject, texts[i])
                topic = find_topic(subject, self._parse_subject, texts[i])
                asks = name_asks(doc, texts[i], reading.asks, subject, topic)
                headline = read_headline(heads[i], tag, texts[i])
                out.append(
                    replace(reading, problem=problem, topic=topic, asks=asks, headline=headline)
                )
        return out

    def _parse_subject(self, subject: str) -> Doc:
        # tags only: what the subject names is read from its tags, never its parse
        return nlp_mod.tag_plain(self._nlp, subject)

    def _english(
        self, doc: Doc, text: str, subject: str, received: datetime, lang: str
    ) -> TextReading:
        asks = find_asks(doc, text)
        spans = ask_spans(text, asks)
        return TextReading(
            asks=asks,
            deadline=find_deadline(doc, text, spans, received, self._dates),
            tried=find_tried(doc, text),
            language=lang,
            says_wrote_before=says_wrote_before(doc, text, subject),
        )

    def english_docs(self, items: Iterable[Item]) -> dict[int, Doc]:
        """The parses ``read_many`` reads, by item index: English (or undetermined) text
        that is not automated mail (for ``scripts/reading_deadline_train.py``)."""
        rows = list(items)
        texts = [text[:MAX_CHARS] for _, text, _ in rows]
        langs = [self._language.guess(t) if t.strip() else "" for t in texts]
        empty = {i for i, (subject, _, _) in enumerate(rows) if is_automated(subject, texts[i])}
        return self._parse(texts, langs, empty)

    def _parse(self, texts: list[str], langs: list[str], empty: set[int]) -> dict[int, Doc]:
        # automated mail is not parsed at all: nothing in it is read (``automated``)
        english = [i for i, lang in enumerate(langs) if lang in ("en", "") and i not in empty]
        return dict(
            zip(english, nlp_mod.parse(self._nlp, (texts[i] for i in english)), strict=True)
        )


def ask_spans(text: str, asks: Sequence[Ask]) -> list[tuple[int, int]]:
    """Where each ask sits in the text (asks are verbatim slices, found left to right)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for ask in asks:
        at = text.find(ask.text, pos)
        if at >= 0:
            spans.append((at, at + len(ask.text)))
            pos = at + len(ask.text)
    return spans


def foreign_reading(text: str, language: str) -> TextReading:
    """A reading of text the English parser cannot read: its language and its questions."""
    asks = tuple(
        Ask(text=m.group(0).strip(), type="question")
        for m in _QUESTION.finditer(text)
        if len(m.group(0).strip()) > 1
    )
    return TextReading(
        asks=asks, deadline=None, tried=(), language=language, says_wrote_before=False
    )
