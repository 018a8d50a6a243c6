"""What the reading does to urgency: QWK of the model's urgency against the gold labels, before
and after routing raises it for a whole site, everyone, security or a deadline (route.py's
``urgency_floor``), on the synthetic and twcs dev sets, in one run.

    python bench/reading_routing.py [--data ../shared/data] [--json]

The dev emails carry no dates, so each is taken as received on a Monday at 10:00 in the desk's
zone (a deadline such as "by 2pm" is then four hours away). Not-customer rows are left out
(routing ignores them). The decision it informs: keep ``[routing] reading_raises_urgency``
only if the after-figure is not lower than the before-figure on both sets.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from triage.classify import data as ds  # noqa: E402
from triage.classify.evaluate import qwk  # noqa: E402
from triage.domain import History  # noqa: E402
from triage.flow.decide import reading_of  # noqa: E402
from triage.flow.runtime import load_classifier  # noqa: E402
from triage.reading.reader import TextReader  # noqa: E402
from triage.route import READING_RULES as RULES  # noqa: E402
from triage.route import urgency_floor  # noqa: E402
from triage.settings import ModelSettings, Settings  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    settings = Settings(model=ModelSettings(cache_dir=REPO / "var" / "model-cache"))
    sla = settings.sla
    received = datetime(2026, 11, 23, 10, 0, tzinfo=sla.zone)  # a Monday morning
    clf = load_classifier(settings)
    reader = TextReader(sla.zone)
    sets = {
        "synthetic_dev": ds.synthetic(REPO / ds.SYNTHETIC_DIR)[1],
        "twcs_dev": ds.twcs_silver(args.data)[1],
    }
    result: dict[str, dict[str, object]] = {}
    for name, rows in sets.items():
        rows = [r for r in rows if r.not_customer != 1 and r.urgency >= 0]
        items = [(r.subject, r.text) for r in rows]
        scores = clf.classify(items)
        texts = reader.read_many([(s, t, received) for s, t in items])
        gold = [r.urgency for r in rows]
        before = [sc.urgency for sc in scores]
        readings = [
            reading_of(sc.guess, tx, History()) for sc, tx in zip(scores, texts, strict=True)
        ]
        out: dict[str, object] = {"n": len(rows), "qwk_before": round(qwk(gold, before), 3)}
        for rules in (RULES, *((r,) for r in RULES)):
            after = [
                max(b, urgency_floor(rd, received, sla, rules)[0]) if rd else b
                for b, rd in zip(before, readings, strict=True)
            ]
            ups = [(g, b, a) for g, b, a in zip(gold, before, after, strict=True) if a > b]
            out["+".join(rules)] = {
                "qwk_after": round(qwk(gold, after), 3),
                "raised": len(ups),
                "closer_to_gold": sum(1 for g, b, a in ups if abs(a - g) < abs(b - g)),
                "further_from_gold": sum(1 for g, b, a in ups if abs(a - g) > abs(b - g)),
            }
        result[name] = out
    # keep a rule only where it helps or is neutral on both dev sets
    keep = [
        r
        for r in RULES
        if all(v[r]["qwk_after"] >= v["qwk_before"] for v in result.values())  # type: ignore[index]
    ]
    result["keep"] = {"rules": keep}
    if args.json:
        print(json.dumps(result))
    else:
        for name, v in result.items():
            print(name, " ".join(f"{k} {x}" for k, x in v.items()))


if __name__ == "__main__":
    main()
