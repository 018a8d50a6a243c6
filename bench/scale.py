"""End-to-end scale-out benchmark: fetch -> parse -> classify -> suggest -> route -> store,
with 1 and then 2 `triage worker` processes on one PostgreSQL against one Dovecot, in one run.

Each round uses a fresh mailbox and a fresh database with the same messages, and is timed
from the workers' start to the moment every message is triaged. It also checks that nothing
was processed twice. The machine has 2 cores: two workers compete with each other and with
Dovecot and PostgreSQL, so expect well under 2x; the point is that it scales and never
double-processes.

    python bench/scale.py [--messages 600] [--json] [--before REF]

``--before REF`` first runs the one-worker round with the code of git revision REF (checked out
into a temporary worktree and put first on the workers' PYTHONPATH), so a change's effect on
throughput is measured in the same run, on the same machine state, as today's code.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from imapclient import IMAPClient  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import Engine  # noqa: E402
from sqlalchemy.exc import ProgrammingError  # noqa: E402

from bench.mailgen import corpus  # noqa: E402
from tests.dovecot_harness import Dovecot  # noqa: E402
from tests.pghelp import fresh_database  # noqa: E402

TRIAGE = str(Path(sys.executable).with_name("triage"))


def config(server: Dovecot, user: str, db_url: str, tmp: Path, reading: bool | None) -> Path:
    """The worker's config; ``reading`` None leaves out the [reading] section (older code has
    none and refuses unknown sections)."""
    path = tmp / f"{user}.toml"
    path.write_text(
        f"""[imap]
host = "127.0.0.1"
port = {server.imaps_port}
tls = "implicit"
ca_file = "{server.cert_file}"
username = "{user}"
batch_size = 50
poll_interval = 1.0
[store]
url = "{db_url}"
[model]
threads = 1
cache_dir = "{REPO / "var" / "model-cache"}"
[paths]
data_dir = "{tmp / user}"
[worker]
heartbeat_seconds = 1.0
[log]
level = "WARNING"
"""
        + ("" if reading is None else f"[reading]\nenabled = {'true' if reading else 'false'}\n"),
        encoding="utf-8",
    )
    return path


def triaged(engine: Engine) -> tuple[int, int]:
    """(triaged, stored) rows, by plain SQL: the workers create the schema of their own
    version, so the bench must not create one (the --before code refuses a newer schema)."""
    try:
        with engine.connect() as c:
            row = c.execute(
                text("SELECT count(*) FILTER (WHERE stage = 'triaged'), count(*) FROM emails")
            ).one()
    except ProgrammingError:  # no table yet: the workers have not created it
        return 0, 0
    return int(row[0]), int(row[1])


def round_trip(
    server: Dovecot,
    workers: int,
    msgs: list[bytes],
    tmp: Path,
    code: Path | None = None,
    reading: bool | None = None,
) -> float:
    """Emails per second for ``workers`` worker processes; ``code``: run that checkout instead;
    ``reading``: the text reading on or off (None: the config does not say)."""
    user = (
        f"t-scale{workers}{'-before' if code else ''}{'' if reading is None else f'-r{reading:d}'}"
    )
    c = IMAPClient("127.0.0.1", port=server.imaps_port, ssl=True, ssl_context=server.ssl_context())
    c.login(user, "test")
    for data in msgs:
        c.append("INBOX", data)
    c.logout()
    with fresh_database("triage_bench") as url:
        engine = create_engine(url)
        cfg = config(server, user, url, tmp, reading)
        env = {**os.environ, "TRIAGE_IMAP_PASSWORD": "test"}
        if code is not None:
            env["PYTHONPATH"] = str(code)
        t0 = time.perf_counter()
        logs = [tmp / f"{user}-w{i}.log" for i in range(workers)]
        procs = [
            subprocess.Popen(
                [TRIAGE, "worker", "--config", str(cfg)],
                env=env,
                cwd=code or REPO,  # the --before code reads its own config/knowledge
                stdout=subprocess.DEVNULL,
                stderr=log.open("w"),
            )
            for log in logs
        ]
        try:
            while triaged(engine)[0] < len(msgs):
                if any(p.poll() is not None for p in procs):
                    tails = "\n".join(log.read_text()[-1500:] for log in logs)
                    raise RuntimeError(f"a worker died:\n{tails}")
                time.sleep(0.2)
            elapsed = time.perf_counter() - t0
        finally:
            for p in procs:
                p.send_signal(signal.SIGTERM)
            for p in procs:
                p.wait(60)
        done, total = triaged(engine)
        assert (done, total) == (len(msgs), len(msgs)), "processed twice or lost"
        engine.dispose()
    return len(msgs) / elapsed


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--messages", type=int, default=600)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--before", metavar="REF", help="also time one worker at this git revision")
    ap.add_argument(
        "--reading-off-too",
        action="store_true",
        help="also time one worker with [reading] enabled = false (the text reading's cost)",
    )
    args = ap.parse_args()
    msgs = corpus(args.messages, seed=7)
    # warm the inference-graph cache so neither round pays for building it
    from triage.flow.runtime import load_classifier
    from triage.settings import ModelSettings, Settings

    load_classifier(Settings(model=ModelSettings(cache_dir=REPO / "var" / "model-cache")))
    result: dict[str, object] = {"messages": len(msgs), "cores": os.cpu_count()}
    with Dovecot(users={"bench": "test"}) as server, tempfile.TemporaryDirectory() as d:
        if args.before:
            old = Path(d) / "before"
            subprocess.run(
                [
                    "git",
                    "-C",
                    str(REPO),
                    "worktree",
                    "add",
                    "-q",
                    "--detach",
                    str(old),
                    args.before,
                ],
                check=True,
            )
            try:
                before = round_trip(server, 1, msgs, Path(d), code=old)
            finally:
                subprocess.run(
                    ["git", "-C", str(REPO), "worktree", "remove", "--force", str(old)], check=True
                )
            result["before_ref"] = args.before
            result["before_one_worker_emails_per_s"] = round(before, 1)
        if args.reading_off_too:
            off = round_trip(server, 1, msgs, Path(d), reading=False)
            result["one_worker_reading_off_emails_per_s"] = round(off, 1)
        one = round_trip(server, 1, msgs, Path(d))
        two = round_trip(server, 2, msgs, Path(d))
    result |= {
        "one_worker_emails_per_s": round(one, 1),
        "two_workers_emails_per_s": round(two, 1),
        "ratio": round(two / one, 2),
        "double_processed": 0,
    }
    print(json.dumps(result) if args.json else "\n".join(f"{k}: {v}" for k, v in result.items()))


if __name__ == "__main__":
    main()
