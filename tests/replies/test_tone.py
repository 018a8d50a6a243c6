from __future__ import annotations

from pathlib import Path

import pytest

from triage.errors import ConfigError
from triage.replies.tone import check, errors
from triage.replies.tone_config import RULES, ToneConfig, load_tone_config

DATA = Path(__file__).resolve().parents[1] / "data"
WHOLE_REPLY_RULES = {"missing-name", "missing-callback", "order"}
CONFIG = ToneConfig()


def _bad_items() -> list[tuple[str, str]]:
    items = []
    for line in (DATA / "tone_bad.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rule, text = (part.strip() for part in line.split("|", 1))
            items.append((rule, text.replace("\\n", "\n")))
    return items


def _good_items() -> list[str]:
    lines = [
        ln
        for ln in (DATA / "tone_good.txt").read_text(encoding="utf-8").splitlines()
        if not ln.startswith("#")
    ]
    return [item.strip() for item in "\n".join(lines).split("\n---\n") if item.strip()]


BAD = _bad_items()
GOOD = _good_items()


def test_lists_are_big_enough_and_cover_every_phrase_rule() -> None:
    assert len(BAD) >= 30
    assert len(GOOD) >= 30
    assert {"non-apology", "blame", "jargon", "vague-time", "over-cheer"} <= {
        rule for rule, _ in BAD
    }
    assert {rule for rule, _ in BAD} <= set(RULES)


@pytest.mark.parametrize(("rule", "text"), BAD, ids=[f"{i}-{r}" for i, (r, _) in enumerate(BAD)])
def test_bad_phrase_is_flagged_with_its_rule(rule: str, text: str) -> None:
    findings = check(text, frustration=3, config=CONFIG, whole_reply=rule in WHOLE_REPLY_RULES)
    flagged = [f for f in findings if f.rule == rule]
    assert flagged, f"{rule} not flagged in {text!r}: {findings}"
    for f in flagged:
        assert 0 <= f.start <= f.end <= len(text)
        assert f.message
        assert f.suggestion


@pytest.mark.parametrize("text", GOOD, ids=[t.splitlines()[0] for t in GOOD])
def test_good_reply_passes_with_no_finding(text: str) -> None:
    assert check(text, frustration=3, config=CONFIG) == []


def test_finding_span_points_at_the_phrase() -> None:
    text = "Hi Ana,\nWe apologise for any inconvenience. You'll hear from us by 15:00 today."
    (finding,) = [f for f in check(text, frustration=2, config=CONFIG) if f.rule == "non-apology"]
    assert "inconvenience" in text[finding.start : finding.end]
    assert finding.severity == "error"


def test_jargon_explained_in_the_same_sentence_is_fine() -> None:
    explained = "Clear the cache, which is the store of page copies your browser keeps."
    assert check(explained, config=CONFIG, whole_reply=False) == []
    # ... but explaining it in another sentence does not count
    split = "Clear the cache. It is the store of page copies your browser keeps."
    assert [f.rule for f in check(split, config=CONFIG, whole_reply=False)] == ["jargon"]


def test_vague_word_is_fine_next_to_a_concrete_time() -> None:
    text = "I'll update you by 14:30 today, sooner if it's fixed before then, and as soon as I know more."
    assert check(text, frustration=3, config=CONFIG, whole_reply=False) == []


def test_cheer_depends_on_frustration() -> None:
    text = "Great question! Here's how."
    assert check(text, frustration=0, config=CONFIG, whole_reply=False) == []
    assert {f.severity for f in check(text, frustration=1, config=CONFIG, whole_reply=False)} == {
        "warning"
    }
    assert {
        f.severity for f in check(text, frustration=None, config=CONFIG, whole_reply=False)
    } == {"warning"}
    assert {f.severity for f in check(text, frustration=2, config=CONFIG, whole_reply=False)} == {
        "error"
    }


def test_greeting_must_use_the_known_name_and_never_an_address() -> None:
    reply = "Hello,\nI'll call you by 10:00 tomorrow."
    assert check(reply, config=CONFIG) == []  # neutral greeting when no name is known
    assert [f.rule for f in check(reply, config=CONFIG, name="Priya Raman")] == ["missing-name"]
    named = "Hi Priya,\nI'll call you by 10:00 tomorrow."
    assert check(named, config=CONFIG, name="Priya Raman") == []
    address = check("Hi priya@example.com,\nI'll call you by 10:00 tomorrow.", config=CONFIG)
    assert [(f.rule, f.severity) for f in address] == [("missing-name", "error")]


def test_a_bracketed_placeholder_is_an_error_in_a_draft_and_before_sending() -> None:
    # what the agent must add is metadata on the suggestion, never text in the reply
    text = "Hi Ana,\nI'll call you by 10:00 tomorrow.\n[Describe the fix]"
    for final in (False, True):
        assert [(f.rule, f.severity) for f in check(text, config=CONFIG, final=final)] == [
            ("placeholder", "error")
        ]


@pytest.mark.parametrize(
    "text",
    [
        "I can see you've already been in touch with us about this.",
        "I know this isn't the first time you've had to contact us.",
        "I'm sorry you've had to chase us.",
        "As I said in your last email, it is being looked at.",
        "Our records show the previous ticket was closed.",
    ],
)
def test_earlier_contact_is_an_error_only_when_none_is_known(text: str) -> None:
    def rules(prior: bool | None) -> list[tuple[str, str]]:
        found = check(text, config=CONFIG, whole_reply=False, prior_contact=prior)
        return [(f.rule, f.severity) for f in found if f.rule == "earlier-contact"]

    assert rules(False) == [("earlier-contact", "error")]
    assert rules(True) == []
    assert rules(None) == []  # unknown (an agent's edit of an old draft): not checked


@pytest.mark.parametrize(
    "text",
    [
        "We'll refund the full amount.",
        "You will get a full refund by Friday.",
        "I guarantee it will be working tomorrow.",
        "It will be fixed by 14:00 today.",
        "We will change the policy for you.",
        "I promise this won't happen again.",
    ],
)
def test_a_promise_of_an_outcome_is_an_error(text: str) -> None:
    found = check(text, config=CONFIG, whole_reply=False)
    assert "outcome-promise" in [f.rule for f in errors(found)]


def test_promises_the_desk_controls_are_fine() -> None:
    text = (
        "We've passed your refund request to our accounts team; we can't promise the outcome, "
        "but you'll have their decision by 14:00 today. Once it's fixed, we'll check in on Friday."
    )
    assert check(text, config=CONFIG, whole_reply=False) == []


@pytest.mark.parametrize(
    "text",
    [
        "I'm sorry, this was our fault.",
        "This shouldn't have happened: our systems were breached.",
        "We are responsible for the leak.",
        "Your data was stolen from the billing system.",
        "This was caused by an old password.",
    ],
)
def test_liability_and_guesses_are_errors_in_a_security_case_only(text: str) -> None:
    security = check(text, config=CONFIG, whole_reply=False, security=True)
    assert "liability" in [f.rule for f in errors(security)]
    other = check(text, config=CONFIG, whole_reply=False)
    assert "liability" not in [f.rule for f in other]


def test_unfilled_template_field_is_an_error() -> None:
    assert errors(check("Hi {first_name},", config=CONFIG, whole_reply=False))


def test_config_turns_rules_off_changes_lists_and_severities() -> None:
    config = load_tone_config(
        {
            "disabled": ["blame"],
            "jargon_extra": ["hypervisor"],
            "vague_times": ["by and by"],
            "severity": {"jargon": "error"},
        }
    )
    assert check("Obviously it is broken.", config=config, whole_reply=False) == []
    assert [
        (f.rule, f.severity)
        for f in check("The hypervisor crashed.", config=config, whole_reply=False)
    ] == [("jargon", "error")]
    assert check("We'll fix it soon.", config=config, whole_reply=False) == []  # list replaced
    assert [f.rule for f in check("We'll fix it by and by.", config=config, whole_reply=False)] == [
        "vague-time"
    ]


def test_regex_entries_and_curly_apostrophes() -> None:
    config = load_tone_config({"blame": ["re:\\bRTFM\\b", "you should’ve"]})
    assert [f.rule for f in check("rtfm", config=config, whole_reply=False)] == ["blame"]
    assert [f.rule for f in check("You should've asked.", config=config, whole_reply=False)] == [
        "blame"
    ]


@pytest.mark.parametrize(
    "table",
    [{"disabled": ["politeness"]}, {"severity": {"blame": "fatal"}}, {"colour": "blue"}],
)
def test_bad_tone_config_is_a_config_error(table: dict[str, object]) -> None:
    with pytest.raises(ConfigError, match=r"\[tone\]"):
        load_tone_config(table, "config/replies.toml")


def test_order_keys_on_promises_and_offers_not_on_words_the_customer_used() -> None:
    # a time the customer mentioned and "anything else" in a statement are not the plan / close
    text = (
        "Hi Ana,\nI understand your laptop has been off since 9:00 and you haven't touched anything else. "
        "I'm sorry. I'll call you by 11:00 today.\n1. Plug it in.\n2. Hold the power button.\n"
        "Is there anything else I can help with?"
    )
    assert check(text, frustration=2, config=CONFIG) == []
