"""triage/views.py: what agents see. A huge email costs bounded time and memory to show, and
text from an email is printed inertly, whole escape sequences gone (the rows are built here
directly, not parsed, so this covers rows stored before parse cleaned their text too).
"""

from __future__ import annotations

import io
import json
import time
import tracemalloc
import unicodedata
from datetime import UTC, datetime, timedelta

from rich.console import Console

from triage.store.review_ops import QueueItem
from triage.store.tables import EmailRow
from triage.views import queue_json, queue_table, queue_view, show, show_json

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
OSC52 = "\x1b]52;c;ZWNobyBoYWNrZWQ=\x07"  # write "echo hacked" to the agent's clipboard
PAYLOADS = ("52;", "ZWNo", "owned", "#0~~", "31m", "evil.example")


def _render(renderable: object) -> str:
    out = io.StringIO()
    Console(file=out, width=200, force_terminal=True, color_system=None).print(renderable)
    return out.getvalue()


def _assert_inert(out: str) -> None:
    for payload in PAYLOADS:
        assert payload not in out
    assert [c for c in out if unicodedata.category(c) == "Cc" and c != "\n"] == []


def test_show_prints_no_part_of_an_escape_sequence() -> None:
    row = EmailRow(
        id=7,
        account="default",
        content_hash="h",
        subject=f"Printer {OSC52}broken",
        from_name="Ann \x9d0;owned\x9cLee",
        from_address="ann@example.com",
        received_at=NOW - timedelta(hours=1),
        newest_text="It \x9b31mwill\x9b0m not print \x1bPq#0~~@@\x1b\\at all.",
        urgency=1,
        urgency_score=0.4,
        frustration=2,
        frustration_score=0.7,
        evidence=json.dumps([{"label": "frustration", "phrase": f"at {OSC52}all", "weight": 0.5}]),
        route_reasons=json.dumps([f"frustration 2 {OSC52}"]),
        suggestion=json.dumps(
            {"acknowledge": "Sorry.", "plan": "We look.", "fix": "Reboot.", "close": "Bye."}
        ),
        attachments=json.dumps(
            [{"filename": "\x1b]8;;https://evil.example/\x07log.txt", "size": 3}]
        ),
    )
    out = _render(show(row, [], NOW))
    _assert_inert(out)
    assert "Printer broken" in out
    assert "Ann Lee" in out
    assert "It will not print at all." in out
    assert "log.txt" in out


def test_queue_table_and_json_print_no_part_of_an_escape_sequence() -> None:
    item = QueueItem(
        id=7,
        message_id="<a@b>",
        from_name="Ann \x9d0;owned\x9cLee",
        from_address="ann@example.com",
        subject=f"Printer {OSC52}broken",
        received_at=NOW - timedelta(hours=1),
        queue="priority",
        due=None,
        urgency=1,
        urgency_score=0.4,
        frustration=2,
        frustration_score=0.7,
        repeat=False,
        supervisor=False,
        review="pending",
    )
    _assert_inert(_render(queue_table([item], NOW, "queue")))
    [data] = queue_json([item], NOW)
    assert (data["subject"], data["from"]) == ("Printer broken", "Ann Lee")


def test_queue_view_says_when_it_is_empty_and_what_is_quarantined() -> None:
    empty = _render(queue_view([], NOW, False, 3))
    assert "priority queue (0)" in empty
    assert "nothing waiting" in empty
    assert "3 quarantined (not in any queue): triage queue --quarantined" in empty
    every = _render(queue_view([], NOW, True, 0))
    assert "all open mail (0)" in every
    assert "not in any queue" not in every


def _row(text: str, quoted: str = "") -> EmailRow:
    return EmailRow(
        id=7,
        account="default",
        message_id="<big@customer.example>",
        content_hash="h",
        subject="log attached inline",
        from_address="ops@customer.example",
        received_at=NOW,
        newest_text=text,
        quoted_text=quoted,
    )


