"""The learned cases: `kb import-sent`, `kb cases`, `kb forget` (`kb list` and `kb check`, the
files of the knowledge base, are in model.py)."""

from __future__ import annotations

import json
from dataclasses import asdict

from triage.settings import Settings


def import_sent(settings: Settings, *, as_json: bool) -> None:
    """Cases from the [imap] mailbox's Sent folder (``[kb] sent_folder``), over IMAP only."""
    from triage.errors import ConfigError
    from triage.flow.import_sent import import_sent as run_import
    from triage.flow.import_sent import summary
    from triage.flow.runtime import now, open_store
    from triage.flow.sources import make_source
    from triage.mailbox.imap import ImapMailSource
    from triage.views import echo

    if not settings.uses_imap:
        raise ConfigError("kb import-sent reads the Sent folder over IMAP: set [imap] host")
    source = make_source(settings)
    assert isinstance(source, ImapMailSource)  # uses_imap: make_source gives the IMAP source
    store = open_store(settings)
    try:
        report = run_import(source, store, settings.kb.sent_folder, now())
    finally:
        source.close()
    echo(json.dumps(asdict(report)) if as_json else summary(report))


def cases(settings: Settings, *, as_json: bool) -> None:
    """Every learned case: id, where it came from, the customer's words and the answer."""
    from triage.flow.runtime import open_store
    from triage.reports import cases_json, cases_table
    from triage.views import emit

    found = open_store(settings).cases()
    emit(as_json, cases_json(found), cases_table(found))


def forget(settings: Settings, case_id: int) -> None:
    """Delete one learned case (it is no longer offered as a candidate fix)."""
    from triage.errors import NotFound
    from triage.flow.runtime import open_store
    from triage.views import echo

    if not open_store(settings).forget_case(case_id=case_id):
        raise NotFound(f"no case {case_id}: `triage kb cases` lists them")
    echo(f"case {case_id} forgotten: it is no longer offered as a fix")
