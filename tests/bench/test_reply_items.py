"""bench/reply_items.py: the fixed samples (seeded, dev only, first contact, brand-answered), the
A/B sides and where the files may go."""

from __future__ import annotations

import csv
import hashlib
from itertools import count
from pathlib import Path
from typing import Any

import pytest

from bench import reply_items as ri
from triage.classify.data import SYNTHETIC_DIR, is_dev, twcs_conversations

REPO = Path(__file__).resolve().parents[2]


def _addresses(dev: bool) -> list[str]:
    return [a for i in range(400) if is_dev(a := f"user{i}@x.example") == dev]


DEV, TRAIN = _addresses(True), _addresses(False)


def _email(ident: str, sender: str, not_customer: bool = False) -> dict[str, Any]:
    return {
        "id": ident,
        "subject": f"about {ident}",
        "from_name": "A Person",
        "from_email": sender,
        "body": f"body of {ident}",
        "not_customer": not_customer,
    }


def test_first_contact_is_the_senders_first_customer_email_in_id_order_dev_only() -> None:
    rows = [
        _email("it-0009", DEV[0]),
        _email("it-0002", DEV[0].upper()),  # same sender, any case; earlier id
        _email("it-0005", DEV[1], not_customer=True),  # an auto-reply: not a first contact
        _email("it-0007", DEV[1]),
        _email("it-0001", DEV[2], not_customer=True),  # a sender with no customer mail at all
        _email("it-0003", TRAIN[0]),  # training sender: never in the sample
    ]
    assert [r["id"] for r in ri.first_contacts(rows)] == ["it-0002", "it-0007"]


def test_the_train_split_draws_training_senders_only() -> None:
    rows = [_email("it-0001", DEV[0]), _email("it-0002", TRAIN[0]), _email("it-0003", TRAIN[1])]
    assert [r["id"] for r in ri.first_contacts(rows, ri.in_split("train"))] == [
        "it-0002",
        "it-0003",
    ]
    assert [r["id"] for r in ri.first_contacts(rows, ri.in_split("dev"))] == ["it-0001"]


def test_rubric_sample_is_seeded_and_sized() -> None:
    rows = [_email(f"s-{i:04d}", DEV[i]) for i in range(40)] + [
        _email(f"t-{i:04d}", TRAIN[i]) for i in range(40)
    ]
    a = ri.rubric_sample(rows, 20, seed=15)
    assert [r["id"] for r in a] == [r["id"] for r in ri.rubric_sample(list(reversed(rows)), 20, 15)]
    assert [r["id"] for r in a] != [r["id"] for r in ri.rubric_sample(rows, 20, 16)]
    assert len({r["id"] for r in a}) == 20
    assert all(r["id"].startswith("s-") for r in a)
    with pytest.raises(SystemExit, match="only 40"):
        ri.rubric_sample(rows, 41, 15)


def _dev_ids(dev: bool, start: int = 100) -> list[int]:
    return [i for i in range(start, start + 2000) if is_dev(f"twcs-{i}") == dev]


CSV_FIELDS = [
    "tweet_id",
    "author_id",
    "inbound",
    "created_at",
    "text",
    "response_tweet_id",
    "in_response_to_tweet_id",
]


def _write_twcs(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, CSV_FIELDS, quoting=csv.QUOTE_ALL)
        w.writeheader()
        w.writerows(rows)
    return path


def _tweet(
    tid: int,
    author: str,
    inbound: bool,
    text: str,
    responses: str = "",
    parent: str = "",
    minute: int = 0,
) -> dict[str, str]:
    return {
        "tweet_id": str(tid),
        "author_id": author,
        "inbound": str(inbound),
        "created_at": f"Tue Oct 31 22:{minute:02d}:00 +0000 2017",
        "text": text,
        "response_tweet_id": responses,
        "in_response_to_tweet_id": parent,
    }


