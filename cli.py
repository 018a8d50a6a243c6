"""The triage command line (typer). Builds Settings, Store and sources, passes them down.

Exit codes (also shown by ``triage --help``)::

    0  success
    1  unexpected error (a bug: please report it with the log)
    2  wrong usage (unknown option, missing argument)
    3  configuration error: a setting, secret or file is wrong (the message names it)
    4  mail server unreachable, timed out or dropped the connection
    5  mail server refused the login
    6  database locked, unreachable, not writable by this user, or on an old schema
    7  model artifact missing or unreadable
    8  no such email / item (`requeue`: not quarantined, or no longer in the mailbox)
    9  `triage doctor` found a problem
   10  refused: `send` of a reply with tone errors or not approved (``--force`` overrides)
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, cast

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
    Refused,
    StoreBusy,
    TransientError,
    TriageError,
)
from triage.settings import Settings, load_settings
from triage.textsafe import clean

EXIT_OK, EXIT_BUG, EXIT_USAGE, EXIT_CONFIG, EXIT_MAILBOX, EXIT_AUTH = 0, 1, 2, 3, 4, 5
EXIT_STORE, EXIT_MODEL, EXIT_NOT_FOUND, EXIT_DOCTOR, EXIT_REFUSED = 6, 7, 8, 9, 10

_EXIT_HELP = """Exit codes: 0 ok · 1 unexpected error (a bug) · 2 wrong usage · 3 configuration
error (names the key and file) · 4 mail server unreachable or timed out · 5 mail server refused
the login · 6 database locked, unreachable, not writable or old schema · 7 model artifact
missing · 8 no such item · 9 `triage doctor` found a problem · 10 refused (tone errors or not
approved; --force overrides)."""

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
        from triage.errors import SchemaError, StoreNotWritable

        code = EXIT_STORE if isinstance(exc, SchemaError | StoreNotWritable) else EXIT_CONFIG
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
    except Refused as exc:
        if exc.details:
            from triage.views import findings_table

            text, findings = cast(tuple[str, list[Any]], exc.details)
            _console().print(findings_table(text, findings))
        raise _fail(EXIT_REFUSED, str(exc)) from None
    except TriageError as exc:
        raise _fail(EXIT_BUG, str(exc)) from None


def _settings(config: Path | None) -> Settings:
    settings = load_settings(config)
    logs.configure(settings.log.level, settings.log.format)
    return settings


def _now() -> datetime:
    return datetime.now(UTC)


def _open_store(settings: Settings) -> Any:
    from triage.flow.runtime import open_store

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


AccountOpt = Annotated[
    str | None,
    typer.Option("--account", help="Which mailbox ([imap] account or an [[accounts]] name)."),
]


@app.command()
def worker(
    config: ConfigOpt = None, log_format: LogFormatOpt = None, account: AccountOpt = None
) -> None:
    """Run forever: IMAP IDLE (or polling), fetch new mail, store it, triage it.

    The first SIGTERM/Ctrl-C finishes the current batch and exits 0; a second exits at once.
    Example: TRIAGE_IMAP_PASSWORD=... triage worker --config /etc/triage/triage.toml
    """
    from triage.flow.runtime import make_worker

    with _errors():
        settings = _with_log_format(config, log_format).for_account(account)
        store = _open_store(settings)
        w = make_worker(settings, store, metrics=_metrics(settings), preload_model=True)
        w.stop.install()
        log.info("worker starting on folders %s", ", ".join(w.folders))
        w.run()


@app.command()
def poll(
    config: ConfigOpt = None,
    once: Annotated[bool, typer.Option("--once", help="One full pass, then exit.")] = False,
    as_json: JsonOpt = False,
    log_format: LogFormatOpt = None,
    account: AccountOpt = None,
) -> None:
    """Fetch and store everything new in one pass (for cron or a systemd timer).

    Example: triage poll --once --json   ->   {"fetched": 3, "stored": 3, ...}
    """
    if not once:
        raise _fail(EXIT_USAGE, "poll needs --once (use `triage worker` to run continuously)")
    from triage.flow.runtime import make_worker

    with _errors():
        settings = _with_log_format(config, log_format)
        store = _open_store(settings)
        metrics = _metrics(settings)
        names = [account] if account else settings.account_names()
        stats = None
        for name in names:  # every configured mailbox, one after the other
            w = make_worker(settings.for_account(name), store, metrics=metrics)
            w.stop.install()
            one = w.poll_once()
            stats = one if stats is None else stats + one
            if w.stop():
                break
        assert stats is not None
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
    from triage.doctor import checks

    ok = True
    for name, check in checks(settings):
        ok &= _check(console, name, check)
    if not ok:
        raise typer.Exit(EXIT_DOCTOR)


@app.command()
def demo(config: ConfigOpt = None) -> None:
    """The main job on the embedded defaults: the bundled sample Maildir, SQLite, the model.

    Ingests samples/maildir, classifies, suggests replies and routes, then prints the priority
    queue and the top item's suggested reply. Example: make demo   (the same as: triage demo)
    """
    from triage.flow.runtime import make_worker, now
    from triage.views import queue_table
    from triage.views import show as render

    with _errors():
        base = _settings(config)
        logs.configure("WARNING", base.log.format)  # the demo shows its results, not its log
        settings = base.model_copy(
            update={
                "imap": base.imap.model_copy(update={"host": ""}),
                "store": base.store.model_copy(
                    update={"url": f"sqlite:///{base.paths.data_dir / 'demo.db'}"}
                ),
            }
        )
        store = _open_store(settings)
        stats = make_worker(settings, store).poll_once()
        console = _console()
        console.print(
            f"Sample mailbox {settings.maildir.path} -> {settings.store_url}: "
            f"fetched {stats.fetched}, stored {stats.stored}, quarantined {stats.quarantined}, "
            f"already known {stats.already_known}"
        )
        depths = store.queue_depths()
        console.print(
            f"Triaged: {depths['priority']} priority, {depths['normal']} normal, "
            f"{depths['ignored']} ignored (auto-replies, bounces, lists)\n"
        )
        at = now()
        items = store.queue(priority_only=True)
        console.print(queue_table(items, at, f"priority queue ({len(items)}), angriest first"))
        if items:
            top = store.row(items[0].id)
            console.print(render(top, _findings(settings, top), at))
        console.print(
            "\nNext, work the demo queue yourself:\n"
            f"  TRIAGE_STORE_URL={settings.store_url} .venv/bin/triage review\n"
            "  (or `queue`, `show <id>`, `edit <id>`, `stats` with the same variable)"
        )


# ---------------------------------------------------------------------------------------------
# The agents' review tool

AgentOpt = Annotated[
    str | None,
    typer.Option("--agent", help="Who is acting (audit trail); default: your OS user name."),
]
IdArg = Annotated[int, typer.Argument(help="The email's id (from `triage queue`).")]


def _agent(agent: str | None) -> str:
    import getpass

    return agent or getpass.getuser()


def _console() -> Console:
    return Console(highlight=False, soft_wrap=False)


def _findings(settings: Settings, row: Any, *, final: bool = False) -> list[Any]:
    from triage.review import findings

    return findings(settings, row, final=final)


@app.command()
def queue(
    config: ConfigOpt = None,
    show_all: Annotated[
        bool, typer.Option("--all/--priority", help="All triaged mail, or the priority queue.")
    ] = False,
    limit: Annotated[int | None, typer.Option("--limit", min=1)] = None,
    as_json: JsonOpt = False,
    quarantined: Annotated[
        bool,
        typer.Option(
            "--quarantined", help="Mail that could not be parsed or fetched, oldest first."
        ),
    ] = False,
) -> None:
    """The queue, angriest first (frustration score), then most urgent, then oldest.

    Example: triage queue --limit 20      triage queue --all --json | jq '.[0]'
             triage queue --quarantined   (then `triage show ID`, `triage requeue ID`)
    """
    from triage.flow.runtime import now
    from triage.views import queue_json, queue_table

    if quarantined and show_all:
        raise _fail(EXIT_USAGE, "--quarantined and --all are two different lists: give one")
    with _errors():
        settings = _settings(config)
        store = _open_store(settings)
        at = now()
        if quarantined:
            from triage.quarantine_view import quarantine_json, quarantine_table

            held = store.quarantined(limit=limit)
            if as_json:
                typer.echo(json.dumps(quarantine_json(held)))
            else:
                _console().print(quarantine_table(held, at, f"quarantined mail ({len(held)})"))
            return
        items = store.queue(priority_only=not show_all, limit=limit)
        if as_json:
            typer.echo(json.dumps(queue_json(items, at)))
            return
        title = "all open mail" if show_all else "priority queue"
        _console().print(queue_table(items, at, f"{title} ({len(items)})"))
        if not items:
            typer.echo("nothing waiting")
        held_back = store.counts()["quarantined"]
        if held_back:  # in no queue above: say so, or nobody ever looks at them
            typer.echo(f"{held_back} quarantined (not in any queue): triage queue --quarantined")


FullOpt = Annotated[
    bool, typer.Option("--full", help="Print all of the text (default: capped, with a note).")
]


@app.command()
def show(
    item: IdArg, config: ConfigOpt = None, full: FullOpt = False, as_json: JsonOpt = False
) -> None:
    """One email: newest text, scores with evidence, routing reasons, the reply, tone findings;
    parse defects; for quarantined mail the reason and the stored headers.

    Long text is capped (lines and characters) with a note; --full prints it all.
    Example: triage show 42      triage show 42 --full | less -R      triage show 42 --json
    """
    from triage.flow.runtime import now
    from triage.views import print_show, show_json

    with _errors():
        settings = _settings(config)
        row = _open_store(settings).row(item)
        if as_json:
            typer.echo(json.dumps(show_json(row, full=full)))
            return
        print_show(_console(), row, _findings(settings, row), now(), full=full)


@app.command()
def requeue(
    item: IdArg, config: ConfigOpt = None, agent: AgentOpt = None, as_json: JsonOpt = False
) -> None:
    """Fetch a quarantined email from the mailbox again and parse it (e.g. after an upgrade).

    If it parses now, it is triaged like new mail (once); if not, it stays quarantined with
    the new reason. Exits 8 when it is not quarantined or no longer in the mailbox.
    Example: triage queue --quarantined && triage requeue 42
    """
    from triage.flow.requeue import requeue_from_mailbox
    from triage.flow.runtime import now
    from triage.quarantine_view import requeue_json, requeue_summary

    with _errors():
        settings = _settings(config)
        result = requeue_from_mailbox(
            settings, _open_store(settings), item, agent=_agent(agent), now=now()
        )
        typer.echo(json.dumps(requeue_json(result)) if as_json else requeue_summary(result))


@app.command()
def approve(item: IdArg, config: ConfigOpt = None, agent: AgentOpt = None) -> None:
    """Approve the (possibly edited) reply for sending. Example: triage approve 42"""
    from triage.flow.runtime import now
    from triage.review import approve as approve_reply

    with _errors():
        settings = _settings(config)
        errors = approve_reply(settings, _open_store(settings), item, _agent(agent), now())
        typer.echo(
            f"approved #{item}"
            + (f" — but {len(errors)} tone error(s) remain: `triage edit {item}`" if errors else "")
        )


@app.command()
def reject(
    item: IdArg,
    reason: Annotated[str, typer.Option("--reason", help="Why (kept in the audit trail).")],
    config: ConfigOpt = None,
    agent: AgentOpt = None,
) -> None:
    """Reject the suggestion (the agent will answer by hand).

    Example: triage reject 42 --reason 'wrong fix'
    """
    from triage.flow.runtime import now
    from triage.review import reject as reject_reply

    with _errors():
        reject_reply(_open_store(_settings(config)), item, reason, _agent(agent), now())
        typer.echo(f"rejected #{item}")


def _edit(settings: Settings, store: Any, item: int, agent: str) -> None:
    from triage.flow.runtime import now
    from triage.review import edit as edit_reply
    from triage.views import findings_table

    edited = edit_reply(settings, store, item, agent, now)
    if edited is None:
        typer.echo("no change")
    else:
        _console().print(findings_table(edited.text, edited.findings))


@app.command()
def edit(item: IdArg, config: ConfigOpt = None, agent: AgentOpt = None) -> None:
    """Edit the reply in $EDITOR; on save the tone checker runs again. Example: EDITOR=nano triage edit 42"""
    with _errors():
        settings = _settings(config)
        _edit(settings, _open_store(settings), item, _agent(agent))


@app.command()
def send(
    item: IdArg,
    config: ConfigOpt = None,
    agent: AgentOpt = None,
    smtp: Annotated[
        bool, typer.Option("--smtp", help="Send via [smtp] instead of a draft.")
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Send despite tone errors or without approval.")
    ] = False,
) -> None:
    """Save the approved reply as a threaded draft in the mailbox's Drafts folder (default).

    The agent then sends it from their mail client. Nothing is ever sent automatically.
    Example: triage send 42
    """
    from triage.flow.runtime import now
    from triage.outgoing import deliver

    with _errors():
        settings = _settings(config)
        store = _open_store(settings)

        def findings(row: Any) -> list[Any]:
            return _findings(settings, row, final=True)

        detail = deliver(
            settings, store, item, _agent(agent), now(), smtp=smtp, force=force, findings=findings
        )
        where = "sent via SMTP" if smtp else f"saved as a draft in {detail['folder']}"
        typer.echo(f"#{item}: reply {where}")


@app.command()
def relabel(
    item: IdArg,
    urgency: Annotated[int, typer.Option(min=0, max=3, help="0 low … 3 critical")],
    frustration: Annotated[int, typer.Option(min=0, max=3, help="0 calm … 3 angry")],
    not_customer: Annotated[bool, typer.Option("--not-customer")] = False,
    config: ConfigOpt = None,
    agent: AgentOpt = None,
) -> None:
    """Correct the model's labels (kept as feedback for evaluation and retraining).

    Example: triage relabel 42 --urgency 2 --frustration 3
    """
    from triage.flow.runtime import now
    from triage.review import relabel as relabel_email

    with _errors():
        store = _open_store(_settings(config))
        relabel_email(
            store,
            item,
            _agent(agent),
            now(),
            urgency=urgency,
            frustration=frustration,
            not_customer=not_customer,
        )
        typer.echo(f"#{item}: relabelled urgency {urgency}, frustration {frustration}")


feedback_app = typer.Typer(help="Agent corrections of the model's labels.", no_args_is_help=True)
app.add_typer(feedback_app, name="feedback")


@feedback_app.command("export")
def feedback_export(
    out: Annotated[Path, typer.Argument(help="JSON-Lines file to write (the eval format).")],
    config: ConfigOpt = None,
) -> None:
    """Write the corrections as JSON Lines for `triage eval --data FILE`.

    Example: triage feedback export feedback.jsonl && triage eval --data feedback.jsonl
    """
    from triage.review import export_feedback

    with _errors():
        n = export_feedback(_open_store(_settings(config)), out)
        typer.echo(f"wrote {n} corrections to {out}")


@app.command()
def stats(config: ConfigOpt = None, as_json: JsonOpt = False) -> None:
    """Counts by queue and level, overdue items, median time to first review."""
    from triage.flow.runtime import now

    with _errors():
        data = _open_store(_settings(config)).stats(now())
        if as_json:
            typer.echo(json.dumps(data))
            return
        typer.echo("queues: " + ", ".join(f"{k} {v}" for k, v in sorted(data["queues"].items())))
        typer.echo("review: " + ", ".join(f"{k} {v}" for k, v in sorted(data["review"].items())))
        for label in ("urgency", "frustration"):
            typer.echo(
                f"{label}: "
                + ", ".join(f"level {k}: {v}" for k, v in sorted(data["levels"][label].items()))
            )
        typer.echo(f"overdue: {data['overdue']}")
        typer.echo(f"quarantined: {data['quarantined']} (in no queue: triage queue --quarantined)")
        med = data["median_seconds_to_first_review"]
        typer.echo("median time to first review: " + (f"{med / 60:.0f} min" if med else "-"))


@app.command()
def review(config: ConfigOpt = None, agent: AgentOpt = None) -> None:
    """Work the priority queue: one key per action — [n]ext [a]pprove [e]dit [r]eject [s]kip [q]uit.

    Example: triage review --agent dana
    """
    import click

    from triage.flow.runtime import now
    from triage.review import approve as approve_reply
    from triage.review import pending
    from triage.review import reject as reject_reply
    from triage.views import show as render

    with _errors():
        settings = _settings(config)
        store = _open_store(settings)
        who = _agent(agent)
        console = _console()
        for item in pending(store):
            row = store.row(item)
            console.print(render(row, _findings(settings, row), now()))
            prompt = "[n]ext [a]pprove [e]dit [r]eject [s]kip [q]uit"
            if sys.stdin.isatty():
                typer.echo(prompt + " ", nl=False)
                key = click.getchar().lower()
                typer.echo(key)
            else:
                key = (typer.prompt(prompt, default="n", show_default=False) or "n")[:1].lower()
            if key == "q":
                return
            if key == "a":
                approve_reply(settings, store, item, who, now())
                typer.echo(f"approved #{item}")
            elif key == "e":
                _edit(settings, store, item, who)
            elif key == "r":
                reject_reply(store, item, typer.prompt("reason"), who, now())
                typer.echo(f"rejected #{item}")
            # n and s both move on; the item stays pending for the next session
        typer.echo("priority queue done: nothing pending")


# ---------------------------------------------------------------------------------------------
# The model and the replies


@app.command()
def train(
    config: ConfigOpt = None,
    quick: Annotated[bool, typer.Option("--quick", help="Tiny smoke run (< 1 min).")] = False,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Where to write the artifact (default [model] path)."),
    ] = None,
    seed: int = 0,
    threads: Annotated[
        int, typer.Option("--threads", help="CPU threads (0 = the recipe's); the meta records it.")
    ] = 0,
) -> None:
    """Fine-tune the urgency/frustration model on the data sets in [paths] data_sets.

    The full recipe takes about 30 minutes on 2 CPU cores. Example: triage train --quick --out var/m
    """
    with _errors():
        settings = _settings(config)
        from triage.classify.train import train as run_training

        target = out or settings.model.path
        metrics = run_training(
            settings.paths.data_sets, target, quick=quick, seed=seed, threads=threads or None
        )
        typer.echo(json.dumps({"out": str(target), "metrics": metrics}, default=str)[:2000])


@app.command("seed-spread")
def seed_spread(
    runs: Annotated[
        list[Path], typer.Argument(help="Artifacts of the shipped recipe trained with other seeds.")
    ],
    config: ConfigOpt = None,
    model: Annotated[
        Path | None,
        typer.Option("--model", help="The artifact to record into (default [model] path)."),
    ] = None,
) -> None:
    """Score re-runs of the shipped recipe (other seeds) and record the spread in its card.

    Example: triage train --seed 1 --out var/s1 && triage seed-spread var/s1
    """
    with _errors():
        settings = _settings(config)
        from triage.classify.seeds import record_seed_runs

        record = record_seed_runs(model or settings.model.path, runs, settings.paths.data_sets)
        typer.echo(json.dumps(record["spread"], indent=1))


@app.command("eval")
def evaluate(
    data: Annotated[Path, typer.Option("--data", help="JSON Lines: subject+body or text, labels.")],
    config: ConfigOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Score a labelled JSON-Lines file: macro-F1, QWK, accuracy, within-one, confusion.

    Example: triage eval --data ../shared/data/support_emails_synthetic/it_helpdesk.jsonl --json
    """
    from triage.classify.evaluate import evaluate_rows, format_report, load_eval_rows
    from triage.flow.runtime import load_classifier

    with _errors():
        settings = _settings(config)
        rows = load_eval_rows(data)
        report = evaluate_rows(load_classifier(settings), rows)
        typer.echo(json.dumps(report) if as_json else format_report(report))


