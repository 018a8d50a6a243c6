"""A failure of ours the customer reports (triage/replies/letdown.py)."""

from __future__ import annotations

import pytest

from triage.replies.letdown import let_down, long_wait, promised_call


@pytest.mark.parametrize(
    ("text", "failed"),
    [
        ("Promised callback about VAT - never happened", "call"),
        ("Day two with no working email. Still no callback. Seriously?", "call"),
        ("Nobody has rung me back to tell me what is happening.", "call"),
        ("The lady said someone would call me back that day, nobody did.", "call"),
        ("I was told someone would ring me today. They didn\u2019t.", "call"),
        ("They said someone would call me back and they did, within the hour.", None),
        # ... said by someone not ours, or what did not happen is not the call
        ("The courier said he would phone before delivering; he didn't and left it outside.", None),
        ("My bank said they would call me back about the fraud, they haven't yet.", None),
        ("The engineer said he would ring on his way. He hasn't arrived yet, no worries.", None),
        ("She said someone would call me back, and they did, but they didn't fix it.", None),
        # something we said would happen, then not done (judges: "no apology for the broken
        # promise")
        ('You said a specialist would call me "within 48 hours". That was last Monday.', "call"),
        (
            "I spoke to Tom in your billing team and he said he'd email a credit note the same "
            "day. I haven't received anything yet.",
            "broken",
        ),
        (
            "I spoke to Tom in your billing team and he said he'd email a credit note the same\n"
            "day. I haven't received anything yet.",
            "broken",
        ),
        (
            "You said the laptop would come with a charger. I haven't received the charger.",
            "broken",
        ),
        # said by someone else, kept after all, or an outcome of something else (review)
        ("The courier said he'd send a photo. I haven't received anything yet.", None),
        ("I was told by Barclays they would send a new card. I haven't received it yet.", None),
        (
            "You said an engineer would call. He did call, but I haven't heard about the refund.",
            None,
        ),
        (
            "You said you would send the invoice, and I haven't had a chance to look at it yet.",
            None,
        ),
        # a time we gave, long passed
        ("I was told 3-5 working days. It's now been two weeks.", "late"),
        ("I was told 3-5 working days. It\u2019s now been two weeks.", "late"),
        (
            'Your agent (Jess) told me it was "an area fault, fixed within 48 hours". It wasn\'t.',
            "late",
        ),
        ("I was told two weeks and it arrived in two weeks, thanks.", None),
        ("I was told by the courier 2 days. It's now been a week.", None),
        # ... not passed yet, not a problem, or given by someone else
        ("You said 5 working days. It's been 3 days so far, just checking.", None),
        ("I was told 2 weeks for the laptop and that's fine, it isn't urgent.", None),
        (
            "Your engineer said it would take 2 hours. It wasn't a problem, he was done in one.",
            None,
        ),
        ("I was told 3-5 working days by the Dell rep. It's now been two weeks.", None),
        ("I have been promised a callback SIX times.", "call"),
        ("Engineer no-show AGAIN. Still no internet.", "visit"),
        ("Both times I was promised an engineer within 48 hours. Nobody has come.", "visit"),
        ('I got a TEXT saying today\'s engineer appointment is "cancelled".', "visit"),
        ('You told me an HOUR ago my email was "locked". It\'s STILL sending spam.', "claim"),
        ("I was told it would definitely be ready. It wasn't.", "claim"),
        ("You told us at 11 it was resolved. It clearly isn't.", "claim"),
        (
            "Thanks for the reply telling me to restart my computer. As I said, I did that "
            "before I emailed you.",
            "advice",
        ),
        ('I\'ve been on your chat for an hour being told to "try resending". I HAVE.', "advice"),
        ('I have had ONE reply, asking me to "clear my cache". Are you kidding me?', "advice"),
        ("Two people logged tickets and heard nothing back.", "silence"),
        ("Both times I got an auto-acknowledgement and nothing else.", "silence"),
        ("Circling back, since my email of 10 days ago got no reply: it still fails.", "silence"),
        ("My ticket from Monday has had no response.", "silence"),
        ("My last two emails got no reply", "silence"),
        ("My emails to your support team have had no reply", "silence"),
        # judges: "thanks him for chasing instead of owning" these
        ("Still no reply to my question from 3 weeks ago. Pretty poor.", "silence"),
        ("I raised this at 08:20 marked high priority and haven't heard anything.", "silence"),
        ("I've emailed three times and rung once. Nobody replies.", "silence"),
        (
            "Yesterday we were told we'd have an update by close of business. We didn't.",
            "broken",
        ),
        (
            "You said that you'd have a quote by Friday at the latest. That was two Fridays ago.",
            "broken",
        ),
        (
            'I requested it in January, was told it would be "in the spring image". I checked'
            " today and it's simply not there.",
            "broken",
        ),
        ("We are still waiting for the service credit you agreed to in December.", "broken"),
        # the visit, not the call
        ("I took the morning off for the engineer visit. Nobody came and nobody rang.", "visit"),
        ("You keep saying restart it. I HAVE RESTARTED IT.", "advice"),
        ("I was promised a callback on Tuesday about my speakers. It's now Friday.", "call"),
        ("I was promised a callback and it came on time, thanks.", None),
        ("I was promised a callback and Sam rang as promised, thanks.", None),
        (
            "I was promised a call back on Monday and got one. Still waiting for the part though.",
            None,
        ),
        ("I was promised a callback this morning. It's now working fine", None),
        (
            "I was promised a callback on Tuesday. I'd appreciate someone actually ringing me "
            "like they said they would.",
            "call",
        ),
        ('Both times I was told it would be "credited next quarter". It hasn\'t been.', "claim"),
        # what is not a failure of ours: someone else's, a fault, a thanks, a request
        ("Nobody has been able to log in to the CRM since 9am.", None),
        ("Nobody has rung us since 9am - customers say our main line is dead.", None),
        ("Nobody has replied to my emails since Friday - I think my outgoing mail is stuck.", None),
        ("The seller never called me back", None),
        ("My manager never called me back", None),
        ("No one called in sick", None),
        ("No call recordings since the update", None),
        ("I've heard nothing from the supplier", None),
        # someone else's silence is not ours
        ("My email to the landlord got no reply", None),
        ("My email to Dave in accounts got no reply, can you check it arrived?", None),
        ("I haven't heard anything from the courier since Monday.", None),
        ("Nobody answers the phone on your helpline.", None),  # not getting through: no silence
        # review: a third party's silence, a fault of hearing, a calm check-in, their own mail
        ("We haven't heard anything back from Microsoft.", None),
        ("I haven't heard back about my leave request.", None),
        ("My headset is dead: I haven't heard anything through it since Monday.", None),
        ("No reply to my email to the supplier yet.", None),
        (
            "I reported the scanner fault to you this morning and I haven't heard anything yet -"
            " just checking you got it. No rush.",
            None,
        ),
        ("I emailed Dave on Friday and nobody has replied since. Is my mail stuck?", None),
        ("I emailed the landlord three times. Nobody replies.", None),
        ("We are still waiting for the budget sign-off you agreed we needed.", None),
        ("Still waiting for the new starter form that you confirmed you received.", None),
        ("My ticket with Microsoft got no response", None),
        ("My request to HR got no answer", None),
        ("The courier didn't turn up", None),
        ("My doctor's appointment was cancelled", None),
        ("You told me it was fixed and it has been great since. I never thought to ask.", None),
        ("You said the refund was processed, thank you! I still need help with my PIN", None),
        ("I was told by the shop the laptop was fixed, but it still crashes.", None),
        ("I was asked to email you by my manager. I've already tried restarting it.", None),
        ("Your agent told me to restart it. I HAVE NO TIME FOR THIS.", None),
        ("You asked me to send logs, and I have already sent them.", None),
        ("You called me back yesterday, thanks.", None),
        ("The office was shut on Monday so nobody came in. Could an engineer look at it?", None),
        ("You said the laptop was ready for collection. I haven't had a chance to get it.", None),
        ("Your agent told me to reset my password. I've already got a meeting at 3.", None),
        ("Your agent told me to restart it. I have a meeting at 3 so be quick.", None),
        ("No response from seller, cannot assist with the lost package.", None),
        ("My manager told me to email you; I've already restarted it.", None),
        ("I tried restarting it already, twice.", None),
        ("Could you call me back on 0161 555 0101?", None),
        ("The engineer came on Tuesday and it worked until today.", None),
        ("My phone has no dial tone.", None),
    ],
)
def test_the_failure_they_report(text: str, failed: str | None) -> None:
    assert let_down(text) == failed


@pytest.mark.parametrize(
    ("text", "promised"),
    [
        ("Twice I was told someone would call back within 15 minutes; nobody has.", True),
        ("They promised a call on Thursday and nobody rang.", True),
        ("Switchboard say they've bleeped someone twice. NOBODY has called back.", False),
        ("I rang you three times and nobody has called me back.", False),
    ],
)
def test_a_callback_is_said_to_be_ours_to_have_made_only_where_the_email_says_so(
    text: str, promised: bool
) -> None:
    assert promised_call(text) is promised


@pytest.mark.parametrize(
    ("text", "waited"),
    [
        ("I sent a bug report three weeks ago and it's still there.", True),
        ("I asked for the printer list to be updated in November.", True),
        ("We've been waiting two months for the credit.", True),
        ("No reply since January.", True),
        # a span ahead, an age or a plain duration is no wait of theirs
        ("I'll be away for two weeks from Friday.", False),
        ("The laptop is a month old.", False),
        ("We have a new starter in March; is the laptop on track?", False),
        ("The contract runs for 12 months.", False),
    ],
)
def test_a_long_wait_is_one_gone_by(text: str, waited: bool) -> None:
    assert long_wait(text) is waited
