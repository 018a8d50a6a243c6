"""Intake: emails (what a message is), locations (where it was seen), sync_state.

Revision ID: 0001
Revises:
Create Date: 2026-11-23

The schema of the first release (commit 0ff157a), before classification existed.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "emails",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account", sa.String(), nullable=False),
        sa.Column("message_id", sa.String(), nullable=False),
        sa.Column("content_hash", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("raw_headers", sa.Text(), nullable=True),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("subject", sa.String(), nullable=False),
        sa.Column("from_name", sa.String(), nullable=True),
        sa.Column("from_address", sa.String(), nullable=True),
        sa.Column("date", _TS, nullable=True),
        sa.Column("received_at", _TS, nullable=False),
        sa.Column("in_reply_to", sa.String(), nullable=True),
        sa.Column("thread_refs", sa.Text(), nullable=True),
        sa.Column("newest_text", sa.Text(), nullable=True),
        sa.Column("quoted_text", sa.Text(), nullable=True),
        sa.Column("signature", sa.Text(), nullable=True),
        sa.Column("attachments", sa.Text(), nullable=True),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("kind_reason", sa.String(), nullable=True),
        sa.Column("html_only", sa.Boolean(), nullable=False),
        sa.Column("defects", sa.Text(), nullable=True),
        sa.Column("stage", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("account", "message_id", "content_hash", name="uq_email"),
    )
    for column in ("account", "message_id", "status", "from_address", "received_at", "stage"):
        op.create_index(f"ix_emails_{column}", "emails", [column])

    op.create_table(
        "locations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email_id", sa.Integer(), nullable=False),
        sa.Column("account", sa.String(), nullable=False),
        sa.Column("folder", sa.String(), nullable=False),
        sa.Column("uidvalidity", sa.Integer(), nullable=False),
        sa.Column("uid", sa.Integer(), nullable=False),
        sa.Column("seen_at", _TS, nullable=False),
        sa.ForeignKeyConstraint(["email_id"], ["emails.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("account", "folder", "uidvalidity", "uid", name="uq_location"),
    )
    op.create_index("ix_locations_email_id", "locations", ["email_id"])

    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account", sa.String(), nullable=False),
        sa.Column("folder", sa.String(), nullable=False),
        sa.Column("uidvalidity", sa.Integer(), nullable=False),
        sa.Column("last_uid", sa.Integer(), nullable=False),
        sa.Column("uidnext", sa.Integer(), nullable=True),
        sa.Column("highestmodseq", sa.Integer(), nullable=True),
        sa.Column("last_sync", _TS, nullable=True),
        sa.Column("uidvalidity_changes", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("account", "folder", name="uq_sync_state"),
    )


def downgrade() -> None:
    op.drop_table("sync_state")
    op.drop_index("ix_locations_email_id", table_name="locations")
    op.drop_table("locations")
    for column in ("account", "message_id", "status", "from_address", "received_at", "stage"):
        op.drop_index(f"ix_emails_{column}", table_name="emails")
    op.drop_table("emails")
