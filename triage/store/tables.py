"""The database schema (sqlmodel). Only triage/store/ imports sqlmodel.

Identity of a message, twice over (imap-reliability.md §3.1):
- ``locations``: where we saw it, (account, folder, uidvalidity, uid) — unique;
- ``emails``: what it is, (account, message_id, content_hash) — unique, so the same message
  seen again under a new UIDVALIDITY, a new UID (Exchange) or in a second watched folder maps to
  the one row it already has. The content hash (``parse.identity_hash``: the body, or the
  whole message when there is no Message-ID) keeps two different messages that reuse a
  Message-ID (buggy mailers, spam), or that have none, apart.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Column, LargeBinary, Text, UniqueConstraint
from sqlmodel import Field, SQLModel, UTCDateTime


class EmailRow(SQLModel, table=True):
    __tablename__ = "emails"
    __table_args__ = (UniqueConstraint("account", "message_id", "content_hash", name="uq_email"),)

    id: int | None = Field(default=None, primary_key=True)
    account: str = Field(index=True)
    message_id: str = Field(default="", index=True)  # "" when the header is missing
    content_hash: str
    status: str = Field(default="parsed", index=True)  # parsed | quarantined
    error: str | None = Field(default=None, sa_column=Column(Text))
    raw_headers: str | None = Field(default=None, sa_column=Column(Text))
    size: int = 0
    subject: str = ""
    from_name: str | None = None
    from_address: str | None = Field(default=None, index=True)
    date: datetime | None = Field(default=None, sa_type=UTCDateTime)
    received_at: datetime = Field(sa_type=UTCDateTime, index=True)
    in_reply_to: str | None = None
    thread_refs: str = Field(default="[]", sa_column=Column(Text))  # JSON list of References
    newest_text: str = Field(default="", sa_column=Column(Text))
    quoted_text: str = Field(default="", sa_column=Column(Text))
    signature: str = Field(default="", sa_column=Column(Text))
    attachments: str = Field(default="[]", sa_column=Column(Text))  # JSON list of objects
    kind: str = "customer"
    kind_reason: str | None = None
    html_only: bool = False
    defects: str = Field(default="[]", sa_column=Column(Text))  # JSON list
    # pipeline state after intake: new -> triaged; a quarantined row stays "quarantined" until
    # `triage requeue` parses it again: then new, or duplicate (the message has a row already)
    stage: str = Field(default="new", index=True)
    # classification (one encoder pass)
    urgency: int | None = None
    urgency_score: float | None = None
    frustration: int | None = None
    frustration_score: float | None = Field(default=None, index=True)
    not_customer: float | None = None
    evidence: str = Field(default="[]", sa_column=Column(Text))  # JSON list of objects
    embedding: bytes | None = Field(default=None, sa_column=Column(LargeBinary))  # float32
    model_version: str | None = None
    # the space ``embedding`` is in (classify/topic.py); NULL: made by ``model_version``
    embedding_model: str | None = None
    # the reading (JSON: kind, scope, asks, deadline, tried, language, ...), see triage/reading/
    reading: str | None = Field(default=None, sa_column=Column(Text))
    # suggestion (JSON of the Suggestion) and routing
    suggestion: str | None = Field(default=None, sa_column=Column(Text))
    queue: str | None = Field(default=None, index=True)  # priority | normal | ignored
    due_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    supervisor: bool = False
    repeat: bool = False
    route_reasons: str = Field(default="[]", sa_column=Column(Text))
    triaged_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # the agents' review: pending -> approved | rejected -> sent
    review: str = Field(default="pending", index=True)
    reply_text: str | None = Field(default=None, sa_column=Column(Text))
    first_reviewed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # the triage claim: a worker holds a new row until claim_until (a lease, so a killed
    # worker's rows go back to the pool); cleared when the decision is saved
    claim_token: str | None = None
    claim_until: datetime | None = Field(default=None, sa_type=UTCDateTime)


class LocationRow(SQLModel, table=True):
    __tablename__ = "locations"
    __table_args__ = (
        UniqueConstraint("account", "folder", "uidvalidity", "uid", name="uq_location"),
    )

    id: int | None = Field(default=None, primary_key=True)
    email_id: int = Field(foreign_key="emails.id", index=True)
    account: str
    folder: str
    uidvalidity: int = Field(sa_type=BigInteger)
    uid: int = Field(sa_type=BigInteger)
    seen_at: datetime = Field(sa_type=UTCDateTime)


class SyncStateRow(SQLModel, table=True):
    __tablename__ = "sync_state"
    __table_args__ = (UniqueConstraint("account", "folder", name="uq_sync_state"),)

    id: int | None = Field(default=None, primary_key=True)
    account: str
    folder: str
    uidvalidity: int = Field(sa_type=BigInteger)
    # highest UID whose message is committed here; the next pass asks for UIDs above it.
    # IMAP numbers are unsigned 32-bit (mod-sequences 63-bit): BIGINT, or PostgreSQL overflows.
    last_uid: int = Field(default=0, sa_type=BigInteger)
    uidnext: int | None = Field(default=None, sa_type=BigInteger)
    highestmodseq: int | None = Field(default=None, sa_type=BigInteger)
    last_sync: datetime | None = Field(default=None, sa_type=UTCDateTime)
    uidvalidity_changes: int = 0


class AuditRow(SQLModel, table=True):
    """Every agent action: who, when, what (an edit keeps its diff, a reject its reason)."""

    __tablename__ = "audit"

    id: int | None = Field(default=None, primary_key=True)
    email_id: int = Field(foreign_key="emails.id", index=True)
    action: str  # approve | edit | reject | send | relabel | mailbox | requeue
    agent: str
    at: datetime = Field(sa_type=UTCDateTime)
    detail: str = Field(default="{}", sa_column=Column(Text))  # JSON


class FeedbackRow(SQLModel, table=True):
    """An agent's corrected labels for an email, exportable in the eval format."""

    __tablename__ = "feedback"

    id: int | None = Field(default=None, primary_key=True)
    email_id: int = Field(foreign_key="emails.id", index=True)
    agent: str
    at: datetime = Field(sa_type=UTCDateTime)
    urgency: int
    frustration: int
    not_customer: bool = False


