"""triage/textsafe.py: untrusted text made inert, whole escape sequences removed (ECMA-48)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from triage.textsafe import clean


def test_ansi_and_control_sequences_are_removed() -> None:
    evil = "Invoice \x1b[31mRED\x1b[0m \x1b]0;pwned\x07done\x08\x00 \u202eevil"
    assert clean(evil) == "Invoice RED done evil"


# Each case: the whole sequence goes, introducer, parameters and payload alike; the words
# around it stay. The payloads are what an attacker hides (clipboard writes, titles, sixels).
@pytest.mark.parametrize(
    ("hostile", "expected"),
    [
        ("a \x1b[1;31mred\x1b[0m b", "a red b"),  # CSI, 7-bit
        ("a \x1b[?1049h b", "a  b"),  # CSI with a private parameter (alternate screen)
        ("a \x9b31mred\x9b0m b", "a red b"),  # CSI, 8-bit C1
        ("a \x1b]52;c;ZWNobyBoYWNrZWQ=\x07 b", "a  b"),  # OSC 52 clipboard write, BEL-ended
        ("a \x1b]0;evil title\x1b\\ b", "a  b"),  # OSC ended by ST (ESC \)
        ("a \x9d8;;https://evil.example/\x9clink\x9d8;;\x9c b", "a link b"),  # OSC 8, 8-bit
        ("a \x1b]52;c;ZWNobyBoYWNrZWQ=", "a "),  # OSC never terminated: rest of the line
        ("a \x1b]2;x\nnext line", "a \nnext line"),  # ... but not the lines after it
        ("a \x1bPq#0;2;0;0;0#0~~@@vv@@~~\x1b\\ b", "a  b"),  # DCS (sixel)
        ("a \x90$qm\x9c b", "a  b"),  # DCS, 8-bit
        ("a \x1b_Gf=100;AAAA\x1b\\ b", "a  b"),  # APC (kitty graphics)
        ("a \x9fapc payload\x9c b", "a  b"),  # APC, 8-bit
        ("a \x1b^privacy message\x1b\\ b", "a  b"),  # PM
        ("a \x9eprivacy message\x9c b", "a  b"),  # PM, 8-bit
        ("a \x1bXstart of string\x1b\\ b", "a  b"),  # SOS
        ("a \x98start of string\x9c b", "a  b"),  # SOS, 8-bit
        ("a \x1b(0lqk\x1b(B b", "a lqk b"),  # charset designation (nF)
        ("a \x1b7saved\x1b8 b", "a saved b"),  # DECSC / DECRC (Fp)
        ("a \x1bc b", "a  b"),  # RIS: full terminal reset (Fs)
        ("x\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x1a\x1c\x1f\x7fy", "xy"),  # lone C0
        ("x\x85\x8d\x8e\x9a\x9cy", "xy"),  # lone C1 (NEL, RI, SS2, SCI, ST)
        ("ends with ESC\x1b", "ends with ESC"),
    ],
)
def test_whole_escape_sequences_are_removed(hostile: str, expected: str) -> None:
    assert clean(hostile) == expected


def test_newlines_kept_unless_single_line() -> None:
    assert clean("a\r\nb\n\tc\rd") == "a\nb\n\tc\nd"
    assert clean("a\r\nb\n\tc", single_line=True) == "a b c"


def test_rich_markup_is_left_as_text_for_rich_text_objects() -> None:
    # markup is not a control sequence: it survives clean() and is printed via rich Text
    assert clean("[bold red]hi[/]") == "[bold red]hi[/]"


_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Text an attacker controls, with the sequence introducers and terminators made common
_HOSTILE = st.text(
    st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from("\x1b\x07\x9b\x9c\x9d\x90\x9e\x9f\x98[]P^_X\\;0123456789m\n\t\r"),
    ),
    max_size=80,
)
_PLAIN = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")).filter(lambda c: c not in _BIDI)
    | st.sampled_from("\n\t"),
    max_size=80,
)


def _controls(text: str) -> list[str]:
    return [c for c in text if unicodedata.category(c) == "Cc" and c not in "\t\n" or c in _BIDI]


@settings(max_examples=400, deadline=None)
@given(_HOSTILE)
def test_no_control_character_survives(text: str) -> None:
    out = clean(text)
    assert _controls(out) == []
    assert clean(out) == out  # removing a sequence never forms a new one
    single = clean(text, single_line=True)
    assert "\n" not in single
    assert "\t" not in single


@settings(max_examples=300, deadline=None)
@given(_PLAIN)
def test_plain_text_is_unchanged(text: str) -> None:
    assert clean(text) == text
