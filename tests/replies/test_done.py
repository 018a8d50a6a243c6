"""What the email says was already done (triage/replies/done.py), held against a fix's steps."""

from __future__ import annotations

import pytest

from triage.replies.done import asks_only_given, said_done, untried

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
    # ... and so do asks after a blank line
    asks = "What I've tried:\n- Restarting the laptop\n\n1. Can you reinstall Office for me?"
    assert said_done(asks) == ("Restarting the laptop",)
    assert said_done("Nothing arrives (checked spam, junk, quarantine).") == (
        "checked spam, junk, quarantine",
    )
    assert said_done("I've reported it to the police, crime ref 41/88213/25.") == (
        "I've reported it to the police",
    )
    # what happened after a deed is no deed; a deed supposed or asked about is none
    assert said_done("I've restarted Excel twice but it still freezes.") == (
        "I've restarted Excel twice",
    )
    assert said_done("If I reset my password, will my phone stop getting email?") == ()
    assert said_done("Should I have restarted it first? I'd tried safe mode last year.") == ()
    assert said_done("I\u2019ve checked the cables and restarted the router.") == (
        "I've checked the cables",
        "restarted the router",
    )
    # one deed a phrase: a long clause is cut at its joins, what happened after it left out
    laptop = "I've checked the socket with a lamp and it works, the charger light is on."
    assert said_done(laptop) == ("I've checked the socket with a lamp",)
    # what they will not be told again counts as done
    assert said_done("Look at my line rather than telling me to turn it off and on again.") == (
        "rather than telling me to turn it off and on again",
    )
    # what they will do, or did not do, is not done
    assert said_done("I'll check the cables tonight. I haven't tried restarting it.") == ()
    # a restart said without "I", in the past or as it happens
    box = "TV box error E-301 again. Restarting it AGAIN. Any actual fix?"
    assert said_done(box) == ("Restarting it AGAIN",)
    assert said_done("Unplugged it for 30 secs like the website said, no change.") == (
        "Unplugged it for 30 secs like the website said",
    )
    restart = ("Switch the TV box off at the wall, wait 30 seconds and switch it back on.",)
    assert untried(restart, said_done(box)) == ()
    # "Reset my password please" asks for it
    assert said_done("Reset my password please.") == ()


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
        # a label with no value after it gives nothing
        (
            "Tell us the Key ID and the laptop's asset tag.",
            "Key ID: 4A7F21C0. I can't find the asset tag on my 2019 laptop.",
            False,
        ),
        ("Tell us the asset tag.", "Where is the asset number? Is it the 12-digit one?", False),
        # a file's name is not among the details (a step that asks for it asks where it is too)
        (
            "If it still freezes, tell us the file's name and where it is saved.",
            "It crashes on Consol_May24_v7.xlsm.",
            False,
        ),
        # what they typed into a fake page, said in the email
        (
            "Tell us what you entered on the page (password, bank details, codes) and at what time.",
            "I clicked the link and typed in my work email and password before I noticed.",
            True,
        ),
        (
            "Tell us what you entered on the page (password, bank details, codes) and at what time.",
            "I clicked the link but closed the page. Should I change my password?",
            False,
        ),
        # the program at the top of Task Manager, named in the email
        (
            "Open Task Manager and tell us which program is at the top of the list.",
            'Task Manager shows something called "MsMpEng" using loads of CPU.',
            True,
        ),
        (
            "Open Task Manager and tell us which program is at the top of the list.",
            "I opened Task Manager but I don't know what I'm looking at.",
            False,
        ),
        (
            "Open Task Manager and tell us which program is at the top of the list.",
            "Task Manager says the disk's at 100% but I don't know what's using it.",
            False,
        ),
        (
            "Open Task Manager and tell us which program is at the top of the list.",
            "Task Manager shows OneDrive.exe at 90% CPU.",
            True,
        ),
        (
            "Tell us the Key ID shown on the blue screen (the first 8 characters are enough).",
            "It gives a key ID starting 4A7F21C0. I don't have any key.",
            True,
        ),
        # a file by its name and where it lives; both, when the step asks for both
        (
            "If it still freezes, tell us the file's name and where it is saved.",
            "Consol_May24_v7.xlsm crashes, opened from SharePoint or copied locally.",
            True,
        ),
        (
            "If it still freezes, tell us the file's name and where it is saved.",
            "Consol_May24_v7.xlsm crashes every time.",
            False,
        ),
        (
            "Tell us which phone number or personal email we can reach you on.",
            "Call me on 07700 900938 and get this sorted.",
            True,
        ),
        ("Tell us which phone number we can reach you on.", "It cost 0.0125 per unit.", False),
        (
            "If it says you don't have permission, tell us the address.",
            "The lettings@ shared mailbox has gone from Outlook.",
            True,
        ),
        (
            "If it still shows no signal, tell us the room's name.",
            'The screen in meeting room Severn keeps showing "No signal".',
            True,
        ),
        # a question asks too: where a cable is down, when the email says both
        (
            "Where exactly is it (the nearest house number, the pole's number if you can see "
            "it safely)?",
            "The cable from the pole outside 31 Station Road is down. The pole number, from "
            "the metal tag, is CX-4471-B.",
            True,
        ),
        (
            "Where exactly is it (the nearest house number, the pole's number if you can see "
            "it safely)?",
            "The cable from the pole outside 31 Station Road is down.",
            False,
        ),
        (
            "Send us the dates and amounts of the charges as they appear on your statement.",
            "You've taken my direct debit twice, £64.99 on the 1st and again £64.99 on the 3rd.",
            True,
        ),
        ("Tell us the account number from the top of your bill.", "Account 9936-1570", True),
        ("Tell us the account number from the top of your bill.", "my account was charged", False),
        # a step that asks for nothing is never "given"
        ("Restart the laptop with the key ID written down.", "Key ID is 4A7F21C0.", False),
    ],
)
def test_a_step_that_asks_only_for_what_they_gave_is_found(
    step: str, text: str, given: bool
) -> None:
    assert asks_only_given(step, text) is given