@app.command()
def classify(
    source: Annotated[
        str, typer.Argument(help="An .eml file, or - for stdin (an email message or plain text).")
    ] = "-",
    config: ConfigOpt = None,
    jsonl: Annotated[
        Path | None, typer.Option("--jsonl", help="Score every line of a JSON-Lines file.")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Urgency and frustration (levels, scores, evidence) for one email, or a JSON-Lines batch.

    Examples: triage classify mail.eml      echo "SERVER DOWN!!" | triage classify --json
              triage classify --jsonl emails.jsonl > scores.jsonl
    """
    from triage.classify.batch import classify_jsonl, read_one, scores_to_dict
    from triage.flow.runtime import load_classifier

    with _errors():
        settings = _settings(config)
        clf = load_classifier(settings)
        if jsonl is not None:
            classify_jsonl(clf, jsonl, sys.stdout)
            return
        try:
            data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
        except OSError as exc:
            raise ConfigError(f"{source}: cannot be read: {exc.strerror}") from exc
        one = read_one(data, "standard input" if source == "-" else source)
        if one.note:
            _err().print(Text("note: ", style="yellow") + Text(one.note))
        [scores] = clf.classify([(one.subject, one.text)])
        data = scores_to_dict(scores)
        if as_json:
            typer.echo(json.dumps(data))
            return
        from triage.route import FRUSTRATION, URGENCY

        typer.echo(f"urgency     {URGENCY[scores.urgency]} ({scores.urgency_score:.2f})")
        typer.echo(
            f"frustration {FRUSTRATION[scores.frustration]} ({scores.frustration_score:.2f})"
        )
        typer.echo(f"not a customer: {scores.not_customer:.0%}")
        for e in scores.evidence:
            typer.echo(f"  {e.label:<11} {clean(e.phrase, single_line=True)!r} ({e.weight:+.2f})")


@app.command()
def suggest(
    item: Annotated[int | None, typer.Argument(help="A stored email's id.")] = None,
    config: ConfigOpt = None,
    refresh: Annotated[bool, typer.Option("--refresh", help="Compose it again now.")] = False,
    jsonl: Annotated[
        Path | None, typer.Option("--jsonl", help="Suggest for every line of a JSON-Lines file.")
    ] = None,
) -> None:
    """The suggested reply for a stored email, or for each line of a JSON-Lines file.

    Examples: triage suggest 42 --refresh      triage suggest --jsonl emails.jsonl > replies.jsonl
    """
    from triage.flow.runtime import load_classifier, make_decider, now

    with _errors():
        settings = _settings(config)
        if jsonl is not None:
            from triage.flow.suggest_jsonl import suggest_jsonl

            clf = load_classifier(settings)
            decider = make_decider(settings, clf)
            suggest_jsonl(jsonl, sys.stdout, scorer=clf.classify, decider=decider, now=now())
            return
        if item is None:
            raise _fail(EXIT_USAGE, "give an email id, or --jsonl FILE")
        from triage.review import with_suggestion
        from triage.views import show as render

        row = with_suggestion(settings, _open_store(settings), item, now(), refresh=refresh)

        _console().print(render(row, _findings(settings, row), now()))


kb_app = typer.Typer(
    help="The knowledge base of fixes (config/knowledge/*.md).", no_args_is_help=True
)
app.add_typer(kb_app, name="kb")


@kb_app.command("list")
def kb_list(config: ConfigOpt = None, as_json: JsonOpt = False) -> None:
    """Every fix in the knowledge base: id, title, keywords."""
    from triage.replies.kb_files import read_entries

    with _errors():
        settings = _settings(config)
        entries = read_entries(settings.replies.knowledge_dir)
        if as_json:
            typer.echo(
                json.dumps(
                    [{"id": e.id, "title": e.title, "keywords": list(e.keywords)} for e in entries]
                )
            )
            return
        table = Table(title=f"knowledge base ({len(entries)} fixes)")
        for c in ("id", "title", "keywords"):
            table.add_column(c)
        for e in entries:
            table.add_row(e.id, Text(e.title), Text(", ".join(e.keywords[:6])))
        _console().print(table)


@kb_app.command("check")
def kb_check(config: ConfigOpt = None) -> None:
    """Run the tone checker on every entry (jargon, blame, ...); exit 10 on an error finding."""
    from triage.replies.config import load_reply_config
    from triage.replies.kb_check import check_entries
    from triage.replies.kb_files import read_entries

    with _errors():
        settings = _settings(config)
        cfg = load_reply_config(
            settings.replies.config, sla=settings.sla, knowledge_dir=settings.replies.knowledge_dir
        )
        results = check_entries(read_entries(settings.replies.knowledge_dir), cfg.tone)
        bad = 0
        for entry, findings in results:
            for f in findings:
                bad += f.severity == "error"
                typer.echo(f"{entry.id}: {f.severity} {f.rule}: {f.message}")
        typer.echo(f"{len(results)} entries checked, {bad} error(s)")
        if bad:
            raise typer.Exit(EXIT_REFUSED)


db_app = typer.Typer(help="Database schema (Alembic migrations).", no_args_is_help=True)
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
def db_upgrade(
    config: ConfigOpt = None,
    revision: Annotated[str, typer.Option(help="Target revision.")] = "head",
) -> None:
    """Apply schema migrations (take a backup first). Example: triage db upgrade"""
    from triage.flow.runtime import store_engine
    from triage.store import schema

    with _errors():
        settings = _settings(config)
        engine = store_engine(settings)
        before = schema.current_revision(engine)
        schema.upgrade(engine, revision)
        after = schema.current_revision(engine)
        engine.dispose()
        typer.echo(f"schema: {before or 'empty'} -> {after}")


@db_app.command("status")
def db_status(config: ConfigOpt = None, as_json: JsonOpt = False) -> None:
    """Show the database's schema revision and the one this version needs."""
    from triage.flow.runtime import store_engine
    from triage.store import schema

    with _errors():
        settings = _settings(config)
        engine = store_engine(settings)
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