class MailboxActionRow(SQLModel, table=True):
    """A change to make in the mailbox AFTER the triage commit (copy to the priority folder,
    set a keyword). Recorded in the same transaction as the decision, applied afterwards,
    and replayed idempotently after a crash."""

    __tablename__ = "mailbox_actions"
    __table_args__ = (UniqueConstraint("email_id", "action", name="uq_mailbox_action"),)

    id: int | None = Field(default=None, primary_key=True)
    email_id: int = Field(foreign_key="emails.id", index=True)
    account: str
    action: str  # copy | keyword
    target: str  # destination folder or keyword
    state: str = Field(default="pending", index=True)  # pending | done | skipped | failed
    dest_uid: int | None = Field(default=None, sa_type=BigInteger)
    attempts: int = 0
    last_error: str | None = Field(default=None, sa_column=Column(Text))
    created_at: datetime = Field(sa_type=UTCDateTime)
    done_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class CaseRow(SQLModel, table=True):
    """A case learned from the desk's own answer to a stored customer email (an approved
    edit, or a reply found in the Sent folder): retrievable next to the knowledge base by the
    customer email's embedding, in the space its row names (triage/replies/cases.py)."""

    __tablename__ = "cases"
    __table_args__ = (UniqueConstraint("ref", name="uq_case_ref"),)

    id: int | None = Field(default=None, primary_key=True)
    email_id: int = Field(foreign_key="emails.id", index=True)  # the customer email answered
    # what makes it one case: "review:<email id>" (re-approval replaces it), or the sent
    # message's Message-ID (`kb import-sent` imports each sent message once)
    ref: str
    origin: str  # approved | sent
    agent: str
    answered_at: datetime = Field(sa_type=UTCDateTime)
    question: str = Field(default="", sa_column=Column(Text))  # the customer's text, short
    answer: str = Field(default="", sa_column=Column(Text))  # the fix / answer the desk gave
    kind: str = ""  # the kind of reply of the answered email ("" when unknown)
    message_id: str = ""  # the answered email's Message-ID (not offered back to that email)
    embedding: bytes | None = Field(default=None, sa_column=Column(LargeBinary))  # float32
    model_version: str | None = None
    created_at: datetime = Field(sa_type=UTCDateTime)
