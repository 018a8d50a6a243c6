"""The labelled reading items (``data/reading/consensus``) joined with the text the product
reads for them, and the portion each belongs to.

The text is the product's: ``newest_text(body)`` for a synthetic email (subject apart), the
tweet for twcs, exactly as ``triage.classify.data`` builds them. The test portion is the
model's dev split (``is_dev`` of the sender, or of "twcs-" + the conversation root), so a
sender or a conversation is never on both sides; every rule of the reader is tuned on the
other portion only.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from triage.classify import data as ds
from triage.domain import Ask, Deadline, Reading
from triage.reading.spans import read_labels, tweets

CONSENSUS_DIR = Path("data/reading/consensus")
SETS: dict[str, tuple[str, ...]] = {
    "synthetic": ("it_helpdesk", "saas_vendor", "home_isp", "msp_clients"),
    "twcs": ("twcs_a", "twcs_b"),  # the first batches; load() reads every twcs_*.jsonl there
}
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


def label_files(consensus_dir: Path = CONSENSUS_DIR) -> dict[str, tuple[str, ...]]:
    """The batches to read, per set: the four synthetic slices, and every ``twcs_*.jsonl`` in
    ``consensus_dir`` (later tweet batches join by being there), in name order."""
    twcs = tuple(sorted(p.stem for p in consensus_dir.glob("twcs_*.jsonl")))
    return {"synthetic": SETS["synthetic"], "twcs": twcs}


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
    for name, batches in label_files(consensus_dir).items():
        for batch in batches:
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


def _list(v: object) -> list[object]:
    return list(v) if isinstance(v, list) else []


def readings(
    batches: tuple[str, ...] = SETS["synthetic"],
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
    for batch in batches:
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
