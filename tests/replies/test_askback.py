"""Asks said back in our words (triage/replies/askback.py): the complement of "You asked
...", or None when no form can be made reliably right."""

from __future__ import annotations

import pytest

from triage.replies.ask_words import committed
from triage.replies.askback import ask_phrase


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Could you reset my voicemail PIN please", "us to reset your voicemail PIN"),
        # the ask after what leads into it in the same sentence
        (
            "I have a lecture there at 9am tomorrow, so it would be wonderful if someone could "
            "look at it today or first thing.",
            "us to look at it today or first thing",
        ),
        (
            "I'm happy to bring my own laptop as a fallback if someone can tell me which adaptor "
            "the projector needs.",
            "us to tell you which adaptor the projector needs",
        ),
        (
            "Not sure if you can help, it would be great if someone could have a look at the router.",
            "us to have a look at the router",
        ),
        # a condition is no ask
        ("Happy to send photos if you would find them useful.", None),
        ("It would be wrong if you could just delete my data without asking.", None),
        (
            "Can you guys answer my question about the refund?",
            "us to answer your question about the refund",
        ),
        (
            "Can I get the diagramming software installed?",
            "for the diagramming software to be installed",
        ),
        ("I'd like a refund please.", "for a refund"),
        ("Do you offer any nonprofit discount?", "whether we offer any nonprofit discount"),
        ("Is it our connection?", "whether it is your connection"),
        ("how do I clear space?", "how to clear space"),
        ("Take me off your marketing list immediately", "us to take you off our marketing list"),
        ("FIX IT.", "us to fix it"),
        # a short name in capitals is no shouting; a time cut off takes its "for" with it
        (
            "Please enable JIT provisioning for our tenant today",
            "us to enable JIT provisioning for your tenant",
        ),
        ("Can you send me the audit log for today?", "us to send you the audit log"),
        (
            "Could someone replace the battery, or swap the unit, when convenient?",
            "us to replace the battery, or swap the unit",
        ),
        ("I'd like to know exactly who signed off the update", "who signed off the update"),
        ("let me know if you'd rather invoice us", "us to let you know if we'd rather invoice you"),
        # a thing as the subject, found by the verb after it
        (
            "Could the extra time be added to the exam settings before then?",
            "for the extra time to be added to the exam settings before then",
        ),
        (
            "Could the old secret still be used for signing on your end?",
            "whether the old secret could still be used for signing on our end",
        ),
        (
            "Is the IT induction session still on Thursday at 2?",
            "whether the IT induction session is still on Thursday at 2",
        ),
        ("Is something going on?", "whether something is going on"),
        # "this" is the subject, not "this a": no "whether this a is known issue"
        ("Is this a known issue?", "whether this is a known issue"),
        (
            "Where do I find the guest Wi-Fi password?",
            "where you find the guest Wi-Fi password",
        ),
        ("What do you need from me", "what we need from you"),
        (
            "What are the rate limits for the reports API?",
            "what the rate limits for the reports API are",
        ),
        # openers, conditions and threats around the ask are not said back
        (
            "For the third time, could your invoices please include our PO number?",
            "for our invoices to include your PO number",
        ),
        (
            "Quick question - am I allowed to set up my work email on my own tablet?",
            "whether you are allowed to set up your work email on your own tablet",
        ),
        (
            "If it's going to be more than a day, is there a way to get read-only access?",
            "whether there is a way to get read-only access",
        ),
        (
            "I want that agent's behaviour addressed, or I'm taking my business elsewhere.",
            "for that agent's behaviour to be addressed",
        ),
        ("I'd appreciate a reply from someone in billing.", "for a reply from someone in billing"),
        ("Could someone pop down when they can?", "us to pop down when we can"),  # someone is us
        ("Can someone unlock my account pls", "us to unlock your account"),
        ("fix it pls tayo", "us to fix it"),  # a sign-off after "pls" is no part of the ask
        ("send a new charger pls x", "us to send a new charger"),
        ("Can I get Visio installed on my laptop?", "for Visio to be installed on your laptop"),
        ("I want that call recording found", "for that call recording to be found"),
        ("Can someone tell them their laptop is ready?", "us to tell them their laptop is ready"),
        ("Can I get a new set of keys?", "for a new set of keys"),  # "set" is no participle here
        (  # an asset code is not shouting; a particle the customer wrote is kept
            "Confirm whether STA-LT-1184 is encrypted and when it last checked in.",
            "us to confirm whether STA-LT-1184 is encrypted and when it last checked in",
        ),
        # a demand in a list: a possessive is no verb, and a clause of its noun is not the
        # demand's own (judges: such items were lumped into "the other points you raised")
        (
            "Access to the Employment team's DMS workspaces (I'm told they're grouped there).",
            "for access to the Employment team's DMS workspaces",
        ),
        (
            "Membership of the team distribution list.",
            "for membership of the team distribution list",
        ),
        (
            "Written confirmation of exactly what was sent, to whom, and when.",
            "for written confirmation of exactly what was sent, to whom, and when",
        ),
        (
            "Confirmation that nothing will be passed to a debt collector",
            "for confirmation that nothing will be passed to a debt collector",
        ),
    ],
)
def test_an_ask_is_said_back_in_our_words(text: str, expected: str) -> None:
    assert ask_phrase(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a long ask loses its reasons and alternatives, not its point
        (
            "Is it possible to pause the broadband for those months instead of paying for it "
            "while nobody is here?",
            "whether it is possible to pause the broadband for those months",
        ),
        # an offered alternative is ours to answer; the ask is the first
        (
            "Can you send another one, or is there somewhere local I can collect one from?",
            "us to send another one",
        ),
        # "through you" is us
        (
            "If not, is it better for us to buy through you or directly from the vendor?",
            "whether it is better for you to buy through us or directly from the vendor",
        ),
        # the question after a statement in one sentence
        ("My email says storage is full, how do I clear space?", "how to clear space"),
        # a label and a "yes or no" are not part of the question
        (
            "Question: Can I use the guest Wi-Fi for my phone, yes or no?",
            "whether you can use the guest Wi-Fi for your phone",
        ),
        # one question asked with its verb twice
        (
            "Do you sell refurbished laptops or do you only repair them?",
            "whether we sell refurbished laptops or only repair them",
        ),
        # what they need, without the aside and what it is for
        (
            "I need read-only access to the old archive server (the one with pre-2019 files, I "
            "think it's called ARCH01) to finish a subject access request for a former client.",
            "for read-only access to the old archive server",
        ),
        # a question with its alternative after ", or is it ...": the first is the point
        (
            "Is the 24th definitely happening, or is it likely to move again?",
            "whether the 24th is definitely happening",
        ),
        (
            "Will we be charged for the days between the 14th and the 24th when we have no "
            "service at either address?",
            "whether you will be charged for the days between the 14th and the 24th",
        ),
        # a bare noun phrase asked about
        ("Is per-matter permission possible?", "whether per-matter permission is possible"),
        ("Are weekend visits available?", "whether weekend visits are available"),
        # what they will do next is not part of the ask
        (
            "I would like to know who made this decision and on what grounds, and I will be "
            "raising it at Senate.",
            "who made this decision and on what grounds",
        ),
        # a long request in a "would it be possible to" frame
        (
            "Would it be possible to turn off the screensaver on the PCs in the Fracture Clinic "
            "consulting rooms, please?",
            "us to turn off the screensaver on the PCs in the Fracture Clinic consulting rooms",
        ),
        # a particle stays with its verb when the urgency word after it goes
        ("Please can someone remote in ASAP.", "us to remote in"),
        # the question after a dash is the ask
        (
            "I'm on the service line so I can't take any calls - is there a spare I can borrow?",
            "whether there is a spare you can borrow",
        ),
        # the ask ends at its "please"; what follows is why
        (
            "Can this be sorted today please, we can't do anything.",
            "whether this can be sorted today",
        ),
        # a question's second alternative and its examples go; the first is the point
        (
            "Is there a way to archive all our finished jobs (with notes and photos) in one go, "
            "or only one job at a time?",
            "whether there is a way to archive all your finished jobs in one go",
        ),
        (
            "Is there a way to colour-code the calendar by client, e.g. a green 'Harbour Dental' "
            "block that shows in every view?",
            "whether there is a way to colour-code the calendar by client",
        ),
        # a chat aside after the ask
        (
            "how do I change my ringtone on the desk phone, been driving me mad lol",
            "how to change your ringtone on the desk phone",
        ),
    ],
)
def test_a_long_or_labelled_ask_is_said_back_by_its_point(text: str, expected: str) -> None:
    assert ask_phrase(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "does" or "do" says whether the thing is one or many
        (
            "Does the warranty cover accidental damage?",
            "whether the warranty covers accidental damage",
        ),
        (
            "Does a shared mailbox need its own licence?",
            "whether a shared mailbox needs its own licence",
        ),
        ("Do the meeting rooms have webcams?", "whether the meeting rooms have webcams"),
        ("Does it carry over to next year?", "whether it carries over to next year"),
        ("Does it still work after the update?", "whether it still works after the update"),
        (
            "Hey, any chance I could get Visio installed on my PC?",
            "for Visio to be installed on your PC",
        ),
    ],
)
def test_a_question_about_a_thing_is_said_back_with_its_verb_agreeing(
    text: str, expected: str
) -> None:
    assert ask_phrase(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Does the Windows update need a restart?",  # "update" is the thing's, not the verb
        "Does the licence cost change next year?",
        "Does the update I installed last night need a restart?",
        "Does the app not work offline?",
        "Does it not work offline?",
    ],
)
def test_a_does_question_with_no_safe_word_order_is_not_said_back(text: str) -> None:
    assert ask_phrase(text) is None


