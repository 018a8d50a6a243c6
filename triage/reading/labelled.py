"""The labelled reading items (``data/reading/consensus``) joined with the text the product
reads for them, and the portion each belongs to.

The text is the product's: ``newest_text(body)`` for a synthetic email (subject apart), the
tweet for twcs, exactly as ``triage.classify.data`` builds them. The test portion is the
model's dev split (``is_dev`` of the sender, or of "twcs-" + the conversation root), so a
sender or a conversation is never on both sides; every rule of the reader is tuned on the
other portion only.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from triage.classify import data as ds
from triage.domain import Ask, Deadline, Reading
from triage.reading.spans import read_labels, tweets

CONSENSUS_DIR = Path("data/reading/consensus")
# The synthetic emails' four slices; every other consensus file is a twcs batch
# (``tweets_<letter>.jsonl``), read wherever it appears (``batches``), so a new batch counts in
# the figures without a code change.
SYNTHETIC_BATCHES = ("it_helpdesk", "saas_vendor", "home_isp", "msp_clients")
TWCS_PREFIX = "tweets_"
# The synthetic emails carry no date; any fixed weekday morning does for the phrase-level
# scores (the labels hold phrases, not resolved times).
SYNTHETIC_RECEIVED = datetime(2026, 12, 2, 9, 30, tzinfo=UTC)
Portion = Literal["tuning", "test"]


@dataclass(frozen=True, slots=True)
class LabelledItem:
    id: str
    set: str  # "synthetic" | "twcs"
    portion: Portion
    subject: str
    text: str
    received: datetime
    asks: tuple[str, ...]
    deadline: str | None
    tried: tuple[str, ...]
    language: str
    kind: str = ""
    scope: str = ""
    security: bool = False
    group: str = ""  # the split key: sender, or "twcs-" + conversation root

    @property
    def test(self) -> bool:
        return self.portion == "test"


def _jsonl(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _tweet_times(csv_path: Path) -> dict[str, datetime]:
    with csv_path.open(encoding="utf-8", newline="") as fh:
        return {
            r["tweet_id"]: datetime.strptime(r["created_at"], "%a %b %d %H:%M:%S %z %Y")
            for r in csv.DictReader(fh)
        }


def load(
    data_root: Path,
    consensus_dir: Path = CONSENSUS_DIR,
    synthetic_dir: Path = ds.SYNTHETIC_DIR,
) -> list[LabelledItem]:
    """Every labelled item, in file order, synthetic first."""
    train, dev = ds.synthetic(synthetic_dir)
    tw_train, tw_dev = ds.twcs_silver(data_root)
    examples = {e.id: e for e in (*train, *dev, *tw_train, *tw_dev)}
    texts = tweets(data_root)
    times = _tweet_times(data_root / "twcs_customer_support_twitter" / "twcs_first5000_dev.csv")
    out: list[LabelledItem] = []
    for name, names in batches(consensus_dir).items():
        for batch in names:
            for row in read_labels(consensus_dir / f"{batch}.jsonl", texts):
                ex = examples[str(row["id"])]
                tid = ex.id.removeprefix("tw-")
                deadline = row.get("deadline")
                out.append(
                    LabelledItem(
                        id=ex.id,
                        set=name,
                        portion="test" if ds.is_dev(ex.group) else "tuning",
                        subject=ex.subject,
                        text=ex.text,
                        received=times.get(tid, SYNTHETIC_RECEIVED)
                        if name == "twcs"
                        else SYNTHETIC_RECEIVED,
                        asks=tuple(str(a) for a in _list(row.get("asks"))),
                        deadline=str(deadline) if deadline else None,
                        tried=tuple(str(t) for t in _list(row.get("tried"))),
                        language=str(row.get("language") or ""),
                        kind=str(row.get("kind") or ""),
                        scope=str(row.get("scope") or ""),
                        security=bool(row.get("security_flag")),
                        group=ex.group,
                    )
                )
    return out


def data_root(repo: Path) -> Path:
    """Where the shared data sets are: ``$TRIAGE_PATHS_DATA_SETS``, else ../shared/data beside
    the checkout ``repo`` (the scripts' and benches' one rule)."""
    return Path(os.environ.get("TRIAGE_PATHS_DATA_SETS") or repo.parent / "shared" / "data")


def add_consensus_argument(ap: argparse.ArgumentParser, repo: Path) -> None:
    """``--consensus DIR`` for a script that reads the labels (default: the repository's)."""
    ap.add_argument(
        "--consensus",
        type=Path,
        default=repo / CONSENSUS_DIR,
        help="the consensus label files (every *.jsonl there is read)",
    )


def batches(consensus_dir: Path = CONSENSUS_DIR) -> dict[str, tuple[str, ...]]:
    """The label files of ``consensus_dir`` by set: the synthetic slices in their fixed order,
    then every ``tweets_*.jsonl`` (the twcs batches) in name order (a, b, c, ...). A file that is neither is an
    error rather than silently left out of the figures."""
    stems = sorted(p.stem for p in consensus_dir.glob("*.jsonl"))
    twcs = tuple(s for s in stems if s.startswith(TWCS_PREFIX))
    other = sorted(set(stems) - set(twcs) - set(SYNTHETIC_BATCHES))
    if other:
        raise ValueError(f"unknown consensus files in {consensus_dir}: {other}")
    synthetic = tuple(s for s in SYNTHETIC_BATCHES if s in stems)
    return {"synthetic": synthetic, "twcs": twcs}


def _list(v: object) -> list[object]:
    return list(v) if isinstance(v, list) else []


def readings(
    names: tuple[str, ...] = SYNTHETIC_BATCHES,
    consensus_dir: Path = CONSENSUS_DIR,
    *,
    received: datetime = SYNTHETIC_RECEIVED,
    zone: str = "Europe/London",
    data_root: Path | None = None,
) -> dict[str, Reading]:
    """The consensus labels as the product's Reading values, by item id (for the reply tests and
    the compose bench): sure kinds (p 1.0), an ask's type from its question mark, the deadline
    phrase resolved from ``received`` in ``zone`` as the reader would, and no prior contact.
    Tweet batches need ``data_root`` (their labels are spans into the tweets)."""
    from zoneinfo import ZoneInfo

    from triage.reading.dates import DateResolver

    resolver = DateResolver(ZoneInfo(zone))
    texts = tweets(data_root) if data_root is not None else {}
    out: dict[str, Reading] = {}
    for batch in names:
        for row in read_labels(consensus_dir / f"{batch}.jsonl", texts):
            phrase = row.get("deadline")
            asks = tuple(str(a) for a in _list(row.get("asks")))
            out[str(row["id"])] = Reading(
                kind=str(row.get("kind") or ""),
                kind_p=1.0,
                security=bool(row.get("security_flag")),
                scope=str(row.get("scope") or ""),
                scope_words=(),
                asks=tuple(
                    Ask(a, "question" if a.rstrip().endswith("?") else "request") for a in asks
                ),
                deadline=(
                    Deadline(str(phrase), resolver.resolve(str(phrase), received))
                    if phrase
                    else None
                ),
                tried=tuple(str(t) for t in _list(row.get("tried"))),
                language=str(row.get("language") or ""),
                prior_contact=0,
                says_wrote_before=False,
            )
    return out
