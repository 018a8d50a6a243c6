from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from triage.flow.worker import StopFlag, Worker
from triage.store import Store
from triage.testing import FakeMailSource

from .test_sync import msg

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def make(tmp_path: Path, src: FakeMailSource, sleeps: list[float]) -> Worker:
    return Worker(
        store=Store.open(f"sqlite:///{tmp_path / 't.db'}"),
        source_factory=lambda: src,
        folders=["INBOX"],
        batch_size=10,
        max_bytes=None,
        clock=lambda: NOW,
        backoff_initial=1.0,
        backoff_max=8.0,
        rand=lambda: 1.0,
        sleep=sleeps.append,
    )


def test_worker_retries_with_backoff_then_syncs_and_stops(tmp_path: Path) -> None:
    src = FakeMailSource(connect_failures=3)
    src.folders["INBOX"].add(msg(1))
    sleeps: list[float] = []
    w = make(tmp_path, src, sleeps)
    src.on_wait = w.stop.request  # stop after the first successful pass
    w.run()
    assert src.connects == 4
    # full jitter with rand()=1 gives the ceilings 1, 2, 4 (slept in <=1 s steps)
    assert round(sum(sleeps)) == 7
    assert max(sleeps) <= 1.0
    assert w.store.counts()["total"] == 1


def test_news_during_wait_is_picked_up_on_the_next_pass(tmp_path: Path) -> None:
    src = FakeMailSource()
    sleeps: list[float] = []
    w = make(tmp_path, src, sleeps)
    arrivals = iter([msg(1), msg(2)])

    def on_wait() -> None:
        nxt = next(arrivals, None)
        if nxt is None:
            w.stop.request()
        else:
            src.folders["INBOX"].add(nxt)

    src.on_wait = on_wait
    w.run()
    assert w.store.counts()["total"] == 2
    assert src.connects == 1  # one connection, kept open across waits


def test_stop_flag_first_signal_requests_stop() -> None:
    flag = StopFlag()
    assert not flag()
    flag._handle(15, None)
    assert flag()
