"""Where a SQLite database may live.

A store URL with a typo in its directory used to create that directory silently (as root,
anywhere); a missing directory is now created only under ``[paths] data_dir``.
"""

from __future__ import annotations

import shlex
from pathlib import Path

from triage.errors import ConfigError


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
