"""The reading of each email: a JSON column on emails.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04

Kind, scope, security, asks, deadline, tried steps and language, computed once in the triage
path and shown by `show` and `queue --json`. Emails triaged before have none (NULL).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("emails") as batch:
        batch.add_column(sa.Column("reading", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("emails") as batch:
        batch.drop_column("reading")
