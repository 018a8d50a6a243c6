"""One TextReader for the reading tests: loading spaCy, dateparser and fastText takes a
few seconds, so it is built once per session."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from triage.reading.reader import TextReader

ZONE = ZoneInfo("Europe/London")
# A Wednesday morning in winter, so London is UTC and the resolved times are easy to read.
RECEIVED = datetime(2026, 12, 2, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="session")
def reader() -> TextReader:
    return TextReader(ZONE)