def test_a_request_keeps_its_alternative() -> None:
    # "lend me one, or take mine back" asks for either: said back with one, it asks for less
    ask = (
        "If the part hasn't come, could I at least borrow a laptop from you for the day, or take "
        "mine back and bring it in again after?"
    )
    assert ask_phrase(ask) is None  # too long to say back whole: not cut to its first half
    # (over 18 words, so the ask is cut: at its reason, never at its second request)
    ask = (
        "Is there any chance someone could restart the print server in the basement this "
        "afternoon, or reset the queue for us from your end?"
    )
    assert ask_phrase(ask) is None  # too long whole, and no cut keeps both requests


def test_a_long_ask_about_a_thing_is_not_cut_into_a_misreading() -> None:
    # cut at ", or", "that something I just switch" would lose its verb
    long_ask = (
        "Is that something I just switch in the billing page nearer the time, or do you need "
        "to do it on your end?"
    )
    assert ask_phrase(long_ask) is None


@pytest.mark.parametrize(
    "text",
    [
        "Is that normal, or have I lost edit rights?",  # two questions: no safe word order
        "a quick fix would be lovely",  # not a clause that reads after "You asked"
        "Refund the £600 you took, you incompetent clowns",  # insults are never said back
        "I will see you in court unless you fix this",  # threats neither
        "Could someone who knows the answer actually read this one",
        "why is my desktop picture now a grey logo?",  # a direct question kept in its order
        "Let me spell it out.",  # asks nothing of us
        "Where's the thing you advertise?",  # who does what is not where the word order says
        "The printer that we bought is broken.",  # a statement, not a demand with a clause
        "The laptop's screen is cracked.",
        "The printer's broken.",  # a contraction is a verb; a possessive is not
        "A new mouse, mine's broken.",
        "Please record that I called three times.",  # a verb, not a noun with a clause
        "Report what happened to the security team.",
        "The letter that you sent me was wrong.",
        "",
    ],
)
def test_an_ask_that_cannot_be_said_back_right_is_not(text: str) -> None:
    assert ask_phrase(text) is None


