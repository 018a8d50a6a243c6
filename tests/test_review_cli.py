"""The agents' review commands on a real store, with the real composer and router.

Only the classifier is replaced (by a fake that reads the intended levels from a tag in the
subject), so these tests pin down the CLI and store behaviour; tests/test_e2e_live.py runs the
same flow with the real model against Dovecot.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import EXIT_NOT_FOUND, EXIT_REFUSED, app
from triage.domain import MailKey, RawMessage, Scores
from triage.flow.pipeline import TriageStage
from triage.flow.runtime import make_decider
from triage.parse.intake import to_intake
from triage.settings import PathsSettings, Settings, StoreSettings
from triage.store import Store

runner = CliRunner()
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
_TAG = re.compile(r"\[u(\d)f(\d)\]")


class TagScorer:
    """Fake classifier for CLI tests: levels come from a [uNfN] tag in the subject."""

    def classify(self, items: Sequence[tuple[str, str]]) -> list[Scores]:
        out = []
        for subject, _text in items:
            m = _TAG.search(subject)
            u, f = (int(m.group(1)), int(m.group(2))) if m else (0, 0)
            out.append(Scores(u, u / 3, f, f / 3, 0.01, model_version="tag-fake"))
        return out


def mail(
    n: int, subject: str, body: str, sender: str = "Dana Smith <dana@customer.example>"
) -> bytes:
    m = EmailMessage()
    m["From"] = sender
    m["To"] = "support@helpdesk.example"
    m["Subject"] = subject
    m["Message-ID"] = f"<r{n}@customer.example>"
    m["Date"] = f"Mon, 23 Nov 2026 09:0{n}:00 +0000"
    m.set_content(body)
    return bytes(m)


EMAILS = [
    mail(1, "Printer jams [u1f0]", "Hi, the printer on floor 2 jams now and then.\nThanks, Dana"),
    mail(2, "VPN DOWN AGAIN [u2f3]", "THIRD TIME I'M WRITING. The VPN drops every hour. FIX IT."),
    mail(
        3, "Site down for all customers [u3f3]", "Our shop is down and we lose money. Unacceptable!"
    ),
    mail(
        4,
        "\x1b[31mPWNED\x1b[0m [bold red]markup[/] [u2f2]",
        "I can't log in to the portal since this morning and my deadline is today.",
    ),
]


def triaged_store(
    settings: Settings,
    emails: Sequence[bytes] = EMAILS,
    scorer: TagScorer | None = None,
    *,
    first_uid: int = 1,
) -> Store:
    """``emails`` (default EMAILS) stored and triaged by the worker's stage (tag classifier,
    real composer, the cases learned in the store); ``first_uid`` adds more to a store."""
    store = Store.open(settings.store_url)
    items = [
        to_intake(RawMessage(MailKey("default", "INBOX", 1, first_uid + n), d, len(d)))
        for n, d in enumerate(emails)
    ]
    last = first_uid + len(items) - 1
    store.record_batch("default", "INBOX", 1, items, last_uid=last, now=NOW)
    decider = make_decider(settings, None, read_text=False, store=store)
    TriageStage(store=store, load=lambda: (scorer or TagScorer(), decider), clock=lambda: NOW)()
    return store


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    settings = Settings(
        store=StoreSettings(url=f"sqlite:///{tmp_path / 'triage.db'}"),
        paths=PathsSettings(data_dir=tmp_path),
    )
    triaged_store(settings)
    return {"TRIAGE_PATHS_DATA_DIR": str(tmp_path), "TRIAGE_CONFIG": ""}


def run(env: dict[str, str], *args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env=env, input=input)


def test_queue_json_angriest_then_most_urgent_first(env: dict[str, str]) -> None:
    result = run(env, "queue", "--json")
    assert result.exit_code == 0, result.output
    items = json.loads(result.stdout)
    assert [i["subject"].split(" [")[0] for i in items][:2] == [
        "Site down for all customers",
        "VPN DOWN AGAIN",
    ]
    assert {i["queue"] for i in items} == {"priority"}
    first = items[0]
    assert {
        "id",
        "message_id",
        "from",
        "subject",
        "received_at",
        "queue",
        "due",
        "urgency",
        "frustration",
        "flags",
    } <= set(first)
    assert first["urgency"] == {"level": 3, "score": pytest.approx(1.0)}
    assert "supervisor" in first["flags"]
    every = json.loads(run(env, "queue", "--all", "--json").stdout)
    assert len(every) == 4
    assert every[-1]["queue"] == "normal"


def test_untrusted_subject_prints_inertly(env: dict[str, str]) -> None:
    items = json.loads(run(env, "queue", "--json").stdout)
    evil = next(i for i in items if "PWNED" in i["subject"])
    for args in (("queue",), ("show", str(evil["id"]))):
        out = run(env, *args).output
        assert "\x1b" not in out
        assert "PWNED" in out
    # markup is printed literally, not interpreted (the table may wrap it, the view does not)
    assert "[bold red]markup[/]" in run(env, "show", str(evil["id"])).output


def test_show_has_the_four_sections_and_reasons(env: dict[str, str]) -> None:
    out = run(env, "show", "3").output
    for part in ("ACKNOWLEDGE", "PLAN", "FIX", "CLOSE", "why:", "supervisor", "newest text"):
        assert part in out


def test_approve_reject_relabel_and_the_audit_trail(env: dict[str, str], tmp_path: Path) -> None:
    assert run(env, "approve", "2", "--agent", "dana").exit_code == 0
    assert (
        run(env, "reject", "3", "--reason", "needs a phone call", "--agent", "lee").exit_code == 0
    )
    assert run(env, "relabel", "2", "--urgency", "3", "--frustration", "3").exit_code == 0
    out = tmp_path / "fb.jsonl"
    assert run(env, "feedback", "export", str(out)).exit_code == 0
    [line] = [json.loads(x) for x in out.read_text().splitlines()]
    assert (line["urgency"], line["frustration"], line["subject"]) == (
        3,
        3,
        "VPN DOWN AGAIN [u2f3]",
    )
    store = Store.open(f"sqlite:///{tmp_path / 'triage.db'}")
    assert [(a.action, a.agent) for a in store.audit(2)][:1] == [("approve", "dana")]
    [rej] = store.audit(3)
    assert json.loads(rej.detail) == {"reason": "needs a phone call"}
    assert store.row(2).review == "approved"
    stats = json.loads(run(env, "stats", "--json").stdout)
    assert stats["review"]["approved"] == 1
    assert stats["reviewed"] == 2


def test_edit_reruns_the_tone_checker_and_keeps_the_diff(
    env: dict[str, str], tmp_path: Path
) -> None:
    editor = _editor(tmp_path, "ed", "text + '\\nAs I already said, this is user error.\\n'")
    result = run({**env, "EDITOR": editor}, "edit", "2")
    assert result.exit_code == 0, result.output
    assert "blame" in result.output
    store = Store.open(f"sqlite:///{tmp_path / 'triage.db'}")
    [edit] = store.audit(2)
    assert "+As I already said" in json.loads(edit.detail)["diff"]
    # approved but with an error-level finding: send refuses without --force
    run(env, "approve", "2")
    refused = run(env, "send", "2")
    assert refused.exit_code == EXIT_REFUSED
    assert "tone error" in refused.output


def test_send_refuses_an_unapproved_reply(env: dict[str, str]) -> None:
    result = run(env, "send", "1")
    assert result.exit_code == EXIT_REFUSED
    assert "approve" in result.output


def test_review_loop_one_key_per_action(env: dict[str, str], tmp_path: Path) -> None:
    result = run(env, "review", "--agent", "kim", input="a\nr\nno fix known\nq\n")
    assert result.exit_code == 0, result.output
    store = Store.open(f"sqlite:///{tmp_path / 'triage.db'}")
    reviewed = {i: store.row(i).review for i in (2, 3, 4)}
    assert sorted(reviewed.values()) == ["approved", "pending", "rejected"]
    assert reviewed[3] == "approved"  # the angriest and most urgent came first


def test_unknown_id_is_not_found(env: dict[str, str]) -> None:
    assert run(env, "show", "999").exit_code == EXIT_NOT_FOUND


def test_review_puts_a_candidate_fix_into_the_draft_with_one_key(
    env: dict[str, str], tmp_path: Path
) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'triage.db'}")
    [first, second, *_] = json.loads(store.row(3).suggestion or "{}")["fixes"]
    assert first["origin"] == "kb"
    # the first pending email is #3: its candidate 1, then 2 instead, then approve
    result = run(env, "review", "--agent", "kim", input="1\n2\na\nq\n")
    assert result.exit_code == 0, result.output
    assert "candidate fixes" in result.output
    assert f"1. KB {first['ref']}" in result.output
    assert "#3: fix 2 put into the draft" in result.output
    row = store.row(3)
    assert row.review == "approved"
    reply = row.reply_text or ""
    assert second["text"] in reply
    assert first["text"] not in reply  # the second took the first's place
    suggested = json.loads(row.suggestion or "{}")
    assert suggested["fix"] not in reply  # at the fix section: the questions made way
    assert reply.index(suggested["acknowledge"]) < reply.index(second["text"])
    assert reply.index(second["text"]) < reply.index(suggested["close"])
    edits = [json.loads(a.detail) for a in store.audit(3) if a.action == "edit"]
    assert [e["inserted"]["ref"] for e in edits] == [first["ref"], second["ref"]]
    assert store.cases() == []  # a knowledge-base fix approved as it is teaches nothing new


VPN_FIX = "Remove the VPN profile and add it again from the portal: last week's one expired."


class VecScorer(TagScorer):
    """The tag classifier plus a pooled embedding by topic, so that cases can be found."""

    def classify(self, items: Sequence[tuple[str, str]]) -> list[Scores]:
        out = []
        for (subject, text), s in zip(items, super().classify(items), strict=True):
            vpn = "vpn" in f"{subject} {text}".lower()
            vector = (1.0, 0.05, 0.0) if vpn else (0.0, 0.3, 1.0)
            out.append(replace(s, embedding=vector))
        return out


def _vpn_desk(tmp_path: Path) -> tuple[Settings, Store, dict[str, str]]:
    """The four review emails stored and triaged with VPN-or-not embeddings, and the CLI's
    environment for them."""
    settings = Settings(
        store=StoreSettings(url=f"sqlite:///{tmp_path / 'triage.db'}"),
        paths=PathsSettings(data_dir=tmp_path),
    )
    store = triaged_store(settings, scorer=VecScorer())
    return settings, store, {"TRIAGE_PATHS_DATA_DIR": str(tmp_path), "TRIAGE_CONFIG": ""}


def _editor(tmp_path: Path, name: str, change: str) -> str:
    """An $EDITOR that rewrites the file it is given: ``change`` is a Python expression of
    ``text``, the file's text."""
    script = tmp_path / f"{name}.py"
    script.write_text(
        "import sys, pathlib\np = pathlib.Path(sys.argv[1])\ntext = p.read_text()\n"
        f"p.write_text({change})\n"
    )
    return f"{sys.executable} {script}"


