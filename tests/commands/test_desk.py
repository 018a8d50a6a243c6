"""triage/commands/desk.py without a terminal: the review loop driven by scripted keys."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.test_review import settings, store
from triage.commands import desk
from triage.settings import Settings
from triage.store import Store

__all__ = ["settings", "store"]  # the fixtures, shared with tests/test_review.py


def _reader(answers: list[str]) -> Iterator[str]:
    yield from answers
    pytest.fail("the loop asked for more than the script gives")


def test_review_loop_acts_one_key_per_email_angriest_first(
    settings: Settings, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    keys, reasons = _reader(["a", "r", "s"]), _reader(["needs a phone call"])
    desk.review(settings, agent="kim", key=lambda _prompt: next(keys), ask=lambda _q: next(reasons))
    assert {i: store.row(i).review for i in (3, 2, 4)} == {
        3: "approved",
        2: "rejected",
        4: "pending",  # skipped: still waiting for the next session
    }
    out = capsys.readouterr().out
    assert "approved #3" in out
    assert "rejected #2" in out
    assert out.rstrip().endswith("priority queue done: nothing pending")


def test_review_loop_stops_at_q(settings: Settings, store: Store) -> None:
    keys = _reader(["q"])
    desk.review(settings, agent="kim", key=lambda _prompt: next(keys), ask=lambda _q: "")
    assert all(store.row(i).review == "pending" for i in (2, 3, 4))
