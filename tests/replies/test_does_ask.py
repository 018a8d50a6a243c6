"""does_ask.py: a "does"/"do" question said back with its verb agreeing."""

from __future__ import annotations

from triage.replies.does_ask import does_it, does_thing


def test_the_verb_agrees_with_the_thing() -> None:
    assert does_thing("Does the backup keep deleted files") == (
        "whether the backup keeps deleted files"
    )
    assert does_thing("Do the new laptops have webcams") == "whether the new laptops have webcams"
    assert does_thing("Does the policy apply to contractors") == (
        "whether the policy applies to contractors"
    )


def test_no_safe_word_order_gives_none() -> None:
    assert does_thing("Does the email list include contractors") is None  # "list" is a noun
    assert does_thing("Does the printer I use not print colour") is None


def test_does_it_keeps_its_adverb_before_the_verb() -> None:
    assert does_it("it", "still sync overnight") == "whether it still syncs overnight"
    assert does_it("it", "not sync") is None
    assert does_it("she", "need a licence") is None
