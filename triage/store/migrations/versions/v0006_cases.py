"""Cases learned from the desk's own answers: the cases table.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04

One row per answer the desk gave to a stored customer email (an approved edit in the review
tool, or a reply imported from the Sent folder by `triage kb import-sent`), with that email's
pooled embedding, so composing can offer it as a candidate fix. ``ref`` makes a re-run or a
re-approval replace or skip, never add a second row.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email_id", sa.Integer(), nullable=False),
        sa.Column("ref", sa.String(), nullable=False),
        sa.Column("origin", sa.String(), nullable=False),
        sa.Column("agent", sa.String(), nullable=False),
        sa.Column("answered_at", _TS, nullable=False),
        sa.Column("question", sa.Text(), nullable=True),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("message_id", sa.String(), nullable=False),
        sa.Column("embedding", sa.LargeBinary(), nullable=True),
        sa.Column("model_version", sa.String(), nullable=True),
        sa.Column("created_at", _TS, nullable=False),
        sa.ForeignKeyConstraint(["email_id"], ["emails.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("ref", name="uq_case_ref"),
    )
    op.create_index("ix_cases_email_id", "cases", ["email_id"])


def downgrade() -> None:
    op.drop_index("ix_cases_email_id", table_name="cases")
    op.drop_table("cases")
