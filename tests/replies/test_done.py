"""What the email says was already done (triage/replies/done.py), held against a fix's steps."""

from __future__ import annotations

import pytest

from triage.replies.done import asks_only_given, said_done
from triage.replies.parts import untried

EXCEL = """Excel crashes every time I open the workbook.

What I've tried:
- Opening in Safe Mode (excel /safe) - opens but macros don't run, so no use
- Repairing Office from Apps & Features

A colleague can open the same file on her machine."""


def test_a_tried_list_and_first_person_deeds_are_read() -> None:
    done = said_done(EXCEL)
    assert "Repairing Office from Apps & Features" in done
    assert any("Safe Mode" in d for d in done)
    assert not any("colleague" in d for d in done)  # the list ends at the blank line
    assert said_done("Nothing arrives (checked spam, junk, quarantine).") == (
        "checked spam, junk, quarantine",
    )
    assert said_done("I've reported it to the police, crime ref 41/88213/25.")
    # one deed a phrase: a long clause is cut at its joins, a list kept whole
    laptop = "I've checked the socket with a lamp and it works, the charger light is on."
    assert said_done(laptop) == (
        "I've checked the socket with a lamp",
        "it works",
        "the charger light is on",
    )
    # what they will not be told again counts as done
    assert said_done("Look at my line rather than telling me to turn it off and on again.")
    # what they will do, or did not do, is not done
    assert said_done("I'll check the cables tonight. I haven't tried restarting it.") == ()


def test_a_step_they_did_is_left_out() -> None:
    steps = (
        "Check your Junk or Spam folder and, if the email is there, mark it as Not junk.",
        "Add the sender's address to your safe senders list.",
    )
    done = said_done("I've asked 4 times and nothing arrives (checked spam, junk, quarantine).")
    assert untried(steps, done) == steps[1:]
    safe = ("Close Excel, then hold down Ctrl while you open it to start in safe mode.",)
    assert untried(safe, said_done(EXCEL)) == ()


@pytest.mark.parametrize(
    ("step", "text", "given"),
    [
        ("Tell us the Key ID shown on the blue screen.", "Key ID is 4A7F21C0.", True),
        ("Tell us the Key ID shown on the blue screen.", "It asks for a key.", False),
        # two details asked, one given: the step stays
        (
            "Tell us the Key ID and the laptop's asset tag.",
            "Asset tag is HL-L04417.",
            False,
        ),
        (
            "If it still freezes, tell us the file's name and where it is saved.",
            "It crashes on Consol_May24_v7.xlsm from SharePoint.",
            True,
        ),
        # a step that asks for nothing is never "given"
        ("Restart the laptop with the key ID written down.", "Key ID is 4A7F21C0.", False),
    ],
)
def test_a_step_that_asks_only_for_what_they_gave_is_found(
    step: str, text: str, given: bool
) -> None:
    assert asks_only_given(step, text) is given