def test_brand_answered_keeps_first_dev_customer_tweets_a_brand_answered(tmp_path: Path) -> None:
    dev, train = _dev_ids(True), _dev_ids(False)
    fresh = count(9000)
    d = iter(dev)
    ok, other_customer, gone, reply_inside, again, two = (next(d) for _ in range(6))
    t = train[0]
    b1, b2, b3, c1, b4, b5, b6, r1 = (next(fresh) for _ in range(8))
    rows = [
        # answered by a brand: kept, leading @mention stripped, entities unescaped
        _tweet(ok, "111", True, "@Brand my app crashes &amp; burns", f"{b1}"),
        _tweet(
            b1, "Brand", False, "@111 @222 Sorry &amp; thanks! DM us ^AB", parent=str(ok), minute=5
        ),
        # answered only by another customer: dropped
        _tweet(other_customer, "112", True, "@Brand hello?", f"{c1}"),
        _tweet(c1, "999", True, "@112 same here", parent=str(other_customer)),
        # the reply is outside the file: dropped
        _tweet(gone, "113", True, "@Brand anyone?", "77777"),
        # a tweet that answers something: not a first tweet
        _tweet(reply_inside, "114", True, "@Brand and then?", f"{b2}", parent=str(b2)),
        _tweet(b2, "Brand", False, "@114 Hi", parent=str(reply_inside)),
        # a training conversation: dropped
        _tweet(t, "115", True, "@Brand help", f"{b3}"),
        _tweet(b3, "Brand", False, "@115 Hi", parent=str(t)),
        # the same customer's second conversation: a repeat contact, dropped
        _tweet(again, "111", True, "@Brand me again", f"{b4}"),
        _tweet(b4, "Brand", False, "@111 Hi again", parent=str(again)),
        # two brand replies: the earliest is the one compared
        _tweet(two, "116", True, "@Brand two answers", f"{b5},{b6},{r1}"),
        _tweet(b5, "Brand", False, "@116 later answer", parent=str(two), minute=30),
        _tweet(b6, "Brand", False, "@116 first answer", parent=str(two), minute=10),
        _tweet(r1, "998", True, "@116 me too", parent=str(two), minute=1),
    ]
    assert ok < again  # the kept one is the customer's first
    path = _write_twcs(tmp_path / "twcs.csv", rows)
    got = ri.brand_answered(path)
    assert [(g.id, g.brand_reply) for g in got] == [
        (f"tw-{ok}", "Sorry & thanks! DM us ^AB"),
        (f"tw-{two}", "first answer"),
    ]
    assert got[0].text == "@Brand my app crashes & burns"
    assert (got[0].brand, got[0].brand_tweet_id, got[0].author) == ("Brand", str(b1), "111")


def test_ab_sample_seeded_and_sides_balanced() -> None:
    tweets = [ri.Tweet(f"tw-{i}", str(i), "t", "B", "r", str(i + 1)) for i in range(200)]
    a = ri.ab_sample(tweets, 80, 15)
    assert a == ri.ab_sample(tweets, 80, 15)
    assert a != ri.ab_sample(tweets, 80, 1)
    sides = ri.ab_order([t.id for t in a], 15)
    assert sides == ri.ab_order([t.id for t in a], 15)
    assert 25 <= sum(1 for s in sides.values() if s == "A") <= 55
    with pytest.raises(SystemExit):
        ri.ab_sample(tweets, 201, 15)


def test_ab_items_put_ours_on_the_keyed_side_and_say_nothing_of_it() -> None:
    tweets = [
        ri.Tweet("tw-1", "1", "help", "Brand", "DM us", "2"),
        ri.Tweet("tw-3", "3", "hey", "Brand", "Hi", "4"),
    ]
    items, key = ri.ab_items(
        tweets, {"tw-1": "OURS 1", "tw-3": "OURS 3"}, {"tw-1": "A", "tw-3": "B"}, "now"
    )
    assert (items[0]["reply_a"], items[0]["reply_b"]) == ("OURS 1", "DM us")
    assert (items[1]["reply_a"], items[1]["reply_b"]) == ("Hi", "OURS 3")
    assert set(items[0]) == {"id", "received", "customer_message", "reply_a", "reply_b"}
    assert [k["ours"] for k in key] == ["A", "B"]


