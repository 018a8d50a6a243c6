"""Three worker processes, one PostgreSQL, one Dovecot mailbox of 3,000 messages.

Every message is ingested and triaged exactly once; one worker is SIGKILLed halfway (the one
polling the folder, so the advisory lock must move) and the others finish its share.
"""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from imapclient import IMAPClient
from sqlalchemy import func
from sqlmodel import Session, select

from triage.flow.runtime import load_classifier
from triage.settings import ImapSettings
from triage.store import Store
from triage.store.tables import EmailRow, LocationRow, MailboxActionRow

from .livehelp import REPO, TRIAGE, settings_for, support_email, worker_env, write_config
from .pghelp import fresh_database

pytestmark = [pytest.mark.live, pytest.mark.slow]
N = 3000


@pytest.fixture
def pg_url() -> Iterator[str]:
    with fresh_database("triage_scale") as url:
        yield url


@pytest.fixture
def pg_store(pg_url: str) -> Iterator[Store]:
    store = Store.open(pg_url)
    yield store
    store.close()  # before the database is dropped under its connections


def counts(store: Store) -> tuple[int, int, int]:
    with Session(store.engine) as s:
        emails = s.exec(select(func.count()).select_from(EmailRow)).one()
        triaged = s.exec(
            select(func.count()).select_from(EmailRow).where(EmailRow.stage == "triaged")
        ).one()
        locs = s.exec(select(func.count()).select_from(LocationRow)).one()
    return int(emails), int(triaged), int(locs)


def test_three_workers_share_the_work_and_survive_a_kill(
    imap: IMAPClient,
    imap_settings: Callable[..., ImapSettings],
    tmp_path: Path,
    pg_url: str,
    pg_store: Store,
) -> None:
    # build the inference graph once, before three processes would race to build it
    load_classifier(settings_for(imap_settings(), tmp_path))
    for n in range(N):
        imap.append("INBOX", support_email(n))
    cfg = write_config(imap_settings(), tmp_path, batch_size=50, poll_interval=1.0)
    cfg.write_text(
        cfg.read_text().replace(f"url = 'sqlite:///{tmp_path / 'triage.db'}'", f"url = '{pg_url}'")
    )
    store = pg_store
    logs = [tmp_path / f"w{i}.log" for i in range(3)]
    handles = [log.open("w") for log in logs]
    procs = []
    for handle in handles:
        procs.append(
            subprocess.Popen(
                [TRIAGE, "worker", "--config", str(cfg)],
                env=worker_env(),
                cwd=REPO,
                stdout=subprocess.DEVNULL,
                stderr=handle,
            )
        )
        time.sleep(0.3)
    try:
        deadline = time.monotonic() + 600
        while counts(store)[1] < N // 3:
            assert time.monotonic() < deadline, "too slow"
            assert all(p.poll() is None for p in procs), [lg.read_text()[-2000:] for lg in logs]
            time.sleep(0.5)
        holder = next(i for i, lg in enumerate(logs) if "advisory lock taken" in lg.read_text())
        procs[holder].kill()  # SIGKILL: no cleanup, mid-batch
        procs[holder].wait()
        while counts(store)[1] < N:
            assert time.monotonic() < deadline, f"stuck at {counts(store)}"
            time.sleep(0.5)
        time.sleep(2)  # anything still in flight would show up as a duplicate now
    finally:
        for p in procs:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        for p in procs:
            p.wait(60)
        for handle in handles:
            handle.close()
    emails, triaged, locs = counts(store)
    assert (emails, triaged, locs) == (N, N, N)
    taken = [i for i, lg in enumerate(logs) if "advisory lock taken" in lg.read_text()]
    assert len(taken) >= 2, "nobody took the folder over from the killed worker"
    with Session(store.engine) as s:
        mids = s.exec(select(EmailRow.message_id)).all()
        assert len(set(mids)) == N
        copies = s.exec(
            select(func.count())
            .select_from(MailboxActionRow)
            .where(MailboxActionRow.action == "copy")
        ).one()
        priority = s.exec(
            select(func.count()).select_from(EmailRow).where(EmailRow.queue == "priority")
        ).one()
    assert copies == priority
    imap.select_folder("INBOX", readonly=True)
    assert imap.search(["SEEN"]) == []
