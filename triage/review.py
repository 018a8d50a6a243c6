"""What an agent does to a stored email, apart from the terminal: the actions behind the CLI.

cli.py parses arguments and maps errors to exit codes; the work is here, so it can be tested
without a terminal and called from any front end (triage/commands/desk.py prints their
outcome). The clock is passed in: a time for the one-step actions, a clock for the edit,
which waits on a person.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from triage.domain import Scores
from triage.errors import ConfigError, NotFound
from triage.flow.decide import Decider, Decision, decide, read_batch
from triage.flow.pipeline import suggestion_json
from triage.replies.fixes import put_fix
from triage.replies.serial import reply_text
from triage.store import Store
from triage.store.triage_ops import stored_of

if TYPE_CHECKING:
    from triage.replies.values import Finding
    from triage.settings import Settings
    from triage.store.tables import EmailRow

Editor = Callable[[str], str]


class Scorer(Protocol):
    def classify(self, items: Sequence[tuple[str, str]]) -> list[Scores]: ...


def refresh_suggestion(
    store: Store, email_id: int, scorer: Scorer, decider: Decider, now: datetime
) -> Decision:
    """Classify and decide a stored email again, as the worker would now, and save the draft.

    The email's queue is left as it is (an agent may be working it); only the suggested reply
    is replaced.
    """
    stored = stored_of(store.row(email_id))
    [scores] = scorer.classify([(stored.email.subject, stored.email.newest_text)])
    [history] = store.histories([stored], decider.routing.repeat_window_days)
    [reading] = read_batch([(stored.email, stored.received_at)], [scores], [history], decider)
    d = decide(
        stored.email,
        scores,
        history,
        received=stored.received_at,
        now=now,
        decider=decider,
        reading=reading,
    )
    if d.suggestion is None:
        raise NotFound(f"email {email_id} gets no suggested reply: " + "; ".join(d.route.reasons))
    store.set_suggestion(email_id, suggestion_json(d.suggestion), scores)
    return d


def with_suggestion(
    settings: Settings,
    store: Store,
    email_id: int,
    now: datetime,
    *,
    refresh: bool,
    agent: str | None = None,
) -> EmailRow:
    """The stored email with its suggested reply, composed again first when ``refresh`` or when
    it has none yet (`triage suggest ID`), signed by ``agent`` (None: as configured)."""
    row = store.row(email_id)
    if refresh or not row.suggestion:
        from triage.flow.runtime import load_classifier, make_decider

        clf = load_classifier(settings)
        decider = make_decider(settings, clf, agent=agent, store=store)
        refresh_suggestion(store, email_id, clf, decider, now)
        row = store.row(email_id)
    return row


def findings(settings: Settings, row: EmailRow, *, final: bool = False) -> list[Finding]:
    """The tone checker on the email's reply as it stands (none without a reply); ``final``
    adds the checks for a reply about to leave."""
    from triage.flow.runtime import tone_findings

    text = reply_text(row)
    if not text:
        return []
    stored = json.loads(row.suggestion) if row.suggestion else {}
    return tone_findings(
        settings,
        text,
        frustration=row.frustration,
        name=row.from_name,
        final=final,
        # what the composer established: earlier contact, and whether it is a security case
        prior_contact=stored.get("repeat_contact") if "kind" in stored else None,
        security=stored.get("kind") == "security",
    )


def approve(
    settings: Settings, store: Store, email_id: int, agent: str, now: datetime
) -> list[Finding]:
    """Approve the (possibly edited) reply for sending. Returns the error-level tone findings
    that remain: approval does not wait for them, `send` refuses on them. A reply the agent
    wrote and the tone checker passes becomes a case (:func:`learn`)."""
    row = store.row(email_id)
    if row.queue is None:
        raise NotFound(f"email {email_id} has not been triaged yet (no reply to approve)")
    store.set_review(email_id, "approved", "approve", agent, now)
    errors = [f for f in findings(settings, row, final=True) if f.severity == "error"]
    if not errors:  # a reply `send` would refuse is no answer to offer again
        learn(store, row, agent, now)
    else:  # nor is an earlier approval's answer, now replaced by this one
        store.forget_case(ref=f"review:{email_id}")
    return errors


def learn(store: Store, row: EmailRow, agent: str, now: datetime) -> bool:
    """An approved reply the agent wrote (an edit) becomes a case: one per email, the latest
    approval's answer. A reply approved as suggested teaches nothing (it came from us)."""
    from triage.store.case_ops import case_for

    if row.id is None:
        return False
    ref = f"review:{row.id}"
    case = (
        case_for(row, row.reply_text, origin="approved", ref=ref, agent=agent, at=now)
        if row.reply_text
        else None
    )
    if case is None:
        # approved again with nothing of the agent's own left: an earlier approval's case
        # would offer an answer the desk no longer stands behind
        store.forget_case(ref=ref)
        return False
    return store.add_case(case, now, replace=True)


