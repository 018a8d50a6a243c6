"""Cutting MIME parts nested too deep out of a raw message (triage/parse/mimedepth.py)."""

from __future__ import annotations

from email import message_from_bytes, policy
from pathlib import Path

import pytest

from triage.parse.mimedepth import prune_deep_parts

MAIL = Path(__file__).parents[1] / "data" / "mail"


def multipart(boundary: str, *parts: bytes, head: bytes = b"") -> bytes:
    b = boundary.encode()
    body = b"".join(b"--" + b + b"\n" + p.rstrip(b"\n") + b"\n" for p in parts)
    return (
        head
        + b'Content-Type: multipart/mixed; boundary="'
        + b
        + b'"\n\n'
        + body
        + b"--"
        + b
        + b"--\n"
    )


def text(words: str) -> bytes:
    return b"Content-Type: text/plain\n\n" + words.encode() + b"\n"


def texts_of(data: bytes) -> list[str]:
    message = message_from_bytes(data, policy=policy.compat32)
    return [
        str(part.get_payload()).strip()
        for part in message.walk()
        if part.get_content_type() == "text/plain" and part.get_payload()
    ]


@pytest.mark.parametrize("path", sorted(MAIL.glob("*.eml")), ids=lambda p: p.name)
def test_mail_within_the_limit_comes_back_byte_for_byte(path: Path) -> None:
    data = path.read_bytes()
    assert prune_deep_parts(data, 40) == data


def test_parts_below_the_limit_go_and_everything_around_them_stays() -> None:
    deep = text("from the bottom")
    for n in range(6):
        deep = multipart(f"d{n}", deep)
    data = multipart("top", text("before"), deep, text("after"), head=b"From: a@x.example\n")
    pruned = prune_deep_parts(data, 3)
    assert texts_of(pruned) == ["before", "after"]
    assert texts_of(prune_deep_parts(data, 8)) == ["before", "from the bottom", "after"]


def test_a_boundary_that_begins_another_is_not_taken_for_it() -> None:
    inner = multipart("ab", text("inner"))
    data = multipart("a", text("one"), multipart("abc", inner), text("two"))
    assert texts_of(prune_deep_parts(data, 2)) == ["one", "two"]
    assert prune_deep_parts(data, 3) == data


def test_attached_messages_count_as_levels_and_reports_do_not() -> None:
    attached = b"Content-Type: message/rfc822\n\nFrom: b@x.example\n" + text("forwarded")
    report = b"Content-Type: message/delivery-status\n\nReporting-MTA: dns; x\n\nAction: failed\n"
    data = multipart("top", text("mine"), attached, report)
    pruned = prune_deep_parts(data, 1)
    assert texts_of(pruned) == ["mine"]
    assert b"Action: failed" in pruned
    assert prune_deep_parts(data, 2) == data