ADD_VPN_FIX = f"text + {chr(10) * 2 + VPN_FIX + chr(10)!r}"


def test_an_approved_edit_is_offered_as_a_cited_case_for_a_similar_email(tmp_path: Path) -> None:
    settings, store, env = _vpn_desk(tmp_path)
    editor = _editor(tmp_path, "ed", ADD_VPN_FIX)
    assert run({**env, "EDITOR": editor}, "edit", "2").exit_code == 0
    assert run(env, "approve", "2", "--agent", "jo").exit_code == 0
    [case] = store.cases()
    assert (case.email_id, case.origin, case.agent, case.answer) == (2, "approved", "jo", VPN_FIX)
    # a new email about the VPN: the case is a candidate, cited, and not in the draft
    later = mail(5, "VPN drops every hour [u2f3]", "The VPN keeps dropping, please help.")
    printer = mail(6, "Printer jams again [u1f1]", "The printer on floor 2 jams again.")
    triaged_store(settings, [later, printer], VecScorer(), first_uid=5)
    source = f"case from reply to #2, approved by jo, {case.answered_at:%Y-%m-%d}"
    shown = json.loads(run(env, "show", "5", "--json").stdout)
    cases = [f for f in shown["fixes"] if f["origin"] == "case"]
    assert [(f["source"], f["text"]) for f in cases] == [(source, VPN_FIX)]
    assert VPN_FIX not in shown["reply"]
    assert source in run(env, "show", "5").output
    fixes = json.loads(run(env, "show", "6", "--json").stdout)["fixes"]
    assert fixes  # the knowledge base has printer fixes, but the VPN case is far from a printer
    assert {f["origin"] for f in fixes} == {"kb"}
    # review: the case's number puts it into the draft
    for other in (3, 4):
        assert run(env, "reject", str(other), "--reason", "by phone").exit_code == 0
    number = next(f["n"] for f in shown["fixes"] if f["origin"] == "case")
    result = run(env, "review", "--agent", "kim", input=f"{number}\na\n")
    assert result.exit_code == 0, result.output
    row = store.row(5)
    assert row.review == "approved"
    assert VPN_FIX in (row.reply_text or "")
    assert len(store.cases()) == 1  # the case approved again as it is is not a new case


