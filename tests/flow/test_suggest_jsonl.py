from __future__ import annotations

import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from triage.domain import Ask, Scores
from triage.errors import ConfigError
from triage.flow.decide import Decider
from triage.flow.suggest_jsonl import suggest_jsonl
from triage.reading.values import TextReading
from triage.replies.compose import composer_for
from triage.replies.config import ReplyConfig
from triage.replies.knowledge import KnowledgeBase
from triage.replies.values import SECTION_NAMES
from triage.route import RoutingPolicy

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def decider_for(config: ReplyConfig, kb: KnowledgeBase) -> Decider:
    return Decider(RoutingPolicy(), config.sla, composer_for(config, kb))


def fake_scorer(pairs: Sequence[tuple[str, str]]) -> list[Scores]:
    """Pure-logic fake: 'urgent' in the subject -> critical, '!!' in the text -> angry."""
    return [
        Scores(3 if "urgent" in s.lower() else 1, 0.0, 3 if "!!" in t else 0, 0.0, 0.0)
        for s, t in pairs
    ]


def test_one_suggestion_per_line_in_order(
    tmp_path: Path, reply_config: ReplyConfig, keyword_kb: KnowledgeBase
) -> None:
    lines = [
        {
            "id": "a",
            "subject": "paper jam",
            "body": "The printer has a paper jam again.\n\nThanks,\nAna Lima",
            "from_name": "",
            "from_email": "ana@x.example",
        },
        "this is not json",
        {
            "subject": "URGENT",
            "text": "Everything is down!!",
            "from_name": "Ana Lima",
            "from_email": "ANA@x.example",
        },
        [1, 2],
    ]
    path = tmp_path / "in.jsonl"
    path.write_text(
        "\n".join(json.dumps(x) if not isinstance(x, str) else x for x in lines) + "\n\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    written = suggest_jsonl(
        path,
        out,
        scorer=fake_scorer,
        decider=decider_for(reply_config, keyword_kb),
        now=NOW,
        batch_size=2,
    )
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert written == 2
    assert [r.get("id") for r in records] == ["a", None, "line-3", None]
    assert records[1] == {"line": 2, "error": records[1]["error"]}
    assert records[3]["error"] == "not a JSON object"

    first, third = records[0], records[2]
    for r in (first, third):
        assert r["order"] == list(SECTION_NAMES)  # a fault: acknowledge, plan, fix, close
        assert all(r[name] for name in SECTION_NAMES)
        assert r["text"] == "\n\n".join(r[name] for name in SECTION_NAMES)
        assert isinstance(r["findings"], list)
    assert first["kb_entry"] == "printer-jam"
    assert first["text"].startswith(("Hi Ana,", "Hello Ana,"))  # name from the signature
    assert "Thanks," not in first["acknowledge"]
    # the same sender's earlier line is about a paper jam: nothing to tell back about this
    assert third["repeat_contact"] is False
    assert "repeat contact" in " ".join(third["route_reasons"])  # routing still counts it
    assert third["escalated"] is True  # angry and critical
    assert third["frustration"] == 3


def test_missing_file_is_a_config_error(
    tmp_path: Path, reply_config: ReplyConfig, keyword_kb: KnowledgeBase
) -> None:
    with pytest.raises(ConfigError, match="cannot be read"):
        suggest_jsonl(
            tmp_path / "nope.jsonl",
            io.StringIO(),
            scorer=fake_scorer,
            decider=decider_for(reply_config, keyword_kb),
            now=NOW,
        )


class AskReader:
    """A text reader that reads every sentence ending in '?' as a question ask."""

    def read_many(self, items: Iterable[tuple[str, str, datetime]]) -> list[TextReading]:
        return [
            TextReading(
                asks=tuple(
                    Ask(q.strip() + "?", "question") for q in text.split("?")[:-1] if q.strip()
                ),
                deadline=None,
                tried=(),
                language="en",
                says_wrote_before=False,
            )
            for _, text, _ in items
        ]


def test_each_line_carries_the_kind_and_every_ask_with_its_answering_sentence(
    tmp_path: Path, reply_config: ReplyConfig, keyword_kb: KnowledgeBase
) -> None:
    line = {
        "id": "q",
        "subject": "billing",
        "body": "Do you offer any nonprofit discount? When will the new invoice arrive?",
        "from_name": "Ana Lima",
        "from_email": "ana@x.example",
    }
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    out = io.StringIO()
    decider = replace(decider_for(reply_config, keyword_kb), reader=AskReader())
    suggest_jsonl(path, out, scorer=fake_scorer, decider=decider, now=NOW)
    [record] = [json.loads(x) for x in out.getvalue().splitlines()]
    assert record["kind"] == "fault"  # no kind head in this kit: the fault shape
    assert [a["text"] for a in record["asks"]] == [
        "Do you offer any nonprofit discount?",
        "When will the new invoice arrive?",
    ]
    for ask in record["asks"]:
        assert ask["type"] == "question"
        assert ask["answer"]
        assert ask["answer"] in record["text"]
    assert record["answers"] == [[a["text"], a["answer"]] for a in record["asks"]]
    assert isinstance(record["agent_todo"], list)


def test_each_line_carries_its_candidate_fixes_with_their_source(tmp_path: Path) -> None:
    """As `triage suggest --jsonl` builds its decider: the knowledge base's candidates, with
    their text and source (no store: no learned cases)."""
    from triage.flow.runtime import make_decider
    from triage.settings import PathsSettings, Settings

    decider = make_decider(Settings(paths=PathsSettings(data_dir=tmp_path)), None, read_text=False)
    path = tmp_path / "in.jsonl"
    line = {"subject": "paper jam", "body": "The printer has a paper jam again. Ana"}
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    out = io.StringIO()
    suggest_jsonl(path, out, scorer=fake_scorer, decider=decider, now=NOW)
    [record] = [json.loads(x) for x in out.getvalue().splitlines()]
    fixes = record["fixes"]
    assert [f["ref"] for f in fixes] == record["candidates"]
    assert fixes[0]["ref"] == record["kb_entry"] == "printer-jam"
    assert fixes[0]["source"] == "KB printer-jam"
    assert {f["origin"] for f in fixes} == {"kb"}
    assert fixes[0]["text"].startswith("1. ")
    assert fixes[0]["text"].split("\n")[0] in record["fix"]  # the used entry's steps


def test_a_line_s_date_or_arrival_stands_in_for_the_date_header() -> None:
    from triage.flow.suggest_jsonl import email_from_record

    at = "2026-12-02T10:20:00+00:00"
    _, arrived = email_from_record({"body": "hi", "received": at}, 1)
    _, dated = email_from_record({"body": "hi", "date": "2026-12-02T09:00", "received": at}, 2)
    _, bare = email_from_record({"body": "hi", "received": "not a time"}, 3)
    assert arrived.date == datetime(2026, 12, 2, 10, 20, tzinfo=UTC)
    assert dated.date == datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
    assert bare.date is None
