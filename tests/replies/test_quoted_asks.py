"""quoted_asks.py: which asks are quoted back as written, and how a list of them reads."""

from __future__ import annotations

import pytest

from triage.replies.quoted_asks import quotable, quoted_list


@pytest.mark.parametrize(
    ("ask", "quoted"),
    [
        ("What would it cost?", "What would it cost?"),
        ("And where has the old menu gone?", "Where has the old menu gone?"),
        ("Hey, can you fix it today?!", "Can you fix it today?"),  # no "!" of ours
        # only a question put as one: no statement taken for an ask, no guess
        ("Ran it at 7am, 1pm and 10pm today, all the same.", ""),
        ("I'm guessing it's now picking up the browser locale?", ""),
        # not quoted: too short to name anything, too long to quote, hostile or shouted
        ("What now?", ""),
        ("I'd like to understand why I, a customer of nine years, am paying more than anyone", ""),
        ("Is this some kind of joke?", ""),
        ("WHERE IS MY LAPTOP?", ""),
        # nor what no reply says back as written: a link, markup, a card number, a threat
        ("Could you add 203.0.113.58 for us today?", "Could you add 203.0.113.58 for us today?"),
        ("Can you check why www.example.com/reset fails?", ""),
        ("Is the <b>portal</b> down for everyone?", ""),
        ("Why did you charge card 4929 1234 5678 1234?", ""),
        ("Will you refund it, or I'll go to the bank?", ""),
        # nor a fragment, a jibe, venting or one shouted word: quoted, they mock
        ("I don't miss anything?", ""),
        ("I'm not cut off tomorrow?", ""),
        ("R you kidding me?", ""),
        ("Hiya my outlook keeps asking for my password?", ""),
        ("Kick it please?", ""),
        ("Invest in what, exactly?", ""),
        ("Did anyone actually test it??", ""),
        ("And now I'm to pay MORE for the privilege?", ""),
        ("Whether I could keep my current number?", "Whether I could keep my current number?"),
        # a question after the fragment, and a polite one, still ask (review)
        ("I'm not able to log in, can you help?", "I'm not able to log in, can you help?"),
        ("Could you send me the invoice please?", "Could you send me the invoice please?"),
        (
            "I don't suppose you could check the backup?",
            "I don't suppose you could check the backup?",
        ),
        # a statement put as a question is the point they want answered (paired judges)
        ("I thought you handled the renewals?", "I thought you handled the renewals?"),
    ],
)
def test_only_short_plain_asks_are_quoted(ask: str, quoted: str) -> None:
    assert quotable(ask) == quoted


def test_a_list_of_quotes_reads_as_one() -> None:
    assert quoted_list(["A?"]) == '"A?"'
    assert quoted_list(["A?", "B"]) == '"A?" and "B"'
    assert quoted_list(["A", "B", "C?"]) == '"A", "B" and "C?"'
