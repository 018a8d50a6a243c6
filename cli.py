"""The triage command line (typer). Builds Settings, Store and sources, passes them down.

The exit codes are ``_EXIT_HELP`` below (shown by ``triage --help``; README, CLI at a glance).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Concatenate, ParamSpec, TypeVar

import click
import typer

from triage import errors, logs
from triage.commands import desk, kb, model, operate
from triage.commands.options import (
    AccountOpt,
    AgentOpt,
    CaseArg,
    ConfigOpt,
    DataOpt,
    ForceOpt,
    FullOpt,
    IdArg,
    JsonOpt,
    LogFormatOpt,
    NowOpt,
    OutArg,
    QuarantinedOpt,
    ReasonOpt,
    RevisionOpt,
    SmtpOpt,
)
from triage.doctor import report as doctor_report
from triage.reports import print_error
from triage.settings import Settings, load_settings

EXIT_OK, EXIT_BUG, EXIT_USAGE, EXIT_CONFIG, EXIT_MAILBOX, EXIT_AUTH = 0, 1, 2, 3, 4, 5
EXIT_STORE, EXIT_MODEL, EXIT_NOT_FOUND, EXIT_DOCTOR, EXIT_REFUSED = 6, 7, 8, 9, 10

_EXIT_HELP = """Exit codes: 0 ok · 1 unexpected error (a bug) · 2 wrong usage · 3 configuration
error (names the key and file) · 4 mail server unreachable or timed out · 5 mail server refused
the login · 6 database locked, unreachable, not writable or old schema · 7 model artifact
missing · 8 no such item · 9 `triage doctor` found a problem · 10 refused (tone errors or not
approved; --force overrides)."""

_IMAP_HINT = "check [imap] host/port/tls and that the server is up"
# the exception tree onto exit codes, with a hint where one helps: the first match wins, so
# a subclass comes before its base
_EXITS: list[tuple[type[errors.TriageError], int, str | None]] = [
    (errors.SchemaError, EXIT_STORE, None),
    (errors.StoreNotWritable, EXIT_STORE, None),
    (errors.ConfigError, EXIT_CONFIG, None),
    (errors.AuthError, EXIT_AUTH, None),
    (errors.MailboxUnavailable, EXIT_MAILBOX, _IMAP_HINT),
    (errors.StoreBusy, EXIT_STORE, "another process may hold the database; retry"),
    (errors.TransientError, EXIT_MAILBOX, None),
    (errors.ModelError, EXIT_MODEL, None),
    (errors.NotFound, EXIT_NOT_FOUND, None),
    (errors.Refused, EXIT_REFUSED, None),
    (errors.TriageError, EXIT_BUG, None),
]

app = typer.Typer(
    help="Email-queue triage for IT help desks: intake, classify, suggest replies, priority queue.",
    epilog=_EXIT_HELP,
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
# the sub-commands, listed in this order after the commands
feedback_app = typer.Typer(help="Agent corrections of the model's labels.", no_args_is_help=True)
app.add_typer(feedback_app, name="feedback")
kb_app = typer.Typer(help="Fixes: the knowledge base and learned cases.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")
db_app = typer.Typer(help="Database schema (Alembic migrations).", no_args_is_help=True)
app.add_typer(db_app, name="db")

P = ParamSpec("P")
R = TypeVar("R")


def _fail(code: int, message: str, hint: str | None = None) -> typer.Exit:
    print_error(message, hint)
    return typer.Exit(code)


def _run(
    command: Callable[Concatenate[Settings, P], R], config: Path | None, log_fmt: str | None = None
) -> Callable[P, R]:
    """A command's one call, ``_run(body, config)(options)``: the settings, then the body
    (triage/commands/); the exception tree mapped onto exit codes with a plain-words message."""

    def run(*args: P.args, **options: P.kwargs) -> R:
        try:
            settings = load_settings(config)
            if log_fmt is not None:
                settings = settings.with_log_format(log_fmt)
            logs.configure(settings.log.level, settings.log.format)
            return command(settings, *args, **options)
        except errors.TriageError as exc:
            if isinstance(exc, errors.Refused) and exc.details:
                from triage.views import print_refusal

                print_refusal(exc.details)
            code, hint = next((c, h) for cls, c, h in _EXITS if isinstance(exc, cls))
            raise _fail(code, str(exc), hint) from None

    return run


@app.command()
def worker(
    config: ConfigOpt = None, log_format: LogFormatOpt = None, account: AccountOpt = None
) -> None:
    """Run forever: IMAP IDLE (or polling), fetch new mail, store it, triage it.

    The first SIGTERM/Ctrl-C finishes the current batch and exits 0; a second exits at once.
    Example: TRIAGE_IMAP_PASSWORD=... triage worker --config /etc/triage/triage.toml
    """
    _run(operate.worker, config, log_format)(account=account)


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
    _run(operate.poll, config, log_format)(account=account, as_json=as_json)


@app.command()
def status(config: ConfigOpt = None, as_json: JsonOpt = False) -> None:
    """Per-folder sync state and email totals.

    Example: triage status --json
    """
    _run(operate.status, config)(as_json=as_json)


@app.command()
def doctor(config: ConfigOpt = None) -> None:
    """Check settings, mailbox login and folders, database and model files; explain problems.

    Exits 9 when anything is wrong. Example: triage doctor --config /etc/triage/triage.toml
    """
    if not doctor_report(config):
        raise typer.Exit(EXIT_DOCTOR)


@app.command()
def demo(config: ConfigOpt = None) -> None:
    """The main job on the embedded defaults: the bundled sample Maildir, SQLite, the model.

    Ingests samples/maildir, classifies, suggests replies and routes, then prints the priority
    queue and the top item's suggested reply. Example: make demo   (the same as: triage demo)
    """
    _run(operate.demo, config)()


# The agents' review tool
@app.command()
def queue(
    config: ConfigOpt = None,
    show_all: Annotated[
        bool, typer.Option("--all/--priority", help="All triaged mail, or the priority queue.")
    ] = False,
    limit: Annotated[int | None, typer.Option("--limit", min=1)] = None,
    as_json: JsonOpt = False,
    quarantined: QuarantinedOpt = False,
) -> None:
    """The queue, angriest first (frustration score), then most urgent, then oldest.

    Example: triage queue --limit 20      triage queue --all --json | jq '.[0]'
             triage queue --quarantined   (then `triage show ID`, `triage requeue ID`)
    """
    if quarantined and show_all:
        raise _fail(EXIT_USAGE, "--quarantined and --all are two different lists: give one")
    options: dict[str, Any] = {"show_all": show_all, "limit": limit, "quarantined": quarantined}
    _run(desk.queue, config)(as_json=as_json, **options)


@app.command()
def show(
    item: IdArg, config: ConfigOpt = None, full: FullOpt = False, as_json: JsonOpt = False
) -> None:
    """One email: newest text, scores with evidence, routing reasons, the reply, tone findings;
    parse defects; for quarantined mail the reason and the stored headers.

    Long text is capped (lines and characters) with a note; --full prints it all.
    Example: triage show 42      triage show 42 --full | less -R      triage show 42 --json
    """
    _run(desk.show, config)(item, full=full, as_json=as_json)


@app.command()
def requeue(
    item: IdArg, config: ConfigOpt = None, agent: AgentOpt = None, as_json: JsonOpt = False
) -> None:
    """Fetch a quarantined email from the mailbox again and parse it (e.g. after an upgrade).

    If it parses now, it is triaged like new mail (once); if not, it stays quarantined with
    the new reason. Exits 8 when it is not quarantined or no longer in the mailbox.
    Example: triage queue --quarantined && triage requeue 42
    """
    _run(desk.requeue, config)(item, agent=agent, as_json=as_json)


@app.command()
def approve(item: IdArg, config: ConfigOpt = None, agent: AgentOpt = None) -> None:
    """Approve the (possibly edited) reply for sending. Example: triage approve 42"""
    _run(desk.approve, config)(item, agent=agent)


@app.command()
def reject(
    item: IdArg, reason: ReasonOpt, config: ConfigOpt = None, agent: AgentOpt = None
) -> None:
    """Reject the suggestion (the agent will answer by hand).

    Example: triage reject 42 --reason 'wrong fix'
    """
    _run(desk.reject, config)(item, reason=reason, agent=agent)


@app.command()
def edit(item: IdArg, config: ConfigOpt = None, agent: AgentOpt = None) -> None:
    """Edit the reply in $EDITOR; on save the tone checker runs again. Example: EDITOR=nano triage edit 42"""
    _run(desk.edit, config)(item, agent=agent)


@app.command()
def send(
    item: IdArg,
    config: ConfigOpt = None,
    agent: AgentOpt = None,
    smtp: SmtpOpt = False,
    force: ForceOpt = False,
) -> None:
    """Save the approved reply as a threaded draft in the mailbox's Drafts folder (default).

    The agent then sends it from their mail client. Nothing is ever sent automatically.
    Example: triage send 42
    """
    _run(desk.send, config)(item, agent=agent, smtp=smtp, force=force)


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
    _run(desk.relabel, config)(item, urgency, frustration, not_customer, agent=agent)


@feedback_app.command("export")
def feedback_export(out: OutArg, config: ConfigOpt = None) -> None:
    """Write the corrections as JSON Lines for `triage eval --data FILE`.

    Example: triage feedback export feedback.jsonl && triage eval --data feedback.jsonl
    """
    _run(desk.feedback_export, config)(out=out)


@app.command()
def stats(config: ConfigOpt = None, as_json: JsonOpt = False) -> None:
    """Counts by queue and level, overdue items, median time to first review."""
    _run(desk.stats, config)(as_json=as_json)


def _key(prompt: str) -> str:
    """One key press on a terminal; from a pipe (or a test), the first letter of a line."""
    if not sys.stdin.isatty():
        return (typer.prompt(prompt, default="n", show_default=False) or "n")[:1].lower()
    typer.echo(prompt + " ", nl=False)
    typer.echo(key := click.getchar().lower())
    return key


@app.command()
def review(config: ConfigOpt = None, agent: AgentOpt = None) -> None:
    """Work the priority queue, one key each: [n]ext [a]pprove [e]dit [r]eject [s]kip [q]uit, or
    a candidate fix's number (1-9) to put it in the draft. Example: triage review --agent dana"""
    _run(desk.review, config)(agent=agent, key=_key, ask=typer.prompt)


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
    _run(model.train, config)(quick=quick, out=out, seed=seed, threads=threads)


