"""Apply the mailbox side of triage decisions, after their commit, idempotently.

A decision recorded "copy to Triage/Priority" (and/or "set keyword $Priority") in the same
transaction as the triage result. Here we carry it out and record the outcome. Before copying
we look for the message in the destination by Message-ID, so a replay after a crash between
the copy and the "done" commit does not copy twice (imap-reliability.md §3.6, steps 5-6).
Nothing is ever deleted or moved away from where the agents expect it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from triage.errors import MessageError
from triage.mailbox import MailboxWriter, MailSource
from triage.store import Store
from triage.store.triage_ops import ActionTodo

log = logging.getLogger(__name__)


def _copy(writer: MailboxWriter, todo: ActionTodo) -> tuple[str, int | None, str | None]:
    dest = todo.target
    writer.ensure_folder(dest)
    if todo.message_id:
        found = writer.find_by_message_id(dest, todo.message_id)
        if found:
            return "done", found[0], None
    for folder, _uidvalidity, uid in todo.locations:
        if folder == dest:
            continue
        new_uid = writer.copy_to(folder, uid, dest)
        if new_uid is None and todo.message_id:
            # No COPYUID (or the UID vanished: another client moved it). Check the destination.
            again = writer.find_by_message_id(dest, todo.message_id)
            new_uid = again[0] if again else None
        if new_uid is not None:
            return "done", new_uid, None
    return "skipped", None, "the message is no longer in any watched folder"


def _keyword(writer: MailboxWriter, todo: ActionTodo) -> tuple[str, int | None, str | None]:
    for folder, _uidvalidity, uid in todo.locations:
        if writer.add_keyword(folder, uid, todo.target):
            return "done", None, None
        return "skipped", None, "the server does not store keywords (state stays in the database)"
    return "skipped", None, "the message is no longer in any watched folder"


def apply_actions(store: Store, source: MailSource, clock: Callable[[], datetime]) -> int:
    """Carry out pending actions for this source's account; returns how many were finished."""
    if not all(hasattr(source, m) for m in ("copy_to", "find_by_message_id", "add_keyword")):
        return 0  # a source without write support (the demo Maildir): decisions stay in the DB
    writer: MailboxWriter = source  # type: ignore[assignment]

    def apply(todo: ActionTodo) -> tuple[str, int | None, str | None]:
        try:
            state, dest_uid, note = (_copy if todo.action == "copy" else _keyword)(writer, todo)
        except MessageError as exc:
            state, dest_uid, note = "failed", None, str(exc)
        log.info("email %d: %s %s -> %s", todo.email_id, todo.action, todo.target, state)
        return state, dest_uid, note

    return store.apply_actions(source.account, apply, clock)
