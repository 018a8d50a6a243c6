"""The [[things]] and [[troubles]] tables are checked when the file is loaded."""

from __future__ import annotations

from typing import Any

import pytest

from triage.errors import ConfigError
from triage.replies.rules import load_rules
from triage.replies.vocabulary import load_vocabulary

THING = {"id": "printer", "words": "printers?", "group": "printer"}
TROUBLE = {"id": "jam", "words": r"jam\w*", "say": ["keeps jamming", "keep jamming"]}


def test_a_vocabulary_loads_into_frozen_values() -> None:
    v = load_vocabulary({"things": [THING], "troubles": [{**TROUBLE, "groups": ["printer"]}]})
    assert v.things[0].words.search("the PRINTERS upstairs")
    assert v.troubles[0].say == ("keeps jamming", "keep jamming")
    assert v.troubles[0].groups == frozenset({"printer"})
    assert v.troubles[0].again
    assert v.team_of("printer") == ""
    owned = load_vocabulary({"things": [{**THING, "team": "desktop support team"}]})
    assert owned.team_of("printer") == "desktop support team"
    assert owned.team_of("fax") == ""


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"things": [{**THING, "words": "printer("}]}, "not a valid regular expression"),
        ({"things": [{"id": "x"}]}, "needs `id` and `words`"),
        ({"things": [{**THING, "colour": "red"}]}, "unknown keys"),
        ({"troubles": [{**TROUBLE, "say": "keeps jamming"}]}, "two phrases"),
        ({"things": [THING], "troubles": [{**TROUBLE, "groups": ["fax"]}]}, "no thing has group"),
        ({"things": {"id": "x"}}, "array of tables"),
    ],
)
def test_a_wrong_table_is_named_with_what_is_wrong(data: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_vocabulary(data, "replies.toml")


def test_a_question_names_only_groups_the_vocabulary_has() -> None:
    data = {
        "things": [THING],
        "questions": {"fault": [{"ask": "Which tray is it?", "named": ["fax"]}]},
    }
    with pytest.raises(ConfigError, match=r"no \[\[things\]\] have group"):
        load_rules(data, "replies.toml")
    data["questions"] = {"fault": [{"ask": "Which tray is it?", "named": ["printer"]}]}
    assert load_rules(data).questions["fault"][0].named == frozenset({"printer"})


def test_an_action_is_checked_like_a_question() -> None:
    data: dict[str, Any] = {
        "things": [THING],
        "actions": {"fault": [{"do": "check the tray", "named": ["fax"]}]},
    }
    with pytest.raises(ConfigError, match=r"\[\[actions.fault\]\] 'check the tray': no"):
        load_rules(data, "replies.toml")
    data["actions"] = {"fault": [{"ask": "check the tray"}]}
    with pytest.raises(ConfigError, match="a table with 'do'"):
        load_rules(data, "replies.toml")
    data["actions"] = {"request": [{"do": "check the tray"}]}  # read by nothing
    with pytest.raises(ConfigError, match=r"only \[\[actions.fault\]\] is read"):
        load_rules(data, "replies.toml")
    data["actions"] = {
        "fault": [{"do": "check the tray", "named": ["printer"], "when": r"\bjam\b"}]
    }
    action = load_rules(data).actions["fault"][0]
    assert action.text == "check the tray"
    assert action.applies("a paper JAM again")  # any case
    assert not action.applies("it keeps jamming")


def test_names_finds_a_thing_of_the_groups_asked_for() -> None:
    v = load_vocabulary({"things": [THING, {"id": "bill", "words": "bills?", "group": "money"}]})
    assert v.names("the printer upstairs")
    assert v.names("my bill", frozenset({"money"}))
    assert not v.names("my bill", frozenset({"printer"}))
    assert not v.names("a late parcel")
