"""The space each stored embedding is in: a column on emails.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06

Embeddings are now the base sentence model's (triage/classify/topic.py), made for finding
what an email is about, where they were the classifier's pooled vector. Cosines between two
spaces mean nothing, so each row says which made its vector; rows triaged before have none
(NULL), and their vectors count as made by their ``model_version``, which is what made them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("emails") as batch:
        batch.add_column(sa.Column("embedding_model", sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("emails") as batch:
        batch.drop_column("embedding_model")
