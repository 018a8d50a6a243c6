"""Where a SQLite database may live, and why this process cannot write it.

Two deployment mistakes used to look like something else: a store URL with a typo in its
directory silently created that directory (as root, anywhere), and a database or directory
owned by another user (root ran the CLI once; the service runs as ``triage``) failed every
write with "database is locked"-style advice to retry. Here the first is refused outside
``[paths] data_dir`` and the second is named with the path, its owner and the user running
triage, which is what the operator needs to fix it.
"""

from __future__ import annotations

import os
import pwd
import shlex
import sqlite3
import stat
from pathlib import Path

from triage.errors import ConfigError

# SQLite primary result codes (the extended ones keep them in the low byte)
_SQLITE_READONLY = 8
_SQLITE_CANTOPEN = 14


def sqlite_path(url: str) -> Path | None:
    """The file of a ``sqlite:///`` URL; None for memory databases and other schemes."""
    if not url.startswith("sqlite") or "///" not in url:
        return None
    path = url.split("///", 1)[1].split("?", 1)[0]
    return Path(path) if path and path != ":memory:" else None


def ensure_directory(db_path: Path, data_dir: Path | None) -> None:
    """Create the database's directory only inside ``data_dir``; refuse a missing one elsewhere."""
    parent = db_path.parent
    if parent.is_dir():
        return
    if data_dir is not None and parent.resolve().is_relative_to(data_dir.resolve()):
        try:
            parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(
                f"[store] url: cannot create the directory {str(parent)!r} for the database: "
                f"{exc.strerror}"
            ) from exc
        return
    where = f"[paths] data_dir ({data_dir})" if data_dir is not None else "the data directory"
    raise ConfigError(
        f"[store] url: the directory {parent} does not exist. triage creates directories only "
        f"under {where}, so a typo in the URL cannot scatter databases: create it "
        f"(mkdir -p {shlex.quote(str(parent))}, owned by the user that runs triage) or fix the URL"
    )


def is_access_error(exc: BaseException) -> bool:
    """SQLite could not write (read-only file) or open (directory) the database."""
    if not isinstance(exc, sqlite3.Error):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:  # older sqlite3 modules carry no code: the message is all there is
        text = str(exc)
        return "readonly database" in text or "unable to open database file" in text
    return int(code) & 0xFF in (_SQLITE_READONLY, _SQLITE_CANTOPEN)


def not_writable(db_path: Path) -> str | None:
    """What stops this process writing the database, in words an operator can act on; None
    when the file, its journal files and its directory are all writable."""
    user = _name(os.geteuid())
    for path in (db_path, *_journals(db_path)):
        if path.exists() and not _writable(path):
            return (
                f"the database file {path} is not writable by {user}, the user running triage: "
                f"{_owner_and_fix(path, user)}"
            )
    parent = db_path.parent
    if parent.is_dir() and not _writable(parent, directory=True):
        return (
            f"the database directory {parent} is not writable by {user}, the user running "
            f"triage, and SQLite must create {db_path.name}-wal and {db_path.name}-shm beside "
            f"the database: {_owner_and_fix(parent, user)}"
        )
    return None


def _journals(db_path: Path) -> tuple[Path, ...]:
    return tuple(db_path.with_name(db_path.name + s) for s in ("-wal", "-shm", "-journal"))


def _writable(path: Path, *, directory: bool = False) -> bool:
    mode = os.W_OK | (os.X_OK if directory else 0)
    # effective ids: what the kernel checks when SQLite opens the file
    return os.access(path, mode, effective_ids=os.access in os.supports_effective_ids)


def _owner_and_fix(path: Path, user: str) -> str:
    st = path.stat()
    owner = _name(st.st_uid)
    mode = stat.filemode(st.st_mode)
    quoted = shlex.quote(str(path))
    if owner != user:
        fix = f"give it to {user} (chown {user} {quoted}) or run triage as {owner}"
    elif not st.st_mode & stat.S_IWUSR:
        fix = f"make it writable (chmod u+w {quoted})"
    else:  # the owner may write, yet cannot: the file system or the file itself says no
        fix = "check for a read-only mount or the immutable attribute (lsattr)"
    return f"it is owned by {owner} ({mode}); {fix}"


def _name(uid: int) -> str:
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:  # a uid with no passwd entry (containers)
        return f"uid {uid}"
