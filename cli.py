"""The triage command line (typer). Builds Settings, Store and sources, passes them down.

Exit codes (also shown by ``triage --help``)::

    0  success
    1  unexpected error (a bug: please report it with the log)
    2  wrong usage (unknown option, missing argument)
    3  configuration error: a setting, secret or file is wrong (the message names it)
    4  mail server unreachable, timed out or dropped the connection
    5  mail server refused the login
    6  database locked, unreachable or on an old schema
    7  model artifact missing or unreadable
    8  no such email / item
    9  `triage doctor` found a problem
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from triage import logs
from triage.errors import (
    AuthError,
    ConfigError,
    MailboxUnavailable,
    ModelError,
    NotFound,
    StoreBusy,
    TransientError,
    TriageError,
)
from triage.settings import Settings, load_settings
from triage.textsafe import clean

EXIT_OK, EXIT_BUG, EXIT_USAGE, EXIT_CONFIG, EXIT_MAILBOX, EXIT_AUTH = 0, 1, 2, 3, 4, 5
EXIT_STORE, EXIT_MODEL, EXIT_NOT_FOUND, EXIT_DOCTOR = 6, 7, 8, 9

_EXIT_HELP = """Exit codes: 0 ok · 1 unexpected error (a bug) · 2 wrong usage · 3 configuration
error (names the key and file) · 4 mail server unreachable or timed out · 5 mail server refused
the login · 6 database locked, unreachable or old schema · 7 model artifact missing · 8 no such
item · 9 `triage doctor` found a problem."""

app = typer.Typer(
    help="Email-queue triage for IT help desks: intake, classify, suggest replies, priority queue.",
    epilog=_EXIT_HELP,
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)

ConfigOpt = Annotated[
    Path | None,
    typer.Option(
        "--config",
        "-c",
        help="Settings file (default: $TRIAGE_CONFIG, else config/triage.toml).",
        show_default=False,
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON object for scripts.")]

log = logging.getLogger("triage.cli")


def _err() -> Console:
    # soft_wrap: an error line stays one line (greppable in logs, copy-pasteable commands)
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _fail(code: int, message: str, hint: str | None = None) -> typer.Exit:
    _err().print(Text("error: ", style="bold red") + Text(message))
    if hint:
        _err().print(Text(hint, style="dim"))
    return typer.Exit(code)


@contextmanager
def _errors() -> Iterator[None]:
    """Map the exception tree onto exit codes with a plain-words message."""
    try:
        yield
    except ConfigError as exc:
        from triage.errors import SchemaError

        code = EXIT_STORE if isinstance(exc, SchemaError) else EXIT_CONFIG
        raise _fail(code, str(exc)) from None
    except AuthError as exc:
        raise _fail(EXIT_AUTH, str(exc)) from None
    except MailboxUnavailable as exc:
        raise _fail(
            EXIT_MAILBOX, str(exc), "check [imap] host/port/tls and that the server is up"
        ) from None
    except StoreBusy as exc:
        raise _fail(EXIT_STORE, str(exc), "another process may hold the database; retry") from None
    except TransientError as exc:
        raise _fail(EXIT_MAILBOX, str(exc)) from None
    except ModelError as exc:
        raise _fail(EXIT_MODEL, str(exc)) from None
    except NotFound as exc:
        raise _fail(EXIT_NOT_FOUND, str(exc)) from None
    except TriageError as exc:
        raise _fail(EXIT_BUG, str(exc)) from None


def _settings(config: Path | None) -> Settings:
    settings = load_settings(config)
    logs.configure(settings.log.level, settings.log.format)
    return settings


def _now() -> datetime:
    return datetime.now(UTC)


def _open_store(settings: Settings) -> Any:
    from triage.runtime import open_store

    return open_store(settings)


def _metrics(settings: Settings) -> Any:
    """Metrics for long-running commands: served and/or written as a textfile when configured."""
    from triage.metrics import Metrics

    metrics = Metrics()
    if settings.metrics.port:
        metrics.serve(settings.metrics.port, settings.metrics.addr)
    return metrics


LogFormatOpt = Annotated[
    str | None,
    typer.Option("--log-format", help="text or json (one object per line); default from [log]."),
]


def _with_log_format(config: Path | None, log_format: str | None) -> Settings:
    settings = load_settings(config)
    if log_format is not None:
        if log_format not in ("text", "json"):
            raise ConfigError(f"--log-format must be text or json, not {log_format!r}")
        settings = settings.model_copy(
            update={"log": settings.log.model_copy(update={"format": log_format})}
        )
    logs.configure(settings.log.level, settings.log.format)
    return settings


@app.command()
def worker(config: ConfigOpt = None, log_format: LogFormatOpt = None) -> None:
    """Run forever: IMAP IDLE (or polling), fetch new mail, store it, triage it.

    The first SIGTERM/Ctrl-C finishes the current batch and exits 0; a second exits at once.
    Example: TRIAGE_IMAP_PASSWORD=... triage worker --config /etc/triage/triage.toml
    """
    from triage.runtime import make_worker

    with _errors():
        settings = _with_log_format(config, log_format)
        store = _open_store(settings)
        w = make_worker(settings, store, metrics=_metrics(settings))
        w.stop.install()
        log.info("worker starting on folders %s", ", ".join(w.folders))
        w.run()


@app.command()
def poll(
    config: ConfigOpt = None,
    once: Annotated[bool, typer.Option("--once", help="One full pass, then exit.")] = False,
    as_json: JsonOpt = False,
    log_format: LogFormatOpt = None,
) -> None:
    """Fetch and store everything new in one pass (for cron or a systemd timer).

    Example: triage poll --once --json   ->   {"fetched": 3, "stored": 3, ...}
    """
    if not once:
        raise _fail(EXIT_USAGE, "poll needs --once (use `triage worker` to run continuously)")
    from triage.runtime import make_worker

    with _errors():
        settings = _with_log_format(config, log_format)
        store = _open_store(settings)
        metrics = _metrics(settings)
        w = make_worker(settings, store, metrics=metrics)
        w.stop.install()
        stats = w.poll_once()
        if as_json:
            typer.echo(json.dumps(stats.as_dict()))
        else:
            typer.echo(
                f"fetched {stats.fetched}, stored {stats.stored}, "
                f"quarantined {stats.quarantined}, already known {stats.already_known}"
            )


def _iso(dt: datetime | None) -> str | None:
    return dt.isoformat() if dt else None


@app.command()
def status(config: ConfigOpt = None, as_json: JsonOpt = False) -> None:
    """Per-folder sync state and email totals.

    Example: triage status --json
    """
    with _errors():
        settings = _settings(config)
        store = _open_store(settings)
        folders = store.folder_syncs()
        counts = store.counts()
        if as_json:
            out = {
                "folders": [
                    {
                        "account": f.account,
                        "folder": f.folder,
                        "uidvalidity": f.uidvalidity,
                        "last_uid": f.last_uid,
                        "last_sync": _iso(f.last_sync),
                    }
                    for f in folders
                ],
                "emails": {"total": counts["total"], "quarantined": counts["quarantined"]},
            }
            typer.echo(json.dumps(out))
            return
        table = Table(title="Folders")
        for col in ("account", "folder", "uidvalidity", "last uid", "last sync"):
            table.add_column(col)
        for f in folders:
            table.add_row(
                Text(clean(f.account)),
                Text(clean(f.folder)),
                str(f.uidvalidity),
                str(f.last_uid),
                _iso(f.last_sync) or "never",
            )
        console = Console(highlight=False)
        console.print(table)
        console.print(f"emails: {counts['total']} stored, {counts['quarantined']} quarantined")


def _check(console: Console, name: str, fn: Callable[[], str]) -> bool:
    try:
        detail = fn()
    except TriageError as exc:
        console.print(Text("  FAIL ", style="bold red") + Text(f"{name}: {exc}"))
        return False
    except Exception as exc:  # doctor reports, it does not crash
        console.print(
            Text("  FAIL ", style="bold red") + Text(f"{name}: {type(exc).__name__}: {exc}")
        )
        return False
    console.print(Text("  ok   ", style="green") + Text(f"{name}: {detail}"))
    return True


@app.command()
def doctor(config: ConfigOpt = None) -> None:
    """Check settings, mailbox login and folders, database and model files; explain problems.

    Exits 9 when anything is wrong. Example: triage doctor --config /etc/triage/triage.toml
    """
    console = Console(highlight=False)
    try:
        settings = load_settings(config)
    except ConfigError as exc:
        console.print(Text("  FAIL ", style="bold red") + Text(f"settings: {exc}"))
        raise typer.Exit(EXIT_DOCTOR) from None
    console.print(Text("  ok   ", style="green") + Text(f"settings: {settings.source_file}"))
    ok = True

    def mailbox() -> str:
        from triage.sources import make_source, watched_folders

        source = make_source(settings)
        source.connect()
        try:
            parts = []
            for folder in watched_folders(settings):
                st = source.select(folder)
                parts.append(f"{folder} ({st.exists} messages, UIDVALIDITY {st.uidvalidity})")
            return (
                ("IMAP " + settings.imap.host if settings.uses_imap else "Maildir")
                + ": "
                + ("; ".join(parts))
            )
        finally:
            source.close()

    def database() -> str:
        from triage.store import Store, schema
        from triage.store.engine import make_engine

        engine = make_engine(settings.store_url, busy_timeout=settings.store.busy_timeout)
        try:
            if schema.current_revision(engine) is None:
                return "no database yet: the first `triage worker` or `triage poll` creates it"
            schema.require_current(engine)
            counts = Store(engine).counts()
        finally:
            engine.dispose()
        url = settings.store_url.split("@")[-1]  # never print a password in a URL
        return f"{url} (schema {schema.head_revision()}, {counts['total']} emails)"

    def freshness() -> str:
        from triage.store import Store, schema
        from triage.store.engine import make_engine

        engine = make_engine(settings.store_url, busy_timeout=settings.store.busy_timeout)
        try:
            if schema.current_revision(engine) is None:
                return "no folder synced yet"
            syncs = Store(engine).folder_syncs()
        finally:
            engine.dispose()
        # a worker that stalls silently is the classic way to lose a day of mail
        limit = max(settings.imap.poll_interval, settings.worker.heartbeat_seconds) * 3
        now = datetime.now(UTC)
        stale = [
            f"{f.folder} (last sync {f.last_sync:%Y-%m-%d %H:%M} UTC)"
            if f.last_sync
            else f"{f.folder} (never)"
            for f in syncs
            if f.last_sync is None or (now - f.last_sync).total_seconds() > limit
        ]
        if stale:
            raise TriageError(
                f"not synced within {limit:.0f} s (3 intervals): {', '.join(stale)}; "
                "is `triage worker` running? see its log / `systemctl status triage-worker`"
            )
        return f"{len(syncs)} folder(s) synced within {limit:.0f} s"

    def oauth() -> str:
        if settings.imap.auth != "xoauth2" or not settings.oauth.enabled:
            return "not used"
        from triage.oauth import TokenSource

        TokenSource(settings.oauth).token()
        return f"token refreshed from {settings.oauth.token_url}"

    def model() -> str:
        path = settings.model.path
        meta = path / "meta.json"
        if not meta.exists():
            raise ModelError(
                f"{meta} is missing: the trained model ships in the repository's models/ "
                "folder (restore it with `git checkout models/` or set [model] path)"
            )
        data = json.loads(meta.read_text(encoding="utf-8"))
        return f"{path} ({data.get('version', 'unknown version')})"

    ok &= _check(console, "oauth", oauth)
    ok &= _check(console, "mailbox", mailbox)
    ok &= _check(console, "database", database)
    ok &= _check(console, "sync", freshness)
    ok &= _check(console, "model", model)
    if not ok:
        raise typer.Exit(EXIT_DOCTOR)


@app.command()
def demo(config: ConfigOpt = None) -> None:
    """Run the main job on the embedded defaults: the bundled sample Maildir into SQLite.

    Example: make demo   (the same as: triage demo)
    """
    with _errors():
        base = _settings(config)
        settings = base.model_copy(
            update={
                "imap": base.imap.model_copy(update={"host": ""}),
                "store": base.store.model_copy(
                    update={"url": f"sqlite:///{base.paths.data_dir / 'demo.db'}"}
                ),
            }
        )
        store = _open_store(settings)
        from triage.runtime import make_worker

        stats = make_worker(settings, store).poll_once()
        console = Console(highlight=False)
        console.print(
            f"Ingested the sample mailbox {settings.maildir.path} into {settings.store_url}: "
            f"fetched {stats.fetched}, stored {stats.stored}, "
            f"quarantined {stats.quarantined}, already known {stats.already_known}"
        )
        table = Table(title="Stored emails")
        for col in ("id", "from", "subject", "kind", "status"):
            table.add_column(col)
        for row in store.emails():
            table.add_row(
                str(row.id),
                Text(clean(row.from_name or row.from_address or "?", single_line=True)[:28]),
                Text(clean(row.subject, single_line=True)[:60]),
                row.kind,
                row.status,
            )
        console.print(table)
        console.print(
            "Next: `triage status` shows the sync state; run `make demo` again: nothing is stored twice."
        )


db_app = typer.Typer(help="Database schema (Alembic migrations).", no_args_is_help=True)
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
def db_upgrade(
    config: ConfigOpt = None,
    revision: Annotated[str, typer.Option(help="Target revision.")] = "head",
) -> None:
    """Apply schema migrations (take a backup first). Example: triage db upgrade"""
    from triage.store import schema
    from triage.store.engine import make_engine

    with _errors():
        settings = _settings(config)
        engine = make_engine(settings.store_url, busy_timeout=settings.store.busy_timeout)
        before = schema.current_revision(engine)
        schema.upgrade(engine, revision)
        after = schema.current_revision(engine)
        engine.dispose()
        typer.echo(f"schema: {before or 'empty'} -> {after}")


@db_app.command("status")
def db_status(config: ConfigOpt = None, as_json: JsonOpt = False) -> None:
    """Show the database's schema revision and the one this version needs."""
    from triage.store import schema
    from triage.store.engine import make_engine

    with _errors():
        settings = _settings(config)
        engine = make_engine(settings.store_url, busy_timeout=settings.store.busy_timeout)
        current, head = schema.current_revision(engine), schema.head_revision()
        engine.dispose()
        if as_json:
            typer.echo(json.dumps({"current": current, "head": head}))
        else:
            typer.echo(f"current {current or 'empty'}, this version needs {head}")
        if current not in (None, head):
            raise typer.Exit(EXIT_STORE)


def main() -> None:  # pragma: no cover - console-script entry for `python cli.py`
    app()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
