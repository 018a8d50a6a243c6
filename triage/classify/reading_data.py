"""The labelled reading data (data/reading/consensus/): kind, scope, security per item, joined
to the text the product reads, with the group key that decides the held-back test portion.

Test portion = the model's dev groups (``data.is_dev``: sender for the synthetic emails,
conversation for twcs), so no sender or conversation is on both sides and nothing tuned here
looks at it. The rest is the training portion.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from triage.classify import data as ds
from triage.classify.encoding import newest_text

READING_DIR = Path("data/reading/consensus")
KINDS = (
    "fault",
    "outage",
    "request",
    "question",
    "chase",
    "policy_complaint",
    "feedback",
    "security",
)
SCOPES = ("one", "team", "site", "everyone", "na")
SYNTHETIC_BATCHES = ("it_helpdesk", "saas_vendor", "home_isp", "msp_clients")
TWCS_BATCHES = ("twcs_a", "twcs_b")


@dataclass(frozen=True, slots=True)
class ReadingExample:
    id: str
    source: str  # "synthetic" | "twcs"
    group: str
    subject: str
    text: str  # the newest text, as the product reads it
    kind: str  # one of KINDS, or "not_customer"
    scope: str
    security: bool
    asks: tuple[str, ...]
    deadline: str | None
    tried: tuple[str, ...]
    language: str

    @property
    def test(self) -> bool:
        return ds.is_dev(self.group)


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def load(repo_root: Path, data_root: Path) -> list[ReadingExample]:
    """Every labelled item with its text and group (synthetic emails, then tweets)."""
    emails = {
        str(r["id"]): r
        for p in sorted((repo_root / ds.SYNTHETIC_DIR).glob("*.jsonl"))
        for r in _lines(p)
    }
    folder = data_root / "twcs_customer_support_twitter"
    tweets = {str(r["id"]): r for r in _lines(folder / "twcs_dev_customer_silver.jsonl")}
    roots = ds.twcs_conversations(folder / "twcs_first5000_dev.csv")
    out: list[ReadingExample] = []
    for batch in (*SYNTHETIC_BATCHES, *TWCS_BATCHES):
        for lab in _lines(repo_root / READING_DIR / f"{batch}.jsonl"):
            ident = str(lab["id"])
            if batch in SYNTHETIC_BATCHES:
                e = emails[ident]
                source, group = "synthetic", str(e["from_email"]).lower()
                subject, text = str(e.get("subject") or ""), newest_text(str(e.get("body") or ""))
            else:
                tid = ident.removeprefix("tw-")
                source, group = "twcs", "twcs-" + roots.get(tid, tid)
                subject, text = "", str(tweets[ident]["text"])
            deadline = lab.get("deadline")
            out.append(
                ReadingExample(
                    id=ident,
                    source=source,
                    group=group,
                    subject=subject,
                    text=text,
                    kind=str(lab["kind"]),
                    scope=str(lab["scope"]),
                    security=bool(lab["security_flag"]),
                    asks=tuple(str(a) for a in lab.get("asks") or ()),  # type: ignore[attr-defined]
                    deadline=str(deadline) if deadline else None,
                    tried=tuple(str(t) for t in lab.get("tried") or ()),  # type: ignore[attr-defined]
                    language=str(lab.get("language") or "en"),
                )
            )
    return out
