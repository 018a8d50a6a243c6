"""Earlier contact: how many earlier emails came from this sender, or belong to this thread,
and how many of those were about the same matter (the thread, or the sender's same subject).

One rule for every path that decides: the store applies it to the rows it holds (one query per
batch), ``suggest --jsonl`` to the earlier lines of its file. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from triage.domain import Email, History
from triage.subjects import bare_subject


@dataclass(frozen=True, slots=True)
class Seen:
    """What history needs of an earlier email."""

    received_at: datetime
    from_address: str | None
    message_id: str | None
    in_reply_to: str | None
    subject: str = ""


# a ticket reference a system adds at the end ("(ref INC0012)", "[#66014]")
_TICKET = re.compile(r"\s*(?:\[[^\]]*\]|\((?:ref\b|#)[^)]*\))\s*$", re.I)
# subjects that name no matter: two emails called "Help" are not about the same thing
_NAMES_NOTHING = re.compile(
    r"^(?:no subject|help|help needed|urgent|question|query|problem|issue|request|hello|hi|"
    r"support|it|it support|fyi|important|enquiry|inquiry|follow up|following up)?$"
)


def subject_key(subject: str) -> str:
    """The subject without reply/forward marks, tags, a trailing ticket reference, case,
    spacing or end punctuation: two emails from one sender with the same key are about the
    same matter. "" for a subject that names no matter ("Help", "Urgent", "(no subject)")."""
    bare = _TICKET.sub("", bare_subject(subject))
    key = " ".join(bare.lower().split()).strip(" .!?-:()")
    return "" if _NAMES_NOTHING.match(key) else key


def seen_of(email: Email, received_at: datetime) -> Seen:
    return Seen(received_at, email.from_address, email.message_id, email.in_reply_to, email.subject)


def thread_refs(email: Email) -> set[str]:
    """The Message-IDs this email answers (In-Reply-To and References)."""
    return {r for r in (email.in_reply_to, *email.references) if r}


def history_of(
    email: Email, received_at: datetime, earlier: Iterable[Seen], window_days: int
) -> History:
    """Count the ``earlier`` emails received within the window before this one from the same
    sender (address, any case) and in the same thread (their Message-ID or In-Reply-To is
    among this email's references); of those, the ones about the same matter: in the thread,
    or from the sender under the same subject (``subject_key``). Only the matter count may be
    told back to the customer ("our records show one earlier message from you"): a repeat
    sender's earlier email is usually about something else (69 senders of the synthetic set
    write about two or more unrelated things), and "sorry it still isn't resolved" would be
    false."""
    since = _aware(received_at) - timedelta(days=window_days)
    sender = (email.from_address or "").lower()
    refs = thread_refs(email)
    recent = [e for e in earlier if _aware(e.received_at) >= since]
    same_sender = sum(1 for e in recent if sender and (e.from_address or "").lower() == sender)
    thread = [e for e in recent if e.message_id in refs or e.in_reply_to in refs]
    key = subject_key(email.subject)
    same_subject = [
        e
        for e in recent
        if key and sender and (e.from_address or "").lower() == sender
        if subject_key(e.subject) == key
    ]
    return History(
        same_sender=same_sender,
        same_thread=len(thread),
        same_matter=len({id(e) for e in (*thread, *same_subject)}),
        window_days=window_days,
    )


def _aware(at: datetime) -> datetime:
    # the store gives aware datetimes on both backends; a naive one is UTC
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)
