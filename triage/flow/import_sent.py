"""``triage kb import-sent``: cases from the desk's Sent folder.

Each sent message is threaded to the stored customer email it answers by its In-Reply-To, then
its References (newest first); a reply that names no stored email is left alone: no guess by
subject or sender. Its newest text (quoted history and signature cut by triage/parse/) less
greeting, sign-off and what our suggestion wrote becomes a case with the answered email's
embedding and its space (triage/store/case_ops.py ``case_for``).

The mailbox is only read: the folder is EXAMINEd, messages are fetched with BODY.PEEK by UID
lists, nothing is flagged, copied or moved. Headers come first, so a re-run downloads only the
bodies of messages not imported yet; a sent message is one case, keyed by its Message-ID, so a
re-run imports nothing twice.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from triage.domain import RawMessage
from triage.errors import ConfigError
from triage.mailbox import FolderState
from triage.parse.message import parse
from triage.replies.cases import paragraphs
from triage.store import Store
from triage.store.case_ops import case_for

log = logging.getLogger(__name__)
THREAD_HEADERS = ("MESSAGE-ID", "IN-REPLY-TO", "REFERENCES")


class SentFolder(Protocol):
    """What the import needs of the mailbox (triage/mailbox/imap.py ``ImapMailSource``)."""

    def has_folder(self, name: str) -> bool: ...
    def find_special_folder(self, flag: bytes) -> str | None: ...
    def select(self, folder: str) -> FolderState: ...
    def search_new(self, folder: str, after_uid: int) -> list[int]: ...
    def fetch_headers(
        self, folder: str, uids: Sequence[int], fields: Sequence[str]
    ) -> dict[int, bytes]: ...
    def fetch(self, folder: str, uids: Sequence[int]) -> Iterator[RawMessage]: ...


@dataclass(frozen=True, slots=True)
class SentImport:
    """What one run found, message by message (the counts add up to ``messages``)."""

    folder: str
    messages: int = 0
    imported: int = 0
    already: int = 0  # imported by an earlier run, or the same answer approved in review
    unthreaded: int = 0  # answers no stored customer email (In-Reply-To / References)
    not_triaged: int = 0  # the email it answers has no embedding yet: a later run takes it
    nothing_new: int = 0  # says nothing the suggestion or its candidates had not said
    unusable: int = 0  # no Message-ID (cannot be imported once only), or unreadable
    too_large: int = 0  # over [imap] max_message_bytes: only its header was read


def import_sent(source: SentFolder, store: Store, folder: str, now: datetime) -> SentImport:
    """Learn a case from every message of ``folder`` that answers a stored, triaged email."""
    if not source.has_folder(folder):
        special = source.find_special_folder(b"\\Sent")
        hint = f" (the server marks {special!r} as the Sent folder)" if special else ""
        raise ConfigError(
            f"no folder {folder!r} in the mailbox{hint}: set [kb] sent_folder to the desk's "
            f"Sent folder"
        )
    source.select(folder)  # EXAMINE: read-only
    uids = source.search_new(folder, 0)
    heads = source.fetch_headers(folder, uids, THREAD_HEADERS)
    count = dict.fromkeys(
        ("imported", "already", "unthreaded", "not_triaged", "nothing_new", "too_large"), 0
    )
    count["unusable"] = len(uids) - len(heads)
    threads: dict[int, tuple[str, list[str]]] = {}
    for uid, head in heads.items():
        email = parse(head, oversized=True)
        if not email.message_id:
            count["unusable"] += 1
            continue
        refs = [email.in_reply_to or "", *reversed(email.references)]
        threads[uid] = (email.message_id, refs)
    done = store.case_refs([mid for mid, _ in threads.values()])
    todo: dict[int, tuple[str, int]] = {}
    for uid, (mid, refs) in threads.items():
        if mid in done:
            count["already"] += 1
            continue
        row = store.answered_email(refs)
        if row is None:
            count["unthreaded"] += 1
        elif row.embedding is None or row.id is None:
            count["not_triaged"] += 1
        else:
            todo[uid] = (mid, row.id)
    fetched = 0
    for raw in source.fetch(folder, sorted(todo)):
        mid, email_id = todo[raw.key.uid]
        fetched += 1
        if raw.fetch_error:
            outcome = "unusable"
        elif raw.oversized:
            # only the header block was fetched: an empty body would read as "nothing new"
            outcome = "too_large"
        else:
            outcome = _learn(store, raw, mid, email_id, now)
        count[outcome] += 1
    count["unusable"] += len(todo) - fetched  # expunged between the two fetches
    log.info("kb import-sent %r: %d messages, %s", folder, len(uids), count)
    return SentImport(folder, len(uids), **count)


def _learn(store: Store, raw: RawMessage, mid: str, email_id: int, now: datetime) -> str:
    sent = parse(raw.data)  # an oversized message never gets here (counted as too large)
    row = store.row(email_id)
    agent = sent.from_name or sent.from_address or "the desk"
    at = sent.date or raw.internal_date or now
    case = case_for(row, sent.newest_text, origin="sent", ref=mid, agent=agent, at=at)
    if case is None:
        return "nothing_new"
    # a draft approved in review and then sent from the mail client is the same answer
    if any(_same(case.answer, a) for a in store.case_answers(email_id)):
        return "already"
    return "imported" if store.add_case(case, now) else "already"


def _same(a: str, b: str) -> bool:
    return [" ".join(p.split()) for p in paragraphs(a)] == [
        " ".join(p.split()) for p in paragraphs(b)
    ]


def summary(r: SentImport) -> str:
    """One line for the terminal: what was imported, and why the rest was not."""
    if not r.messages:
        return f"nothing to import: the folder {r.folder!r} is empty"
    parts = [
        (r.already, "imported before"),
        (r.unthreaded, "answer no stored email (In-Reply-To / References)"),
        (r.not_triaged, "answer an email not triaged yet (run again after triage)"),
        (r.nothing_new, "say nothing the suggested reply had not"),
        (r.unusable, "have no Message-ID or could not be read"),
        (r.too_large, "are over [imap] max_message_bytes, so only their headers were read"),
    ]
    rest = "; ".join(f"{n} {why}" for n, why in parts if n)
    head = f"{r.folder!r}: {r.messages} messages, {r.imported} imported as cases"
    if not r.imported:
        head = f"nothing new to import from {r.folder!r} ({r.messages} messages)"
    return head + (f"; {rest}" if rest else "")
