"""What agents see in the terminal (rich). Every string from an email goes through
``textsafe.clean`` and into ``rich.text.Text`` — never into markup — so a subject carrying
ANSI escapes or ``[bold red]`` prints inertly."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any, cast

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from triage.reading.display import reading_text, stored_reading
from triage.replies.display import agent_json, agent_lines
from triage.replies.serial import reply_text
from triage.replies.values import Finding
from triage.route import FRUSTRATION, URGENCY
from triage.store.quarantine_ops import raw_header
from triage.store.review_ops import QueueItem
from triage.store.tables import EmailRow
from triage.textcap import CUT, cap_text, clean_chunks, count_lines
from triage.textsafe import clean


def console() -> Console:
    """Standard output for the views; no highlighting (an email's numbers are not ours to
    colour)."""
    return Console(highlight=False, soft_wrap=False)


def echo(text: str) -> None:
    """A plain line past rich: JSON and one-line answers are neither wrapped nor styled."""
    print(text, flush=True)


def emit(as_json: bool, data: object, view: RenderableType) -> None:
    """``--json``: ``data`` as one line of JSON; else the view."""
    if as_json:
        echo(json.dumps(data))
    else:
        console().print(view)


def age(delta: timedelta) -> str:
    secs = int(delta.total_seconds())
    if secs < 0:
        return "in " + age(-delta)
    if secs < 3600:
        return f"{secs // 60}m"
    if secs < 86400:
        return f"{secs // 3600}h{(secs % 3600) // 60:02d}"
    return f"{secs // 86400}d{(secs % 86400) // 3600}h"


def due_in(due: datetime | None, now: datetime) -> str:
    if due is None:
        return "-"
    return f"in {age(due - now)}" if due >= now else f"{age(now - due)} late"


def sender(name: str | None, address: str | None) -> str:
    return clean(name or address or "(unknown)", single_line=True)


def queue_json(items: Sequence[QueueItem], now: datetime) -> list[dict[str, Any]]:
    return [
        {
            "id": i.id,
            "message_id": i.message_id,
            "from": sender(i.from_name, i.from_address),
            "from_address": i.from_address,
            "subject": clean(i.subject, single_line=True),
            "received_at": i.received_at.isoformat(),
            "queue": i.queue,
            "due": i.due.isoformat() if i.due else None,
            "urgency": {"level": i.urgency, "score": round(i.urgency_score, 3)},
            "frustration": {"level": i.frustration, "score": round(i.frustration_score, 3)},
            "flags": i.flags(now),
            "review": i.review,
            "reading": stored_reading(i.reading),
        }
        for i in items
    ]


QUEUE_LEGEND = (
    "due: time left, or -time when late · F frustration, U urgency: level and score · "
    "flags: S supervisor, R repeat, L late, xx needs a speaker of language xx"
)


def _short_due(due: datetime | None, now: datetime) -> str:
    if due is None:
        return "-"
    return age(due - now) if due >= now else "-" + age(now - due)


def compact_table(title: str, caption: str) -> Table:
    """The queues' table style: no edges or padding, so it fits an 80-column terminal."""
    return Table(
        title=title,
        caption=caption,
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        padding=(0, 1, 0, 0),
    )


def queue_table(items: Sequence[QueueItem], now: datetime, title: str) -> Table:
    """Compact enough for an 80-column terminal; `--json` has every field spelled out."""
    table = compact_table(title, QUEUE_LEGEND)
    table.add_column("id", justify="right", no_wrap=True)
    table.add_column("age", justify="right", no_wrap=True)
    table.add_column("due", justify="right", no_wrap=True)
    table.add_column("from", no_wrap=True, max_width=12, overflow="ellipsis")
    table.add_column("subject", no_wrap=True, max_width=22, overflow="ellipsis")
    table.add_column("F", no_wrap=True, min_width=8)
    table.add_column("U", no_wrap=True)
    table.add_column("flags", no_wrap=True, min_width=5)
    for i in items:
        flags = i.flags(now)
        style = "bold red" if "supervisor" in flags else ("red" if "overdue" in flags else "")
        table.add_row(
            str(i.id),
            age(now - i.received_at),
            Text(_short_due(i.due, now), style="red" if "overdue" in flags else ""),
            Text(sender(i.from_name, i.from_address)),
            Text(clean(i.subject, single_line=True)),
            f"{FRUSTRATION[i.frustration][:3]} {i.frustration_score:.2f}".replace(" 0.", " ."),
            f"{URGENCY[i.urgency][:3]} {i.urgency_score:.2f}".replace(" 0.", " ."),
            Text(_flag_letters(flags), style=style),
        )
    return table


def _flag_letters(flags: Sequence[str]) -> str:
    """S R L, and the language code of mail that needs a speaker of it ("needs a de speaker")."""
    letters = "".join(f[0].upper() for f in flags if not f.startswith("needs"))
    speaker = [f.split()[2] for f in flags if f.startswith("needs")]
    return letters.replace("O", "L") + "".join(f" {code}" for code in speaker)