def test_a_phone_line_that_went_unanswered_is_not_offered_again() -> None:
    steps = (
        "Plug one corded phone straight into the master socket and listen for a dial tone.",
        "Tell colleagues not to open shared files until we say so.",
        "Call the service desk phone line so we can start at once.",
    )
    rang = said_done("I've rung the helpdesk number THREE TIMES and nobody picks up!!!")
    # only the step that calls us goes: the phone words of the others are not what was tried
    assert untried(steps, rang) == steps[:2]
    assert untried(steps, said_done("I rang the helpdesk this morning.")) == steps
    # someone else unanswered, or a phone fault that is the problem, is not our line rung
    for text in (
        "I rang my manager but no answer.",
        "Customers have called us all morning and it just rings out.",
        "We have engaged a contractor.",
    ):
        assert untried(steps, said_done(text)) == steps, text
    assert untried(steps, said_done("I tried calling you but couldn't get through.")) == steps[:2]
    # the shop that set it up is the desk, for someone who rang it
    called = said_done("I've called the shop four times since 9 and it just rings out.")
    assert untried(steps, called) == steps[:2]


@pytest.mark.parametrize(
    ("text", "given"),
    [
        ("Could someone reset my MFA? I'm on my personal mobile, 07700 900187.", True),
        ("- A MANAGER to call me today on 07700 900940", True),
        ("Could someone reset my MFA? The codes never arrive.", False),
        ("I rang your helpline on 0345 600 1234 twice.", False),  # their number to ring, not mine
    ],
)
def test_reply_with_a_phone_number_asks_only_what_the_email_gives(text: str, given: bool) -> None:
    step = "If codes are still refused, reply with a phone number we can call; we check it is you."
    assert asks_only_given(step, text) is given
