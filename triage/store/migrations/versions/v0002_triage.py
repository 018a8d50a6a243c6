"""Triage: classification, suggestion, routing and review columns on emails; audit,
feedback and mailbox_actions tables.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

The schema of commit 43f7555. Rows stored by 0001 are intake-only, so they get the values a
new row starts with: nothing classified, not routed, review pending.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)

# In the models' order. NOT NULL columns need a value for the rows already there: the
# default only serves the upgrade and is dropped after it, so the table ends up exactly as
# the models create it.
_ADDED: tuple[
    tuple[str, sa.types.TypeEngine[Any], sa.ColumnElement[Any] | sa.TextClause | None], ...
] = (
    ("urgency", sa.Integer(), None),
    ("urgency_score", sa.Float(), None),
    ("frustration", sa.Integer(), None),
    ("frustration_score", sa.Float(), None),
    ("not_customer", sa.Float(), None),
    ("evidence", sa.Text(), None),
    ("embedding", sa.LargeBinary(), None),
    ("model_version", sa.String(), None),
    ("suggestion", sa.Text(), None),
    ("queue", sa.String(), None),
    ("due_at", _TS, None),
    ("supervisor", sa.Boolean(), sa.false()),
    ("repeat", sa.Boolean(), sa.false()),
    ("route_reasons", sa.Text(), None),
    ("triaged_at", _TS, None),
    ("review", sa.String(), sa.text("'pending'")),
    ("reply_text", sa.Text(), None),
    ("first_reviewed_at", _TS, None),
)
_FILLED = [(name, type_) for name, type_, default in _ADDED if default is not None]
_INDEXED = ("frustration_score", "queue", "review")


def _email_fk_table(
    name: str, *columns: sa.Column[object], constraints: tuple[sa.Constraint, ...] = ()
) -> None:
    op.create_table(
        name,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email_id", sa.Integer(), nullable=False),
        *columns,
        sa.ForeignKeyConstraint(["email_id"], ["emails.id"]),
        sa.PrimaryKeyConstraint("id"),
        *constraints,
    )
    op.create_index(f"ix_{name}_email_id", name, ["email_id"])


def upgrade() -> None:
    with op.batch_alter_table("emails") as batch:
        for name, type_, default in _ADDED:
            batch.add_column(
                sa.Column(name, type_, nullable=default is None, server_default=default)
            )
    # a second batch: on SQLite dropping a default rebuilds the table, after the fill above
    with op.batch_alter_table("emails") as batch:
        for name, type_ in _FILLED:
            batch.alter_column(
                name, existing_type=type_, existing_nullable=False, server_default=None
            )
        for name in _INDEXED:
            batch.create_index(f"ix_emails_{name}", [name])

    _email_fk_table(
        "audit",
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("agent", sa.String(), nullable=False),
        sa.Column("at", _TS, nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
    )
    _email_fk_table(
        "feedback",
        sa.Column("agent", sa.String(), nullable=False),
        sa.Column("at", _TS, nullable=False),
        sa.Column("urgency", sa.Integer(), nullable=False),
        sa.Column("frustration", sa.Integer(), nullable=False),
        sa.Column("not_customer", sa.Boolean(), nullable=False),
    )
    _email_fk_table(
        "mailbox_actions",
        sa.Column("account", sa.String(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("target", sa.String(), nullable=False),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("dest_uid", sa.Integer(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("created_at", _TS, nullable=False),
        sa.Column("done_at", _TS, nullable=True),
        constraints=(sa.UniqueConstraint("email_id", "action", name="uq_mailbox_action"),),
    )
    op.create_index("ix_mailbox_actions_state", "mailbox_actions", ["state"])


def downgrade() -> None:
    op.drop_index("ix_mailbox_actions_state", table_name="mailbox_actions")
    for name in ("mailbox_actions", "feedback", "audit"):
        op.drop_index(f"ix_{name}_email_id", table_name=name)
        op.drop_table(name)
    with op.batch_alter_table("emails") as batch:
        for name in _INDEXED:
            batch.drop_index(f"ix_emails_{name}")
        for name, _type, _default in reversed(_ADDED):
            batch.drop_column(name)