def test_cases_are_listed_forgotten_by_id_and_withdrawn_with_their_approval(
    tmp_path: Path,
) -> None:
    _, store, env = _vpn_desk(tmp_path)
    editor = _editor(tmp_path, "ed", ADD_VPN_FIX)
    for n in ("2", "3"):
        assert run({**env, "EDITOR": editor}, "edit", n).exit_code == 0
        assert run(env, "approve", n, "--agent", "jo").exit_code == 0
    listed = json.loads(run(env, "kb", "cases", "--json").stdout)
    assert [(c["email_id"], c["origin"], c["answer"]) for c in listed] == [
        (2, "approved", VPN_FIX),
        (3, "approved", VPN_FIX),
    ]
    assert listed[0]["source"].startswith("case from reply to #2, approved by jo")
    table = run(env, "kb", "cases")
    assert table.exit_code == 0
    assert "learned cases (2)" in table.output
    # rejecting the email withdraws the answer learned from its approval
    assert run(env, "reject", "3", "--reason", "answered by phone").exit_code == 0
    assert [c.email_id for c in store.cases()] == [2]
    # approved again with the agent's words taken out: the old answer is not offered any more
    undo = _editor(tmp_path, "undo", f"text.replace({VPN_FIX!r}, '')")
    assert run({**env, "EDITOR": undo}, "edit", "2").exit_code == 0
    assert run(env, "approve", "2", "--agent", "jo").exit_code == 0
    assert store.cases() == []
    assert run({**env, "EDITOR": editor}, "edit", "2").exit_code == 0
    assert run(env, "approve", "2", "--agent", "jo").exit_code == 0
    assert len(store.cases()) == 1
    # forgotten by id: no longer offered; an unknown id says how to find one
    [case_id] = [c["id"] for c in json.loads(run(env, "kb", "cases", "--json").stdout)]
    forgot = run(env, "kb", "forget", str(case_id))
    assert forgot.exit_code == 0
    assert f"case {case_id} forgotten" in forgot.output
    assert store.cases() == []
    missing = run(env, "kb", "forget", str(case_id))
    assert missing.exit_code != 0
    assert "triage kb cases" in missing.output
    # learned again, then approved with an error the tone checker flags: not learned, and
    # the earlier answer is not offered either
    assert run(env, "approve", "2", "--agent", "jo").exit_code == 0
    assert len(store.cases()) == 1
    blame = _editor(tmp_path, "blame", "text + '\\n\\nThis was user error on your part.\\n'")
    assert run({**env, "EDITOR": blame}, "edit", "2").exit_code == 0
    run(env, "approve", "2", "--agent", "jo")
    assert store.cases() == []
