"""The agents' commands: the queue, one email, and what an agent does to it (the actions are
in triage/review.py, the views in triage/views.py). ``review`` is the interactive loop; the
front end hands it the key and line readers."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from triage.settings import Settings

if TYPE_CHECKING:
    from triage.store import Store


def agent_name(agent: str | None) -> str:
    """Who is acting, for the audit trail: as given, else the OS user."""
    import getpass

    return agent or getpass.getuser()


def queue(
    settings: Settings, *, show_all: bool, limit: int | None, as_json: bool, quarantined: bool
) -> None:
    from triage.flow.runtime import now, open_store
    from triage.quarantine_view import quarantine_json, quarantine_table
    from triage.views import console, echo, emit, queue_json, queue_view

    store, at = open_store(settings), now()
    if quarantined:
        held = store.quarantined(limit=limit)
        table = quarantine_table(held, at, f"quarantined mail ({len(held)})")
        emit(as_json, quarantine_json(held), table)
        return
    items = store.queue(priority_only=not show_all, limit=limit)
    if as_json:
        echo(json.dumps(queue_json(items, at)))
    else:
        console().print(queue_view(items, at, show_all, store.counts()["quarantined"]))


def show(settings: Settings, email_id: int, *, full: bool, as_json: bool) -> None:
    from triage.flow.runtime import now, open_store
    from triage.review import findings
    from triage.views import console, echo, print_show, show_json

    row = open_store(settings).row(email_id)
    if as_json:
        echo(json.dumps(show_json(row, full=full)))
    else:
        print_show(console(), row, findings(settings, row), now(), full=full)


def requeue(settings: Settings, email_id: int, *, agent: str | None, as_json: bool) -> None:
    from triage.flow.requeue import requeue_from_mailbox
    from triage.flow.runtime import now, open_store
    from triage.quarantine_view import requeue_json, requeue_summary
    from triage.views import echo

    store = open_store(settings)
    result = requeue_from_mailbox(settings, store, email_id, agent=agent_name(agent), now=now())
    echo(json.dumps(requeue_json(result)) if as_json else requeue_summary(result))


def approve(settings: Settings, email_id: int, *, agent: str | None) -> None:
    from triage import review
    from triage.flow.runtime import now, open_store
    from triage.views import echo

    left = review.approve(settings, open_store(settings), email_id, agent_name(agent), now())
    but = f" — but {len(left)} tone error(s) remain: `triage edit {email_id}`" if left else ""
    echo(f"approved #{email_id}{but}")


def reject(settings: Settings, email_id: int, *, reason: str, agent: str | None) -> None:
    from triage import review
    from triage.flow.runtime import now, open_store
    from triage.views import echo

    review.reject(open_store(settings), email_id, reason, agent_name(agent), now())
    echo(f"rejected #{email_id}")


def _edit(settings: Settings, store: Store, email_id: int, agent: str) -> None:
    from triage import review
    from triage.flow.runtime import now
    from triage.views import console, echo, findings_table

    edited = review.edit(settings, store, email_id, agent, now)
    if edited is None:
        echo("no change")
    else:
        console().print(findings_table(edited.text, edited.findings))


def edit(settings: Settings, email_id: int, *, agent: str | None) -> None:
    from triage.flow.runtime import open_store

    _edit(settings, open_store(settings), email_id, agent_name(agent))


def send(settings: Settings, email_id: int, *, agent: str | None, smtp: bool, force: bool) -> None:
    from functools import partial

    from triage.flow.runtime import now, open_store
    from triage.outgoing import deliver
    from triage.review import findings
    from triage.views import echo

    store, check = open_store(settings), partial(findings, settings, final=True)
    who = agent_name(agent)
    done = deliver(settings, store, email_id, who, now(), smtp=smtp, force=force, findings=check)
    where = "sent via SMTP" if smtp else f"saved as a draft in {done['folder']}"
    echo(f"#{email_id}: reply {where}")


def relabel(
    settings: Settings,
    email_id: int,
    urgency: int,
    frustration: int,
    not_customer: bool,
    *,
    agent: str | None,
) -> None:
    from triage import review
    from triage.flow.runtime import now, open_store
    from triage.views import echo

    store = open_store(settings)
    review.relabel(
        store,
        email_id,
        agent_name(agent),
        now(),
        urgency=urgency,
        frustration=frustration,
        not_customer=not_customer,
    )
    echo(f"#{email_id}: relabelled urgency {urgency}, frustration {frustration}")


def feedback_export(settings: Settings, *, out: Path) -> None:
    from triage.flow.runtime import open_store
    from triage.review import export_feedback
    from triage.views import echo

    n = export_feedback(open_store(settings), out)
    echo(f"wrote {n} corrections to {out}")


def stats(settings: Settings, *, as_json: bool) -> None:
    from triage.flow.runtime import now, open_store
    from triage.reports import stats_text
    from triage.views import echo

    data = open_store(settings).stats(now())
    echo(json.dumps(data) if as_json else stats_text(data))


def _fix_keys(
    settings: Settings, store: Store, email_id: int, who: str, key: Callable[[str], str]
) -> str:
    """Show the email and read keys; a candidate's number puts its fix into the draft and
    shows it again (the agent then edits, approves or moves on). The first other key."""
    from triage import review as actions
    from triage.flow.runtime import now
    from triage.views import console, echo, findings_table, show

    while True:
        row = store.row(email_id)
        console().print(show(row, actions.findings(settings, row), now()))
        stored = json.loads(row.suggestion) if row.suggestion else {}
        n = len(stored.get("fixes") or ())
        numbers = f" [1-{n}] put that fix in" if n > 1 else " [1] put that fix in" if n else ""
        pressed = key("[n]ext [a]pprove [e]dit [r]eject [s]kip [q]uit" + numbers)
        if not (pressed.isdigit() and 1 <= int(pressed) <= n):
            return pressed
        edited = actions.insert_fix(settings, store, email_id, int(pressed), who, now())
        echo(f"#{email_id}: fix {pressed} put into the draft")
        console().print(findings_table(edited.text, edited.findings))


def review(
    settings: Settings,
    *,
    agent: str | None,
    key: Callable[[str], str],
    ask: Callable[[str], str],
) -> None:
    """Work the priority queue, angriest first: one key per email (``key`` reads it, ``ask``
    reads a reject's reason) until nothing is pending or the agent quits."""
    from triage import review as actions
    from triage.flow.runtime import now, open_store
    from triage.views import echo

    store, who = open_store(settings), agent_name(agent)
    for email_id in actions.pending(store):
        pressed = _fix_keys(settings, store, email_id, who, key)
        if pressed == "q":
            return
        if pressed == "a":
            actions.approve(settings, store, email_id, who, now())
            echo(f"approved #{email_id}")
        elif pressed == "e":
            _edit(settings, store, email_id, who)
        elif pressed == "r":
            actions.reject(store, email_id, ask("reason"), who, now())
            echo(f"rejected #{email_id}")
        # n and s both move on; the email stays pending for the next session
    echo("priority queue done: nothing pending")
