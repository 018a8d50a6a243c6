"""The labelled items as the evaluation reads them: the product's text, the held-back test
portion by the model's dev split, and the figures computed from them."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from triage.classify.data import is_dev, newest_text
from triage.reading import evaluate, labelled
from triage.reading.values import Ask, Deadline, TextReading

REPO = Path(__file__).resolve().parents[2]


def test_items_carry_the_products_text_and_the_dev_split_as_test(data_dir: Path) -> None:
    items = labelled.load(
        data_dir, REPO / labelled.CONSENSUS_DIR, REPO / "data" / "support_emails_synthetic"
    )
    # every consensus file: the four synthetic slices (1,280) and each twcs_*.jsonl batch
    consensus = REPO / labelled.CONSENSUS_DIR
    tweet_files = sorted(consensus.glob("twcs_*.jsonl"))
    n_tweets = sum(
        1 for f in tweet_files for line in f.read_text("utf-8").splitlines() if line.strip()
    )
    assert labelled.label_files(consensus)["twcs"] == tuple(f.stem for f in tweet_files)
    assert n_tweets >= 600
    assert len(items) == 1280 + n_tweets
    first = items[0]
    assert first.id == "it-0001"
    assert first.set == "synthetic"
    assert first.text == newest_text(first.text)  # already the newest text
    assert first.portion == (
        "test" if is_dev("priya.raman@kestrel-logistics.example") else "tuning"
    )
    tweets = [i for i in items if i.set == "twcs"]
    assert len(tweets) == n_tweets
    assert all(i.received.tzinfo is not None for i in tweets)
    test = [i for i in items if i.portion == "test"]
    assert 0.1 < len(test) / len(items) < 0.3  # the dev split's 20 %, by group


def test_later_tweet_batches_are_read_by_being_there(tmp_path: Path) -> None:
    for name in ("twcs_b", "twcs_a", "twcs_c", "notes", "it_helpdesk"):
        (tmp_path / f"{name}.jsonl").write_text("", "utf-8")
    files = labelled.label_files(tmp_path)
    assert files["twcs"] == ("twcs_a", "twcs_b", "twcs_c")
    assert files["synthetic"] == labelled.SETS["synthetic"]


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
