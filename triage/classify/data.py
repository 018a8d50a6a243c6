"""Training and evaluation data: loaders for each set and the leak-free splits.

Every example carries the labels its source provides; a missing label is -1 and is
masked out of the loss (GoEmotions has only frustration, the complaints set only "upset").
Splits are by sender (synthetic) and by conversation (twcs), decided by a hash of the
group key, so they are stable across runs, machines and row order.
"""

from __future__ import annotations

import csv
import hashlib
import json
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from triage.classify.encoding import compose, newest_text
from triage.classify.labels import goemotions_frustration

SYNTHETIC_DIR = Path("data/support_emails_synthetic")
DEV_SHARE_PERCENT = 20
MISSING = -1


@dataclass(frozen=True, slots=True)
class Example:
    id: str
    subject: str
    text: str  # newest text only (quoted history stripped)
    urgency: int = MISSING
    frustration: int = MISSING
    not_customer: int = MISSING
    source: str = ""
    group: str = ""  # the split key: sender, conversation, ...


# Decision thresholds are tuned on these training-side groups, never on the dev split.
CALIB_SHARE_PERCENT = 12


def _bucket(group: str) -> int:
    digest = hashlib.sha256(group.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") % 100


def is_dev(group: str) -> bool:
    return _bucket(group) < DEV_SHARE_PERCENT


def is_calibration(group: str) -> bool:
    """A training-side group held back to tune decision thresholds (not a dev group)."""
    return DEV_SHARE_PERCENT <= _bucket(group) < DEV_SHARE_PERCENT + CALIB_SHARE_PERCENT


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _rows(path: Path) -> Iterable[dict[str, object]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _int(v: object) -> int:
    if isinstance(v, bool):
        return int(v)
    return int(v) if isinstance(v, int | float | str) else MISSING


def synthetic(directory: Path = SYNTHETIC_DIR) -> tuple[list[Example], list[Example]]:
    """(train, dev) of the 1,280 project-written emails, split by ``from_email``."""
    train: list[Example] = []
    dev: list[Example] = []
    for path in sorted(directory.glob("*.jsonl")):
        for r in _rows(path):
            sender = str(r["from_email"]).lower()
            ex = Example(
                id=str(r["id"]),
                subject=str(r.get("subject") or ""),
                text=newest_text(str(r.get("body") or "")),
                urgency=_int(r["urgency"]),
                frustration=_int(r["frustration"]),
                not_customer=_int(r["not_customer"]),
                source="synthetic",
                group=sender,
            )
            (dev if is_dev(sender) else train).append(ex)
    return train, dev


def twcs_conversations(csv_path: Path) -> dict[str, str]:
    """tweet id -> id of the conversation's first tweet (following in_response_to upward)."""
    parent: dict[str, str] = {}
    with csv_path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            parent[row["tweet_id"]] = row["in_response_to_tweet_id"]
    roots: dict[str, str] = {}
    for tid in parent:
        cur, seen = tid, set()
        # parents outside the 5,000 rows end the walk there: that tweet is the root we know
        while parent.get(cur) and parent[cur] in parent and cur not in seen:
            seen.add(cur)
            cur = parent[cur]
        roots[tid] = cur
    return roots


def twcs_silver(data_root: Path) -> tuple[list[Example], list[Example]]:
    """(train, dev) of the 2,150 real customer tweets with our silver labels, by conversation."""
    folder = data_root / "twcs_customer_support_twitter"
    roots = twcs_conversations(folder / "twcs_first5000_dev.csv")
    train: list[Example] = []
    dev: list[Example] = []
    for r in _rows(folder / "twcs_dev_customer_silver.jsonl"):
        tid = str(r["id"]).removeprefix("tw-")
        group = "twcs-" + roots.get(tid, tid)
        ex = Example(
            id=str(r["id"]),
            subject="",
            text=str(r["text"]),
            urgency=_int(r["urgency"]),
            frustration=_int(r["frustration"]),
            not_customer=_int(r["not_customer"]),
            source="twcs",
            group=group,
        )
        (dev if is_dev(group) else train).append(ex)
    return train, dev


def goemotions_emotions(data_root: Path, split: str) -> list[tuple[str, str, list[str]]]:
    """GoEmotions ``train`` or ``dev`` (never test) as (comment id, text, emotion names)."""
    if split not in ("train", "dev"):
        raise ValueError("only the GoEmotions train and dev splits may be used")
    folder = data_root / "goemotions"
    names = (folder / "labels.txt").read_text(encoding="utf-8").split()
    with (folder / f"{split}.tsv").open(encoding="utf-8", newline="") as fh:
        return [
            (cid, text, [names[int(i)] for i in ids.split(",")])
            for text, ids, cid in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        ]


def goemotions(data_root: Path, split: str) -> list[Example]:
    """GoEmotions ``train`` or ``dev`` (never test) with frustration mapped from emotions."""
    return [
        Example(
            id=f"ge-{cid}",
            subject="",
            text=text,
            frustration=goemotions_frustration(emotions),
            source="goemotions",
            group=cid,
        )
        for cid, text, emotions in goemotions_emotions(data_root, split)
    ]


def goemotions_sample(
    data_root: Path, n: int, seed: int, upset_share: float = 0.5, rounds: int = 1
) -> list[Example]:
    """``rounds`` seeded draws of ``n`` train comments each, concatenated in order.

    Upset comments are 17 % of the rows; each draw holds ``upset_share`` of them. Draws take
    comments no earlier draw took until a pool runs out, then start over on a reshuffled pool,
    so a fresh draw per epoch shows training as many distinct comments as there are.
    """
    rows = goemotions(data_root, "train")
    rng = random.Random(seed)
    k_upset = round(n * upset_share)
    upset = _cycle([e for e in rows if e.frustration > 0], rng)
    calm = _cycle([e for e in rows if e.frustration == 0], rng)
    out: list[Example] = []
    for _ in range(rounds):
        draw = [next(upset) for _ in range(k_upset)] + [next(calm) for _ in range(n - k_upset)]
        rng.shuffle(draw)
        out += draw
    return out


def _cycle(pool: list[Example], rng: random.Random) -> Iterator[Example]:
    while True:
        order = pool[:]
        rng.shuffle(order)
        yield from order


def complaints(data_root: Path) -> list[Example]:
    """Tweets to brands, complaint (frustration >= 1 expected) or not; brand domains only."""
    out: list[Example] = []
    path = data_root / "complaints_twitter" / "complaints-data.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        for tid, text, label, domain in csv.reader(fh):
            if domain.startswith("random_"):
                continue  # random tweets added as negatives say nothing about support mail
            out.append(
                Example(
                    id=f"cp-{tid}",
                    subject="",
                    text=text,
                    frustration=int(label),  # 0/1: complaint, compared as frustration >= 1
                    source="complaints",
                    group=domain,
                )
            )
    return out


def endava(data_root: Path) -> list[Example]:
    """Real IT tickets with operator urgency, converted to our direction (3 = most urgent).

    Only incidents (operator urgency 0-2) carry a real grading; requests are all "3" there.
    ``urgency`` here holds 2 - operator urgency for incidents and -1 for requests, and
    ``not_customer`` is reused as the incident flag (1 = incident) for the incident/request AUC.
    """
    out: list[Example] = []
    path = data_root / "endava_it_tickets" / "all_tickets_subset_dev.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        for i, row in enumerate(csv.DictReader(fh)):
            op = int(row["urgency"])
            incident = op <= 2
            out.append(
                Example(
                    id=f"en-{i}",
                    subject=row["title"],
                    text=row["body"],
                    urgency=2 - op if incident else MISSING,
                    not_customer=int(incident),
                    source="endava",
                    group=str(i),
                )
            )
    return out


def from_eval_row(row: dict[str, object], index: int) -> Example:
    """A row of an eval JSON-Lines file: subject+body (quotes stripped) or text."""
    if "text" in row and "body" not in row:
        subject, text = "", str(row["text"])
    else:
        subject, text = str(row.get("subject") or ""), newest_text(str(row.get("body") or ""))
    return Example(
        id=str(row.get("id", index)),
        subject=subject,
        text=text,
        urgency=_int(row.get("urgency", MISSING)),
        frustration=_int(row.get("frustration", MISSING)),
        not_customer=_int(row.get("not_customer", MISSING)),
        source="file",
    )


def model_text(ex: Example) -> str:
    return compose(ex.subject, ex.text)
