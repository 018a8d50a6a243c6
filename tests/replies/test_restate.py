from __future__ import annotations

import pytest

from triage.replies.restate import restate, restatements, swap_pronouns


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I can't print", "you can't print"),
        ("My VPN keeps dropping me", "your VPN keeps dropping you"),
        ("Your app deleted my files", "our app deleted your files"),
        ("I emailed you twice and you never replied", "you emailed us twice and we never replied"),
        ("I am locked out and I was told to wait", "you are locked out and you were told to wait"),
        ("We've lost our shared drive", "you've lost your shared drive"),
        ('The screen says "I am broken" now', 'The screen says "I am broken" now'),
    ],
)
def test_pronouns_are_turned_around(text: str, expected: str) -> None:
    assert swap_pronouns(text) == expected


def test_picks_the_problem_sentence_not_the_greeting_or_thanks() -> None:
    text = "Hi IT,\n\nHope you're well. My laptop won't turn on since this morning. Thanks for any help!\n\nCheers,"
    assert restate(text) == "your laptop won't turn on since this morning"


def test_shouting_is_not_shouted_back_but_acronyms_stay() -> None:
    assert restate("MY VPN HAS BEEN DOWN ALL DAY!!!") == "your VPN has been down all day"


def test_insults_and_threats_are_not_restated() -> None:
    text = "You are all incompetent. I will call my lawyer. The printer on floor 2 is jammed again."
    assert restate(text) == "the printer on floor 2 is jammed again"


def test_requests_become_what_the_customer_would_like() -> None:
    assert (
        restate("Could someone reset my password for me please?")
        == "you'd like us to reset your password for you please"
    )


def test_questions_become_what_they_want_to_know() -> None:
    assert restate("Why does every login screen now show a lighthouse?") == (
        "you'd like to know why does every login screen now show a lighthouse"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Is there a way to see how much storage our mailbox has left?",
            "you'd like to know whether there is a way to see how much storage your mailbox has left",
        ),
        (
            "Do you offer any nonprofit discount?",
            "you'd like to know whether we offer any nonprofit discount",
        ),
        (
            "Am I able to reset it myself?",
            "you'd like to know whether you are able to reset it yourself",
        ),
        ("Is my account still active?", None),  # no safe word order: neutral sentence instead
    ],
)
def test_yes_no_questions(text: str, expected: str | None) -> None:
    assert restate(text) == expected


def test_quoted_error_messages_are_kept_verbatim_and_not_chosen_as_the_problem() -> None:
    text = (
        "The MSc group (six students, list below again) still cannot open the Fieldwork folder. "
        'They get "You don\'t have permission to access this folder".'
    )
    assert restate(text) == "the MSc group still cannot open the Fieldwork folder"
    assert restate('My screen says "You are not allowed" and I cannot log in.') == (
        'your screen says "You are not allowed" and you cannot log in'
    )


def test_untrusted_markup_and_links_are_removed() -> None:
    out = restate(
        "My {desk} page at https://evil.example/x shows [Describe the fix] and won't load."
    )
    assert out is not None
    for bad in ("{", "}", "[", "]", "http"):
        assert bad not in out


def test_long_sentence_is_cut_at_a_clause_boundary() -> None:
    text = (
        "My laptop will not connect to the office Wi-Fi on the third floor, even though it worked on Friday and "
        "my colleague next to me has no trouble at all with the same network and the same type of laptop."
    )
    out = restate(text)
    assert out == "your laptop will not connect to the office Wi-Fi on the third floor"


@pytest.mark.parametrize("text", ["", "Thanks", "Hi,\n\nCheers,\nSam", "ok", "👍"])
def test_nothing_usable_gives_none(text: str) -> None:
    assert restate(text) is None
    assert list(restatements(text)) == []


def test_capitals_outside_shouting_are_kept() -> None:
    assert restate("At the moment I only have my 100GB home drive and the HR portal is down.") == (
        "at the moment you only have your 100GB home drive and the HR portal is down"
    )
    assert restate("I have had this photo for ELEVEN YEARS and now the wallpaper is gone.") == (
        "you have had this photo for eleven years and now the wallpaper is gone"
    )


def test_invisible_and_bidi_characters_are_dropped() -> None:
    assert (
        restate("I can't print\u200b \u202eanything\u202c today.")
        == "you can't print anything today"
    )
