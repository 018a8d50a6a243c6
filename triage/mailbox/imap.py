"""``ImapMailSource``: the MailSource over IMAP (imapclient), plus the few mutations the
priority queue needs (copy, keyword, append, folder creation).

Rules kept here (imap-reliability.md checklist): UIDs only, never sequence numbers; only
``BODY.PEEK[...]`` (``BODY[]``/``RFC822`` would set ``\\Seen``); ``fetch`` gets lists of
ints, never range strings (imapclient 4.x raises ValueError on ``"N:*"``); ``N:*`` searches
are filtered client-side; every socket has connect and read timeouts; IDLE is left after at
most ``idle_renew_seconds`` and an early empty ``idle_check`` is treated as a dead link.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import suppress
from datetime import UTC, datetime
from typing import Any

from imapclient import IMAPClient

from triage.domain import MailKey, RawMessage
from triage.errors import ConfigError, MailboxUnavailable
from triage.mailbox import FolderState
from triage.mailbox.imap_codes import (
    appenduid,
    bare_message_id,
    copyuid_map,
    header_message_id,
    idle_bye,
    idle_news,
    plan_batches,
)
from triage.mailbox.imap_conn import CommandError, link_errors, open_client, scrub, where
from triage.settings import ImapSettings

log = logging.getLogger(__name__)

# Bytes of message bodies held in memory per FETCH, whatever batch_size says.
BATCH_BYTES = 32 * 1024 * 1024
# One idle_check() at most this long, so should_stop() is seen at least once a second.
IDLE_SLICE = 1.0


def _fetcher(uids: list[int], items: list[str]) -> Callable[[IMAPClient], Any]:
    # a list of ints, never a range string: imapclient 4.x raises ValueError on "N:*"
    return lambda c: c.fetch(uids, items)


def _idle_checker(seconds: float) -> Callable[[IMAPClient], Any]:
    return lambda c: c.idle_check(timeout=seconds)


class ImapMailSource:
    """One IMAP connection to one account. Not thread-safe: one worker, one source."""

    def __init__(
        self, settings: ImapSettings, token_source: Callable[[], str] | None = None
    ) -> None:
        self.settings = settings
        # XOAUTH2 with refresh: called at every (re)connect for a currently valid access token
        self._token_source = token_source
        self.account = settings.account
        self._client: IMAPClient | None = None
        self._folder: str | None = None  # currently selected folder
        self._writable = False
        self._uidvalidity = 0
        self._permanent_flags: tuple[bytes, ...] = ()
        self._reported: dict[str, int] = {}  # folder -> UIDVALIDITY that select() reported

    # --- connection -------------------------------------------------------------------

    def connect(self) -> None:
        self.close()
        self._client = open_client(self.settings, self._token_source)
        log.info("%s: logged in as %r", where(self.settings), self.settings.username)

    def close(self) -> None:
        client, self._client, self._folder = self._client, None, None
        if client is None:
            return
        try:
            client.logout()
        except Exception:  # close() never raises: the link may already be dead
            with suppress(Exception):
                client.shutdown()

    def _conn(self) -> IMAPClient:
        if self._client is None:
            self.connect()
        assert self._client is not None
        return self._client

    def _call(self, action: str, fn: Callable[[IMAPClient], Any]) -> Any:
        """Run one command; a lost link drops the connection (next call reconnects) and
        raises MailboxUnavailable; a NO/BAD reply also becomes MailboxUnavailable here, since
        callers that can do better catch CommandError themselves via ``_call_raw``."""
        try:
            return self._call_raw(action, fn)
        except CommandError as exc:
            raise MailboxUnavailable(
                f"{where(self.settings)}: server refused {action}: {scrub(str(exc), self.settings)}"
            ) from exc

    def _call_raw(self, action: str, fn: Callable[[IMAPClient], Any]) -> Any:
        client = self._conn()
        try:
            with link_errors(self.settings, action):
                return fn(client)
        except MailboxUnavailable:
            self._drop()
            raise

    def _drop(self) -> None:
        client, self._client, self._folder = self._client, None, None
        if client is not None:
            with suppress(Exception):
                client.shutdown()

    def _open(self, folder: str, writable: bool = False) -> dict[bytes, Any]:
        """SELECT (or EXAMINE) ``folder``; a folder that does not exist is a ConfigError."""
        try:
            resp: dict[bytes, Any] = self._call_raw(
                f"SELECT {folder!r}", lambda c: c.select_folder(folder, readonly=not writable)
            )
        except CommandError as exc:
            raise ConfigError(
                f"{where(self.settings)}: folder {folder!r} cannot be opened "
                f"({scrub(str(exc), self.settings)}); check [imap] folder / extra_folders"
            ) from exc
        self._folder, self._writable = folder, writable
        self._uidvalidity = int(resp.get(b"UIDVALIDITY", 0))
        self._permanent_flags = tuple(resp.get(b"PERMANENTFLAGS", ()))
        return resp

    def _ensure(self, folder: str, writable: bool = False) -> IMAPClient:
        if self._client is None or self._folder != folder or (writable and not self._writable):
            self._open(folder, writable)
            reported = self._reported.get(folder)
            if reported is not None and reported != self._uidvalidity:
                # the caller's UIDs belong to the old UIDVALIDITY: they name other messages
                # now. Make the worker start over with select(), which reports the change.
                self._drop()
                raise MailboxUnavailable(
                    f"{where(self.settings)}: UIDVALIDITY of {folder!r} changed "
                    f"({reported} -> {self._uidvalidity}); select it again"
                )
        return self._conn()

    # --- MailSource -------------------------------------------------------------------

    def select(self, folder: str) -> FolderState:
        resp = self._open(folder)
        self._reported[folder] = self._uidvalidity
        modseq = resp.get(b"HIGHESTMODSEQ")
        return FolderState(
            folder=folder,
            uidvalidity=self._uidvalidity,
            uidnext=int(resp[b"UIDNEXT"]) if b"UIDNEXT" in resp else None,
            exists=int(resp.get(b"EXISTS", 0)),
            highestmodseq=int(modseq) if modseq is not None else None,
        )

    def search_new(self, folder: str, after_uid: int) -> list[int]:
        self._ensure(folder)
        found: list[int] = self._call(
            "UID SEARCH", lambda c: c.search(["UID", f"{after_uid + 1}:*"])
        )
        # "N:*" with N above the last UID still matches the last message (RFC 3501 "*")
        return sorted(uid for uid in found if uid > after_uid)

    def fetch(self, folder: str, uids: Sequence[int]) -> Iterator[RawMessage]:
        wanted = sorted(set(uids))
        step = self.settings.batch_size
        for start in range(0, len(wanted), step):
            chunk = wanted[start : start + step]
            self._ensure(folder)
            got = self._call("FETCH RFC822.SIZE", _fetcher(chunk, ["RFC822.SIZE"]))
            # a UID missing from the reply was moved or expunged by another client: skip it
            sizes = {
                u: int(got[u][b"RFC822.SIZE"]) for u in chunk if b"RFC822.SIZE" in got.get(u, {})
            }
            cap = self.settings.max_message_bytes
            small = [u for u in sizes if sizes[u] <= cap]
            big = [u for u in sizes if sizes[u] > cap]
            out: dict[int, RawMessage] = {}
            for batch in plan_batches(small, sizes, step, max(BATCH_BYTES, cap)):
                out.update(self._fetch_parts(folder, batch, sizes, oversized=False))
            if big:
                out.update(self._fetch_parts(folder, big, sizes, oversized=True))
            for uid in chunk:
                if uid in out:
                    yield out[uid]

    def _fetch_parts(
        self, folder: str, uids: list[int], sizes: dict[int, int], oversized: bool
    ) -> dict[int, RawMessage]:
        part = "BODY.PEEK[HEADER]" if oversized else "BODY.PEEK[]"
        key = b"BODY[HEADER]" if oversized else b"BODY[]"
        try:
            got = self._call_raw("FETCH", _fetcher(uids, [part, "INTERNALDATE"]))
        except CommandError as exc:
            if len(uids) > 1:  # find the one message the server chokes on; keep the others
                out: dict[int, RawMessage] = {}
                for uid in uids:
                    out.update(self._fetch_parts(folder, [uid], sizes, oversized))
                return out
            mail_key = MailKey(self.account, folder, self._uidvalidity, uids[0])
            reason = f"the server refused to fetch it: {scrub(str(exc), self.settings)}"
            log.warning("%s: %s; recorded as quarantined", mail_key, reason)
            return {uids[0]: RawMessage(mail_key, b"", sizes[uids[0]], fetch_error=reason)}
        out = {}
        for uid in uids:
            item = got.get(uid, {})
            data = item.get(key)
            if data is None:
                continue  # vanished between the two FETCHes
            when = item.get(b"INTERNALDATE")
            out[uid] = RawMessage(
                key=MailKey(self.account, folder, self._uidvalidity, uid),
                data=bytes(data),
                size=sizes[uid],
                oversized=oversized,
                internal_date=when.astimezone(UTC) if isinstance(when, datetime) else None,
            )
        return out

    def wait(self, folder: str, timeout: float, should_stop: Callable[[], bool]) -> bool:
        self._ensure(folder)
        if self.settings.idle and self._call("CAPABILITY", lambda c: c.has_capability("IDLE")):
            return self._idle(min(timeout, self.settings.idle_renew_seconds), should_stop)
        return self._poll(timeout, should_stop)

    def _idle(self, timeout: float, should_stop: Callable[[], bool]) -> bool:
        if should_stop():
            return False
        deadline = time.monotonic() + timeout
        self._call("IDLE", lambda c: c.idle())
        client = self._client
        news, more = False, []
        try:
            while not news and not should_stop():
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                slice_ = min(IDLE_SLICE, left)
                t0 = time.monotonic()
                got = self._call("IDLE", _idle_checker(slice_))
                news = idle_news(got)
                if idle_bye(got) or (not got and time.monotonic() - t0 < slice_ / 2):
                    # imapclient swallows EOF: an early empty answer or a BYE is a dying
                    # link, and idle_done() below raises on it (imapclient issue #565)
                    break
        finally:
            if self._client is client:  # not already dropped by a failed idle_check
                _, more = self._call("IDLE DONE", lambda c: c.idle_done())
        return news or idle_news(more)

    def _poll(self, timeout: float, should_stop: Callable[[], bool]) -> bool:
        deadline = time.monotonic() + timeout
        while True:
            _, got = self._call("NOOP", lambda c: c.noop())
            if idle_news(got):
                return True
            next_poll = min(deadline, time.monotonic() + self.settings.poll_interval)
            while time.monotonic() < next_poll:
                if should_stop():
                    return False
                time.sleep(min(1.0, max(0.0, next_poll - time.monotonic())))
            if time.monotonic() >= deadline:
                return False

    # --- for the priority queue --------------------------------------------------------

    def ensure_folder(self, name: str) -> bool:
        """Create ``name`` unless it exists; True when it was created now."""
        if self._call("LIST", lambda c: c.folder_exists(name)):
            return False
        try:
            self._call_raw("CREATE", lambda c: c.create_folder(name))
        except CommandError as exc:
            if self._call("LIST", lambda c: c.folder_exists(name)):
                return False  # another client created it at the same time
            raise ConfigError(
                f"{where(self.settings)}: cannot create folder {name!r}: {exc}"
            ) from exc
        return True

    def copy_to(self, folder: str, uid: int, dest: str) -> int | None:
        """COPY one message; its UID in ``dest`` (COPYUID), or None when it had vanished
        (Dovecot answers ``OK No messages found``) or the server lacks UIDPLUS."""
        client = self._ensure(folder)
        client._imap.untagged_responses.pop("COPYUID", None)  # imaplib keeps stale ones
        self._call(f"COPY to {dest!r}", lambda c: c.copy([uid], dest))
        codes = client._imap.untagged_responses.pop("COPYUID", [])
        return copyuid_map(codes).get(uid)

    def find_by_message_id(self, folder: str, message_id: str) -> list[int]:
        """UIDs in ``folder`` whose Message-ID equals ``message_id`` (angle brackets optional).

        SEARCH HEADER is a substring match, so the candidates' headers are compared exactly:
        ``abc@host`` must not find ``<xabc@host>``.
        """
        want = bare_message_id(message_id)
        if not want:
            return []
        self._ensure(folder)
        found: list[int] = self._call(
            "UID SEARCH HEADER", lambda c: c.search(["HEADER", "Message-ID", want])
        )
        if not found:
            return []
        part = "BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]"
        got = self._call("FETCH Message-ID", _fetcher(sorted(found), [part]))
        key = part.replace(".PEEK", "").encode()
        return [
            uid
            for uid in sorted(found)
            if header_message_id(bytes(got.get(uid, {}).get(key, b""))) == want
        ]

    def has_folder(self, name: str) -> bool:
        return bool(self._call("LIST", lambda c: c.folder_exists(name)))

    def fetch_headers(
        self, folder: str, uids: Sequence[int], fields: Sequence[str]
    ) -> dict[int, bytes]:
        """The named header fields of each message, by UID lists in batches (BODY.PEEK: nothing
        is marked read); a UID gone meanwhile is left out."""
        part = f"BODY.PEEK[HEADER.FIELDS ({' '.join(f.upper() for f in fields)})]"
        wanted, step = sorted(set(uids)), self.settings.batch_size
        out: dict[int, bytes] = {}
        for start in range(0, len(wanted), step):
            chunk = wanted[start : start + step]
            self._ensure(folder)
            got = self._call("FETCH headers", _fetcher(chunk, [part]))
            for uid in chunk:
                # the server words the key its own way (field names' case, spacing)
                data = next(
                    (v for k, v in got.get(uid, {}).items() if k.startswith(b"BODY[HEADER")), None
                )
                if data is not None:
                    out[uid] = bytes(data)
        return out

    def add_keyword(self, folder: str, uid: int, keyword: str) -> bool:
        """Set a keyword such as ``$Triaged``; False when the server cannot store keywords
        (PERMANENTFLAGS without ``\\*``, e.g. Exchange) or the message is gone."""
        self._ensure(folder, writable=True)
        if b"\\*" not in self._permanent_flags and keyword.encode() not in self._permanent_flags:
            return False
        got = self._call("UID STORE", lambda c: c.add_flags([uid], [keyword]))
        return keyword.encode() in tuple(got.get(uid, ()))

    def append(self, folder: str, msg: bytes, flags: Sequence[str] = ()) -> int | None:
        """APPEND ``msg``; its UID (APPENDUID), or None without UIDPLUS."""
        client = self._conn()
        client._imap.untagged_responses.pop("APPENDUID", None)
        self._call(f"APPEND to {folder!r}", lambda c: c.append(folder, msg, flags=tuple(flags)))
        return appenduid(client._imap.untagged_responses.pop("APPENDUID", []))

    def find_special_folder(self, flag: bytes) -> str | None:
        """The folder with a SPECIAL-USE attribute such as ``b"\\\\Drafts"`` (RFC 6154)."""
        name: str | None = self._call("LIST", lambda c: c.find_special_folder(flag))
        return name
