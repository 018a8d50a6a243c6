"""Mail that no person wrote to the desk: auto-replies, bounces, calendar notices, list
digests, newsletters. Their "please contact ..." and "Register now" are not asks, and their
dates are not deadlines, so the reader returns an empty reading for them.

The parse stage already tells these apart by their headers (``triage.parse.kinds``); this
is the same test for text read without headers (a pasted email, a JSON-Lines row, the
labelled data), from the subject (the parse stage's own auto-reply and bounce patterns) and
the footers such mail carries.
"""

from __future__ import annotations

import re

from triage.parse.kinds import automated_subject, away_notice

_SUBJECT = re.compile(
    r"^\s*(accepted|declined|tentative|canceled|cancelled|invitation|updated invitation"
    r"|read|recall|message blocked)\s*(event)?\s*:|\bdigest\b.*\bvol\b",
    re.IGNORECASE,
)
_FOOTER = re.compile(
    r"you(?:'re| are)? (?:receiving|getting) this|you received this (?:message|email)"
    r"|(?:click here to|or|to) unsubscribe|unsubscribe (?:here|anytime|any time|at any time)"
    r"|manage (?:your )?(?:notification|email )?(?:preferences|settings)"
    r"|update (?:your )?(?:email )?preferences|do not reply to this (?:message|email)"
    r"|this is an automated (?:message|response|reply|email)"
    r"|(?:mailbox|address|inbox) is (?:not|no longer) monitored"
    r"|replies to this address are not monitored|to stop receiving these"
    r"|no longer wish to receive|has accepted this (?:meeting|invitation)"
    r"|would like to recall the message|end of [\w-]+ digest",
    re.IGNORECASE,
)


def is_automated(subject: str, text: str) -> bool:
    return (
        automated_subject(subject)
        or away_notice(subject, text)
        or bool(_SUBJECT.search(subject) or _FOOTER.search(text))
    )
