"""Frozen, typed values passed between the pipeline stages.

fetch -> RawMessage -> parse -> Email -> store -> classify -> Scores -> suggest -> Suggestion
-> route -> RouteDecision. Stages take and return these; nothing else crosses a stage boundary.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Literal


@dataclass(frozen=True, slots=True)
class MailKey:
    """Where a message lives: unique forever per RFC 3501 §2.3.1.1 (folder + UIDVALIDITY + UID)."""

    account: str
    folder: str
    uidvalidity: int
    uid: int

    def __str__(self) -> str:  # used in every log line about a message
        return f"{self.account}/{self.folder}/{self.uidvalidity}/{self.uid}"


@dataclass(frozen=True, slots=True)
class RawMessage:
    """Bytes as the mailbox gave them. ``data`` holds only the header block when ``oversized``."""

    key: MailKey
    data: bytes
    size: int
    oversized: bool = False
    internal_date: datetime | None = None
    # set when the server would not hand the message over: it is recorded (quarantined)
    # with this reason instead of being skipped, so nothing disappears silently
    fetch_error: str | None = None


@dataclass(frozen=True, slots=True)
class Attachment:
    filename: str | None
    content_type: str
    size: int


class MailKind(StrEnum):
    """Who wrote it: only ``customer`` mail is ever queued for a person."""

    CUSTOMER = "customer"
    AUTO_REPLY = "auto_reply"
    BOUNCE = "bounce"
    MAILING_LIST = "mailing_list"


@dataclass(frozen=True, slots=True)
class Email:
    """A parsed message. ``newest_text`` is what the customer just wrote (no quotes, no signature)."""

    message_id: str | None
    subject: str
    from_name: str | None
    from_address: str | None
    date: datetime | None
    newest_text: str
    quoted_text: str = ""
    signature: str = ""
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()
    to: tuple[str, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    kind: MailKind = MailKind.CUSTOMER
    kind_reason: str | None = None
    html_only: bool = False
    defects: tuple[str, ...] = ()
    # with the Message-ID the second identity of a message (parse.identity_hash): sha256 of
    # the body when there is a Message-ID, of the whole message when there is none
    content_hash: str = ""


@dataclass(frozen=True, slots=True)
class Evidence:
    """A phrase of the email that pushed a label up, with how much (model-specific units)."""

    label: str  # "urgency" | "frustration"
    phrase: str
    weight: float


@dataclass(frozen=True, slots=True)
class Scores:
    """The classifier's verdict on one email. Scores are expected level / 3, in [0, 1]."""

    urgency: int
    urgency_score: float
    frustration: int
    frustration_score: float
    not_customer: float
    evidence: tuple[Evidence, ...] = ()
    embedding: tuple[float, ...] = field(default=(), repr=False)
    model_version: str = ""
    # the reading heads on the same pass (empty when the artifact has none)
    guess: ReadingGuess | None = None
    # the space ``embedding`` is in (classify/topic.py's identity); "" means model_version's
    embedding_model: str = ""

    @property
    def space(self) -> str:
        """What made ``embedding``: vectors of two spaces are never compared."""
        return self.embedding_model or self.model_version


@dataclass(frozen=True, slots=True)
class ReadingGuess:
    """What the kind / scope / security heads make of an email, with their probabilities and
    the words that pushed the scope (the n-grams with the largest share of its score)."""

    kind: str
    kind_p: float
    scope: str
    scope_p: float
    security_p: float
    scope_words: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Intake:
    """One fetched message, ready to store: parsed, or quarantined (``error`` set) with headers.

    ``email`` is None only when not even the header block could be read.
    """

    key: MailKey
    size: int
    content_hash: str
    message_id: str | None
    email: Email | None
    error: str | None = None
    raw_headers: str | None = None
    # when the mailbox received it (IMAP INTERNALDATE): response targets start here, so a
    # backlog after an outage is due when it arrived, not when we finally fetched it
    received_at: datetime | None = None
    # a parsed message without a Message-ID: the body-only hash earlier versions stored as its
    # content_hash, so the store still finds (and re-keys) the rows they wrote
    legacy_hash: str | None = None

    @property
    def quarantined(self) -> bool:
        return self.error is not None


