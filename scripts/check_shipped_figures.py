"""Check that the shipped urgency / frustration / not-customer figures are unchanged.

    python scripts/check_shipped_figures.py [--data ../shared/data]

Scores every dev set of the model card through the shipped path (ONNX int8, the graph as
``export.py`` builds it now) and compares each headline figure with the one recorded in
``models/meta.json`` when the model was accepted. Exits 1 when any figure differs, so a change
to the export (extra outputs, a new recipe) cannot move the accepted model's figures unseen.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def main() -> int:
    from triage.classify import artifact as art
    from triage.classify import suite
    from triage.classify.model import Classifier

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--model", type=Path, default=REPO / "models")
    args = ap.parse_args()
    recorded = art.load(args.model).meta["metrics"]["headline"]["int8"]
    clf = Classifier.load(args.model, cache_dir=REPO / "var" / "model-cache")
    sets = suite.eval_sets(args.data, REPO, quick=False, seed=0)
    now = suite.headline(suite.evaluate_all(clf, sets))
    rows = {k: {"recorded": recorded[k], "now": now.get(k)} for k in sorted(recorded)}
    changed = [k for k, v in rows.items() if v["now"] != v["recorded"]]
    print(json.dumps({"graph": clf.graph, "figures": rows, "changed": changed}, indent=2))
    return 1 if changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
