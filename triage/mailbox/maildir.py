"""A local Maildir read with IMAP semantics: the embedded default source behind ``make demo``.

Nothing inside the Maildir is ever written, renamed or moved (the sample mailbox lives in git,
and a real Maildir belongs to its delivery agent and mail client). Maildir has no UIDs, so
each folder gets a small append-only map in ``state_dir``: Maildir unique name -> UID, plus
a UIDVALIDITY drawn when the map is created. Deleting the map is therefore the same event as
recreating an IMAP folder: a new UIDVALIDITY, and the worker re-syncs the folder from scratch.

Folders: ``INBOX`` is the Maildir root; ``A/B`` is the Maildir++ subfolder ``.A.B``.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import logging
import os
import re
import secrets
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from triage.domain import MailKey, RawMessage
from triage.errors import ConfigError, MailboxUnavailable
from triage.mailbox import FolderState

log = logging.getLogger(__name__)

DEFAULT_MAX_MESSAGE_BYTES = 25 * 1024 * 1024
_MAP_VERSION = 1
_CHUNK = 64 * 1024
# the header block of an oversized message is kept whole up to this size; a "header" larger
# than this is a broken or hostile message and is cut (the parser flags what it cannot read)
_MAX_HEADER_BYTES = 1024 * 1024
# Maildir unique names start with the delivery time in seconds (cr.yp.to/proto/maildir.html)
_DELIVERY_TIME = re.compile(r"^(\d{9,11})\.")


@dataclass(slots=True)
class _UidMap:
    uidvalidity: int
    uidnext: int
    uids: dict[str, int]


def unique_name(filename: str) -> str:
    """The Maildir unique name: the file name without the ``:2,FLAGS`` info a client may add.

    Keying UIDs by it keeps a message's UID when a mail client moves it from new/ to cur/ or
    changes its flags (both rename the file)."""
    return filename.split(":", 1)[0]


class MaildirMailSource:
    """``MailSource`` over a local Maildir; see the module docstring for the semantics."""

    def __init__(
        self,
        path: Path,
        state_dir: Path,
        account: str = "default",
        max_message_bytes: int = DEFAULT_MAX_MESSAGE_BYTES,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.account = account
        self._root = Path(path)
        self._state_dir = Path(state_dir)
        self._max_bytes = max_message_bytes
        self._sleep = sleep
        self._clock = clock

    # -- MailSource --------------------------------------------------------------------------

    def connect(self) -> None:
        self._require_root()
        try:
            self._state_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(
                f"state directory {self._state_dir} cannot be created: {exc.strerror} "
                "(set [paths] data_dir to a writable directory)"
            ) from exc

    def close(self) -> None:
        """Nothing is held open between calls."""

    def select(self, folder: str) -> FolderState:
        umap, listing = self._sync(folder)
        return FolderState(
            folder=folder, uidvalidity=umap.uidvalidity, uidnext=umap.uidnext, exists=len(listing)
        )

    def search_new(self, folder: str, after_uid: int) -> list[int]:
        umap, listing = self._sync(folder)
        return sorted(umap.uids[u] for u in listing if umap.uids[u] > after_uid)

    def fetch(self, folder: str, uids: Sequence[int]) -> Iterator[RawMessage]:
        umap, listing = self._sync(folder)
        by_uid = {uid: name for name, uid in umap.uids.items()}
        for uid in sorted(set(uids)):
            name = by_uid.get(uid)
            if name is None:
                continue
            read = self._read(listing.get(name))
            if read is None:
                # a mail client may just have renamed it (new/ -> cur/, flags): look once more
                read = self._read(self._listing(self._folder_dir(folder)).get(name))
            if read is None:
                log.info("maildir %s/%s uid %d vanished before fetch", self.account, folder, uid)
                continue
            data, size, oversized, mtime = read
            yield RawMessage(
                key=MailKey(self.account, folder, umap.uidvalidity, uid),
                data=data,
                size=size,
                oversized=oversized,
                internal_date=_delivery_time(name, mtime),
            )

    def wait(self, folder: str, timeout: float, should_stop: Callable[[], bool]) -> bool:
        directory = self._folder_dir(folder)
        before = set(self._listing(directory))
        deadline = self._clock() + timeout
        while True:
            if should_stop():
                return False
            now = set(self._listing(directory))
            known = self._peek_map(folder)
            # news = a name that was not there when we started, or one no UID was given to yet
            # (it arrived between the caller's last search and this wait)
            if now - before or now - (known.uids.keys() if known else set()):
                return True
            remaining = deadline - self._clock()
            if remaining <= 0:
                return False
            self._sleep(min(1.0, remaining))

    # -- folders and listings ----------------------------------------------------------------

    def _require_root(self) -> None:
        if not _is_maildir(self._root):
            raise ConfigError(
                f"Maildir {self._root} not found (expected a directory with cur/ and new/): "
                "set [maildir] path (TRIAGE_MAILDIR_PATH) to your Maildir, "
                "or set [imap] host (TRIAGE_IMAP_HOST) to read an IMAP mailbox instead"
            )

    def _folder_dir(self, folder: str) -> Path:
        self._require_root()
        name = folder
        for prefix in ("INBOX/", "INBOX."):
            if name.upper().startswith(prefix):
                name = name[len(prefix) :]
        if name.upper() == "INBOX":
            return self._root
        parts = name.split("/")
        if not name or any(p in ("", ".", "..") or "\x00" in p for p in parts):
            raise ConfigError(f"Maildir folder name {folder!r} is not valid")
        directory = self._root / ("." + ".".join(parts))
        if not _is_maildir(directory):
            raise ConfigError(
                f"Maildir folder {folder!r} not found: expected {directory} with cur/ and new/ "
                "(create it, or fix the folder name in [imap] folder / extra_folders)"
            )
        return directory

    def _listing(self, directory: Path) -> dict[str, Path]:
        """unique name -> file, from new/ then cur/ (cur/ wins mid-rename); tmp/ is not mail."""
        found: dict[str, Path] = {}
        for sub in ("new", "cur"):
            try:
                entries = list(os.scandir(directory / sub))
            except FileNotFoundError:
                continue
            except OSError as exc:
                raise MailboxUnavailable(f"cannot list {directory / sub}: {exc}") from exc
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                with contextlib.suppress(OSError):
                    if entry.is_file(follow_symlinks=False):
                        found[unique_name(entry.name)] = Path(entry.path)
        return found

    # -- the UID map -------------------------------------------------------------------------

    def _map_path(self, folder: str) -> Path:
        directory = self._folder_dir(folder)
        # the resolved path is part of the name: pointing [maildir] path elsewhere must not
        # reuse another mailbox's UIDs
        digest = hashlib.sha256(str(directory.resolve()).encode()).hexdigest()[:12]
        slug = re.sub(r"[^A-Za-z0-9_-]+", "_", f"{self.account}-{folder}")[:60]
        return self._state_dir / "maildir-uids" / f"{slug}-{digest}.json"

    def _sync(self, folder: str) -> tuple[_UidMap, dict[str, Path]]:
        """Give every file without a UID the next one, oldest first; return map and listing."""
        directory = self._folder_dir(folder)
        path = self._map_path(folder)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            lock_file = open(path.with_suffix(".lock"), "a")
        except OSError as exc:
            raise ConfigError(
                f"state directory {path.parent} is not writable: {exc.strerror} "
                "(set [paths] data_dir to a writable directory)"
            ) from exc
        with lock_file:
            # the worker and a CLI command may sync the same folder at once; both must agree
            fcntl.flock(lock_file, fcntl.LOCK_EX)
            loaded = self._peek_map(folder)
            umap = loaded or _UidMap(_new_uidvalidity(), 1, {})
            listing = self._listing(directory)
            fresh = [n for n in listing if n not in umap.uids]
            if fresh or loaded is None:
                fresh.sort(key=lambda n: (_mtime_ns(listing[n]), listing[n].name))
                for name in fresh:
                    umap.uids[name] = umap.uidnext
                    umap.uidnext += 1
                _write_map(path, directory, umap)
        return umap, listing

    def _peek_map(self, folder: str) -> _UidMap | None:
        path = self._map_path(folder)
        try:
            raw: Any = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            log.warning("UID map %s unreadable (%s): starting a new UIDVALIDITY", path, exc)
            return None
        try:
            if raw["version"] != _MAP_VERSION:
                raise ValueError(f"version {raw['version']}")
            uids = {str(k): int(v) for k, v in raw["uids"].items()}
            return _UidMap(int(raw["uidvalidity"]), int(raw["uidnext"]), uids)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            log.warning("UID map %s malformed (%s): starting a new UIDVALIDITY", path, exc)
            return None

    # -- reading -----------------------------------------------------------------------------

    def _read(self, path: Path | None) -> tuple[bytes, int, bool, float] | None:
        """(data, size, oversized, mtime), or None when the file is gone."""
        if path is None:
            return None
        try:
            with open(path, "rb") as fh:
                st = os.fstat(fh.fileno())
                if st.st_size <= self._max_bytes:
                    data = fh.read(self._max_bytes + 1)
                    if len(data) <= self._max_bytes:
                        return data, len(data), False, st.st_mtime
                    fh.seek(0)  # it grew while we looked: treat as oversized
                return _header_block(fh), max(st.st_size, self._max_bytes + 1), True, st.st_mtime
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise MailboxUnavailable(f"cannot read {path}: {exc}") from exc


def _is_maildir(directory: Path) -> bool:
    return (directory / "cur").is_dir() or (directory / "new").is_dir()


def _header_block(fh: Any) -> bytes:
    """The bytes up to and including the blank line that ends the header block."""
    buf = b""
    while len(buf) < _MAX_HEADER_BYTES:
        chunk: bytes = fh.read(_CHUNK)
        if not chunk:
            break
        start = max(0, len(buf) - 3)
        buf += chunk
        ends = [
            (i, n)
            for sep, n in ((b"\r\n\r\n", 4), (b"\n\n", 2))
            if (i := buf.find(sep, start)) >= 0
        ]
        if ends:
            i, n = min(ends)
            return buf[: i + n]
    return buf[:_MAX_HEADER_BYTES]


def _mtime_ns(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def _delivery_time(name: str, mtime: float) -> datetime:
    """The delivery second from the unique name (survives git checkouts), else the mtime."""
    m = _DELIVERY_TIME.match(name)
    return datetime.fromtimestamp(int(m.group(1)) if m else mtime, tz=UTC)


def _new_uidvalidity() -> int:
    # IMAP UIDVALIDITY is a non-zero 32-bit number; random so that a recreated map never
    # repeats the old one (which would make the worker trust stale UIDs)
    return secrets.randbelow(2**31 - 2) + 1


def _write_map(path: Path, directory: Path, umap: _UidMap) -> None:
    doc = {
        "version": _MAP_VERSION,
        "maildir": str(directory),
        "uidvalidity": umap.uidvalidity,
        "uidnext": umap.uidnext,
        "uids": umap.uids,
    }
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(doc, fh, indent=1, sort_keys=True)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError as exc:
        raise ConfigError(f"cannot write UID map {path}: {exc.strerror}") from exc
