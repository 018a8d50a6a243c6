"""The database schema (sqlmodel). Only triage/store/ imports sqlmodel.

Identity of a message, twice over (imap-reliability.md §3.1):
- ``locations``: where we saw it, (account, folder, uidvalidity, uid) — unique;
- ``emails``: what it is, (account, message_id, content_hash) — unique, so the same message
  seen again under a new UIDVALIDITY, a new UID (Exchange) or in a second watched folder maps to
  the one row it already has. The content hash keeps two different messages that reuse a
  Message-ID (buggy mailers, spam) apart.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Text, UniqueConstraint
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
    # pipeline state after intake: new -> classified -> triaged (the next stages fill it)
    stage: str = Field(default="new", index=True)


class LocationRow(SQLModel, table=True):
    __tablename__ = "locations"
    __table_args__ = (
        UniqueConstraint("account", "folder", "uidvalidity", "uid", name="uq_location"),
    )

    id: int | None = Field(default=None, primary_key=True)
    email_id: int = Field(foreign_key="emails.id", index=True)
    account: str
    folder: str
    uidvalidity: int
    uid: int
    seen_at: datetime = Field(sa_type=UTCDateTime)


class SyncStateRow(SQLModel, table=True):
    __tablename__ = "sync_state"
    __table_args__ = (UniqueConstraint("account", "folder", name="uq_sync_state"),)

    id: int | None = Field(default=None, primary_key=True)
    account: str
    folder: str
    uidvalidity: int
    # highest UID whose message is committed here; the next pass asks for UIDs above it
    last_uid: int = 0
    uidnext: int | None = None
    highestmodseq: int | None = None
    last_sync: datetime | None = Field(default=None, sa_type=UTCDateTime)
    uidvalidity_changes: int = 0
