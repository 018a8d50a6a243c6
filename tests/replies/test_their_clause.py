"""their_clause.py: whether the customer's problem clause can be said back as ours."""

from __future__ import annotations

import pytest

from triage.replies.their_clause import _SAYS_NOTHING, cut_mid_phrase, their_clause


@pytest.mark.parametrize(
    ("problem", "text", "cut"),
    [
        (
            "the Authenticator app didn't move my work",
            "I got a new phone and the Authenticator app didn't move my work account across.",
            True,
        ),
        ("the scanner stopped working", "the scanner stopped working yesterday.", False),
        ("the scanner stopped working", "the scanner stopped working and nobody came.", False),
        ("the scanner stopped working", "the scanner stopped working.", False),
        ("the scanner stopped", "Since Monday the scanner stopped responding to the PC.", True),
        ("not in the email", "the scanner stopped working.", False),
        # the reader lower-cases a sentence's first word; a time phrase it drops is no cut
        ("the scanner stopped", "The scanner stopped responding to the PC.", True),
        ("the phone stopped ringing", "Hi, the phone stopped ringing last week.", False),
        ("the server went down", "the server went down overnight.", False),
    ],
)
def test_a_problem_clause_cut_inside_a_phrase_is_seen(problem: str, text: str, cut: bool) -> None:
    assert cut_mid_phrase(problem, text) is cut


@pytest.mark.parametrize(
    ("clause", "says_nothing"),
    [
        ("I have a strange problem", True),  # judges: "'a strange problem' restates nothing"
        ("there's an issue", True),
        ("we have a big problem", True),
        ("we have a big problem with the printer", False),
        ("the printer has a problem feeding paper", False),
        ("I have no internet", False),
        ("you've got a strange problem", True),
        ("you have a printer problem", False),  # names the printer
    ],
)
def test_a_clause_that_names_no_thing_is_not_said_back(clause: str, says_nothing: bool) -> None:
    assert bool(_SAYS_NOTHING.search(clause)) is says_nothing


def test_a_clean_clause_is_said_back_in_our_words_and_a_cut_one_is_not() -> None:
    assert their_clause("my printer won't print", "my printer won't print at all") == (
        "your printer won't print"
    )
    assert their_clause("none have the T", "none have the T drive mapped") is None
