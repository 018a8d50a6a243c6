"""Terminal views (triage/views.py): what a huge or hostile email costs to show."""

from __future__ import annotations

import io
import time
import tracemalloc
from datetime import UTC, datetime

from rich.console import Console

from triage.store.tables import EmailRow
from triage.views import show

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


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
