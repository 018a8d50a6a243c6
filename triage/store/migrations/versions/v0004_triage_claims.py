"""Triage claims with a lease: claim_token and claim_until on emails.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04

Triage used to hold its rows locked in one transaction while the model ran; now a worker
claims rows in a short transaction (token + lease), decides outside any transaction, and
saves only what it still holds. Existing rows start unclaimed.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("emails") as batch:
        batch.add_column(sa.Column("claim_token", sa.String(), nullable=True))
        batch.add_column(sa.Column("claim_until", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("emails") as batch:
        batch.drop_column("claim_until")
        batch.drop_column("claim_token")
