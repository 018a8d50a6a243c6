"""A database this user cannot write: exit 6 naming the path, its owner and the user running
triage (triage/store/access.py), never "another process may hold the database; retry".

Tests run as root, and root may write any file whatever its mode, so the test runs the one
triage command as an unprivileged user: ``setpriv`` switches to nobody (uid 65534) against a
database owned by root, which is the real mistake (a root-owned file, a service user). When
the suite itself runs unprivileged, the command runs as it is: chmod alone then makes the file
read-only. It skips, saying why, only as root without setpriv or where that user cannot read
the checkout.
"""

from __future__ import annotations

import os
import pwd
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from cli import EXIT_STORE
from triage.store import Store

REPO = Path(__file__).resolve().parents[2]
NOBODY = 65534
MESSAGE = (
    b"From: Dana <dana@customer.example>\nTo: support@helpdesk.example\nSubject: VPN\n"
    b"Message-ID: <ro1@customer.example>\nDate: Mon, 23 Nov 2026 09:00:00 +0000\n\nIt drops.\n"
)


def _prefix() -> list[str]:
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: cannot run triage as an unprivileged user")
    prefix = [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    probe = subprocess.run(
        [*prefix, sys.executable, "-c", "import cli"], cwd=REPO, capture_output=True, text=True
    )
    if probe.returncode != 0 and _open_the_way():
        probe = subprocess.run(
            [*prefix, sys.executable, "-c", "import cli"], cwd=REPO, capture_output=True, text=True
        )
    if probe.returncode != 0:
        pytest.skip(f"uid {NOBODY} cannot run this checkout's Python: {probe.stderr[-300:]}")
    return prefix


_OPENED: list[tuple[Path, int]] = []


def _open_the_way() -> bool:
    """Let other users pass through (search, not list) the folders above the checkout, and
    read the checkout's own top folder.

    A clone made by ``mktemp -d`` (mode 700) is closed to nobody, so the test would only skip.
    Restored when the module's tests end (``_restore``).
    """
    wanted = [(f, stat.S_IXOTH) for f in reversed(REPO.parents)]
    wanted.append((REPO, stat.S_IXOTH | stat.S_IROTH))
    for folder, bits in wanted:
        mode = folder.stat().st_mode
        if mode & bits != bits:
            _OPENED.append((folder, mode))
            folder.chmod(mode | bits)
    return bool(_OPENED)


@pytest.fixture(autouse=True, scope="module")
def _restore() -> Iterator[None]:
    yield
    while _OPENED:
        folder, mode = _OPENED.pop()
        folder.chmod(stat.S_IMODE(mode))


@pytest.fixture
def base() -> Iterator[Path]:
    # not under pytest's tmp_path: /tmp/pytest-of-root is closed to other users
    path = Path(tempfile.mkdtemp(prefix="triage-access-"))
    path.chmod(0o755)
    maildir = path / "mail"
    for sub in ("cur", "new", "tmp"):
        (maildir / sub).mkdir(parents=True)
    (maildir / "new" / "1.host").write_bytes(MESSAGE)
    data = path / "data"
    data.mkdir()
    data.chmod(0o777)  # the data directory is fine; only the store is not
    yield path
    for p in path.rglob("*"):
        if p.is_dir():
            p.chmod(0o755)
    shutil.rmtree(path)


def _store(base: Path, dir_mode: int) -> Path:
    store = base / "store"
    store.mkdir()
    store.chmod(dir_mode)
    db = store / "triage.db"
    Store.open(f"sqlite:///{db}").close()
    return db


def _poll(base: Path, db: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "TRIAGE_CONFIG": "",
        "TRIAGE_PATHS_DATA_DIR": str(base / "data"),
        "TRIAGE_MAILDIR_PATH": str(base / "mail"),
        "TRIAGE_STORE_URL": f"sqlite:///{db}",
    }
    return subprocess.run(
        [*_prefix(), sys.executable, "cli.py", "poll", "--once", "--json"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _user() -> str:
    return pwd.getpwuid(NOBODY if os.geteuid() == 0 else os.geteuid()).pw_name


def test_a_database_file_this_user_cannot_write_is_named_with_its_owner(base: Path) -> None:
    db = _store(base, 0o777)
    db.chmod(0o444 if os.geteuid() != 0 else 0o644)  # root's file, readable by all
    result = _poll(base, db)
    assert result.returncode == EXIT_STORE, result.stderr
    err = " ".join(result.stderr.split())  # rich may wrap a long line
    assert "retry" not in err
    assert f"{db} is not writable by {_user()}" in err
    assert f"owned by {pwd.getpwuid(db.stat().st_uid).pw_name}" in err


def test_a_database_directory_this_user_cannot_write_is_named_with_its_owner(base: Path) -> None:
    # the file is writable, but SQLite must create triage.db-wal and -shm beside it
    db = _store(base, 0o755)
    if os.geteuid() == 0:
        os.chown(db, NOBODY, NOBODY)
    else:
        db.parent.chmod(0o555)
    result = _poll(base, db)
    assert result.returncode == EXIT_STORE, result.stderr
    err = " ".join(result.stderr.split())
    assert "retry" not in err
    assert f"directory {db.parent} is not writable by {_user()}" in err
    assert "triage.db-wal" in err