@dataclass(frozen=True, slots=True)
class FolderSync:
    """What the store remembers about one folder between passes."""

    account: str
    folder: str
    uidvalidity: int
    last_uid: int
    uidnext: int | None
    last_sync: datetime | None
    uidvalidity_changes: int = 0


@dataclass(frozen=True, slots=True)
class BatchResult:
    stored: int = 0
    quarantined: int = 0
    already_known: int = 0


@dataclass(frozen=True, slots=True)
class History:
    """Earlier emails the store holds from this sender / in this thread, within ``window_days``;
    ``same_matter``: those in the thread or from the sender under the same subject."""

    same_sender: int = 0
    same_thread: int = 0
    same_matter: int = 0
    window_days: int = 14

    @property
    def repeat(self) -> bool:
        return self.same_sender > 0 or self.same_thread > 0


Queue = Literal["priority", "normal", "ignored"]


@dataclass(frozen=True, slots=True)
class RouteDecision:
    """Where an email goes (route.py decides; the store saves it; views show it)."""

    queue: Queue
    due: datetime | None
    supervisor: bool
    repeat: bool
    reasons: tuple[str, ...]
    # the urgency the due time and the reply's promise use: the model's level, raised by the
    # reading (scope, security, the customer's deadline) where the policy says so
    urgency: int | None = None


AskType = Literal["request", "question"]
# the Reading's values (design/reading-labels.md), one list for the heads, the composer's
# rules and the knowledge base
READING_KINDS: tuple[str, ...] = (
    "fault",
    "outage",
    "request",
    "question",
    "chase",
    "policy_complaint",
    "feedback",
    "security",
)
READING_SCOPES: tuple[str, ...] = ("one", "team", "site", "everyone", "na")


@dataclass(frozen=True, slots=True)
class Ask:
    """One explicit request or question, as a short clause in the customer's own words (the
    reply answers each one, so the wording must be theirs, not a paraphrase)."""

    text: str
    type: AskType
    # the ask with its "it" or "them" named ("can you wipe my work iPhone or block it"), for
    # saying it back; "" when it has none (triage/reading/refers.py)
    named: str = ""


@dataclass(frozen=True, slots=True)
class Deadline:
    """The time the customer needs something by, as they wrote it. ``at`` is that time
    resolved in the desk's zone relative to when the email arrived, or None when the phrase
    names no clock time or date a calendar can hold ("before the board meets")."""

    phrase: str
    at: datetime | None


@dataclass(frozen=True, slots=True)
class Reading:
    """What the email is and asks, read before answering (design/reading-labels.md).

    ``kind``/``scope``/``security`` come from the reading heads on the encoder pass ("" when the
    artifact has none); asks, deadline, tried, language and ``says_wrote_before`` from the
    text; ``prior_contact`` from the store (earlier emails about this matter: in this thread, or
    from this sender under the same subject; ``History.same_matter``).
    """

    kind: str
    kind_p: float
    security: bool
    scope: str
    scope_words: tuple[str, ...]
    asks: tuple[Ask, ...]
    deadline: Deadline | None
    tried: tuple[str, ...]
    language: str
    prior_contact: int
    says_wrote_before: bool
    # the main problem as one short clause in the customer's words, for the reply to say back
    # in ours ("" when none could be cut cleanly): triage/reading/problem.py
    problem: str = ""
    # what the subject line names, as a noun phrase in our voice ("the grey streak on
    # prints"; "" when the subject is not one): triage/reading/topic.py
    topic: str = ""
    # the subject line as the clause it abbreviates, in our voice ("your deactivated users are
    # still showing up"; "" when it is not one): triage/reading/headline.py
    headline: str = ""
