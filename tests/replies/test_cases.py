"""Learned cases, the pure parts: nearest by the pooled embedding, where a case came from, and
what of a reply is learned (triage/replies/cases.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import numpy as np
import pytest

from triage.replies.cases import (
    Case,
    CaseBase,
    CaseShelf,
    answer_text,
    content_words,
    learned_answer,
    overlap,
    short_question,
    source_of,
)

AT = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)


def case(n: int, vector: tuple[float, ...], *, kind: str = "fault", model: str = "v1") -> Case:
    return Case(
        email_id=100 + n,
        ref=f"review:{100 + n}",
        origin="approved",
        agent="jo",
        answered_at=AT,
        question=f"question {n}",
        answer=f"answer {n}",
        kind=kind,
        message_id=f"<q{n}@customer>",
        embedding=vector,
        model_version=model,
        id=n,
    )


BASE = CaseBase(
    (
        case(1, (1.0, 0.0, 0.0)),
        case(2, (0.9, 0.1, 0.0)),
        case(3, (0.0, 1.0, 0.0)),
        case(4, (0.95, 0.05, 0.0), kind="request"),
        case(5, (1.0, 0.0, 0.0), model="v0"),
        case(6, ()),  # answered before the email was embedded: never offered
    )
)


def test_nearest_is_ranked_by_cosine_above_the_minimum() -> None:
    found = BASE.nearest([2.0, 0.0, 0.0], "v1", min_similarity=0.9, n=5)
    assert [m.case.id for m in found] == [1, 4, 2]  # the vector need not be normalised
    assert found[0].similarity == pytest.approx(1.0)
    assert all(m.similarity >= 0.9 for m in found)
    assert [m.case.id for m in BASE.nearest([1.0, 0.0, 0.0], "v1", min_similarity=0.9, n=1)] == [1]


def test_nearest_keeps_to_the_kind_and_the_model_and_skips_the_email_itself() -> None:
    faults = BASE.nearest([1.0, 0.0, 0.0], "v1", kind="fault", min_similarity=0.5, n=9)
    assert [m.case.id for m in faults] == [1, 2]
    other_model = BASE.nearest([1.0, 0.0, 0.0], "v0", min_similarity=0.5, n=9)
    assert [m.case.id for m in other_model] == [5]
    not_itself = BASE.nearest(
        [1.0, 0.0, 0.0], "v1", min_similarity=0.5, n=9, exclude_message_id="<q1@customer>"
    )
    assert 1 not in [m.case.id for m in not_itself]


def test_a_near_embedding_is_not_enough_the_words_must_overlap_too() -> None:
    vpn = replace(case(1, (1.0, 0.0, 0.0)), question="VPN drops every hour since the update")
    fonts = replace(case(2, (1.0, 0.0, 0.0)), question="The fonts in Word look wrong")
    base = CaseBase((vpn, fonts))
    text = "VPN keeps dropping\nMy VPN drops every few minutes."
    found = base.nearest(
        [1.0, 0.0, 0.0], "v1", min_similarity=0.9, n=5, text=text, min_overlap=0.15
    )
    assert [m.case.id for m in found] == [1]
    assert found[0].overlap == pytest.approx(
        overlap(content_words(text), content_words(vpn.question)), abs=1e-4
    )
    assert found[0].overlap >= 0.15
    assert len(base.nearest([1.0, 0.0, 0.0], "v1", min_similarity=0.9, n=5, text=text)) == 2


def test_content_words_leave_out_the_small_words_and_stem() -> None:
    assert content_words("Hi, the printers are jamming again!") == {"print", "jamm"}
    assert overlap(frozenset({"a", "b"}), frozenset({"b", "c"})) == pytest.approx(1 / 3)
    assert overlap(frozenset(), frozenset()) == 0.0


@pytest.mark.parametrize("embedding", [None, [], [1.0, 0.0], [0.0, 0.0, 0.0]])
def test_no_usable_embedding_offers_nothing(embedding: list[float] | None) -> None:
    assert BASE.nearest(embedding, "v1", min_similarity=0.0, n=9) == []
    assert CaseBase().nearest([1.0, 0.0, 0.0], "v1", min_similarity=0.0, n=9) == []


def test_the_source_names_the_email_the_agent_and_the_day() -> None:
    assert source_of(case(1, ())) == "case from reply to #101, approved by jo, 2026-11-30"


def test_the_shelf_reads_the_store_again_only_after_its_ttl() -> None:
    loads: list[int] = []
    clock = [0.0]

    def load() -> list[Case]:
        loads.append(1)
        return [case(len(loads), (1.0, 0.0, 0.0))]

    shelf = CaseShelf(load, ttl=60.0, clock=lambda: clock[0])
    assert [c.id for c in shelf().cases] == [1]
    clock[0] = 59.0
    assert [c.id for c in shelf().cases] == [1]
    clock[0] = 60.0
    assert [c.id for c in shelf().cases] == [2]


class Fake:
    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def embed(self, texts: Sequence[str]) -> np.ndarray[Any, np.dtype[np.float32]]:
        self.calls.append(list(texts))
        return np.asarray([[0.0, 1.0, 0.0]] * len(texts), dtype=np.float32)


def test_a_case_of_another_space_is_embedded_again_from_its_question_once() -> None:
    # cases learned before the topic embedding (session 19) hold the classifier's pooled
    # vector: compared with nothing, they would never be offered again
    old, new, bare = (
        case(1, (1.0, 0.0, 0.0), model="pooled"),
        case(2, (0.0, 0.0, 1.0), model="topic"),
        case(3, (), model="pooled"),
    )
    bare = replace(bare, question="")
    clock = [0.0]
    fake = Fake()
    shelf = CaseShelf(
        lambda: [old, new, bare], ttl=1.0, clock=lambda: clock[0], embedder=fake, space="topic"
    )
    got = {c.id: c for c in shelf().cases}
    assert got[1].embedding == (0.0, 1.0, 0.0)
    assert got[1].model_version == "topic"
    assert got[2] == new
    assert got[3] == bare  # no question to embed: left as it was (never offered)
    assert fake.calls == [["question 1"]]
    clock[0] = 5.0
    shelf()
    assert fake.calls == [["question 1"]]  # once a process, not at every reload
    found = shelf().nearest([0.0, 1.0, 0.0], "topic", min_similarity=0.9, n=5)
    assert [m.case.id for m in found] == [1]
    # with no embedder (a file-only run), cases stay as stored
    plain = CaseShelf(lambda: [old], space="topic")
    assert plain().cases == (old,)


SUGGESTED = {
    "acknowledge": "Hi Dana,\n\nI'm sorry the printer keeps jamming.",
    "plan": "I'm taking this myself and will call you by 14:00 today.",
    "fix": "1. Open tray 2.\n2. Take out the paper.",
    "close": "Is there anything else I can help with?\n\nKind regards,\nJo",
}


def test_the_answer_is_what_the_agent_wrote_not_our_templates() -> None:
    edited = (
        "Hi Dana,\n\nI'm sorry the printer keeps jamming.\n\n"
        "I'm taking this myself and will call you by 14:00 today.\n\n"
        "The fuser on that model wears out: I have ordered one, it goes in on Tuesday.\n\n"
        "Is there anything else I can help with?\n\nKind regards,\nJo"
    )
    assert learned_answer(edited, SUGGESTED) == (
        "The fuser on that model wears out: I have ordered one, it goes in on Tuesday."
    )


def test_nothing_is_learned_from_a_reply_as_suggested() -> None:
    as_suggested = "\n\n".join(SUGGESTED[k] for k in ("acknowledge", "plan", "fix", "close"))
    assert learned_answer(as_suggested, SUGGESTED) is None
    assert learned_answer("Hi Dana,\n\nThanks,\nJo", None) is None


def test_a_plain_reply_loses_greeting_and_sign_off() -> None:
    sent = (
        "Hello Sam,\nPlease hold the power button for 30 seconds, then start it again.\n\n"
        "That clears the stuck update.\n\nBest regards,\nJo Park\nIT Service Desk"
    )
    assert answer_text(sent) == (
        "Please hold the power button for 30 seconds, then start it again.\n\n"
        "That clears the stuck update."
    )


def test_the_question_is_folded_and_cut() -> None:
    assert short_question("  the  printer\n\njams ") == "the printer jams"
    long = short_question("word " * 500)
    assert len(long) == 600
    assert long.endswith("…")


def test_a_learned_answer_keeps_no_secret_or_contact_detail_of_its_customer() -> None:
    from triage.replies.cases import answer_text

    reply = (
        "Hi Dana,\n\nI've reset it: your temporary password is Xk93pq!z and your PIN 4821. "
        "If it fails again ring me on 07700 900123 or write to dana.k@client.example.\n\n"
        "Regards,\nJo"
    )
    got = answer_text(reply)
    for private in ("Xk93pq!z", "4821", "07700 900123", "dana.k@client.example"):
        assert private not in got
    assert "temporary password is [removed]" in got
    assert "[number]" in got
    assert "[address]" in got
    assert "Use the password reset page." in answer_text("Use the password reset page.")
