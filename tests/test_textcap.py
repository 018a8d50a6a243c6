"""Capping untrusted text before it reaches the terminal (triage/textcap.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from triage.textcap import cap_text, clean_chunks


def test_short_text_is_whole() -> None:
    c = cap_text("a\nb\n", max_lines=5, max_line_chars=10, max_chars=100)
    assert (c.text, c.more_lines, c.cut_lines, c.truncated) == ("a\nb", 0, 0, False)


def test_lines_over_the_cap_are_counted_not_kept() -> None:
    text = "".join(f"line {n}\n" for n in range(1000))
    c = cap_text(text, max_lines=10, max_line_chars=100, max_chars=10_000)
    assert c.text.splitlines() == [f"line {n}" for n in range(10)]
    assert c.more_lines == 990
    assert c.truncated


def test_one_long_line_is_cut_and_marked() -> None:
    c = cap_text("x" * 2_200_000, max_lines=10, max_line_chars=100, max_chars=10_000)
    assert c.text == "x" * 100 + "…"
    assert (c.more_lines, c.cut_lines) == (0, 1)


def test_the_character_budget_stops_early() -> None:
    c = cap_text(("y" * 90 + "\n") * 50, max_lines=100, max_line_chars=100, max_chars=200)
    assert len(c.text.replace("\n", "")) <= 201
    assert c.more_lines + len(c.text.splitlines()) == 50


@given(
    st.text(alphabet="ab\n", max_size=300),
    st.integers(1, 8),
    st.integers(1, 20),
    st.integers(1, 60),
)
def test_nothing_shown_is_over_the_caps_and_every_line_is_accounted_for(
    text: str, max_lines: int, max_line_chars: int, max_chars: int
) -> None:
    c = cap_text(text, max_lines=max_lines, max_line_chars=max_line_chars, max_chars=max_chars)
    shown = c.text.split("\n") if c.text or text.startswith("\n") else []
    total = len(text.split("\n")) - (1 if text.endswith("\n") else 0) if text else 0
    assert len(shown) <= max_lines
    assert all(len(line) <= max_line_chars + 1 for line in shown)
    assert len(shown) + c.more_lines == total
    assert c.truncated == (c.more_lines > 0 or c.cut_lines > 0)


def test_clean_chunks_strip_escapes_across_chunk_edges() -> None:
    text = ("ok \x1b[31mred\x1b[0m \x1b]0;pwned\x07 done\n" * 5000) + "END"
    out = "".join(clean_chunks(text, size=7))
    assert "\x1b" not in out
    assert "\x07" not in out
    assert out.endswith("END")
    assert out.count("\n") == 5000
