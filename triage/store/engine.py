"""Engine creation and database-error translation (SQLite in WAL mode, or PostgreSQL)."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError
from sqlmodel import Session, create_engine

from triage.errors import ConfigError, StoreBusy, StoreNotWritable, TriageError
from triage.store.access import ensure_directory, is_access_error, not_writable, sqlite_path


def make_engine(url: str, *, busy_timeout: float = 10.0, data_dir: Path | None = None) -> Engine:
    """Create the engine; SQLite gets WAL, a busy timeout and enforced foreign keys.

    A missing directory for a SQLite file is created only under ``data_dir``.
    """
    if url.startswith("sqlite"):
        path = sqlite_path(url)
        if path is not None:
            ensure_directory(path, data_dir)
        engine = create_engine(url, connect_args={"timeout": busy_timeout})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            # WAL: readers (the CLI) never block the worker's writes. synchronous=NORMAL is
            # crash-safe in WAL for an application crash; a power cut may drop the last
            # commits, but message rows and the sync high-water mark commit together, so the
            # next pass simply fetches those messages again.
            _enable_wal(cur, busy_timeout)
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute(f"PRAGMA busy_timeout={int(busy_timeout * 1000)}")
            cur.close()

        return engine
    if url.startswith("postgresql"):
        return create_engine(url, pool_pre_ping=True)
    raise ConfigError(f"[store] url: unsupported database URL scheme in {url.split(':', 1)[0]!r}")


def _enable_wal(cur: Any, timeout: float) -> None:
    """``PRAGMA journal_mode=WAL``, retried until ``timeout``.

    Switching a new file to WAL takes an exclusive lock, and SQLite answers a second
    connection switching at the same moment with "database is locked" at once, without
    waiting in its busy handler (both hold a shared lock and want the exclusive one). Workers
    starting together on a fresh database hit that; once the file is in WAL the pragma
    needs no lock, so this only ever loops on a brand-new file.
    """
    deadline = time.monotonic() + timeout
    delay = 0.002
    while True:
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.1)


def store_error(exc: SQLAlchemyError, engine: Engine) -> TriageError | None:
    """The triage error a database error stands for; None when it is none of ours (a bug).

    Checked before ``is_busy``: SQLite reports a file it may not write as an OperationalError
    too, and retrying that would only repeat the failure.
    """
    orig = getattr(exc, "orig", None)
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    path = Path(database) if database and database != ":memory:" else None
    if path is not None and orig is not None and is_access_error(orig):
        reason = not_writable(path)
        if reason is not None:
            return StoreNotWritable(reason)
        if "readonly" in str(orig):
            return StoreNotWritable(f"SQLite opened {path} read-only: {orig}")
    if is_busy(exc):
        return StoreBusy(f"database busy or unreachable: {orig or exc}")
    return None


def is_busy(exc: BaseException) -> bool:
    """True for errors that say 'try again later' (locked SQLite, dropped connection)."""
    if isinstance(exc, OperationalError):
        return True
    return isinstance(exc, DBAPIError) and exc.connection_invalidated


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One transaction: commit on success, roll back on any error; database errors translated
    (``store_error``)."""
    session = Session(engine, expire_on_commit=False)
    try:
        yield session
        session.commit()
    except SQLAlchemyError as exc:
        session.rollback()
        translated = store_error(exc, engine)
        if translated is not None:
            raise translated from exc
        raise
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