def test_rubric_items_hold_the_email_as_written_and_the_draft_only() -> None:
    r = _email("it-0001", DEV[0])
    [item] = ri.rubric_items([r], {"it-0001": "Hi,\n\nDraft."}, "Friday")
    assert item == {
        "id": "it-0001",
        "received": "Friday",
        "from": f"A Person <{DEV[0]}>",
        "subject": "about it-0001",
        "email": "body of it-0001",
        "draft": "Hi,\n\nDraft.",
    }


def test_input_lines_are_the_suggest_jsonl_format() -> None:
    lines = ri.input_lines(
        [_email("it-1", DEV[0])], [ri.Tweet("tw-5", "77", "hi", "B", "r", "6")], "T"
    )
    assert lines[0] == {
        "id": "it-1", "subject": "about it-1", "body": "body of it-1",
        "from_name": "A Person", "from_email": DEV[0], "received": "T",
    }  # fmt: skip
    assert lines[1]["text"] == "hi"
    assert lines[1]["from_email"] == "twcs-77@twitter.invalid"


def test_second_subset_is_seeded_and_inside() -> None:
    ids = [f"i{k}" for k in range(100)]
    s = ri.second_subset(ids, 25, 15)
    assert s == ri.second_subset(ids, 25, 15)
    assert len(set(s)) == 25
    assert set(s) <= set(ids)


def test_out_dir_must_be_ignored_by_git_and_free_of_verdicts(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="not git-ignored"):
        ri.check_out_dir(REPO / "bench" / "judge-here", force=False)
    ri.check_out_dir(REPO / "var" / "judge" / "x", force=False)
    ri.check_out_dir(tmp_path / "new", force=False)
    (tmp_path / "rubric_verdicts.jsonl").write_text("{}\n")
    with pytest.raises(SystemExit, match="already holds verdicts"):
        ri.check_out_dir(tmp_path, force=False)
    ri.check_out_dir(tmp_path, force=True)


# ---- on the real data: the fixed samples ----------------------------------------------------

# sha256 of the sampled ids in order, default seed: a change here means runs no longer compare
RUBRIC_IDS_SHA = "2584f52537216fdf"
AB_IDS_SHA = "ac4f9c685709f96a"


def _sha(ids: list[str]) -> str:
    return hashlib.sha256("\n".join(ids).encode()).hexdigest()[:16]


def test_real_rubric_sample_is_fixed_dev_first_contacts() -> None:
    rows = ri.synthetic_rows(REPO / SYNTHETIC_DIR)
    sample = ri.rubric_sample(rows, ri.RUBRIC_N, ri.SEED)
    assert len(sample) >= 100
    assert all(is_dev(r["from_email"].lower()) and not r["not_customer"] for r in sample)
    senders = [r["from_email"].lower() for r in sample]
    assert len(set(senders)) == len(senders)
    for r in sample:  # no earlier customer email from the same sender
        same = [
            x
            for x in rows
            if x["from_email"].lower() == r["from_email"].lower() and not x["not_customer"]
        ]
        assert min(x["id"] for x in same) == r["id"]
    assert _sha([r["id"] for r in sample]) == RUBRIC_IDS_SHA


def test_real_ab_sample_is_fixed_brand_answered_dev_tweets(data_dir: Path) -> None:
    path = data_dir / ri.TWCS_CSV
    roots = twcs_conversations(path)
    with path.open(encoding="utf-8", newline="") as fh:
        rows = {r["tweet_id"]: r for r in csv.DictReader(fh)}
    sample = ri.ab_sample(ri.brand_answered(path), ri.AB_N, ri.SEED)
    assert len(sample) >= 80
    for t in sample:
        tid = t.id.removeprefix("tw-")
        assert rows[tid]["inbound"] == "True"
        assert not rows[tid]["in_response_to_tweet_id"]
        assert is_dev("twcs-" + roots[tid])
        brand = rows[t.brand_tweet_id]
        assert brand["inbound"] == "False"
        assert brand["in_response_to_tweet_id"] == tid
    assert _sha([t.id for t in sample]) == AB_IDS_SHA
