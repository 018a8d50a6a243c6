"""Alembic migrations on SQLite and on the real PostgreSQL (a database of its own per test).

The PostgreSQL cases create a fresh database (not the ``test`` one that conftest.py empties),
so they never collide with the store suite; absent server -> skip, under CI=true -> fail.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, make_url, text
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel

from tests.store.conftest import run_together
from triage.errors import SchemaError
from triage.store import Store, schema
from triage.store.engine import make_engine
from triage.store.tables import AuditRow

HEAD = "0007"  # the newest revision
PG_URL = os.environ.get("TRIAGE_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def _pg_admin() -> Engine:
    url = make_url(PG_URL).set(database="postgres")
    return create_engine(url, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'schema.db'}"
        return
    admin = _pg_admin()
    name = f"triage_schema_test_{uuid.uuid4().hex[:12]}"
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        admin.dispose()
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL at {PG_URL} is required under CI=true: {exc}")
        pytest.skip(f"PostgreSQL not reachable: {type(exc).__name__}: {exc}")
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    eng = make_engine(db_url)
    yield eng
    eng.dispose()


def _diffs(engine: Engine) -> list[object]:
    with engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn, opts={"compare_type": True, "compare_server_default": True}
        )
        return list(compare_metadata(ctx, SQLModel.metadata))


def _seed_0001(engine: Engine) -> None:
    """Rows as the intake release wrote them (only its columns exist)."""
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO emails (id, account, message_id, content_hash, status, size, "
                "subject, received_at, kind, html_only, stage, newest_text) VALUES "
                "(1, 'help', '<a@x>', 'h1', 'parsed', 10, 'Printer', :t, 'customer', false, "
                "'new', 'it is broken'), "
                "(2, 'help', '<b@x>', 'h2', 'quarantined', 20, '', :t, 'customer', false, "
                "'quarantined', '')"
            ),
            {"t": NOW},
        )
        conn.execute(
            text(
                "INSERT INTO locations (email_id, account, folder, uidvalidity, uid, seen_at) "
                "VALUES (1, 'help', 'INBOX', 7, 1, :t), (2, 'help', 'INBOX', 7, 2, :t)"
            ),
            {"t": NOW},
        )
        conn.execute(
            text(
                "INSERT INTO sync_state (account, folder, uidvalidity, last_uid, "
                "uidvalidity_changes) VALUES ('help', 'INBOX', 7, 2, 0)"
            )
        )
        if engine.dialect.name == "postgresql":  # explicit ids above: move the sequence on
            conn.execute(text("SELECT setval('emails_id_seq', 2)"))


def test_head_is_the_last_revision() -> None:
    assert schema.head_revision() == HEAD


def test_upgrade_empty_database_matches_the_models(engine: Engine) -> None:
    assert schema.current_revision(engine) is None
    schema.upgrade(engine)
    assert schema.current_revision(engine) == schema.head_revision()
    assert _diffs(engine) == []
    schema.require_current(engine)


def test_upgrade_from_0001_keeps_rows(engine: Engine) -> None:
    schema.upgrade(engine, "0001")
    assert schema.current_revision(engine) == "0001"
    assert "audit" not in inspect(engine).get_table_names()
    _seed_0001(engine)

    schema.upgrade(engine)

    assert schema.current_revision(engine) == HEAD
    assert _diffs(engine) == []
    store = Store(engine)
    rows = {r.id: r for r in store.emails()}
    assert sorted(rows) == [1, 2]
    assert rows[1].subject == "Printer"
    assert rows[1].newest_text == "it is broken"
    assert rows[1].review == "pending"
    assert rows[1].supervisor is False
    assert rows[1].urgency is None
    assert rows[2].stage == "quarantined"
    assert [loc.uid for loc in store.locations("help", "INBOX")] == [1, 2]
    sync = store.folder_sync("help", "INBOX")
    assert sync is not None
    assert sync.last_uid == 2
    # the new tables work with the old rows (foreign keys intact)
    with Session(engine) as s:
        s.add(AuditRow(email_id=1, action="approve", agent="ann", at=NOW))
        s.commit()


def test_a_failed_upgrade_leaves_the_previous_revision(engine: Engine) -> None:
    schema.upgrade(engine, "0001")
    _seed_0001(engine)
    with engine.begin() as conn:  # a table in the way makes 0002 fail half-way through
        conn.execute(text("CREATE TABLE audit (x INTEGER)"))

    with pytest.raises(SchemaError, match="failed and was rolled back: .*audit"):
        schema.upgrade(engine)

    assert schema.current_revision(engine) == "0001"
    columns = {c["name"] for c in inspect(engine).get_columns("emails")}
    assert "urgency" not in columns
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM emails")).scalar_one() == 2


def test_require_current_refuses_an_old_schema(engine: Engine) -> None:
    schema.upgrade(engine, "0001")
    with pytest.raises(SchemaError) as err:
        schema.require_current(engine)
    assert str(err.value) == (
        f"database schema is at revision 0001, this version needs {HEAD}: run `triage db upgrade`"
    )


def test_require_current_refuses_an_empty_database(engine: Engine) -> None:
    with pytest.raises(SchemaError, match="no schema revision.*triage db upgrade"):
        schema.require_current(engine)


def test_ensure_schema_creates_an_empty_database_once(engine: Engine) -> None:
    schema.ensure_schema(engine)
    assert schema.current_revision(engine) == HEAD
    assert _diffs(engine) == []
    schema.ensure_schema(engine)  # at head: nothing to do
    assert schema.current_revision(engine) == HEAD


def test_ensure_schema_never_migrates_a_database_with_data(engine: Engine) -> None:
    schema.upgrade(engine, "0001")
    _seed_0001(engine)
    with pytest.raises(SchemaError, match=f"at revision 0001, this version needs {HEAD}"):
        schema.ensure_schema(engine)
    assert schema.current_revision(engine) == "0001"
    assert "audit" not in inspect(engine).get_table_names()


def test_a_revision_from_a_newer_version_is_refused(engine: Engine) -> None:
    schema.upgrade(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099'"))
    with pytest.raises(SchemaError, match="0099, which this version of triage does not know"):
        schema.ensure_schema(engine)
    with pytest.raises(SchemaError, match="0099, which this version of triage does not know"):
        schema.upgrade(engine)


def test_database_from_before_migrations_at_head_is_stamped(engine: Engine) -> None:
    SQLModel.metadata.create_all(engine)
    schema.ensure_schema(engine)
    assert schema.current_revision(engine) == HEAD


def test_database_from_before_migrations_at_0001_is_upgraded_by_upgrade(engine: Engine) -> None:
    schema.upgrade(engine, "0001")
    _seed_0001(engine)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE alembic_version"))

    with pytest.raises(SchemaError, match="before migrations and matches revision 0001"):
        schema.ensure_schema(engine)
    assert schema.current_revision(engine) is None

    schema.upgrade(engine)
    assert schema.current_revision(engine) == HEAD
    assert _diffs(engine) == []
    assert len(Store(engine).emails()) == 2


def test_unversioned_tables_matching_no_revision_are_refused(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE emails (id INTEGER PRIMARY KEY, body TEXT)"))
    with pytest.raises(SchemaError, match="match no revision"):
        schema.ensure_schema(engine)
    with pytest.raises(SchemaError, match="match no revision"):
        schema.upgrade(engine)


def test_concurrent_starts_on_an_empty_database_create_it_once(db_url: str) -> None:
    engines = [make_engine(db_url) for _ in range(3)]
    errors = run_together(schema.ensure_schema, engines)
    try:
        assert errors == []
        assert schema.current_revision(engines[0]) == HEAD
        assert _diffs(engines[0]) == []
    finally:
        for eng in engines:
            eng.dispose()


def test_downgrade_to_0001_and_back(engine: Engine) -> None:
    schema.upgrade(engine, "0001")
    _seed_0001(engine)
    schema.upgrade(engine)
    schema.downgrade(engine, "0001")
    assert schema.current_revision(engine) == "0001"
    assert "urgency" not in {c["name"] for c in inspect(engine).get_columns("emails")}
    assert "audit" not in inspect(engine).get_table_names()
    schema.upgrade(engine)
    assert _diffs(engine) == []
    assert len(Store(engine).emails()) == 2


def test_a_version_without_its_tables_is_refused(engine: Engine) -> None:
    schema.upgrade(engine)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE feedback"))
    with pytest.raises(SchemaError, match=r"tables are missing \(feedback\)"):
        schema.ensure_schema(engine)
