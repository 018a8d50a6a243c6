"""Language identification by fastText's bundled lid.176 model."""

from __future__ import annotations

import pytest

from triage.reading.language import LanguageGuesser, clean_for_language


@pytest.fixture(scope="module")
def guesser() -> LanguageGuesser:
    return LanguageGuesser()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("My VPN has not connected since this morning, error 809.", "en"),
        ("Guten Tag, mein Drucker funktioniert seit gestern nicht mehr.", "de"),
        ("Bonjour, je n'arrive plus à me connecter à ma messagerie.", "fr"),
        ("fireTVstickとルーターの両方を再起動してみた", "ja"),
    ],
)
def test_languages(guesser: LanguageGuesser, text: str, code: str) -> None:
    assert guesser.guess(text) == code


def test_too_short_to_tell_is_the_desks_language() -> None:
    assert LanguageGuesser(default="de").guess("ok 👍") == "de"


def test_handles_links_and_addresses_are_not_language() -> None:
    line = clean_for_language("@AmazonHelp see https://t.co/x or mail a@b.example\n #fail now")
    assert line == "see or mail now"
