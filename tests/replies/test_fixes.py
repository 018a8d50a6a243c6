"""The candidate fixes of a draft (triage/replies/fixes.py): knowledge-base entries then the
nearest cases, with their sources; and putting one into a reply at its fix section."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest

from triage.domain import Email, Reading, Scores
from triage.replies.case_config import CaseSettings
from triage.replies.cases import Case, CaseBase
from triage.replies.compose import composer_for
from triage.replies.config import ReplyConfig
from triage.replies.fixes import MAX_FIXES, kb_fix_text, put_fix, with_fixes
from triage.replies.knowledge import KnowledgeBase
from triage.replies.values import History, Suggestion

NOW = datetime(2026, 11, 23, 10, 7, tzinfo=UTC)
AT = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
PRINTER = Email(
    message_id="<p1@kestrel.example>",
    subject="printer jams",
    from_name="Priya Raman",
    from_address="priya@kestrel.example",
    date=None,
    newest_text="The printer on floor 2 jams on every page, paper stuck in tray 2.",
)
VECTOR = (0.0, 1.0, 0.0)


def case(n: int, vector: tuple[float, ...], kind: str, message_id: str = "<old@x>") -> Case:
    return Case(
        email_id=120 + n,
        ref=f"review:{120 + n}",
        origin="approved" if n % 2 else "sent",
        agent="jo",
        answered_at=AT,
        question="the printer jams",
        answer=f"Our answer {n}: swap the tray 2 roller.",
        kind=kind,
        message_id=message_id,
        embedding=vector,
        model_version="v1",
        id=n,
    )


def reading(kind: str) -> Reading:
    return Reading(kind, 0.9, False, "one", (), (), None, (), "en", 0, False)


Compose = Callable[..., Suggestion]


@pytest.fixture
def compose_with(reply_config: ReplyConfig, keyword_kb: KnowledgeBase) -> Compose:
    def run(base: CaseBase, rd: Reading | None, **settings: Any) -> Suggestion:
        composer = with_fixes(
            composer_for(reply_config, keyword_kb),
            keyword_kb,
            lambda: base,
            CaseSettings(**settings),
        )
        sc = Scores(1, 0.3, 0, 0.1, 0.01, model_version="v1", embedding=VECTOR)
        return composer(PRINTER, sc, History(), NOW, False, rd)

    return run


def test_kb_candidates_come_first_with_their_steps_then_the_nearest_cases(
    compose_with: Compose, keyword_kb: KnowledgeBase
) -> None:
    cases = CaseBase(
        (
            case(1, (0.0, 0.95, 0.05), "fault"),
            case(2, (0.0, 1.0, 0.0), "fault"),
            case(3, (1.0, 0.0, 0.0), "fault"),  # another problem
            case(4, (0.0, 1.0, 0.0), "request"),  # another kind of reply
            case(5, (0.0, 1.0, 0.0), "fault", message_id=PRINTER.message_id or ""),  # itself
        )
    )
    s = compose_with(cases, reading("fault"))
    kb = [f for f in s.fixes if f.origin == "kb"]
    assert [f.ref for f in kb] == list(s.candidates)
    assert [f.source for f in kb] == [f"KB {c}" for c in s.candidates]
    entry = keyword_kb.get(kb[0].ref)
    assert entry is not None
    assert kb[0].text == kb_fix_text(entry)
    assert entry.steps[0] in kb[0].text
    found = [f for f in s.fixes if f.origin == "case"]
    assert [f.ref for f in found] == ["2", "1"]
    assert found[0].source == "case from reply to #122, sent by jo, 2026-11-30"
    assert found[1].source == "case from reply to #121, approved by jo, 2026-11-30"
    assert found[0].similarity == pytest.approx(1.0)
    assert all(f.text not in s.text for f in found)  # offered, never pasted into the draft
    assert [f.origin for f in s.fixes] == ["kb"] * len(kb) + ["case"] * 2


def test_without_a_kind_any_case_is_offered_and_the_settings_bound_them(
    compose_with: Compose,
) -> None:
    cases = CaseBase(tuple(case(n, (0.0, 1.0, 0.01 * n), "request") for n in range(1, 8)))
    assert not [f for f in compose_with(cases, reading("fault")).fixes if f.origin == "case"]
    unread = compose_with(cases, None)
    assert len([f for f in unread.fixes if f.origin == "case"]) == 3  # [kb] cases = 3
    assert len(unread.fixes) <= MAX_FIXES
    none = compose_with(cases, None, cases=0)
    assert [f.origin for f in none.fixes] == ["kb"] * len(none.candidates)
    far = compose_with(CaseBase((case(1, (0.6, 0.8, 0.0), "fault"),)), None, min_similarity=0.9)
    assert not [f for f in far.fixes if f.origin == "case"]


SECTIONS = {
    "acknowledge": "Hi Priya,\n\nSorry about the printer.",
    "fix": "Could you tell us:\n\n1. Which tray?",
    "close": "Anything else?\n\nKind regards,\nJo",
}
REPLY = "\n\n".join(SECTIONS.values())


def test_a_fix_takes_the_place_of_the_suggested_one() -> None:
    out = put_fix(REPLY, SECTIONS, "1. Open tray 2.\n2. Pull the sheet.")
    assert out == REPLY.replace(SECTIONS["fix"], "1. Open tray 2.\n2. Pull the sheet.")


def test_a_second_fix_replaces_the_first_one_put_there() -> None:
    first = put_fix(REPLY, SECTIONS, "FIRST FIX")
    second = put_fix(first, SECTIONS, "SECOND FIX", others=["FIRST FIX"])
    assert "FIRST FIX" not in second
    assert second == REPLY.replace(SECTIONS["fix"], "SECOND FIX")


def test_without_the_fix_section_it_goes_before_the_close_else_at_the_end() -> None:
    no_fix = REPLY.replace(SECTIONS["fix"] + "\n\n", "")
    assert put_fix(no_fix, SECTIONS, "FIX") == no_fix.replace(
        SECTIONS["close"], "FIX\n\n" + SECTIONS["close"]
    )
    assert put_fix("Hi,\n\nall rewritten by hand.", SECTIONS, "FIX") == (
        "Hi,\n\nall rewritten by hand.\n\nFIX\n"
    )


def test_an_outage_entry_without_steps_offers_its_incident_wording(
    keyword_kb: KnowledgeBase,
) -> None:
    entry = next(e for e in keyword_kb.entries if e.incident)
    assert kb_fix_text(replace(entry, steps=())) == entry.incident.strip()
