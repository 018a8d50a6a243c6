"""Customer words made safe to place in ours (triage/replies/ourwords.py)."""

from __future__ import annotations

import pytest

from triage.replies.ourwords import lower_first, polish, shouts, unsafe_verbatim


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a post's tags and mentions are not words to say back
        ("I want my $13 back #lyingdriver #theft", "I want my $13 back"),
        ("@AppleSupport my screen is green", "my screen is green"),
        # links and addresses are named, not pasted
        ("see https://example.com/x for the error", "see the link for the error"),
        # control characters cannot reorder our reply
        ("printer\u202e jammed", "printer jammed"),
        # a list item loses the word that joined it to the next one
        (
            "Confirm whether a new certificate will be used from 14:00 tomorrow, and",
            "Confirm whether a new certificate will be used from 14:00 tomorrow",
        ),
        ("Reset the PIN; or", "Reset the PIN"),
        # ... but a clause that ends in its own particle keeps it
        ("the light flickers on and off", "the light flickers on and off"),
    ],
)
def test_polish_keeps_only_words_safe_to_say_back(text: str, expected: str) -> None:
    assert polish(text) == expected


def test_a_name_keeps_its_capital_and_a_sentence_loses_it() -> None:
    assert lower_first("The printer jams") == "the printer jams"
    assert lower_first("VPN is down") == "VPN is down"
    assert lower_first("Wi-Fi is dropping") == "Wi-Fi is dropping"  # a name with inner capitals
    assert lower_first("OneDrive stopped") == "OneDrive stopped"
    assert lower_first("I can't log in") == "I can't log in"


def test_shouting_is_seen_but_a_code_is_not() -> None:
    assert shouts("FIX IT NOW")
    assert not shouts("error STA-LT-1184 on the VPN")


def test_initialisms_written_in_lower_case_are_spelled_as_they_are() -> None:
    from triage.replies.ourwords import spelled

    assert spelled("the tv doesn't show the cctv footage or the csv") == (
        "the TV doesn't show the CCTV footage or the CSV"
    )
    # words that are also initialisms stay words; a name inside a word or path is left alone
    assert spelled("it wants a pin for the sim") == "it wants a pin for the sim"
    assert spelled("report.pdf and tvshow") == "report.pdf and tvshow"


@pytest.mark.parametrize(
    ("text", "unsafe"),
    [
        ("Can we get the invoice split by cost centre?", False),
        ("Order 5523 arrived without its charger", False),  # a short number is fine
        ("See https://status.example.com for the outage", True),
        ("Reply to ops@example.com instead", True),
        ("Set it to `true` in the config", True),
        ("Refund card 4929123456781234", True),
        ("Please add 203.0.113.58 to the allow list", False),  # an IP address they ask about
        ("Ring me on 06.12.34.56.78", True),  # five groups: a phone number
        ("Fix it today or we're cancelling", True),
        ("Sort it out, you clowns", True),
        ("FIX THE PRINTER NOW", True),
    ],
)
def test_words_said_back_as_written_keep_out_links_code_numbers_threats_insults(
    text: str, unsafe: bool
) -> None:
    assert unsafe_verbatim(text) is unsafe


def test_outlook_is_spelled_as_the_product_but_not_as_the_word() -> None:
    from triage.replies.ourwords import spelled

    assert spelled("my outlook keeps crashing") == "my Outlook keeps crashing"
    assert spelled("the outlook for the migration") == "the outlook for the migration"
