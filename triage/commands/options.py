"""The command line's shared options and arguments (typer annotations), so that each command
in cli.py says only what it does."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer

_CONFIG_HELP = "Settings file (default: $TRIAGE_CONFIG, else config/triage.toml)."
ConfigOpt = Annotated[
    Path | None, typer.Option("--config", "-c", help=_CONFIG_HELP, show_default=False)
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON object for scripts.")]
LogFormatOpt = Annotated[
    str | None,
    typer.Option("--log-format", help="text or json (one object per line); default from [log]."),
]
AccountOpt = Annotated[
    str | None,
    typer.Option("--account", help="Which mailbox ([imap] account or an [[accounts]] name)."),
]
AgentOpt = Annotated[
    str | None,
    typer.Option("--agent", help="Who acts (audit trail; default: OS user) or signs a draft."),
]
IdArg = Annotated[int, typer.Argument(help="The email's id (from `triage queue`).")]
CaseArg = Annotated[int, typer.Argument(help="The case's id (from `triage kb cases`).")]
FullOpt = Annotated[bool, typer.Option("--full", help="Print all of the text (default: capped).")]
ReasonOpt = Annotated[str, typer.Option("--reason", help="Why (kept in the audit trail).")]
SmtpOpt = Annotated[bool, typer.Option("--smtp", help="Send via [smtp] instead of a draft.")]
ForceOpt = Annotated[bool, typer.Option("--force", help="Send despite tone errors/no approval.")]
OutArg = Annotated[Path, typer.Argument(help="JSON-Lines file to write (the eval format).")]
DataOpt = Annotated[Path, typer.Option("--data", help="JSON Lines: subject+body or text, labels.")]
RevisionOpt = Annotated[str, typer.Option(help="Target revision.")]
QuarantinedOpt = Annotated[
    bool,
    typer.Option("--quarantined", help="Mail that could not be parsed or fetched, oldest first."),
]


_NOW_HELP = "With --jsonl: compose as at this ISO time with zone (replays, benchmarks)."


def _instant(text: str) -> datetime:
    try:
        at: datetime | None = datetime.fromisoformat(text)
    except ValueError:
        at = None
    if at is None or at.tzinfo is None:
        raise typer.BadParameter(
            f"{text!r}: give an ISO time with its zone, e.g. 2026-12-02T10:00Z"
        )
    return at


NowOpt = Annotated[datetime | None, typer.Option("--now", parser=_instant, help=_NOW_HELP)]
