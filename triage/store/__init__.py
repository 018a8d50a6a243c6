"""The database: the source of truth for what was seen, stored and decided.

Every write is idempotent: a batch replayed after a crash, a UIDVALIDITY reset or a second
watched folder only adds locations to the rows that already exist.
"""

from triage.store.core import Store

__all__ = ["Store"]
