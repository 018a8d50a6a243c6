"""Newest text vs quoted history vs signature (triage/parse/quotes.py)."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from triage.parse.quotes import signature_name, split_reply


def test_gmail_attribution_and_quoted_lines() -> None:
    text = (
        "The printer is still jammed.\n\n"
        "On Fri, 31 May 2024 at 16:02, Help Desk <helpdesk@example.org> wrote:\n"
        "> We will send someone on Monday.\n"
        "> Help Desk\n"
    )
    newest, quoted, signature = split_reply(text)
    assert newest == "The printer is still jammed."
    assert quoted.startswith("On Fri, 31 May 2024")
    assert quoted.endswith("> Help Desk")
    assert signature == ""


def test_attribution_wrapped_over_two_lines() -> None:
    text = (
        "Still broken.\n\nOn Fri, 31 May 2024 at 16:02, Help Desk\n<helpdesk@example.org> wrote:\n"
        "> old\n"
    )
    newest, quoted, _ = split_reply(text)
    assert newest == "Still broken."
    assert quoted.splitlines()[0] == "On Fri, 31 May 2024 at 16:02, Help Desk"
    assert "> old" in quoted


@pytest.mark.parametrize(
    "attribution",
    [
        "Am 31.05.2024 um 16:02 schrieb Help Desk <helpdesk@example.org>:",
        "Le ven. 31 mai 2024 à 16:02, Help Desk <helpdesk@example.org> a écrit :",
        "El vie, 31 may 2024 a las 16:02, Help Desk (<helpdesk@example.org>) escribió:",
        "Op vr 31 mei 2024 om 16:02 schreef Help Desk <helpdesk@example.org>:",
    ],
)
def test_non_english_attributions_cut_history_even_without_quote_marks(attribution: str) -> None:
    newest, quoted, _ = split_reply(f"Neue Nachricht.\n\n{attribution}\nalte Nachricht\n")
    assert newest == "Neue Nachricht."
    assert quoted == f"{attribution}\nalte Nachricht"


def test_outlook_original_message() -> None:
    text = "Any news?\n\n-----Original Message-----\nFrom: Help Desk\nSent: Monday\n\nWe are on it."
    assert split_reply(text) == (
        "Any news?",
        "-----Original Message-----\nFrom: Help Desk\nSent: Monday\n\nWe are on it.",
        "",
    )


def test_outlook_header_block_without_banner() -> None:
    text = (
        "Any news?\n\nFrom: Help Desk <hd@example.org>\nSent: Monday, June 3, 2024 10:02 AM\n"
        "To: Me <me@example.com>\nSubject: RE: ticket\n\nWe are on it."
    )
    newest, quoted, _ = split_reply(text)
    assert newest == "Any news?"
    assert quoted.startswith("From: Help Desk")
    assert quoted.endswith("We are on it.")


def test_a_from_line_alone_is_not_a_header_block() -> None:
    text = "From: the third floor, nobody can print.\nPlease hurry."
    assert split_reply(text)[0] == text


def test_outlook_underscore_rule() -> None:
    text = "Any news?\n\n________________________________\nFrom: Help Desk\nSent: Monday\n\nold"
    newest, quoted, _ = split_reply(text)
    assert newest == "Any news?"
    assert quoted.startswith("________________________________")


def test_inline_answers_between_quoted_blocks_are_newest() -> None:
    text = "> Did you restart it?\nYes, twice.\n\n> Which model?\nHP 4000\n"
    newest, quoted, _ = split_reply(text)
    assert newest == "Yes, twice.\n\nHP 4000"
    assert quoted == "> Did you restart it?\n> Which model?"


def test_forward_note_is_newest_and_forwarded_mail_is_history() -> None:
    text = (
        "FYI, this is blocking payroll.\n\n---------- Forwarded message ---------\n"
        "From: Bob <bob@example.com>\nDate: Mon, 3 Jun 2024\nSubject: x\n\nforwarded text\n"
    )
    newest, quoted, _ = split_reply(text)
    assert newest == "FYI, this is blocking payroll."
    assert quoted.startswith("---------- Forwarded message ---------")
    assert quoted.endswith("forwarded text")


def test_forward_without_note_keeps_everything_as_newest() -> None:
    text = "Begin forwarded message:\n\nFrom: Bob\nSubject: x\n\nThe server is down."
    assert split_reply(text) == (text, "", "")


def test_everything_quoted_returns_the_whole_text() -> None:
    text = "> all of it\n> is quoted"
    assert split_reply(text) == (text, "", "")


def test_empty_text() -> None:
    assert split_reply("") == ("", "", "")
    assert split_reply(" \n\n ") == ("", "", "")


def test_dash_dash_signature() -> None:
    newest, _, signature = split_reply("VPN is down.\n-- \nJohn Doe\nACME Corp, Floor 2")
    assert newest == "VPN is down."
    assert signature == "-- \nJohn Doe\nACME Corp, Floor 2"
    assert signature_name(signature) == "John Doe"


def test_mobile_footer_is_signature_without_name() -> None:
    newest, _, signature = split_reply("VPN is down.\n\nSent from my iPhone")
    assert (newest, signature) == ("VPN is down.", "Sent from my iPhone")
    assert signature_name(signature) is None


def test_sign_off_block_keeps_the_name_detectable() -> None:
    text = "The printer is jammed again.\n\nThanks,\nPriya\nInbound Team, Bay 3"
    newest, _, signature = split_reply(text)
    assert newest == "The printer is jammed again."
    assert signature == "Thanks,\nPriya\nInbound Team, Bay 3"
    assert signature_name(signature) == "Priya"


def test_sign_off_and_name_on_one_line() -> None:
    newest, _, signature = split_reply("Hi,\nthe VPN fails.\n\nCheers, Tom")
    assert newest == "Hi,\nthe VPN fails."
    assert signature_name(signature) == "Tom"


def test_bare_name_paragraph_is_a_signature() -> None:
    newest, _, signature = split_reply(
        "Please fix the printer.\n\nMargaret Hughes\nPractice Manager"
    )
    assert newest == "Please fix the printer."
    assert signature_name(signature) == "Margaret Hughes"


def test_short_last_paragraph_that_is_not_a_name_stays() -> None:
    text = "It fails every morning.\n\nPlease Help"
    assert split_reply(text) == (text, "", "")


def test_sign_off_far_from_the_end_is_not_a_signature() -> None:
    text = "Thanks,\n" + "\n".join(f"line {i} of the problem report." for i in range(8))
    assert split_reply(text)[2] == ""


def test_a_message_that_is_only_a_sign_off_is_kept() -> None:
    assert split_reply("Thanks") == ("Thanks", "", "")


def test_sentence_with_wrote_is_not_an_attribution() -> None:
    text = "On Monday I wrote to you and nobody answered.\nThe laptop still does not boot."
    assert split_reply(text)[0] == text


def test_signature_then_quote() -> None:
    text = (
        "Works now, thank you!\n\nBest regards,\nAnna Kowalska\n\n"
        "On Tue, 4 Jun 2024, 09:00 Help Desk <hd@example.org> wrote:\n> Try again now.\n"
    )
    newest, quoted, signature = split_reply(text)
    assert newest == "Works now, thank you!"
    assert signature_name(signature) == "Anna Kowalska"
    assert quoted.endswith("> Try again now.")


def test_crlf_input() -> None:
    newest, quoted, _ = split_reply("New.\r\n\r\n> old\r\n")
    assert (newest, quoted) == ("New.", "> old")


@pytest.mark.parametrize(
    "signature", ["", "Thanks,", "-- \n+1 555 0100", "Regards,\nIT Support Team 24/7"]
)
def test_signature_name_none_when_no_name(signature: str) -> None:
    assert signature_name(signature) is None


def test_split_is_fast_on_a_long_message() -> None:
    text = (
        ("Words words words, more words here.\n" * 2000)
        + "\nOn Mon, 3 Jun 2024, Bob wrote:\n"
        + ("> quoted line\n" * 2000)
    )
    start = time.perf_counter()
    newest, quoted, _ = split_reply(text)
    assert time.perf_counter() - start < 1.0
    assert newest.count("\n") == 1999
    assert quoted.count("> quoted line") == 2000


def test_sign_off_at_the_end_of_the_last_sentence() -> None:
    newest, _, signature = split_reply("Is there a setting to change? Thanks, Tendai")
    assert (newest, signature) == ("Is there a setting to change?", "Thanks, Tendai")
    assert signature_name(signature) == "Tendai"


def test_thanks_followed_by_words_is_not_a_sign_off() -> None:
    text = "The laptop is fixed.\n\nThanks for the quick help"
    assert split_reply(text) == (text, "", "")


def test_with_thanks_and_a_titled_name() -> None:
    text = "Please tell me either way.\n\nWith thanks,\nDr. Kwame Mensah\nHead of School"
    newest, _, signature = split_reply(text)
    assert newest == "Please tell me either way."
    assert signature_name(signature) == "Dr. Kwame Mensah"


def test_a_lone_initial_is_not_a_name() -> None:
    assert signature_name("Thanks,\nJ") is None


@pytest.mark.parametrize(
    ("signature", "name"),
    [
        ("Thank you,\nAnneke de Vries\nOffice Manager", "Anneke de Vries"),
        ("Thanks,\nSamuel Osei, CPA\nPartner", "Samuel Osei"),
        ("Yours sincerely,\nDorothy Haines (volunteer)", "Dorothy Haines"),
        ("Warm regards,\nThe Awards Committee", None),
        ("Cheers, - Tom", "Tom"),
    ],
)
def test_signature_name_variants(signature: str, name: str | None) -> None:
    assert signature_name(signature) == name


_LINES = st.lists(
    st.one_of(
        st.text(max_size=40),
        st.sampled_from(
            [
                "> quoted",
                "On Mon, 3 Jun 2024 Bob <b@x.org> wrote:",
                "-- ",
                "Thanks,",
                "Priya",
                "-----Original Message-----",
                "From: x",
                "Sent: y",
                "To: z",
                "",
                "Sent from my iPhone",
            ]
        ),
    ),
    max_size=15,
)


@settings(max_examples=200, deadline=None)
@given(_LINES)
def test_newest_is_never_empty_when_there_was_text(lines: list[str]) -> None:
    text = "\n".join(lines)
    newest, quoted, signature = split_reply(text)
    assert bool(newest.strip()) == bool(text.strip())
    assert split_reply(text) == (newest, quoted, signature)  # deterministic