def reject(store: Store, email_id: int, reason: str, agent: str, now: datetime) -> None:
    """Reject the suggestion (the agent answers by hand); the reason goes in the audit trail.
    A case learned from an earlier approval of this email's reply is forgotten with it."""
    store.set_review(email_id, "rejected", "reject", agent, now, {"reason": reason})
    store.forget_case(ref=f"review:{email_id}")


def relabel(
    store: Store,
    email_id: int,
    agent: str,
    now: datetime,
    *,
    urgency: int,
    frustration: int,
    not_customer: bool,
) -> None:
    """Correct the model's labels; kept as feedback (`export_feedback`) for eval and training."""
    store.relabel(
        email_id, agent, now, urgency=urgency, frustration=frustration, not_customer=not_customer
    )


def edit_in_editor(text: str) -> str:
    """The text in $VISUAL, else $EDITOR, else vi, on a temporary file; what was saved."""
    import os
    import shlex
    import subprocess
    import tempfile

    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write(text)
        path = f.name
    try:
        subprocess.run([*shlex.split(editor), path], check=True)
        return Path(path).read_text(encoding="utf-8")
    except (OSError, subprocess.CalledProcessError) as exc:
        raise ConfigError(f"editor {editor!r} failed ({exc}); set $EDITOR") from exc
    finally:
        Path(path).unlink(missing_ok=True)


@dataclass(frozen=True, slots=True)
class Edited:
    """The saved edit and the tone checker's findings on it."""

    text: str
    findings: tuple[Finding, ...]


def edit(
    settings: Settings,
    store: Store,
    email_id: int,
    agent: str,
    clock: Callable[[], datetime],
    editor: Editor = edit_in_editor,
) -> Edited | None:
    """The edit round trip: the reply out to ``editor`` and back; a change is saved with its
    diff (the audit trail) and checked again. None when only surrounding whitespace changed.

    A clock, not a time: the edit is stamped when it is saved, however long the editor took.
    """
    before = reply_text(store.row(email_id))
    if before is None:
        raise NotFound(f"email {email_id} has no suggested reply to edit (not triaged, or ignored)")
    after = editor(before)
    if after.strip() == before.strip():
        return None
    store.save_reply(email_id, after, agent, clock(), _diff(before, after))
    return Edited(after, tuple(findings(settings, store.row(email_id))))


def _diff(before: str, after: str) -> str:
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True), after.splitlines(keepends=True), "suggested", "edited"
        )
    )


def insert_fix(
    settings: Settings, store: Store, email_id: int, number: int, agent: str, now: datetime
) -> Edited:
    """Put candidate fix ``number`` (1 = the first that ``show`` lists) into the reply at its
    fix section, in place of the suggested fix or a candidate put there before; saved as an
    edit (the audit names the candidate's source) and checked again, for the agent to edit
    further or approve."""
    row = store.row(email_id)
    before = reply_text(row)
    stored = json.loads(row.suggestion) if row.suggestion else {}
    fixes = stored.get("fixes") or []
    if before is None or not 1 <= number <= len(fixes):
        raise NotFound(f"email {email_id} has no candidate fix {number} ({len(fixes)} listed)")
    chosen = fixes[number - 1]
    others = [str(f.get("text", "")) for f in fixes if f is not chosen]
    after = put_fix(before, stored, str(chosen["text"]), others)
    detail = {"inserted": {"origin": chosen["origin"], "ref": chosen["ref"]}}
    store.save_reply(email_id, after, agent, now, _diff(before, after), detail)
    return Edited(after, tuple(findings(settings, store.row(email_id))))


def export_feedback(store: Store, out: Path) -> int:
    """The agents' corrections as JSON Lines in the eval format (`triage eval --data FILE`);
    returns how many were written."""
    rows = store.feedback()
    with out.open("w", encoding="utf-8") as f:
        for fb, e in rows:
            record = {
                "id": f"email-{e.id}",
                "subject": e.subject,
                "body": e.newest_text,
                "from_name": e.from_name,
                "from_email": e.from_address,
                "urgency": fb.urgency,
                "frustration": fb.frustration,
                "not_customer": fb.not_customer,
            }
            f.write(json.dumps(record) + "\n")
    return len(rows)


def pending(store: Store) -> Iterator[int]:
    """The review iterator: the ids of the priority queue's pending emails, angriest first,
    each at most once. The queue is read again before each one, so what another agent (or
    this one) approved or rejected meanwhile drops out; one passed over stays pending."""
    seen: set[int] = set()
    while True:
        items = [
            i for i in store.queue(priority_only=True) if i.review == "pending" and i.id not in seen
        ]
        if not items:
            return
        seen.add(items[0].id)
        yield items[0].id