def test_an_ultimatum_is_said_back_without_its_threat() -> None:
    # the threat after "or I'll" is cut, so its words ("Ofcom") do not bar the ask itself
    text = "Either you match the new customer price or I'm off, and I'll complain to Ofcom."
    assert ask_phrase(text) == "us to match the new customer price"
    assert ask_phrase("Refund it, you clowns, or I'll go to Ofcom") is None
    # a threat aimed at us is cut too, not said back as "or we lose your business"
    said = ask_phrase("Either you sort this out today or you lose my business.")
    assert said == "us to sort this out today"


def test_please_can_we_order_asks_us_to_supply_it() -> None:
    # a plain order is no permission question (judges)
    said = ask_phrase("Please can we order 2 black toners for the reception Brother printer.")
    assert said == "for 2 black toners for the reception Brother printer"
    assert (
        ask_phrase("Can we order a new laptop for Sam?")
        == "whether you can order a new laptop for Sam"
    )


def test_a_backdating_ask_is_not_said_back_as_work_we_take_on() -> None:
    # "our billing team will see to it ... that it's done" promised the credit the plan's
    # own step leaves to the billing team (paired judges, four times)
    assert ask_phrase("backdate it to Monday or I'll cancel altogether") is None
    assert ask_phrase("Can you backdate the change to the 1st?") is None


def test_bring_me_a_thing_is_said_back_as_work_we_commit_to() -> None:
    said = ask_phrase("Bring me a new monitor and a new cable.")
    assert said == "us to bring you a new monitor and a new cable"
    assert committed(said)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Who approved this new mandatory signature template??",
            "who approved the new mandatory signature template",
        ),
        ("Who changed the settings on my laptop?", "who changed the settings on your laptop"),
        ("Why is there no backup method?", "why there is no backup method"),
    ],
)
def test_who_did_it_and_why_there_is_none_are_said_back(text: str, said: str) -> None:
    assert ask_phrase(text) == said


@pytest.mark.parametrize(
    "text",
    ["Who decided this was a good idea??", "Who decided that staff can't use USB sticks?"],
)
def test_who_decided_a_clause_is_not_said_as_a_thing(text: str) -> None:
    assert ask_phrase(text) is None
