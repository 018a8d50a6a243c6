"""``triage requeue ID``: parse a quarantined message again, e.g. after an upgrade of the parser.

The store keeps a quarantined message's headers and reason, not its bytes; the mailbox keeps
the message (triage never deletes or moves mail away) and the store keeps where it was seen.
So the message is fetched again from there, with the same source, size cap and intake as the
worker, and the store records the outcome in one transaction (``Store.requeue``). A message
that now parses becomes a new email and goes through the triage stage like any other, once.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from contextlib import closing
from datetime import datetime

from triage.domain import MailKey, RawMessage
from triage.errors import ConfigError, NotFound
from triage.mailbox import MailSource
from triage.parse.intake import to_intake
from triage.settings import Settings
from triage.store import Store
from triage.store.quarantine_ops import Requeued

log = logging.getLogger(__name__)


def refetch(source: MailSource, keys: Sequence[MailKey]) -> RawMessage:
    """The message from the first of its stored places (newest first) that still holds it."""
    missed = []
    for key in keys:
        try:
            state = source.select(key.folder)
        except ConfigError as exc:  # the folder was deleted or renamed since
            missed.append(f"{key.folder}: {exc}")
            continue
        if state.uidvalidity != key.uidvalidity:
            # the folder was recreated: its UIDs now name other messages
            missed.append(
                f"{key.folder}: UIDVALIDITY is {state.uidvalidity} now, was {key.uidvalidity}"
            )
            continue
        for raw in source.fetch(key.folder, [key.uid]):
            return raw
        missed.append(f"{key.folder}: UID {key.uid} was moved or deleted")
    raise NotFound(
        "it is no longer in the mailbox where it was seen ("
        + ("; ".join(missed) or "no place recorded")
        + "); it stays quarantined"
    )


def requeue(
    store: Store,
    source: MailSource,
    email_id: int,
    *,
    agent: str,
    now: datetime,
    max_bytes: int | None,
) -> Requeued:
    row = store.row(email_id)
    if row.status != "quarantined":  # say so before touching the mailbox
        raise NotFound(f"email {email_id} is not quarantined: nothing to requeue")
    try:
        raw = refetch(source, store.mail_locations(email_id))
    except NotFound as exc:
        raise NotFound(f"email {email_id}: {exc}") from exc
    result = store.requeue(email_id, to_intake(raw, max_bytes=max_bytes), agent, now)
    log.info(
        "email %d requeued by %s: %s",
        email_id,
        agent,
        result.outcome,
        extra={"email_id": email_id, "key": str(raw.key), "outcome": result.outcome},
    )
    return result


def requeue_from_mailbox(
    settings: Settings, store: Store, email_id: int, *, agent: str, now: datetime
) -> Requeued:
    """``requeue`` with the source of the email's own account, opened and closed here."""
    from triage.flow.sources import make_source

    account = settings.for_account(store.row(email_id).account)
    with closing(make_source(account)) as source:
        source.connect()
        return requeue(
            store,
            source,
            email_id,
            agent=agent,
            now=now,
            max_bytes=account.imap.max_message_bytes,
        )
