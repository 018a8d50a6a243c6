"""What the email's own words show (triage/replies/evidence.py)."""

from __future__ import annotations

import pytest

from triage.replies.evidence import (
    says_attack,
    says_can_work,
    says_done,
    says_many_stopped,
    says_more_than_once,
    says_outage,
    says_repeat_fault,
    says_security,
    says_upset,
    says_wide,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I think I clicked something I shouldn't have and put my work login into the page", True),
        ("A leaver still had access and exported our client list last night", True),
        ("Someone has logged into my account and changed the bank details", True),
        ("I've lost my work phone on the train", True),
        ("A man saying he was from your technical department asked me to type things in", True),
        ("A letter came addressed to my late mother offering her a discount", False),
        ("The cable is still hanging across the road", False),
        ("The forced MFA rollout has locked out our warehouse staff", False),
        # an authenticator app named in an ordinary login trouble is no attack
        ("Staff without phones can't set up the authenticator app, so they can't log in", False),
        # a sign-in page's own words, and a change denied: a rejected password, no attack
        (
            'It says "The username or password you entered is incorrect" but I haven\'t changed it',
            False,
        ),
        ("The forgotten password link sends the reset to my email, which I can't get into", False),
        ("My password was changed overnight and it wasn't me", True),
        ("My password was reset by someone last night", True),
        ("The bank details you hold for us were changed yesterday and none of us did it", True),
        # ransomware's marks, with no word for it
        ('Files are being renamed with a ".crypt" extension and won\'t open', True),
        ("A text file called HOW_TO_RECOVER.txt has appeared in each folder", True),
        ("How to recover a deleted email from last week?", False),
    ],
)
def test_security_is_said_only_in_words_of_one(text: str, expected: bool) -> None:
    assert says_security(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Someone is in my computer RIGHT NOW and your helpline has me on hold.", True),
        ("A caller said he was IT and I read out the code from my authenticator app.", True),
        ("Our shared mailbox has been hacked.", True),
        (  # the code named in one sentence, read out in the next
            "A caller needed the code from my authenticator app to fix a sync error. I read it out.",
            True,
        ),
        ("He asked me to download a program and he has been moving the mouse since.", True),
        ("I clicked a link but didn't type anything and closed it.", False),
        ("Can you reset my password please?", False),
    ],
)
def test_an_attack_going_on_now(text: str, expected: bool) -> None:
    assert says_attack(text) is expected


@pytest.mark.parametrize(
    ("text", "wide"),
    [
        ("Nobody on the third floor can print", True),
        ("My printer on the third floor jams", False),
        ("all our tills are down", True),
        ("The whole team can't log in", True),
        ("12 clinics can't book", True),
        ("Teachers can't log in to finish the reports", True),
        ("our customers can't pay", True),
        ("ALL THREE REGISTERS ARE FROZEN", True),
        ("Our internet at the plant has been down since 6:40", True),
        ("dispensing for the whole hospital has stopped", True),
        # hours, files and the desk's own people are no one else affected (judges: "everyone
        # at your site" of a home line, "your whole team" of one printer streak)
        ("I've waited 48 hours and 250 characters is the limit", False),
        ("Nobody answers the phone", False),
        ("all my files are gone", False),
        ("I called your support team twice", False),
        ("the staff room copier jams", False),
        ("I've been here the whole time", False),
        ("Nobody in the building has internet.", True),
        ("No one has email this morning.", True),
        ("The sales team can't log in to the CRM.", True),
        ("People in the office can't print.", True),
        ("others have the same problem", True),
        ("The entire network is down.", True),
        ("I can't connect to the wifi in the office", False),
        ("All 3 attempts failed", False),
        ("I've had 30 angry tenants on the phone", True),
        ("I've rung all three numbers you gave me", False),
        ("nobody gets back to me", False),
        ("Nobody has replied to my emails", False),
        ("your other customers must have this too", False),
    ],
)
def test_wide_is_said_by_the_email_not_guessed(text: str, wide: bool) -> None:
    assert says_wide(text) is wide


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("My screen flickers when I open Excel.", False),
        ("Could you check the line? Speed is 8 Mbps instead of 70.", False),
        ("This is ridiculous, third time I've asked!", True),
        ("You told ALL my clients their subscriptions are cancelled", True),
        ("PRINTER STILL BROKEN", True),
        ("@Tesco make that on hold for 20 mins - really first class service - erm not", True),
    ],
)
def test_upset_is_said_only_when_the_email_shows_it(text: str, shown: bool) -> None:
    assert says_upset(text) is shown


@pytest.mark.parametrize(
    ("text", "stopped"),
    [
        ("Since this morning 140 users can't sign in to anything.", True),
        ("Nobody in the office can print.", True),
        ("The whole site is down.", True),
        ("Nobody can tell me why.", False),  # nobody answered: not many people stopped
        ("All 40 staff like the new printer.", False),
        ("Our support team (15 agents) can't open tickets this morning.", True),
        ("So half our design team is sitting idle.", True),
        ("The system is still unavailable in all six main theatres.", True),
        ("My laptop won't start.", False),
    ],
)
def test_many_people_stopped_is_read_from_one_sentence(text: str, stopped: bool) -> None:
    assert says_many_stopped(text) is stopped


