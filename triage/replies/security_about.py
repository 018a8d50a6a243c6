"""What a security report is about, where no clause of it can be said back: its subject as a
topic ("the suspicious logins on 3 admin accounts"), never a lure's subject (a message they
received and forwarded, or were told something by). Pure."""

from __future__ import annotations

import re

from triage.replies.parts import Draft
from triage.replies.pretext import says_pretext
from triage.replies.subject_clause import loose_subject

FORWARDED = re.compile(r"(?i)(?:^|[\s\]:])fwd?\s*:")
_RECEIVED = re.compile(
    r"(?i)\b(?:e-?mails?|messages?|texts?|letters?|calls?|invoices?|notices?|links?|pop-?ups?)\b"
    r"[^.?!]{0,80}\b(?:asking|asked|asks|saying|says|said|claiming|claims|telling|told|"
    r"requesting|demanding)\b|\basking\s+(?:us|me)\s+to\b"
)
# a past tense or participle at either end of a topic is a clause's verb, not a thing
_VERB_ENDS = re.compile(r"(?i)^(?:\w+ed|sent|fell|got|had|lost|gave|paid|took|made|left|been)$")


def may_be_lure(d: Draft) -> bool:
    """The subject may be a message's they received: forwarded (any prefix: "RE: FW:", "[EXT]
    Fwd:"), or a body about a message that asked or told them something ("Supplier bank
    details changed" over "an email asking us to pay into a new account": review)."""
    return bool(FORWARDED.search(d.email.subject) or _RECEIVED.search(d.email.newest_text))


def security_about(d: Draft) -> str:
    """What their subject says the report is about, as a topic ("the suspicious logins on 3
    admin accounts", "the ransomware incident"), or "": never a lure's subject, a story a
    caller told, nor a subject that starts or ends on a verb ("Sent client file to wrong
    John", "bank details changed?"). Judges: "We're treating what you've told us as a security
    matter" restated nothing."""
    if says_pretext(d.text) or may_be_lure(d) or d.email.subject.rstrip().endswith("?"):
        return ""  # ("Data breach?" asks; thanked for "reporting the data breach" it is claimed)
    about = loose_subject(d.email.subject)
    words = about.split()[1:] if about.startswith("the ") else about.split()
    if not words or _VERB_ENDS.match(words[0]) or _VERB_ENDS.match(words[-1]):
        return ""
    return about
