"""bench/reply_checks.py: the mechanical checks on drafts (copied runs, placeholders, stock lines)."""

from __future__ import annotations

from bench.reply_checks import (
    Draft,
    ack_sentences,
    copies_run,
    has_placeholder,
    longest_shared_run,
    mechanical,
    placeholders,
    words,
)

EMAIL = (
    "Hi IT,\n\nMy password expired over the weekend and the self-service reset page keeps "
    "telling me my security answers don't match.\n\nThanks, Priya"
)


def test_words_fold_case_and_apostrophes() -> None:
    assert words("Don’t MATCH, self-service!") == ["don't", "match", "self", "service"]


def test_longest_shared_run() -> None:
    assert longest_shared_run("a b c d".split(), "x b c d y".split()) == 3
    assert longest_shared_run([], ["a"]) == 0
    assert longest_shared_run("a b a b c".split(), "a b c".split()) == 3


def test_nine_words_in_a_row_is_a_copy() -> None:
    # "my password expired over the weekend and the self": nine of the email's words in a row
    ack = "I read that my password expired over the weekend and the self checkout broke."
    assert longest_shared_run(words(ack), words(EMAIL)) == 9
    assert copies_run(ack, EMAIL)


def test_eight_words_in_a_row_is_not_a_copy() -> None:
    ack = "I read that my password expired over the weekend and the reset failed."
    assert longest_shared_run(words(ack), words(EMAIL)) == 8
    assert not copies_run(ack, EMAIL)
    assert copies_run(ack, EMAIL, n=8)


def test_copy_ignores_case_and_punctuation_but_not_pronoun_swaps() -> None:
    ack = "THE SELF-SERVICE RESET PAGE KEEPS TELLING ME, MY SECURITY ANSWERS DON'T MATCH"
    assert copies_run(ack, EMAIL)
    swapped = "the reset page keeps telling you your security answers don't match"
    assert longest_shared_run(words(swapped), words(EMAIL)) == 4  # "the reset page keeps"
    assert not copies_run(swapped, EMAIL)


def test_placeholder_detection() -> None:
    draft = "Hi,\n\n[Describe the fix]\n[Agent: no entry matched. Write the fix here.]\n\nBest"
    assert has_placeholder(draft)
    assert placeholders(draft) == [
        "[Describe the fix]",
        "[Agent: no entry matched. Write the fix here.]",
    ]
    assert has_placeholder("an unclosed [ bracket")
    assert not has_placeholder("1. Restart the router (the one with the lights).")
    assert placeholders("no brackets") == []


def test_ack_sentences_drop_greeting_and_mask_name_and_digits() -> None:
    ack = (
        "Hi Priya,\n\nThank you, Priya, for writing. I'm sorry about this! "
        "It has been down for 3 days? We'll fix it."
    )
    assert ack_sentences(ack, "Priya Raman") == [
        "Thank you, {name}, for writing.",
        "I'm sorry about this!",
        "It has been down for # days?",
        "We'll fix it.",
    ]
    assert ack_sentences("Hello there,\n\nThanks.") == ["Thanks."]
    assert ack_sentences("Dear Dr Okonjo,\nSorry.", "Dr Marguerite Okonjo") == ["Sorry."]


def _draft(i: int, ack: str, text: str = "", email: str = "x") -> Draft:
    return Draft(id=f"d{i}", email=email, text=text or ack, acknowledge=ack, name=None)


def test_mechanical_counts_and_shares() -> None:
    stock = "Thank you for the clear description; it helps a lot."
    drafts = [
        _draft(0, f"Hi,\n\nYour printer jams. {stock}", "[Describe the fix] and more"),
        _draft(1, f"Hi,\n\nThe VPN drops. {stock}"),
        _draft(
            2,
            "Hi,\n\nThe password expired over the weekend and the self-service reset page keeps",
            email=EMAIL,
        ),
        *(_draft(i, f"Hi,\n\nA unique line number {chr(97 + i)}.") for i in range(3, 20)),
    ]
    m = mechanical(drafts, no_draft=["z9", "z1"])
    assert m["drafts"] == 20
    assert m["no_draft"] == ["z1", "z9"]
    assert m["placeholder"] == {
        "drafts": 1,
        "share": 0.05,
        "spans": {"[Describe the fix]": 1},
        "ids": ["d0"],
    }
    assert m["ack_copies_9_words"]["ids"] == ["d2"]
    top = m["ack_sentences_top"]
    assert top[0] == {"sentence": stock, "drafts": 2, "share": 0.1}
    assert m["ack_sentences_over_10pct"] == 0  # 10 % exactly is not over
    m2 = mechanical([*drafts[:2], _draft(99, f"Hi,\n\n{stock}")] + drafts[3:])
    assert m2["ack_sentences_over_10pct"] == 1  # 3 of 20


def test_mechanical_counts_a_sentence_once_per_draft() -> None:
    d = _draft(0, "Hi,\n\nSorry. Sorry.")
    assert mechanical([d])["ack_sentences_top"] == [
        {"sentence": "Sorry.", "drafts": 1, "share": 1.0}
    ]
