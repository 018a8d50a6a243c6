"""Learn the deadline scorer's weights from the tuning portion of the reading labels.

    python scripts/reading_deadline_train.py [--write] [--c 1.0] [--max-false 0.05] [--misses F]

Every DATE / TIME candidate of every tuning item (``deadline.candidates``) is one row: its
features (``deadline_features``) and whether its phrase agrees with the labelled deadline
(``score.phrases_agree``, the rule the figures use). A logistic regression scores them; an
email's deadline is its best candidate when that one's probability reaches the threshold.

Printed: grouped 5-fold cross-validation on the tuning portion (folds by the split key:
sender for the synthetic emails, conversation for twcs, so no sender is on both sides), the
found / false figures at each threshold, and the threshold chosen: the one that finds the
most with false deadlines at most ``--max-false`` in cross-validation, in each set
(synthetic emails, tweets) alike. ``--write`` fits on
the whole tuning portion and writes ``triage/reading/deadline_weights.json``. The test
portion is never loaded.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from triage.reading import deadline, labelled  # noqa: E402
from triage.reading.asks import find_asks  # noqa: E402
from triage.reading.deadline_features import NAMES  # noqa: E402
from triage.reading.reader import MAX_CHARS, TextReader, ask_spans  # noqa: E402
from triage.reading.score import phrases_agree  # noqa: E402

WEIGHTS = REPO / "triage" / "reading" / "deadline_weights.json"
THRESHOLDS = [round(0.01 * k, 2) for k in range(10, 91)]


def rows(
    items: list[labelled.LabelledItem],
) -> tuple[np.ndarray, np.ndarray, list[int], list[str]]:
    """Features, label, item index and phrase of every candidate, as the reader finds them
    (automated and foreign mail has none)."""
    reader = TextReader(ZoneInfo("Europe/London"))
    docs = reader.english_docs([(i.subject, i.text, i.received) for i in items])
    x: list[list[float]] = []
    y: list[int] = []
    owner: list[int] = []
    phrases: list[str] = []
    for i, doc in sorted(docs.items()):
        text = items[i].text[:MAX_CHARS]
        spans = ask_spans(text, find_asks(doc, text))
        for cand in deadline.candidates(doc, text, spans):
            x.append(list(cand.features))
            y.append(int(phrases_agree(cand.phrase, items[i].deadline)))
            owner.append(i)
            phrases.append(cand.phrase)
    return np.array(x), np.array(y), owner, phrases


def outcome(
    items: list[labelled.LabelledItem],
    owner: list[int],
    prob: np.ndarray,
    phrases: list[str],
    threshold: float,
) -> tuple[float, float, float]:
    """(found, false, worst false of one set) when each item takes its most probable
    candidate at ``threshold``. The worst set's false rate is what the threshold is held
    to: the many short tweets without a deadline would otherwise hide the emails' false
    deadlines in the overall rate."""
    best: dict[int, int] = {}
    for k, i in enumerate(owner):
        if i not in best or prob[k] > prob[best[i]]:
            best[i] = k
    found = 0
    false: dict[str, int] = {}
    none: dict[str, int] = {}
    for i, it in enumerate(items):
        k = best.get(i)
        phrase = phrases[k] if k is not None and prob[k] >= threshold else None
        if it.deadline:
            found += phrase is not None and phrases_agree(phrase, it.deadline)
        else:
            false[it.set] = false.get(it.set, 0) + (phrase is not None)
            none[it.set] = none.get(it.set, 0) + 1
    gold = sum(1 for it in items if it.deadline)
    worst = max(false[s] / none[s] for s in none)
    return found / gold, sum(false.values()) / sum(none.values()), worst


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--write", action="store_true", help="write deadline_weights.json")
    ap.add_argument("--c", type=float, default=1.0, help="inverse L2 strength")
    ap.add_argument("--max-false", type=float, default=0.05)
    ap.add_argument("--misses", type=Path, help="write the cross-validated misses here")
    labelled.add_consensus_argument(ap, REPO)
    args = ap.parse_args()
    data = labelled.data_root(REPO)
    items = [
        i
        for i in labelled.load(data, args.consensus, REPO / "data" / "support_emails_synthetic")
        if i.portion == "tuning"
    ]
    x, y, owner, phrases = rows(items)
    groups = np.array([items[i].group for i in owner])
    print(f"{len(items)} tuning items, {len(y)} candidates, {int(y.sum())} agree with the label")
    prob = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=5).split(x, y, groups):
        model = LogisticRegression(C=args.c, max_iter=2000, fit_intercept=False)
        model.fit(x[train], y[train])
        prob[test] = model.predict_proba(x[test])[:, 1]
    print("grouped 5-fold CV on the tuning portion: threshold found false worst-set-false")
    chosen, chosen_found = THRESHOLDS[-1], -1.0
    for t in THRESHOLDS:
        found, false, worst = outcome(items, owner, prob, phrases, t)
        print(f"  {t:4.2f} {found:.3f} {false:.3f} {worst:.3f}")
        if worst <= args.max_false and found > chosen_found:
            chosen, chosen_found = t, found
    print(f"chosen threshold {chosen} (CV found {chosen_found:.3f})")
    if args.misses:
        write_misses(items, owner, prob, phrases, y, chosen, args.misses)
    model = LogisticRegression(C=args.c, max_iter=2000, fit_intercept=False).fit(x, y)
    weights = {n: round(float(w), 4) for n, w in zip(NAMES, model.coef_[0], strict=True)}
    for n, w in sorted(weights.items(), key=lambda kv: -abs(kv[1])):
        print(f"  {n:16} {w:+.3f}")
    if args.write:
        out = {
            "about": "deadline scorer: logistic regression over deadline_features.NAMES, "
            "fitted by scripts/reading_deadline_train.py on the tuning portion only",
            "c": args.c,
            "threshold": chosen,
            "logit_threshold": round(math.log(chosen / (1 - chosen)), 4),
            "weights": weights,
        }
        WEIGHTS.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS.relative_to(REPO)}")


def write_misses(
    items: list[labelled.LabelledItem],
    owner: list[int],
    prob: np.ndarray,
    phrases: list[str],
    y: np.ndarray,
    threshold: float,
    out: Path,
) -> None:
    """The tuning items the cross-validated scorer gets wrong, each candidate with its
    out-of-fold probability and whether it agrees with the label."""
    best: dict[int, int] = {}
    for k, i in enumerate(owner):
        if i not in best or prob[k] > prob[best[i]]:
            best[i] = k
    right = sum(1 for i, k in best.items() if items[i].deadline and y[k])
    reachable = len({owner[k] for k in range(len(y)) if y[k]})
    print(f"best candidate agrees with the label in {right} of {reachable} items where one does")
    with out.open("w", encoding="utf-8") as fh:
        for i, it in enumerate(items):
            k = best.get(i)
            pred = phrases[k] if k is not None and prob[k] >= threshold else None
            if phrases_agree(pred, it.deadline):
                continue
            fh.write(f"=== {it.id} gold={it.deadline!r} pred={pred!r}\n{it.text[:1500]}\n")
            for c, o in enumerate(owner):
                if o == i:
                    fh.write(f"   {prob[c]:.2f} y={y[c]} {phrases[c]!r}\n")


if __name__ == "__main__":
    main()
