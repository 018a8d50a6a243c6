"""A failure of ours the customer reports (triage/replies/letdown.py)."""

from __future__ import annotations

import pytest

from triage.replies.letdown import let_down


@pytest.mark.parametrize(
    ("text", "failed"),
    [
        ("Promised callback about VAT - never happened", "call"),
        ("Day two with no working email. Still no callback. Seriously?", "call"),
        ("Nobody has rung me back to tell me what is happening.", "call"),
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
        ("Nobody came and nobody rang.", "visit"),  # the visit, not the call
        ("You keep saying restart it. I HAVE RESTARTED IT.", "advice"),
        ('Both times I was told it would be "credited next quarter". It hasn\'t been.', "claim"),
        # what is not a failure of ours
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
