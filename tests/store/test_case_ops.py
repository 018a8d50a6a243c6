"""Learned cases in the store (triage/store/case_ops.py), on SQLite and the real PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from triage.replies.cases import Case
from triage.store import Store

from .test_core import item

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)


def _case(email_id: int, ref: str, answer: str = "1. Open tray 2.\n2. Pull the sheet.") -> Case:
    return Case(
        email_id=email_id,
        ref=ref,
        origin="approved",
        agent="jo",
        answered_at=NOW,
        question="the printer jams",
        answer=answer,
        kind="fault",
        message_id="<m1@example>",
        embedding=(0.6, 0.8, 0.0),
        model_version="v1",
    )


@pytest.fixture
def stored(store: Store) -> Store:
    store.record_batch("default", "INBOX", 1, [item(1), item(2)], last_uid=2, now=NOW)
    return store


def test_a_case_round_trips_with_its_embedding(stored: Store) -> None:
    assert stored.add_case(_case(1, "review:1"), NOW)
    [got] = stored.cases()
    assert got.id is not None
    assert replace(got, id=None, embedding=()) == replace(_case(1, "review:1"), embedding=())
    assert got.embedding == pytest.approx((0.6, 0.8, 0.0))


def test_one_case_per_ref_and_replace_takes_the_new_answer(stored: Store) -> None:
    assert stored.add_case(_case(1, "<sent-1@desk>"), NOW)
    assert not stored.add_case(_case(1, "<sent-1@desk>", "something else"), NOW)
    assert [c.answer for c in stored.cases()] == ["1. Open tray 2.\n2. Pull the sheet."]
    assert stored.add_case(_case(1, "<sent-1@desk>", "a better answer"), NOW, replace=True)
    assert [c.answer for c in stored.cases()] == ["a better answer"]
    assert stored.case_refs(["<sent-1@desk>", "<other@desk>"]) == {"<sent-1@desk>"}
    assert stored.case_answers(1) == ["a better answer"]
    assert stored.case_answers(2) == []


def test_a_writer_that_loses_the_race_for_a_ref_neither_fails_nor_doubles(
    stored: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # another writer stored the ref between this writer's read and its insert: the read is
    # made to miss once, and the insert meets the real unique key of the real database
    assert stored.add_case(_case(1, "<sent-1@desk>"), NOW)
    real = stored._stored_case
    misses = iter([True])

    def racing(s: object, ref: str) -> object:
        return None if next(misses, False) else real(s, ref)  # type: ignore[arg-type]

    monkeypatch.setattr(stored, "_stored_case", racing)
    assert not stored.add_case(_case(1, "<sent-1@desk>", "something else"), NOW)
    misses = iter([True])
    assert stored.add_case(_case(1, "<sent-1@desk>", "a better answer"), NOW, replace=True)
    assert [c.answer for c in stored.cases()] == ["a better answer"]


def test_the_answered_email_is_found_by_in_reply_to_then_references(stored: Store) -> None:
    first = stored.answered_email(["<m2@example>", "<m1@example>"])
    assert first is not None
    assert first.message_id == "<m2@example>"
    later = stored.answered_email(["<unknown@x>", "<m1@example>"])
    assert later is not None
    assert later.message_id == "<m1@example>"
    assert stored.answered_email(["<unknown@x>"]) is None
    assert stored.answered_email([]) is None


def test_a_case_carries_the_space_its_email_was_embedded_in(stored: Store) -> None:
    from datetime import timedelta

    from sqlmodel import Session

    from triage.domain import RouteDecision, Scores
    from triage.store.case_ops import case_for
    from triage.store.tables import EmailRow
    from triage.store.triage_ops import TriageResult

    claim = stored.claim_batch(16, NOW, timedelta(minutes=5))
    space = "all-minilm-l6-v2:abc:mean128-head:int8"
    by_id = {
        1: Scores(1, 0.3, 1, 0.3, 0.01, embedding=(0.6, 0.8), model_version="clf-1",
                  embedding_model=space),
        # a row triaged before the space was recorded: its vector is the classifier's
        2: Scores(1, 0.3, 1, 0.3, 0.01, embedding=(0.6, 0.8), model_version="clf-1"),
    }  # fmt: skip
    decision = RouteDecision("normal", None, False, False, ())
    results = [TriageResult(b.id, by_id[b.id], decision, None) for b in claim.items]
    assert stored.save_decisions(claim, results, NOW) == 2
    with Session(stored.engine) as s:
        rows = {i: s.get(EmailRow, i) for i in (1, 2)}
        assert rows[1] is not None
        assert rows[2] is not None
        assert (rows[1].embedding_model, rows[2].embedding_model) == (space, None)
        made = [
            case_for(r, "Pull the jammed sheet out of tray 2.", origin="approved",
                     ref=f"review:{i}", agent="jo", at=NOW)
            for i, r in rows.items()
        ]  # fmt: skip
    assert [c.model_version if c else None for c in made] == [space, "clf-1"]
