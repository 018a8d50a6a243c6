"""IMAP numbers as BIGINT: UIDVALIDITY and UIDs are unsigned 32-bit, mod-sequences 63-bit.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23

PostgreSQL's INTEGER stops at 2**31 - 1, so a server with a large UIDVALIDITY or
HIGHESTMODSEQ could not be synced. (SQLite's INTEGER is 64-bit already: its columns only
change their declared type.)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_COLUMNS = {
    "locations": (("uidvalidity", False), ("uid", False)),
    "sync_state": (
        ("uidvalidity", False),
        ("last_uid", False),
        ("uidnext", True),
        ("highestmodseq", True),
    ),
    "mailbox_actions": (("dest_uid", True),),
}


def _retype(old: sa.types.TypeEngine[int], new: sa.types.TypeEngine[int]) -> None:
    for table, columns in _COLUMNS.items():
        with op.batch_alter_table(table) as batch:
            for name, nullable in columns:
                batch.alter_column(name, existing_type=old, type_=new, existing_nullable=nullable)


def upgrade() -> None:
    _retype(sa.Integer(), sa.BigInteger())


def downgrade() -> None:
    _retype(sa.BigInteger(), sa.Integer())