def queue_view(items: Sequence[QueueItem], now: datetime, show_all: bool, held: int) -> Group:
    """`triage queue`: the table, a word when it is empty, and how much mail is quarantined."""
    title = "all open mail" if show_all else "priority queue"
    parts: list[RenderableType] = [queue_table(items, now, f"{title} ({len(items)})")]
    if not items:
        parts.append(Text("nothing waiting"))
    if held:  # in no queue above: say so, or nobody ever looks at them
        parts.append(Text(f"{held} quarantined (not in any queue): triage queue --quarantined"))
    return Group(*parts)


def _quoted_summary(quoted: str) -> Text:
    n = count_lines(quoted, non_blank=True)
    if not n:
        return Text("")
    return Text(f"▸ {n:,} lines of quoted history hidden", style="dim")


def capped(text: str) -> Group:
    """Untrusted text cut to the caps BEFORE rich sees it, with a note of what was left out."""
    c = cap_text(text)
    note = c.note()
    body = Text(clean(c.text))
    return Group(body, Text(note, style="yellow")) if note else Group(body)


def _one_line(text: str | None, limit: int = 300) -> str:
    # a header can be megabytes long: cut before cleaning, so only the shown part is copied
    text = text or ""
    return clean(text[:limit], single_line=True) + (CUT if len(text) > limit else "")


def findings_table(text: str, findings: Sequence[Finding]) -> RenderableType:
    if not findings:
        return Text("tone check: no findings", style="green")
    table = Table(title="tone check", show_lines=False)
    for c in ("severity", "rule", "where", "problem", "suggested fix"):
        table.add_column(c)
    for f in findings:
        snippet = clean(text[f.start : f.end], single_line=True)[:30]
        table.add_row(
            Text(f.severity, style="bold red" if f.severity == "error" else "yellow"),
            f.rule,
            Text(snippet or f"@{f.start}"),
            Text(clean(f.message)),
            Text(clean(f.suggestion)),
        )
    return table


def print_refusal(details: object) -> None:
    """What a refused ``send`` carries (``Refused.details``): the reply and its tone errors."""
    text, findings = cast(tuple[str, list[Finding]], details)
    console().print(findings_table(text, findings))


def _head(row: EmailRow, now: datetime, *, full: bool = False) -> list[RenderableType]:
    subject, who = row.subject, row.from_name or row.from_address
    if row.status == "quarantined":  # nothing parsed: what the stored headers say
        subject = subject or raw_header(row.raw_headers, "Subject")
        who = who or raw_header(row.raw_headers, "From")
    head = Text()
    head.append(f"#{row.id}  ", style="bold")
    head.append(_one_line(subject) or "(no subject)", style="bold")
    head.append("\nfrom ")
    head.append(_one_line(who) or "(unknown)")
    if row.from_address and row.from_name:
        head.append(f" <{_one_line(row.from_address)}>")
    head.append(
        f"\nreceived {row.received_at:%a %d %b %H:%M} UTC ({age(now - row.received_at)} ago)"
    )
    if row.due_at:
        head.append(f", due {row.due_at:%a %d %b %H:%M} UTC ({due_in(row.due_at, now)})")
    if row.status == "quarantined":
        head.append(f"\nquarantined: {_one_line(row.error, 500)}", style="bold red")
        head.append(f"\n`triage requeue {row.id}` fetches and parses it again", style="dim")
    elif row.stage == "duplicate":
        head.append(f"\nduplicate: {_one_line(row.error)} (that one is in the queues)", style="dim")
    else:
        head.append(f"\nqueue {row.queue or '-'}, review {row.review}")
    parts: list[RenderableType] = [head]
    if row.status == "quarantined" and row.raw_headers:
        # at most 64 KB (triage/parse/intake.py): whole with --full, capped like the text otherwise
        headers = Text(clean(row.raw_headers).rstrip()) if full else capped(row.raw_headers)
        parts.append(Panel(headers, title="stored headers", title_align="left"))
    defects = _defects(row)
    if defects:
        parts.append(Text("defects: " + "; ".join(defects), style="yellow"))
    return parts


def _defects(row: EmailRow, limit: int = 20) -> list[str]:
    # a defect can quote a header ("unparsable Date '...'"): untrusted, cleaned and cut
    found = json.loads(row.defects or "[]")
    shown = [_one_line(str(d), 200) for d in found[:limit]]
    if len(found) > limit:
        shown.append(f"{CUT} {len(found) - limit:,} more")
    return shown


def _attachments(row: EmailRow, limit: int = 20) -> list[RenderableType]:
    atts = json.loads(row.attachments or "[]")
    if not atts:
        return []
    listed = ", ".join(
        f"{_one_line(a.get('filename') or '(unnamed)', 120)} "
        f"({_one_line(a.get('content_type'), 80)}, {a.get('size')} bytes)"
        for a in atts[:limit]
    )
    more = f" {CUT} {len(atts) - limit:,} more" if len(atts) > limit else ""
    return [Text("attachments: " + listed + more)]


