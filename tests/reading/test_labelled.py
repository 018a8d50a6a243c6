"""The labelled items as the evaluation reads them: the product's text, the held-back test
portion by the model's dev split, and the figures computed from them."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from triage.classify.data import is_dev, newest_text
from triage.reading import evaluate, labelled
from triage.reading.values import Ask, Deadline, TextReading

REPO = Path(__file__).resolve().parents[2]


def test_items_carry_the_products_text_and_the_dev_split_as_test(data_dir: Path) -> None:
    items = labelled.load(
        data_dir, REPO / labelled.CONSENSUS_DIR, REPO / "data" / "support_emails_synthetic"
    )
    consensus = sorted((REPO / labelled.CONSENSUS_DIR).glob("*.jsonl"))
    rows = sum(len(p.read_text("utf-8").splitlines()) for p in consensus)
    assert len(items) == rows >= 1880  # every consensus file, new twcs batches included
    first = items[0]
    assert first.id == "it-0001"
    assert first.set == "synthetic"
    assert first.text == newest_text(first.text)  # already the newest text
    assert first.portion == (
        "test" if is_dev("priya.raman@kestrel-logistics.example") else "tuning"
    )
    tweets = [i for i in items if i.set == "twcs"]
    assert len(tweets) == len(items) - 1280 >= 600
    assert all(i.received.tzinfo is not None for i in tweets)
    test = [i for i in items if i.portion == "test"]
    assert 0.1 < len(test) / len(items) < 0.3  # the dev split's 20 %, by group


def test_every_twcs_file_is_a_batch_and_an_unknown_file_is_an_error(tmp_path: Path) -> None:
    for name in ("tweets_b", "home_isp", "tweets_c", "tweets_a", "it_helpdesk"):
        (tmp_path / f"{name}.jsonl").write_text("", encoding="utf-8")
    assert labelled.batches(tmp_path) == {
        "synthetic": ("it_helpdesk", "home_isp"),
        "twcs": ("tweets_a", "tweets_b", "tweets_c"),
    }
    (tmp_path / "notes.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(ValueError, match="notes"):
        labelled.batches(tmp_path)


def _item(
    asks: tuple[str, ...], deadline: str | None, kind: str = "fault"
) -> labelled.LabelledItem:
    return labelled.LabelledItem(
        id="x",
        set="synthetic",
        portion="tuning",
        subject="",
        text="",
        received=datetime(2026, 12, 2, tzinfo=UTC),
        asks=asks,
        deadline=deadline,
        tried=("restarted the router",),
        language="en",
        kind=kind,
    )


def _reading(asks: tuple[str, ...], deadline: str | None) -> TextReading:
    return TextReading(
        asks=tuple(Ask(a, "request") for a in asks),
        deadline=Deadline(deadline, None) if deadline else None,
        tried=("I restarted the router",),
        language="en",
        says_wrote_before=False,
    )


def test_figures() -> None:
    items = [
        _item(("call me today",), "today"),
        _item((), None),
        _item(("fix it",), None, kind="chase"),
    ]
    readings = [
        _reading(("please call me today", "and send a tech"), "by 5pm today"),
        _reading((), "Friday"),
        _reading((), None),
    ]
    f = evaluate.figures(items, readings)
    assert (f.ask_p, f.ask_r) == (0.5, 0.5)
    assert f.deadline_gold == 1
    assert f.deadline_found == 1.0
    assert f.deadline_false == 0.5
    assert f.tried_f1 == 1.0
    assert f.language == 1.0
    assert f.wrote_before_chase == 0.0
    assert evaluate.row("tuning", "all", f).startswith("tuning   all")
