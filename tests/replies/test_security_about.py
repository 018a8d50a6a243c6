"""security_about.py: what a security report is about, from its subject, where no clause of it
can be said back."""

from __future__ import annotations

import pytest

from triage.replies.config import ReplyConfig
from triage.replies.knowledge import KnowledgeBase

from .test_compose import email, make, reading


@pytest.mark.parametrize(
    ("subject", "body", "about"),
    [
        (
            "Suspicious logins on 3 admin accounts",
            "We're seeing login alerts on three admin accounts from countries we don't operate in.",
            "the suspicious logins on 3 admin accounts",
        ),
        # a clause's verb at either end is no topic; a forwarded lure's subject is never said
        ("Sent client file to wrong John", "I emailed the client file to the wrong John.", ""),
        ("FW: Urgent invoice payment", "Is this real? It came from our CFO's account.", ""),
        # a question is not reported as fact ("Thank you for reporting the data breach")
        ("Data breach?", "We think some of our customer records may have been exposed.", ""),
        # nor a message they received that asked them for something
        (
            "Strange message on the office computer",
            "A message came up saying the files are locked and asking for payment.",
            "",
        ),
    ],
)
def test_a_security_report_is_thanked_for_what_its_subject_names(
    reply_config: ReplyConfig, keyword_kb: KnowledgeBase, subject: str, body: str, about: str
) -> None:
    # judges: "We're treating what you've told us as a security matter" restated nothing
    read = reading("security", security=True, scope="team")
    s = make(reply_config, keyword_kb, email(body, subject=subject), read=read)
    slots = reply_config.templates.slots["restate_security_about"]["any"]
    said = [t.format(topic=about) for t in slots]
    if about:
        assert any(line in s.acknowledge for line in said)
    else:
        assert not any(t.split("{")[0] in s.acknowledge for t in slots)