def test_a_20_mb_email_renders_capped_in_bounded_memory_and_time() -> None:
    line = "2026-11-23 09:00:01 ERROR disk quota exceeded on /srv/share (retrying)\n"
    text = line * (20_000_000 // len(line))
    row = _row(text, quoted="> old\n" * 200_000)
    t0 = time.perf_counter()
    tracemalloc.start()
    try:
        view = show(row, [], NOW)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # the view copies at most the capped part, never the 20 MB (the report: 492 MB)
    assert peak < 2_000_000, peak
    out = io.StringIO()
    Console(file=out, width=100, highlight=False).print(view)
    printed = out.getvalue()
    assert time.perf_counter() - t0 < 20  # the report: 177 s
    assert len(printed) < 60_000  # the report: 34 MB
    assert "more lines; --full to see all" in printed
    assert "200,000 lines of quoted history hidden" in printed


def test_one_long_line_is_cut_with_a_note() -> None:
    out = io.StringIO()
    Console(file=out, width=100, highlight=False).print(show(_row("z" * 2_200_000), [], NOW))
    printed = out.getvalue()
    assert printed.count("z") <= 1_000
    assert "1 line cut at 1,000 characters; --full to see all" in printed


def test_show_gives_the_reply_in_its_kinds_order_and_the_agents_notes_in_two_lines() -> None:
    suggestion = {
        "kind": "security",
        "order": ["acknowledge", "fix", "plan", "close"],
        "acknowledge": "Hi Ann,",
        "fix": "Please do these now:\n1. Unplug it.",
        "plan": "Our security team has this.",
        "close": "Kind regards,\nThe IT Service Desk",
        "text": "...",
        "agent_todo": [f"Hand this to the security team {OSC52}now."],
        "candidates": ["phishing-clicked", "suspected-malware"],
        "kb_entry": "phishing-clicked",
    }
    row = EmailRow(
        id=8,
        account="default",
        content_hash="h2",
        subject="clicked a link",
        from_name="Ann Lee",
        from_address="ann@example.com",
        received_at=NOW - timedelta(hours=1),
        newest_text="I clicked a link.",
        suggestion=json.dumps(suggestion),
    )
    out = _render(show(row, [], NOW))
    _assert_inert(out)
    assert "suggested reply (security)" in out
    assert out.index("FIX") < out.index("PLAN")
    assert "to do: Hand this to the security team now." in out
    assert "kb: phishing-clicked (used), suspected-malware" in out


def test_show_numbers_the_candidate_fixes_with_their_source_inertly() -> None:
    suggestion = {
        "kind": "fault",
        "acknowledge": "Hi Ann,",
        "fix": "1. Unplug it.",
        "close": "Kind regards,\nThe IT Service Desk",
        "text": "...",
        "kb_entry": "printer-jam",
        "candidates": ["printer-jam"],
        "fixes": [
            {
                "origin": "kb",
                "ref": "printer-jam",
                "source": "KB printer-jam",
                "text": "1. Unplug it.",
            },
            {
                "origin": "case",
                "ref": "7",
                "source": f"case from reply to #12, sent by Jo {OSC52}Park, 2026-11-30",
                "text": f"Swap the roller.{OSC52}\nThen print a test page.",
                "similarity": 0.9312,
            },
        ],
    }
    row = EmailRow(
        id=9,
        account="default",
        content_hash="h3",
        subject="printer",
        from_name="Ann Lee",
        received_at=NOW - timedelta(hours=1),
        newest_text="It jams.",
        suggestion=json.dumps(suggestion),
    )
    out = _render(show(row, [], NOW))
    _assert_inert(out)
    assert " 1. KB printer-jam (used)" in out
    assert " 2. case from reply to #12, sent by Jo Park, 2026-11-30 (similarity 0.93)" in out
    assert "Swap the roller." in out
    assert "(1 more line)" in out
    assert "kb: " not in out  # the numbered list replaces the bare ids
    fixes = show_json(row)["fixes"]
    assert [(f["n"], f["origin"], f["similarity"]) for f in fixes] == [
        (1, "kb", None),
        (2, "case", 0.9312),
    ]
    assert "\x1b" not in json.dumps(fixes)
