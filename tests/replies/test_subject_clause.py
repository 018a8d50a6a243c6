from __future__ import annotations

import pytest

from triage.replies.config import ReplyConfig
from triage.replies.subject_clause import loose_subject, subject_clause, subject_thing, subject_you


@pytest.mark.parametrize(
    ("subject", "thing"),
    [
        ("DOUBLE BOOKED ROOMS - GUESTS ARRIVING AT 4", "the double booked rooms"),
        ("Check-in kiosk keeps exiting kiosk mode", "the check-in kiosk"),
        ("COW battery", "the COW battery"),
        # when, how many, who or a state is not the thing
        ("payroll due at 3 - internet DEAD", ""),
        ("whole site offline again", ""),
        ("Finance team can't open shared reports", ""),
        ("quota exceeded??", ""),
        ("External email bouncing - whole firm", ""),
        ("Engineer drilled into a cable - socket sparking", ""),
        ("9 calls", ""),
        ("MORE!THAN!ONCE", ""),  # would claim earlier contact
        ("Same problem", ""),  # names nothing
        ("Quick question", ""),
        ("From Sarah", ""),
        ("Cant login", ""),
    ],
)
def test_a_faults_subject_names_its_thing_or_nothing(subject: str, thing: str) -> None:
    assert subject_thing(subject) == thing


@pytest.mark.parametrize(
    ("subject", "clause"),
    [
        ("PDF preview down for accounts team", "the PDF preview is down for accounts team"),
        (
            "Chat notifications stopped for our workspace",
            "the chat notifications have stopped for your workspace",
        ),
        ("Shared inbox not pulling emails", "the shared inbox is not pulling emails"),
        ("Finance team can't open shared reports", "your finance team can't open shared reports"),
        ("CRM down - tender deadline 3pm", "the CRM is down"),
        ("VPN down for everyone AGAIN", "the VPN is down for everyone"),
        ("Teams down", "Teams is down"),
        ("Phones down", "the phones are down"),
        # no thing before its state, or no safe verb for it
        ("WHY CAN'T I PRINT", ""),
        ("whole site offline again", ""),
        ("printer not happy", ""),
        ("Laptop battery still dying", ""),
        ("Your app is down", ""),
        ("Printer broken more than once", ""),
        ("Update failed", "the update has failed"),
        ("Files deleted", "the files have been deleted"),
        ("Printer down", "the printer is down"),
        ("VPN down since this morning", "the VPN has been down since this morning"),
        ("Chat status stuck on Out of office", "the chat status is stuck on Out of office"),
        ("Turn it off", ""),  # an instruction, not a thing and its state
        ("Clear cache not working", ""),
        ("Email not working since Friday", "the email has not been working since Friday"),
        ("Both monitors dead", ""),
        ("My driver crashed and I hit my head", ""),
        # a person, someone's, or ours
        ("Karen stuck", ""),
        ("Sarah's laptop dead", ""),
        ("Engineer missing", ""),
        ("Letters to my dead mother", ""),  # "dead" is no state of "letters to"
        ("AutoCAD says licence expired", ""),  # what the screen says, not "AutoCAD says licence"
        ("Expense claims not submitting", "the expense claims are not submitting"),  # a noun
        # how many is said before the thing ("ALL PRODUCT IMAGES GONE"), never a when
        ("ALL PRODUCT IMAGES GONE", "all the product images are gone"),
        ("All card terminals offline", "all the card terminals are offline"),
        ("ALL DAY printer down", ""),
        ("ALL MORNING PHONES DOWN", ""),
        ("All of the printers offline", "all the printers are offline"),
        # a fault that comes back is said as one
        ("Truck tablet rebooting - third report", "the truck tablet keeps rebooting"),
        ("Phones rebooting all day", "the phones keep rebooting all day"),
        ("Laptop rebooting my files", ""),
        ("Server restarting tonight", ""),  # planned, not a fault that comes back
        ("wifi dropping every evening", "the Wi-Fi is dropping every evening"),
    ],
)
def test_a_faults_subject_is_said_back_as_the_clause_it_abbreviates(
    reply_config: ReplyConfig, subject: str, clause: str
) -> None:
    assert subject_clause(subject, reply_config.rules.vocabulary) == clause


@pytest.mark.parametrize(
    ("subject", "topic"),
    [
        ("PASSWORD CHANGE AGAIN??", "the password change"),
        ("still cant login", ""),  # "the cant login" said nothing
        ("sort order. AGAIN.", "the sort order"),
        ("'Powered by Quillstack' on MY invoices", "'Powered by Quillstack' on your invoices"),
        ("invite link keeps expiring", "the invite link"),
        ("3rd email - user permissions", "the user permissions"),
        # who did what, a letter to us, a state or one word: nothing to say back
        ('"Sam" was rude', ""),
        ("'Proactive' support - three weeks for a monitor", ""),  # scare quotes
        ("As per my last email", ""),
        ("Still being billed at old address", ""),
        ("Congratulations", ""),
        ("WHY NOBODY INSTALL MY INTERNET", ""),
        # theirs to us is ours to own, and a verb with its object asks, it names nothing
        ("Your van on my lawn", ""),
        ("kill the pelican", ""),
        ("cancel my account..", ""),
    ],
)
def test_a_chase_or_complaint_is_said_back_by_its_subject_however_it_is_shouted(
    subject: str, topic: str
) -> None:
    # "I understand you're unhappy with how this has been handled" says back nothing
    assert loose_subject(subject) == topic


@pytest.mark.parametrize(
    ("subject", "said"),
    [
        ("WHY CAN'T I PRINT", "you can't print"),
        ("still cant login", "you still can't log in"),
        ("can't send or receive email", "you can't send or receive email"),
        ("Cannot access my account", "you can't access your account"),
        ("Re: Unable to log in on any device", "you can't log in on any device"),
        # nothing of theirs to say back, or a subject line's shorthand
        ("Can't believe you did this", ""),
        ("Unable to log in to portal", ""),
        ("Printer can't print", ""),
        ("Why can't the printer print", ""),  # a thing before the verb
        ("Cannot believe this", ""),  # no fault
        ("Can't reset password", ""),  # shorthand
        ("Can't unsubscribe from your emails", ""),  # their "your" is ours
        ("cannot connect to the VPN", "you can't connect to the VPN"),
        ("can't log in to Teams", "you can't log in to Teams"),
    ],
)
def test_a_subject_that_says_what_they_cannot_do_is_said_back(subject: str, said: str) -> None:
    assert subject_you(subject) == said


def test_off_is_a_state_of_the_thing_before_it(reply_config: ReplyConfig) -> None:
    said = subject_clause("Phone and broadband off in the flats", reply_config.rules.vocabulary)
    assert said == "the phone and broadband are off in the flats"
    one = subject_clause("Sales and marketing printer offline", reply_config.rules.vocabulary)
    assert one in ("", "the sales and marketing printer is offline")


def test_a_one_word_thing_the_email_writes_in_lower_case_is_a_thing(
    reply_config: ReplyConfig,
) -> None:
    vocab = reply_config.rules.vocabulary
    body = "I run a six-room guesthouse and we've had no internet for three days."
    assert subject_clause("Guesthouse offline", vocab, text=body) == "the guesthouse is offline"
    assert subject_clause("Guesthouse offline", vocab) == ""
    assert subject_clause("Karen offline", vocab, text="Karen can't get on.") == ""
