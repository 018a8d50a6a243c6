from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from tests.store.conftest import run_together
from triage.errors import ConfigError
from triage.store.engine import make_engine


def _connect(eng: Engine) -> None:
    with eng.connect() as conn:
        conn.execute(text("SELECT 1"))


def test_workers_opening_a_fresh_sqlite_file_together_all_get_wal(tmp_path: Path) -> None:
    # Without the retry, 4 connections switching a new file to WAL at once failed with
    # "database is locked" in about 1 start in 9 (SQLite skips its busy handler there),
    # so 25 fresh files make a regression all but certain to show.
    errors: list[BaseException] = []
    for n in range(25):
        engines = [make_engine(f"sqlite:///{tmp_path}/fresh{n}.db") for _ in range(4)]
        errors += run_together(_connect, engines)
        with engines[0].connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
        for eng in engines:
            eng.dispose()
    assert errors == []


def test_a_missing_directory_outside_the_data_dir_is_refused_not_created(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere" / "deep"
    with pytest.raises(ConfigError, match="does not exist") as err:
        make_engine(f"sqlite:///{target}/triage.db", data_dir=tmp_path / "data")
    assert str(target) in str(err.value)
    assert "mkdir -p" in str(err.value)
    assert not (tmp_path / "elsewhere").exists()
    # ".." cannot lead out of the data directory either
    with pytest.raises(ConfigError, match="does not exist"):
        make_engine(f"sqlite:///{tmp_path}/data/../out/triage.db", data_dir=tmp_path / "data")
    assert not (tmp_path / "out").exists()


def test_a_missing_directory_under_the_data_dir_is_created(tmp_path: Path) -> None:
    eng = make_engine(f"sqlite:///{tmp_path}/data/sub/triage.db", data_dir=tmp_path / "data")
    _connect(eng)
    eng.dispose()
    assert (tmp_path / "data" / "sub" / "triage.db").is_file()
