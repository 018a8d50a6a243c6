"""Running the mail side: `worker`, `poll --once`, `status`, `demo`, `db upgrade` / `db status`."""

from __future__ import annotations

import json
import logging

from triage import logs
from triage.settings import Settings

log = logging.getLogger("triage.cli")  # the name the worker's start line has always had


def worker(base: Settings, *, account: str | None) -> None:
    """Run until stopped, on ``account``'s mailbox (None: the [imap] one)."""
    from triage.flow.runtime import make_worker, open_store, serve_metrics

    settings = base.for_account(account)
    store = open_store(settings)
    w = make_worker(settings, store, metrics=serve_metrics(settings), preload_model=True)
    w.stop.install()
    log.info("worker starting on folders %s", ", ".join(w.folders))
    w.run()


def poll(settings: Settings, *, account: str | None, as_json: bool) -> None:
    from triage.flow.runtime import open_store, poll_accounts, serve_metrics
    from triage.reports import poll_summary
    from triage.views import echo

    store, metrics = open_store(settings), serve_metrics(settings)
    stats = poll_accounts(settings, store, metrics, account)
    echo(json.dumps(stats.as_dict()) if as_json else poll_summary(stats))


def status(settings: Settings, *, as_json: bool) -> None:
    from triage.flow.runtime import open_store
    from triage.reports import status_json, status_view
    from triage.views import emit

    store = open_store(settings)
    folders, counts = store.folder_syncs(), store.counts()
    emit(as_json, status_json(folders, counts), status_view(folders, counts))


def demo_settings(base: Settings) -> Settings:
    """``base`` with the mailbox and the database swapped for the sample ones: never the
    configured IMAP server or production database."""
    return base.model_copy(
        update={
            "imap": base.imap.model_copy(update={"host": ""}),
            "store": base.store.model_copy(
                update={"url": f"sqlite:///{base.paths.data_dir / 'demo.db'}"}
            ),
        }
    )


def demo(base: Settings) -> None:
    """Ingest and triage the sample mailbox (a second run stores nothing new), then print the
    counts, the priority queue and the top item."""
    from triage.flow.runtime import make_worker, now, open_store
    from triage.review import findings
    from triage.views import console, queue_table, show

    logs.configure("WARNING", base.log.format)  # the demo shows its results, not its log
    settings = demo_settings(base)
    store = open_store(settings)
    stats = make_worker(settings, store).poll_once()
    out = console()
    out.print(
        f"Sample mailbox {settings.maildir.path} -> {settings.store_url}: "
        f"fetched {stats.fetched}, stored {stats.stored}, quarantined {stats.quarantined}, "
        f"already known {stats.already_known}"
    )
    depths = store.queue_depths()
    out.print(
        f"Triaged: {depths['priority']} priority, {depths['normal']} normal, "
        f"{depths['ignored']} ignored (auto-replies, bounces, lists)\n"
    )
    at = now()
    items = store.queue(priority_only=True)
    out.print(queue_table(items, at, f"priority queue ({len(items)}), angriest first"))
    if items:
        top = store.row(items[0].id)
        out.print(show(top, findings(settings, top), at))
    out.print(
        "\nNext, work the demo queue yourself:\n"
        f"  TRIAGE_STORE_URL={settings.store_url} .venv/bin/triage review\n"
        "  (or `queue`, `show <id>`, `edit <id>`, `stats` with the same variable)"
    )


def db_upgrade(settings: Settings, *, revision: str) -> None:
    from triage.flow.runtime import schema_upgrade
    from triage.views import echo

    before, after = schema_upgrade(settings, revision)
    echo(f"schema: {before or 'empty'} -> {after}")


def db_status(settings: Settings, *, as_json: bool) -> bool:
    """Print the revisions; False when the database is on another one than this version's."""
    from triage.flow.runtime import schema_status
    from triage.views import echo

    current, head = schema_status(settings)
    if as_json:
        echo(json.dumps({"current": current, "head": head}))
    else:
        echo(f"current {current or 'empty'}, this version needs {head}")
    return current in (None, head)