@app.command("seed-spread")
def seed_spread(
    runs: Annotated[
        list[Path], typer.Argument(help="Artifacts of the shipped recipe trained with other seeds.")
    ],
    config: ConfigOpt = None,
    model_dir: Annotated[
        Path | None,
        typer.Option("--model", help="The artifact to record into (default [model] path)."),
    ] = None,
) -> None:
    """Score re-runs of the shipped recipe (other seeds) and record the spread in its card.

    Example: triage train --seed 1 --out var/s1 && triage seed-spread var/s1
    """
    _run(model.seed_spread, config)(runs=runs, model=model_dir)


@app.command("eval")
def evaluate(data: DataOpt, config: ConfigOpt = None, as_json: JsonOpt = False) -> None:
    """Score a labelled JSON-Lines file: macro-F1, QWK, accuracy, within-one, confusion.

    Example: triage eval --data ../shared/data/support_emails_synthetic/it_helpdesk.jsonl --json
    """
    _run(model.evaluate, config)(data=data, as_json=as_json)


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
    _run(model.classify, config)(source=source, jsonl=jsonl, as_json=as_json)


@app.command()
def suggest(
    item: Annotated[int | None, typer.Argument(help="A stored email's id.")] = None,
    config: ConfigOpt = None,
    refresh: Annotated[bool, typer.Option("--refresh", help="Compose it again now.")] = False,
    jsonl: Annotated[
        Path | None, typer.Option("--jsonl", help="Suggest for every line of a JSON-Lines file.")
    ] = None,
    agent: AgentOpt = None,
    at: NowOpt = None,
) -> None:
    """Suggested replies (for an email or a JSON-Lines file), signed by --agent or [desk].

    Examples: triage suggest 42 --refresh --agent "Dana Kim"    triage suggest --jsonl in.jsonl
    """
    if item is None and jsonl is None:
        raise _fail(EXIT_USAGE, "give an email id, or --jsonl FILE")
    _run(model.suggest, config)(item, refresh=refresh, jsonl=jsonl, agent=agent, at=at)


