"""`triage doctor`: each check returns a one-line detail or raises a TriageError that says what
is wrong and what to do; ``report`` runs them and prints a line each. Nothing here changes
anything."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from rich.console import Console

from triage.errors import ConfigError, TriageError
from triage.reports import check_line
from triage.settings import Settings, load_settings

Check = tuple[str, Callable[[], str]]


def mailbox(settings: Settings) -> str:
    from triage.flow.sources import make_source, watched_folders

    source = make_source(settings)
    source.connect()
    try:
        parts = []
        for folder in watched_folders(settings):
            st = source.select(folder)
            parts.append(f"{folder} ({st.exists} messages, UIDVALIDITY {st.uidvalidity})")
        kind = f"IMAP {settings.imap.host}" if settings.uses_imap else "Maildir"
        return f"{kind}: " + "; ".join(parts)
    finally:
        source.close()


def database(settings: Settings) -> str:
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


def freshness(settings: Settings, now: datetime | None = None) -> str:
    """Fails when a folder has not synced within three polling intervals."""
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
    now = now or datetime.now(UTC)
    stale = [
        f"{f.account}/{f.folder} (last sync {f.last_sync:%Y-%m-%d %H:%M} UTC)"
        if f.last_sync
        else f"{f.account}/{f.folder} (never)"
        for f in syncs
        if f.last_sync is None or (now - f.last_sync).total_seconds() > limit
    ]
    if stale:
        raise TriageError(
            f"not synced within {limit:.0f} s (3 intervals): {', '.join(stale)}; "
            "is `triage worker` running? see its log / `systemctl status triage-worker`"
        )
    return f"{len(syncs)} folder(s) synced within {limit:.0f} s"


def oauth(settings: Settings) -> str:
    if settings.imap.auth != "xoauth2" or not settings.oauth.enabled:
        return "not used"
    from triage.oauth import TokenSource

    TokenSource(settings.oauth).token()
    return f"token refreshed from {settings.oauth.token_url}"


def model(settings: Settings) -> str:
    from triage.classify import artifact

    # reads and hash-checks the artifact; no torch, no inference graph build
    art = artifact.load(settings.model.path)
    metrics = art.meta.get("metrics", {})
    return f"{settings.model.path} ({art.meta.get('model_version')}, {len(metrics)} eval sets)"


def checks(settings: Settings) -> list[Check]:
    names = settings.account_names()
    out: list[Check] = [("oauth", lambda: oauth(settings))]
    for name in names:
        label = "mailbox" if len(names) == 1 else f"mailbox {name}"
        one = settings.for_account(name)
        out.append((label, lambda one=one: mailbox(one)))  # type: ignore[misc]
    out += [
        ("database", lambda: database(settings)),
        ("sync", lambda: freshness(settings)),
        ("model", lambda: model(settings)),
    ]
    return out


def run_check(console: Console, name: str, fn: Callable[[], str]) -> bool:
    try:
        detail = fn()
    except TriageError as exc:
        console.print(check_line(name, str(exc), ok=False))
        return False
    except Exception as exc:  # doctor reports, it does not crash
        console.print(check_line(name, f"{type(exc).__name__}: {exc}", ok=False))
        return False
    console.print(check_line(name, detail, ok=True))
    return True


def report(config: Path | None, console: Console | None = None) -> bool:
    """Every check, one line each (settings first: without them nothing else can run); True
    when all passed."""
    console = console or Console(highlight=False)
    try:
        settings = load_settings(config)
    except ConfigError as exc:
        console.print(check_line("settings", str(exc), ok=False))
        return False
    console.print(check_line("settings", str(settings.source_file), ok=True))
    ok = True
    for name, check in checks(settings):
        ok &= run_check(console, name, check)
    return ok
