"""Schema versions: the Alembic migrations in triage/store/migrations/, driven from code.

- ``upgrade`` is what ``triage db upgrade`` runs: it applies the missing revisions in one
  transaction (PostgreSQL and SQLite both have transactional DDL) under a lock, so two
  processes upgrading at once do it once.
- ``ensure_schema`` is for the embedded default: an EMPTY database (none of our tables) is
  created at head; a database at head passes; anything else is refused by
  ``require_current``. A worker never migrates a database that holds data: that is the
  operator's decision, after a backup.
- A database created before migrations existed (``create_all``, no ``alembic_version``) is
  recognised by its table and column NAMES, compared with what each revision creates; it is
  stamped with the revision it matches (``upgrade`` then goes on from there;
  ``ensure_schema`` stamps only when it matches head). Column types and indexes are not
  compared: before migrations the only way to get those tables was ``create_all`` of the
  same models, so the names are enough.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import SQLModel

import triage.store.tables  # noqa: F401  (fills SQLModel.metadata: our table names)
from triage.errors import SchemaError
from triage.store.engine import store_error

MIGRATIONS = Path(__file__).with_name("migrations")
VERSION_TABLE = "alembic_version"
# any fixed 64-bit key, the same in every process: serialises upgrades on PostgreSQL
_PG_LOCK_KEY = 0x7472696167650001

Columns = dict[str, frozenset[str]]


def _config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


@cache
def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(_config())


def head_revision() -> str:
    """The revision this version of triage needs."""
    heads = _script().get_heads()
    if len(heads) != 1:
        raise SchemaError(f"the migrations have {len(heads)} heads ({heads}); expected one")
    return heads[0]


def current_revision(engine: Engine) -> str | None:
    """The revision recorded in the database; None when it has none (empty or pre-migrations)."""
    with _translated(engine), engine.connect() as conn:
        return _current(conn)


def require_current(engine: Engine) -> None:
    """Raise SchemaError unless the database is at the head revision."""
    with _translated(engine), engine.connect() as conn:
        _require_current(conn)


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply the migrations up to ``revision`` (``triage db upgrade``)."""
    with _migrating(engine) as conn:
        _require_known(conn)
        legacy = _legacy_revision(conn)
        if legacy is not None:
            command.stamp(_config(conn), legacy)
        command.upgrade(_config(conn), revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Go back to ``revision`` (dropping what later revisions added: back up first)."""
    with _migrating(engine) as conn:
        _require_known(conn)
        command.downgrade(_config(conn), revision)


def ensure_schema(engine: Engine) -> None:
    """Create the schema in an empty database; otherwise insist it is at head (see module)."""
    with _translated(engine), engine.connect() as conn:
        if _current(conn) is not None:  # the common case: two reads, no lock
            _require_current(conn)
            _require_tables(conn)
            return
    with _migrating(engine) as conn:
        if _current(conn) is None:  # still none now that we hold the lock
            if not _our_tables(conn):
                command.upgrade(_config(conn), "head")
                return
            legacy = _legacy_revision(conn)
            if legacy == head_revision():
                command.stamp(_config(conn), legacy)
                return
            if legacy is not None:
                raise SchemaError(
                    f"database schema was created before migrations and matches revision "
                    f"{legacy}, this version needs {head_revision()}: run `triage db upgrade`"
                )
        _require_current(conn)  # another process created it while we waited; or refused


# -- internals ----------------------------------------------------------------------------


def _current(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def _require_current(conn: Connection) -> None:
    current, head = _current(conn), head_revision()
    if current == head:
        return
    if current is None:
        raise SchemaError(
            f"database has no schema revision (empty or created before migrations), this "
            f"version needs {head}: run `triage db upgrade`"
        )
    _require_known(conn)
    raise SchemaError(
        f"database schema is at revision {current}, this version needs {head}: "
        f"run `triage db upgrade`"
    )


def _require_known(conn: Connection) -> None:
    current = _current(conn)
    if current is not None and current not in {r.revision for r in _script().walk_revisions()}:
        raise SchemaError(
            f"database schema is at revision {current}, which this version of triage does not "
            f"know (written by a newer version?); this version needs {head_revision()}"
        )


def _require_tables(conn: Connection) -> None:
    missing = set(SQLModel.metadata.tables) - _our_tables(conn)
    if missing:
        raise SchemaError(
            f"database schema is at revision {_current(conn)} but tables are missing "
            f"({', '.join(sorted(missing))}): dropped by hand? restore a backup"
        )


def _our_tables(conn: Connection) -> set[str]:
    return set(inspect(conn).get_table_names()) & set(SQLModel.metadata.tables)


def _legacy_revision(conn: Connection) -> str | None:
    """The revision an unversioned database with our tables matches; None when not legacy."""
    insp = inspect(conn)
    if insp.has_table(VERSION_TABLE) or not _our_tables(conn):
        return None
    found = {t: frozenset(c["name"] for c in insp.get_columns(t)) for t in _our_tables(conn)}
    for rev in _script().walk_revisions():
        if _columns_at(rev.revision) == found:
            return rev.revision
    raise SchemaError(
        f"database has tables ({', '.join(sorted(found))}) but no schema revision, and they "
        f"match no revision of this version; restore a backup or start a new database"
    )


@cache
def _columns_at(revision: str) -> Columns:
    """Table -> column names that the migrations create up to ``revision`` (an in-memory run)."""
    scratch = create_engine("sqlite://")
    try:
        with scratch.begin() as conn:
            command.upgrade(_config(conn), revision)
            insp = inspect(conn)
            names = set(insp.get_table_names()) - {VERSION_TABLE}
            return {t: frozenset(c["name"] for c in insp.get_columns(t)) for t in names}
    finally:
        scratch.dispose()


@contextmanager
def _translated(engine: Engine) -> Iterator[None]:
    try:
        yield
    except CommandError as exc:
        raise SchemaError(f"schema migration: {exc}") from exc
    except SQLAlchemyError as exc:
        translated = store_error(exc, engine)
        if translated is not None:
            raise translated from exc
        raise


@contextmanager
def _migrating(engine: Engine) -> Iterator[Connection]:
    """One connection, one transaction, one migrator at a time; committed on success.

    Failing to connect or to get the lock is StoreBusy; a statement of the migration failing
    is SchemaError, after the rollback has left the database at the revision it was.
    """
    with _translated(engine), engine.connect() as conn, _locked_transaction(conn):
        try:
            yield conn
        except SQLAlchemyError as exc:
            raise SchemaError(
                f"schema migration failed and was rolled back: {getattr(exc, 'orig', None) or exc}"
            ) from exc


@contextmanager
def _locked_transaction(conn: Connection) -> Iterator[None]:
    if conn.dialect.name == "sqlite":
        with _sqlite_transaction(conn):
            yield
        return
    with conn.begin():
        if conn.dialect.name == "postgresql":
            # waits for another process's upgrade; released at commit or rollback
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
        yield


@contextmanager
def _sqlite_transaction(conn: Connection) -> Iterator[None]:
    """A real SQLite transaction around DDL, with foreign keys off.

    pysqlite only opens a transaction before INSERT/UPDATE/DELETE, so a failed migration
    would leave half its DDL behind; BEGIN IMMEDIATE on a connection in autocommit mode makes
    the whole upgrade one transaction and takes the write lock first. Foreign keys must be
    off (outside a transaction) while batch mode drops and renames a referenced table, or
    SQLite would refuse the drop; they are checked before the commit and switched back
    to what they were.
    """
    dbapi = conn.connection.dbapi_connection
    assert dbapi is not None
    foreign_keys = conn.exec_driver_sql("PRAGMA foreign_keys").scalar_one()
    conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
    conn.commit()
    saved = dbapi.isolation_level
    dbapi.isolation_level = None
    try:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
        try:
            yield
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise SchemaError(f"migration left {len(broken)} broken foreign keys")
        except BaseException:
            conn.rollback()
            raise
        conn.commit()
    finally:
        dbapi.isolation_level = saved
        conn.exec_driver_sql(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        conn.commit()