@kb_app.command("list")
def kb_list(config: ConfigOpt = None, as_json: JsonOpt = False) -> None:
    """Every fix in the knowledge base: id, title, keywords."""
    _run(model.kb_list, config)(as_json=as_json)


@kb_app.command("check")
def kb_check(config: ConfigOpt = None) -> None:
    """Run the tone checker on every entry (jargon, blame, ...); exit 10 on an error finding."""
    if not _run(model.kb_check, config)():
        raise typer.Exit(EXIT_REFUSED)


@kb_app.command("import-sent")
def kb_import_sent(config: ConfigOpt = None, as_json: JsonOpt = False) -> None:
    """Cases from the Sent folder ([kb] sent_folder), threaded by In-Reply-To / References;
    read-only, a re-run adds nothing twice. Example: triage kb import-sent --json"""
    _run(kb.import_sent, config)(as_json=as_json)


@kb_app.command("cases")
def kb_cases(config: ConfigOpt = None, as_json: JsonOpt = False) -> None:
    """Learned cases (approved edits, Sent folder). Example: triage kb cases --json"""
    _run(kb.cases, config)(as_json=as_json)


@kb_app.command("forget")
def kb_forget(case_id: CaseArg, config: ConfigOpt = None) -> None:
    """Delete a learned case, so it is no longer offered as a fix. Example: triage kb forget 3"""
    _run(kb.forget, config)(case_id)


@db_app.command("upgrade")
def db_upgrade(config: ConfigOpt = None, revision: RevisionOpt = "head") -> None:
    """Apply schema migrations (take a backup first). Example: triage db upgrade"""
    _run(operate.db_upgrade, config)(revision=revision)


@db_app.command("status")
def db_status(config: ConfigOpt = None, as_json: JsonOpt = False) -> None:
    """Show the database's schema revision and the one this version needs."""
    if not _run(operate.db_status, config)(as_json=as_json):
        raise typer.Exit(EXIT_STORE)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
