"""The model and the replies: `train`, `seed-spread`, `eval`, `classify`, `suggest`, `kb list`
and `kb check`."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

from triage.settings import Settings


def train(settings: Settings, *, quick: bool, out: Path | None, seed: int, threads: int) -> None:
    from triage.classify.train import train as run_training
    from triage.views import echo

    target = out or settings.model.path
    metrics = run_training(
        settings.paths.data_sets, target, quick=quick, seed=seed, threads=threads or None
    )
    echo(json.dumps({"out": str(target), "metrics": metrics}, default=str)[:2000])


def seed_spread(settings: Settings, *, runs: list[Path], model: Path | None) -> None:
    from triage.classify.seeds import record_seed_runs
    from triage.views import echo

    record = record_seed_runs(model or settings.model.path, runs, settings.paths.data_sets)
    echo(json.dumps(record["spread"], indent=1))


def evaluate(settings: Settings, *, data: Path, as_json: bool) -> None:
    from triage.classify.evaluate import evaluate_rows, format_report, load_eval_rows
    from triage.flow.runtime import load_classifier
    from triage.views import echo

    rows = load_eval_rows(data)
    report = evaluate_rows(load_classifier(settings, topic=False), rows)
    echo(json.dumps(report) if as_json else format_report(report))


def classify(settings: Settings, *, source: str, jsonl: Path | None, as_json: bool) -> None:
    """One email from a file or stdin ("-"), or every line of a JSON-Lines file."""
    from rich.console import Console
    from rich.text import Text

    from triage.classify.batch import classify_jsonl, read_source, readings, scores_to_dict
    from triage.flow.runtime import load_classifier, now
    from triage.reading.reader import TextReader
    from triage.reports import scores_text
    from triage.views import echo

    clf = load_classifier(settings, topic=False)  # scores and a reading: no draft, no fix
    reader = TextReader(settings.sla.zone)
    if jsonl is not None:
        classify_jsonl(clf, jsonl, sys.stdout, reader=reader, at=now())
        return
    one = read_source(source)
    if one.note:
        note = Text("note: ", style="yellow") + Text(one.note)
        Console(stderr=True, highlight=False, soft_wrap=True).print(note)
    [scores] = clf.classify([(one.subject, one.text)])
    # deadlines count from when it was sent; without a Date, from this minute (not second, so
    # the same bytes read twice give the same answer)
    at = one.date or now().replace(second=0, microsecond=0)
    [reading] = readings(reader, [(one.subject, one.text)], [scores], at)
    echo(json.dumps(scores_to_dict(scores, reading=reading)) if as_json else scores_text(scores))


def suggest(
    settings: Settings,
    email_id: int | None,
    *,
    refresh: bool,
    jsonl: Path | None,
    agent: str | None = None,
    at: datetime | None = None,
) -> None:
    """A stored email with its suggested reply (composed again now with ``refresh``), or a
    decision for each line of a JSON-Lines file, the way the worker decides stored mail; the
    drafts composed here are signed by ``agent`` (None: as configured). ``at`` is
    the clock a JSON-Lines file is composed at: a replay or a benchmark gets the same plans
    whenever it runs."""
    from triage.flow.runtime import load_classifier, make_decider, now

    if jsonl is not None:
        from triage.flow.suggest_jsonl import suggest_jsonl

        clock = at or now()
        clf = load_classifier(settings)
        decider = make_decider(settings, clf, agent=agent)
        suggest_jsonl(jsonl, sys.stdout, scorer=clf.classify, decider=decider, now=clock)
        return
    from triage.flow.runtime import open_store
    from triage.review import findings, with_suggestion
    from triage.views import console, show

    assert email_id is not None  # cli.py asks for one or the other
    row = with_suggestion(
        settings, open_store(settings), email_id, now(), refresh=refresh, agent=agent
    )
    console().print(show(row, findings(settings, row), now()))


def kb_list(settings: Settings, *, as_json: bool) -> None:
    from triage.replies.kb_files import read_entries
    from triage.reports import kb_json, kb_table
    from triage.views import emit

    entries = read_entries(settings.replies.knowledge_dir)
    emit(as_json, kb_json(entries), kb_table(entries))


def kb_check(settings: Settings) -> bool:
    """The tone checker on every entry, a line per finding; False when one is an error."""
    from triage.flow.runtime import reply_config
    from triage.replies.kb_check import check_entries
    from triage.replies.kb_files import read_entries
    from triage.reports import kb_check_text
    from triage.views import echo

    entries = read_entries(settings.replies.knowledge_dir)
    text, errors = kb_check_text(check_entries(entries, reply_config(settings).tone))
    echo(text)
    return not errors