def _tail(row: EmailRow, findings: Sequence[Finding]) -> list[RenderableType]:
    parts = _attachments(row)
    reading = reading_text(row.reading)
    if reading is not None:
        parts.append(reading)
    if row.urgency is not None and row.frustration is not None:
        scores = Text()
        scores.append(
            f"frustration {FRUSTRATION[row.frustration]} ({row.frustration_score:.2f}), "
            f"urgency {URGENCY[row.urgency]} ({row.urgency_score:.2f})"
        )
        for label in ("frustration", "urgency"):
            phrases = [
                clean(e["phrase"], single_line=True)
                for e in json.loads(row.evidence)
                if e.get("label") == label
            ][:5]
            if phrases:
                scores.append(f"\n  {label} evidence: " + "; ".join(f"“{p}”" for p in phrases))
        parts.append(scores)
    reasons = json.loads(row.route_reasons or "[]")
    if reasons:
        parts.append(Text("why: " + "; ".join(clean(r) for r in reasons), style="dim"))
    text = reply_text(row)
    if row.suggestion and not row.reply_text:
        s = json.loads(row.suggestion)
        order = s.get("order") or ("acknowledge", "plan", "fix", "close")
        sections = Group(
            *[
                Group(Text(name.upper(), style="bold cyan"), Text(clean(s.get(name, "")) + "\n"))
                for name in order
                if s.get(name)  # a kind may not need a part (thanks need no fix)
            ]
        )
        kind = clean(s.get("kind") or "", single_line=True)
        title = f"suggested reply ({kind})" if kind else "suggested reply"
        parts.append(Panel(sections, title=title, title_align="left"))
        parts += agent_lines(s)
    elif text:
        # an agent's edit is ours, but pasted from anywhere: capped like the email
        parts.append(Panel(capped(text), title="reply (edited)", title_align="left"))
        if row.suggestion:  # the candidates stay on offer after an edit
            parts += agent_lines(json.loads(row.suggestion))
    if text:
        parts.append(findings_table(text, findings))
    return parts


def show(row: EmailRow, findings: Sequence[Finding], now: datetime) -> Group:
    """One email for the terminal, every long part capped (``print_show(full=True)``: all)."""
    parts = _head(row, now)
    if row.newest_text or row.status != "quarantined":
        text = capped(row.newest_text) if row.newest_text else Text("(no text)")
        body = Group(text, _quoted_summary(row.quoted_text))
        parts.append(Panel(body, title="newest text", title_align="left"))
    return Group(*parts, *_tail(row, findings))


def show_json(row: EmailRow, *, full: bool = False) -> dict[str, Any]:
    """``show --json``: the same parts, every untrusted string cleaned, the text capped unless
    ``full`` (``newest_text_truncated`` says whether it was)."""
    c = cap_text(row.newest_text) if not full else None
    scores = None
    if row.urgency is not None and row.frustration is not None:
        scores = {
            "urgency": {"level": row.urgency, "score": round(row.urgency_score or 0.0, 3)},
            "frustration": {
                "level": row.frustration,
                "score": round(row.frustration_score or 0.0, 3),
            },
        }
    return {
        "id": row.id,
        "message_id": row.message_id,
        "status": row.status,
        "stage": row.stage,
        "reason": clean(row.error) or None,
        "headers": clean(row.raw_headers) if row.status == "quarantined" else None,
        "defects": [clean(str(d), single_line=True) for d in json.loads(row.defects or "[]")],
        "from": sender(row.from_name, row.from_address),
        "from_address": row.from_address,
        "subject": clean(row.subject, single_line=True),
        "received_at": row.received_at.isoformat(),
        "queue": row.queue,
        "review": row.review,
        "due": row.due_at.isoformat() if row.due_at else None,
        "scores": scores,
        "newest_text": clean(c.text if c is not None else row.newest_text),
        "newest_text_truncated": c is not None and c.truncated,
        "quoted_lines": count_lines(row.quoted_text, non_blank=True),
        "attachments": [
            {
                "filename": clean(a.get("filename"), single_line=True) or None,
                "content_type": clean(a.get("content_type"), single_line=True),
                "size": a.get("size"),
            }
            for a in json.loads(row.attachments or "[]")
        ],
        "route_reasons": [clean(r) for r in json.loads(row.route_reasons or "[]")],
        "reading": stored_reading(row.reading),
        "reply": reply_text(row),
        **agent_json(row.suggestion),
    }


def print_show(
    console: Console, row: EmailRow, findings: Sequence[Finding], now: datetime, *, full: bool
) -> None:
    """``show``, or with ``full`` the whole newest text streamed in cleaned chunks.

    The full text goes past rich (no panel, no wrapping): rich measuring megabytes of text is
    what took minutes and hundreds of MB; a terminal or pager wraps it just as well.
    """
    if not full:
        console.print(show(row, findings, now))
        return
    console.print(Group(*_head(row, now, full=True)))
    if row.newest_text or row.status != "quarantined":
        console.rule("newest text (all of it)", align="left")
        for chunk in clean_chunks(row.newest_text or "(no text)"):
            console.file.write(chunk)
        console.file.write("\n")
        console.rule()
    console.print(Group(_quoted_summary(row.quoted_text), *_tail(row, findings)))
