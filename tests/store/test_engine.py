from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine

from triage.store.engine import make_engine


def test_workers_opening_a_fresh_sqlite_file_together_all_get_wal(tmp_path: Path) -> None:
    # Without the retry, 4 connections switching a new file to WAL at once failed with
    # "database is locked" in about 1 start in 9 (SQLite skips its busy handler there),
    # so 25 fresh files make a regression all but certain to show.
    errors: list[BaseException] = []
    for n in range(25):
        url = f"sqlite:///{tmp_path}/fresh{n}.db"
        engines = [make_engine(url) for _ in range(4)]
        gate = threading.Barrier(len(engines))

        def start(eng: Engine, gate: threading.Barrier = gate) -> None:
            gate.wait()
            try:
                with eng.connect() as conn:
                    conn.execute(text("SELECT 1"))
            except BaseException as exc:  # collected and asserted below
                errors.append(exc)

        threads = [threading.Thread(target=start, args=(eng,)) for eng in engines]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=30)
        with engines[0].connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
        for eng in engines:
            eng.dispose()
    assert errors == []