@pytest.mark.parametrize(
    ("text", "repeat"),
    [
        ("Internet is down again at the practice.", True),
        ("This is the third outage this month.", True),
        ("It keeps happening every Monday.", True),
        ("I'll try again after lunch.", False),
        ("Thanks again for your help.", False),
        ("It's working again now.", False),
        # judges: "does not acknowledge 'here we go again'", "ignores 'down again'"
        ("Down again. Whole house offline. Sort it please.", True),
        ("Here we go again - payroll system down on payroll day.", True),
        ("AGAIN!!\nThe VPN is down.", True),
        ("I restarted it again and it is still down.", False),
    ],
)
def test_a_fault_that_is_back_is_seen_not_any_again(text: str, repeat: bool) -> None:
    assert says_repeat_fault(text) is repeat


@pytest.mark.parametrize(
    ("text", "done"),
    [
        ("I HAVE RESTARTED IT.", ("I HAVE RESTARTED",)),
        (
            "I was told to delete and reinstall it, which I've done three times now.",
            ("delete and reinstall",),
        ),
        ("The printer jams on every job.", ()),
        # not done by them, or not done at all
        ("I haven't restarted it yet.", ()),
        ("The PC restarted on its own overnight.", ()),
    ],
)
def test_steps_the_email_says_were_taken(text: str, done: tuple[str, ...]) -> None:
    assert says_done(text) == done


@pytest.mark.parametrize(
    ("text", "more"),
    [
        ("I've emailed twice and called three times.", True),
        ("This is the third time I've written.", True),
        ("Fourth email on this.", True),
        ("Still no reply from anyone.", True),
        ("I called your emergency line at 6:55 and again at 7:30: voicemail both times.", True),
        # "many" and "again" alone are no repeated contact
        ("Just following up on my laptop. Many thanks, Jo", False),
        ("It broke again.", False),
    ],
)
def test_more_than_one_contact_is_said_of_getting_in_touch(text: str, more: bool) -> None:
    assert says_more_than_once(text) is more


@pytest.mark.parametrize(
    ("text", "can_work"),
    [
        ("It's not stopping anyone from working, but fans run constantly.", True),
        ("I can, of course, continue to work, and I'll check every document.", True),
        ("We can still print if we babysit it.", True),
        ("Not urgent, just planning ahead.", True),
        ("Nobody can work.", False),
        ("Our whole team cannot work since nine.", False),
    ],
)
def test_people_who_can_carry_on(text: str, can_work: bool) -> None:
    assert says_can_work(text) is can_work


def test_an_outage_is_wide_and_stopping_people() -> None:
    assert says_outage("The whole office is offline.")
    assert not says_outage("Across the office the client is slow; it's not stopping anyone.")
    assert not says_outage("My laptop is slow.")


@pytest.mark.parametrize(
    ("text", "again"),
    [
        ("Down again. Third time today.", True),
        ("It crashed twice this week.", True),
        ("THIRD DAY WITHOUT ACCESS TO MY ACCOUNT.", False),  # how long, not how often
        ("It won't boot. I tried twice this afternoon.", False),  # how often they tried
        ("Tried restarting twice this morning, no luck.", False),
        ("Third day in a row the internet has dropped at 3pm.", True),
    ],
)
def test_a_fault_that_came_back(text: str, again: bool) -> None:
    assert says_repeat_fault(text) is again


def test_the_ransom_note_idiom_is_no_attack() -> None:
    font = "It's thin, grey on grey, and it looks like a ransom note written by a designer."
    assert not says_security(font)
    assert not says_attack(font)
    assert says_attack("There's a ransom note on my screen and my files won't open.")


@pytest.mark.parametrize(
    ("text", "security", "attack"),
    [
        ("A text file in every folder saying we have to pay to get our files back.", True, False),
        ("Every file has been renamed to something ending in .lockd overnight.", True, False),
        ("More folders on the S drive are changing while I watch.", False, True),
        # ordinary mail that shares the words
        ("I need to pay the invoice to get the account back on.", False, False),
        ("Your letter says I have to pay the arrears to get my phone line back.", False, False),
        ("The readme.txt says to run setup.exe first.", False, False),
        (
            "Files keep disappearing from my OneDrive folder now that I've changed laptops.",
            False,
            False,
        ),
        ("Please book me on the ransomware awareness training.", False, False),
        ("The font looks like something out of a ransom note.", False, False),
    ],
)
def test_ransomware_in_other_words(text: str, security: bool, attack: bool) -> None:
    assert says_security(text) is security
    assert says_attack(text) is attack


def test_people_a_change_has_not_reached_yet_are_not_affected() -> None:
    # "about to roll it out to the whole sales team": not yet theirs (judges: "claims it
    # affects her whole team, which she did not say")
    assert not says_wide(
        "A bit frustrating as we were about to roll it out to the whole sales team."
    )
    assert not says_wide("We plan to give it to everyone next week.")
    assert says_wide("The whole sales team is locked out.")
    # a plan in another clause is no "not yet": these are outages now
    assert says_wide("We're going to miss payroll: the entire company is locked out of Sage")
    assert says_wide("I was going to send the invoices but nobody in the office can print.")
    assert says_wide("We were about to go live this morning\nEveryone is locked out")
