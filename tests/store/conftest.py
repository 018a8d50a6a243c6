"""The store suite runs against SQLite and against the real PostgreSQL on 127.0.0.1:5432.

PostgreSQL is skipped when unreachable on a laptop, and is a failure under CI=true.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from sqlalchemy import create_engine, text

from triage.store import Store

T = TypeVar("T")


def run_together(fn: Callable[[T], object], args: list[T]) -> list[BaseException]:
    """Run ``fn(arg)`` for every arg on its own thread, all released at once; the errors."""
    gate = threading.Barrier(len(args))
    errors: list[BaseException] = []

    def one(arg: T) -> None:
        gate.wait()
        try:
            fn(arg)
        except BaseException as exc:  # collected for the caller to assert on
            errors.append(exc)

    threads = [threading.Thread(target=one, args=(a,)) for a in args]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return errors


PG_URL = os.environ.get("TRIAGE_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _pg_available() -> str | None:
    try:
        eng = create_engine(PG_URL, connect_args={"connect_timeout": 3})
        with eng.connect() as c:
            c.execute(text("select 1"))
        eng.dispose()
        return None
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'triage.db'}"
        return
    problem = _pg_available()
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL at {PG_URL} is required under CI=true: {problem}")
        pytest.skip(f"PostgreSQL not reachable: {problem}")
    _drop_all()
    yield PG_URL
    _drop_all()


def _drop_all() -> None:
    """Every table of the test database's public schema, with what depends on it: a table
    left by another version of the schema (a newer branch's, an older clone's) would otherwise
    block dropping ours."""
    eng = create_engine(PG_URL)
    with eng.begin() as c:
        names = c.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
        for (name,) in names.all():
            c.execute(text(f'DROP TABLE IF EXISTS "{name}" CASCADE'))
    eng.dispose()


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    s = Store.open(store_url)
    yield s
    s.close()
