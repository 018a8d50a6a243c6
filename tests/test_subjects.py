"""subjects.py: a subject line without the marks mail clients and ticket systems add."""

from __future__ import annotations

import pytest

from triage.subjects import bare_subject


@pytest.mark.parametrize(
    ("subject", "bare"),
    [
        ("Re: Fwd: VPN down", "VPN down"),
        ("AW: [EXTERNAL] RE[2]: VPN down", "VPN down"),
        ("[#66014] Full data export", "Full data export"),
        ("Return of my laptop", "Return of my laptop"),  # "Re" only as a mark
        ("", ""),
    ],
)
def test_reply_marks_and_leading_tags_go(subject: str, bare: str) -> None:
    assert bare_subject(subject) == bare
