"""One poller per (account, folder): PostgreSQL session-level advisory locks.

A worker holds the lock on a dedicated connection for as long as it polls that folder. When
the worker dies, its connection closes and PostgreSQL releases the lock, so another worker
takes the folder over on its next pass (imap-reliability.md §3.9). On SQLite (one file, one
worker) the lock is always granted.
"""

from __future__ import annotations

import hashlib
import logging
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from triage.errors import StoreBusy

log = logging.getLogger(__name__)


def lock_key(account: str, folder: str) -> int:
    """A stable signed 64-bit key (pg advisory locks take a bigint)."""
    digest = hashlib.sha256(f"triage-folder\0{account}\0{folder}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


class FolderLocks:
    engine: Engine
    _held: dict[tuple[str, str], Connection]

    def try_folder_lock(self, account: str, folder: str) -> bool:
        """True when this process may poll the folder (and keeps holding it until released)."""
        if self.engine.dialect.name != "postgresql":
            return True
        held: dict[tuple[str, str], Connection] = self.__dict__.setdefault("_held", {})
        key = (account, folder)
        conn = held.get(key)
        try:
            if conn is not None:
                # still ours? (a dropped connection lost the lock with it)
                conn.execute(text("SELECT 1"))
                return True
            conn = self.engine.connect()
            got = bool(
                conn.execute(
                    text("SELECT pg_try_advisory_lock(:k)"), {"k": lock_key(account, folder)}
                ).scalar()
            )
            conn.commit()
        except SQLAlchemyError as exc:
            held.pop(key, None)
            if conn is not None:
                _close(conn)
            raise StoreBusy(f"advisory lock for {account}/{folder}: {exc}") from exc
        if not got:
            _close(conn)
            return False
        held[key] = conn
        log.info("polling %s/%s (advisory lock taken)", account, folder)
        return True

    def release_folder_locks(self) -> None:
        held: dict[tuple[str, str], Connection] = self.__dict__.get("_held", {})
        for conn in held.values():
            _close(conn)
        held.clear()


def _close(conn: Any) -> None:
    try:
        conn.close()
    except Exception:  # the connection may already be dead; its lock died with it
        log.debug("closing a lock connection failed", exc_info=True)
