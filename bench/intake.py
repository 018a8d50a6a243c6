"""Intake benchmark: mailbox -> committed rows (parse + store, no classification).

Starts a private Dovecot (tests/dovecot_harness.py), APPENDs realistic messages and reports,
in one run:
- emails/s of our path (UID SEARCH, BODY.PEEK[] in batches of 100, one commit per batch)
  against the naive path (one FETCH and one commit per message) over the same mailbox;
- latency from APPEND to committed row while the worker idles in IMAP IDLE (p50/p95).

    python bench/intake.py [--messages 2000] [--latency-samples 50] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from imapclient import IMAPClient  # noqa: E402
from pydantic import SecretStr  # noqa: E402

from bench.mailgen import corpus  # noqa: E402
from tests.dovecot_harness import Dovecot  # noqa: E402
from triage.flow.sync import sync_folder  # noqa: E402
from triage.flow.worker import Worker  # noqa: E402
from triage.mailbox.imap import ImapMailSource  # noqa: E402
from triage.settings import ImapSettings  # noqa: E402
from triage.store import Store  # noqa: E402


def now() -> datetime:
    return datetime.now(UTC)


def settings(server: Dovecot, user: str, batch: int) -> ImapSettings:
    return ImapSettings(
        host="127.0.0.1",
        port=server.imaps_port,
        tls="implicit",
        ca_file=Path(server.cert_file),
        username=user,
        password=SecretStr("test"),
        batch_size=batch,
        idle_renew_seconds=540,
    )


def client(server: Dovecot, user: str) -> IMAPClient:
    c = IMAPClient(
        "127.0.0.1", port=server.imaps_port, ssl=True, ssl_context=server.ssl_context(), timeout=30
    )
    c.login(user, "test")
    return c


def throughput(server: Dovecot, user: str, batch: int, tmp: Path, n: int) -> float:
    store = Store.open(f"sqlite:///{tmp / f'tp-{batch}.db'}")
    src = ImapMailSource(settings(server, user, batch))
    src.connect()
    t0 = time.perf_counter()
    stats = sync_folder(src, store, "INBOX", batch_size=batch, max_bytes=None, clock=now)
    elapsed = time.perf_counter() - t0
    src.close()
    assert stats.stored == n, f"stored {stats.stored} of {n}"
    return n / elapsed


def latency(server: Dovecot, user: str, tmp: Path, samples: int) -> list[float]:
    store = Store.open(f"sqlite:///{tmp / 'lat.db'}")
    cfg = settings(server, user, 100)
    w = Worker(
        store=store,
        source_factory=lambda: ImapMailSource(cfg),
        folders=["INBOX"],
        batch_size=100,
        max_bytes=None,
        clock=now,
        wait_seconds=540,
    )
    thread = threading.Thread(target=w.run, daemon=True)
    thread.start()
    c = client(server, user)
    base = store.counts()["total"]
    # let the worker settle into IDLE
    while store.folder_sync("default", "INBOX") is None:
        time.sleep(0.05)
    time.sleep(0.5)
    out = []
    for i, data in enumerate(corpus(samples, seed=99)):
        t0 = time.perf_counter()
        c.append("INBOX", data)
        while store.counts()["total"] < base + i + 1:
            time.sleep(0.005)
        out.append(time.perf_counter() - t0)
        time.sleep(0.2)  # the worker goes back into IDLE between samples
    w.stop.request()
    thread.join(15)
    c.logout()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--messages", type=int, default=2000)
    ap.add_argument("--latency-samples", type=int, default=50)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    with Dovecot(users={"bench": "test"}) as server, tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        c = client(server, "t-bench")
        msgs = corpus(args.messages)
        t0 = time.perf_counter()
        for data in msgs:
            c.append("INBOX", data)
        append_rate = len(msgs) / (time.perf_counter() - t0)
        c.logout()
        ours = throughput(server, "t-bench", 100, tmp, len(msgs))
        naive = throughput(server, "t-bench", 1, tmp, len(msgs))
        lat = latency(server, "t-lat", tmp, args.latency_samples)
    q = statistics.quantiles(lat, n=20)
    result = {
        "messages": len(msgs),
        "mean_bytes": int(sum(map(len, msgs)) / len(msgs)),
        "append_per_s": round(append_rate, 1),
        "ours_emails_per_s": round(ours, 1),
        "naive_emails_per_s": round(naive, 1),
        "speedup": round(ours / naive, 2),
        "idle_latency_p50_s": round(statistics.median(lat), 3),
        "idle_latency_p95_s": round(q[18], 3),
        "latency_samples": len(lat),
        "targets": {"emails_per_s": 500, "p95_latency_s": 2.0},
    }
    if args.json:
        print(json.dumps(result))
    else:
        for k, v in result.items():
            print(f"{k:>22}: {v}")


if __name__ == "__main__":
    main()
