"""What kind of ask an ask is (triage/replies/ask_classes.py)."""

from __future__ import annotations

import pytest

from triage.domain import Ask
from triage.replies.ask_classes import ask_class, contains_attack


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Call me. 555-0148. Today.", "call"),
        # asked of the reply itself, or when without asking anything: no point of their own
        ("but I'd like a straight answer.", "statement"),
        ("Could someone who knows the answer actually read this one.", "statement"),
        ("Renewal's in October so no rush", "statement"),
        ("Please fix the printer, no rush", "attend"),
        ("I want a straight answer: will you refund me?", "money"),
        ("Can someone who knows the system call me?", "call"),
        (
            "I'd like someone to actually investigate why this keeps happening, and an honest "
            "answer about whether it'll happen again tomorrow.",
            "cause",
        ),
        ("Either send someone who knows what they're doing or I'm buying a laptop", "visit"),
        # ... and the review's misfires: a real ask beside the reply's own words
        ("Can someone who knows what they're doing fix my email?", "attend"),
        ("Could you give me a straight answer on whether my data was deleted?", "do"),
        ("Please give me an honest answer about when it will be fixed.", "when"),
        ("Please properly read my previous email and restore the folder I listed.", "do"),
        ("Reset the password for Tom, no hurry", "do"),
        ("Send me the October invoice when you get a chance, no rush", "do"),
        # what they will do if, not an ask; a soft ask is one (paired judges)
        ("If it's a policy thing, I'll stop grumbling", "statement"),
        ("If it breaks again, I'll need a replacement", "do"),
        ("If I lose members over this, I'll be expecting compensation.", "money"),
        ("If it's easier, I'll come in tomorrow, is 10am OK?", "visit"),
        ("Could you give me a straight answer?", "statement"),
        ("That will be great, thanks.", "statement"),
        (
            "If it's possible to have someone from your side available during the window, "
            "that would be great, but I understand if not.",
            "do",
        ),
        # an estimate of the fix time asks when, not for something to be arranged
        ("an estimated time for restoration;", "when"),
        ("Do you have an estimated fix time?", "when"),
        # why, after "understand" or "know", however long the clause that follows
        (
            "I'd like to understand why I, as someone who has been with you for nine years, "
            "am being charged more than a new customer.",
            "cause",
        ),
        ("I want to know why scammers have my name.", "cause"),
        ("that you are aware of the fault and what has caused it;", "cause"),
        # advice on a choice of theirs is a question for us, not "what should I do now?"
        ("Advice on whether we should move everything to the cloud", "do"),
        ("Can you tell me whether we should reboot it?", "what_to_do"),
        ("Your thoughts on whether we should move to the cloud?", "question"),
        # "I understand why" says they do; a time booked for a repair is a visit, not an ETA
        ("I understand why, but please restore my access today.", "do"),
        ("Can you arrange a time for repair?", "do"),
        # a call asked for in the other ways people put it
        ("Can someone get it back up asap and give me a ring on 01632 960884?", "call"),
        ("call my mobile.", "call"),
        ("call chef ade NOW 555-0123", "call"),
        ("Please call the ED Nurse in Charge on 5500 once someone is on it.", "call"),
        ("I tried to call the helpline on 0800 123 and nobody answered.", "statement"),
        ("Why did you call my mobile at midnight?", "cause"),  # reported, not asked
        ("Could someone ring me this afternoon?", "call"),
        ("I'd appreciate someone actually ringing me like they said they would.", "call"),
        ("Please stop calling me at work.", "stop_contact"),
        ("Stop ringing me.", "stop_contact"),
        ("I'd like the complaint noted", "noted"),
        ("someone to tell me it's been passed on", "noted"),
        ("I want this formally recorded.", "noted"),
        ("Can you note down my new number?", "do"),
        ("Can you get this logged as a fault and send an engineer?", "visit"),
        ("Why was it logged as low priority?", "cause"),
        ("Can you tell me who it was passed on to?", "inform"),
        ("Is this logged?", "question"),
        ("Please send someone who'll actually listen to a call.", "visit"),
        ("I want your most senior person on a call with me", "escalate"),
        ("A refund for every day it's been off", "money"),
        ("Compensation for the data I've had to buy", "money"),
        ("Give me a realistic time it'll be back", "when"),
        ("A time, an actual time, for when this will be fixed", "when"),
        ("tell me why it came back", "cause"),
        ("I want to know how this happened", "cause"),
        ("I want to know whether patient data has been stolen", "security_data"),
        ("Take me off your marketing list immediately", "stop_contact"),
        ("Put it back TODAY.", "revert"),
        ("Put the old one back or give me a toggle", "revert"),
        ("I'd like a written apology", "apology"),
        ("You should apologise to me.", "apology"),
        # an apology they have to make to others asks nothing of us
        ("Would be nice not to have to apologise to any more customers.", "statement"),
        ("I had to apologise to our clients for your mistake.", "statement"),
        # ... but one asked of us, to anyone, is an apology asked for
        ("Please apologise to our customers.", "apology"),
        ("I want you to apologise to our clients", "apology"),
        ("What should I do?", "what_to_do"),
        ("Any ideas?", "what_to_do"),
        ("Any other ideas?", "what_to_do"),
        ("Anything you'd like me to try?", "what_to_do"),
        # venting put as a question: answered by the acknowledgement, not "we'll find out"
        ("WTF, guys?", "rhetorical"),
        ("what in blazes is going on here?", "rhetorical"),
        ("THIS is when you pick to go down??", "rhetorical"),
        ("HOW IS THIS STILL NOT FIXED.", "rhetorical"),
        ("Bit much?", "rhetorical"),
        ("WHAT THE HECK?!", "rhetorical"),
        ("Whoever set up your ticket system should be fired.", "rhetorical"),
        ("Is anyone at your company capable of actually looking at the problem?", "rhetorical"),
        ("I've paid you every month for two years", "rhetorical"),
        ("Who is in charge over there??", "escalate"),
        ("I've complained to your helpdesk how many times now?", "rhetorical"),
        ("Back now but come on.", "rhetorical"),
        ("WHERE IS YOUR ON-CALL?!?!", "attend"),
        # leave given asks for nothing
        ("Feel free to escalate that to whoever you like.", "statement"),
        # ... but real asks that share their words stay asks
        ("Can you come on Tuesday instead?", "do"),
        ("How many times do I need to enter the code?", "question"),
        ("what the hell is this charge on my bill?", "question"),
        ("I have been on hold for an hour, can someone call me?", "call"),
        ("Feel free to call me on 0161 555 0101 any time after 2.", "call"),
        ("Who is in charge of my case?", "question"),
        ("Where is your support office located?", "question"),
        ("I want my $13 back #lyingdriver #theft", "money"),  # money back, however much
        ("How long does the supplier retain email correspondence?", "question"),  # a fact
        ("How long will it take?", "when"),
        ("How long will the outage last?", "when"),
        ("Any chance of a keyboard that isn't sticky?", "do"),  # asks for one
        ("I want whoever is in charge of this project to call me today.", "escalate"),
        ("Let me spell this out, since nobody there owns a calendar.", "statement"),
        ("I expect someone physically in our office by 9am tomorrow to fix it", "visit"),
        (
            "I would like to know who made this decision and on what grounds.",
            "inform",
        ),  # asks for the fix: its first line answers it
        ("Is there a fix?", "what_to_do"),
        ("Any ideas on the cost?", "cost"),  # a price is sent, not "we'll find out"
        ("How much is the data used?", "question"),
        ("What would that cost us?", "cost"),
        ("How much would a new laptop cost?", "cost"),
        ("Is there a charge?", "cost"),
        # money back, a cancellation or a price put back are theirs, not a price to send
        ("Will you refund the cost of the repair?", "money"),
        ("How much will it cost to cancel my contract?", "cancel"),
        ("Put the price back", "revert"),
        # a cost centre, "at any cost", an approved quote: no price asked for
        ("The cost centre 4410 is wrong, can you change it?", "question"),
        ("The quote was approved, can you book it in?", "question"),
        ("is there a way to turn on version history for the whole workspace", "how"),
        ("Please keep me updated", "update"),
        ("Could you let me know either way?", "inform"),
        ("An engineer TOMORROW to reconnect the line", "visit"),
        ("Can someone come to the house on Friday?", "visit"),
        ("Please ring 07700 900731 if easier.", "call"),
        ("Should I ring 0345 300 3000?", "what_to_do"),  # asks what to do, not for a call
        ("Could someone come down to the ward?", "visit"),
        ("Can you come to reception at 3?", "visit"),
        (
            "Can someone with a full export contact me on +1 212 555 0148 as soon as possible.",
            "call",
        ),
        # statements that "come to that email" ask for nobody to come
        ("Please can someone stop it, all my bank statements come to that email.", "do"),
        ("FIX IT.", "attend"),
        ("Could you reset my voicemail PIN please", "do"),
        ("Is that your policy or ours?", "question"),
        ("Do you offer any nonprofit discount?", "question"),  # a question, not a refund
        ("Are you completely incapable of running a database?", "rhetorical"),
        ("Do you have ANY idea what it is like to open that?", "rhetorical"),
        ("Do NOT touch my desktop again.", "dont"),
        ("Anyone?", "attend"),
        ("I'm asking about a feature.", "statement"),
        # read as asks, they ask for nothing: the plan's next-update line covers them
        ("Friday is our busiest day for online orders", "statement"),
        ("Yes, I only have one abandoned-cart flow.", "statement"),
        ("I would be very grateful.", "statement"),
        ("Think about that.", "statement"),
        ("Read your price increase email.", "statement"),  # "I read ...", the "I" dropped
        ("A list of every other leaver whose access is still live.", "do"),  # a listed demand
        ("He has a trial on Thursday, so he needs a replacement set up", "do"),
        ("Please fix the permissions and let me know when it's done", "attend"),
        ("Where did they get my details?", "cause"),
        ("Somebody at your company needs to answer for this TODAY.", "escalate"),
        ("Would it be possible to arrange a short training session?", "do"),
        # a change to the product is not ours to promise; removing a charge is money back
        ("Could you please add export to .ods?", "feature"),
        ("Could you add a dark mode option?", "feature"),
        ("Could you add me to the finance distribution list?", "do"),
        ("Please remove the £9.99 delivery charge", "money"),
        # a disputed invoice cancelled is money decided by billing, not work we take on
        ("Cancel the invoice.", "money"),
        ("Can you void invoice INV-21177?", "money"),
        # ... not a mailbox, a folder or a template named after invoices
        ("Can you remove the Invoices shared mailbox from my Outlook?", "do"),
        ("Can you withdraw the bill scanning profile from the copier?", "do"),
        ("Is it safe to delete the old one now?", "question"),  # not "put the old one back"
        ("Do not call me", "dont"),  # never "we'll ring you"
        ("How do I export to Excel?", "how"),
        # asks for the way: answered by steps when the draft has them
        ("Is there a setting to fix this?", "how"),
        ("Is there a workaround for the date shift?", "how"),
        # ... after a lead-in
        ("Morning - whenever you get a sec, is there a way to mute the alerts at night?", "how"),
        # ... not after the problem told: the steps may be the problem's, not the question's
        ("The printer keeps jamming on every job, how do I order a replacement?", "question"),
        ("My mailbox says it is full, how do I clear space?", "how"),  # how to undo it
        ("Is there a fix for the outage yet?", "attend"),  # where things stand, not how
        ("Is there a setting on your side for the retention period we can see?", "question"),
        ("Can you add Sarah to the Export team?", "do"),
        ("Could you reset it, or I'm cancelling my contract", "do"),  # the threat is no ask
        ("Is this how you treat customers?", "rhetorical"),
        ("Should I just come down and fix it myself?", "rhetorical"),
        ("Do I need to come down there and fix it myself??", "rhetorical"),
        ("Honestly, take your time.", "statement"),
        ("Please cancel my subscription.", "cancel"),
        ("I want to cancel.", "cancel"),
        ("Could you terminate his sessions and suspend the account?", "do"),  # not cancelling
    ],
)
def test_asks_are_recognised_by_what_they_ask_for(text: str, expected: str) -> None:
    kind = "question" if text.endswith("?") else "request"
    assert ask_class(Ask(text, kind)) == expected  # type: ignore[arg-type]


def test_stopping_an_attack_is_told_from_asking_about_it() -> None:
    assert contains_attack(Ask("Freeze the payout NOW, lock the account", "request"))
    assert contains_attack(Ask("right now I need the number stopped and returned.", "request"))
    assert contains_attack(Ask("Please preserve the logs for our legal team.", "request"))
    assert contains_attack(Ask("Force sign-out of all sessions on our tenant", "request"))
    assert contains_attack(Ask("Can you wipe it or block it?", "question"))
    assert not contains_attack(Ask("Please don't lock it again", "request"))
    assert not contains_attack(Ask("Was my account accessed?", "question"))
    assert not contains_attack(Ask("Could you reset my voicemail PIN please?", "request"))


def test_what_an_ask_is_for_is_not_what_it_asks() -> None:
    # "so that I can roll back myself" was read as an ask to roll something back
    text = (
        "Is there a way to turn on version history for the whole workspace, so that if I do "
        "something silly again I can roll back myself?"
    )
    assert ask_class(Ask(text, "question")) in ("how", "question")
