"""How much the figures move between seeds of the same recipe, recorded in the shipped meta.

The dev sets are small (267 synthetic emails, 399 tweets), so one run's figures can sit a few
points from the recipe's typical result. Re-runs of the shipped recipe with other seeds are
scored through the shipped path (int8) on the same sets, and their figures are stored next to
the shipped run's so the model card can show the spread instead of one lucky (or unlucky) draw.
"""

from __future__ import annotations

from pathlib import Path
from statistics import median
from typing import Any

from triage.classify import artifact as art
from triage.errors import ConfigError

# Settings that may differ between runs of "the same recipe".
RUN_ONLY = frozenset({"threads"})


def _recipe(meta: dict[str, Any]) -> dict[str, Any]:
    cfg = meta.get("train_config", {})
    return {k: v for k, v in cfg.items() if k not in RUN_ONLY}


def check_same_recipe(shipped: dict[str, Any], run: dict[str, Any], where: Path) -> None:
    """Refuse a run trained with another recipe (or the same seed): its spread would mislead."""
    ours, theirs = _recipe(shipped), _recipe(run)
    differ = sorted(k for k in ours.keys() | theirs.keys() if ours.get(k) != theirs.get(k))
    if differ:
        raise ConfigError(
            f"{where} was trained with another recipe (differs in {', '.join(differ)}); "
            "retrain it with the shipped recipe and another --seed"
        )
    if run.get("data_sha256") != shipped.get("data_sha256"):
        raise ConfigError(f"{where} was trained on other data (data hashes differ)")
    if run.get("seed") == shipped.get("seed"):
        raise ConfigError(f"{where} has the shipped model's seed {run.get('seed')}; use another")
    if run.get("quick") or shipped.get("quick"):
        raise ConfigError(f"{where}: --quick runs say nothing about the recipe's spread")
    if not run.get("metrics"):
        # an uncalibrated run decodes levels by another rule than the shipped one, so its
        # figures would differ for that reason alone (seen: upset F1 0.51 vs 0.59 rounded)
        raise ConfigError(
            f"{where} was never calibrated and evaluated (its training did not finish); "
            "rerun `triage train --seed N --out DIR` to the end"
        )


def spread(runs: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
    """Per figure: min, median and max over the runs (figures every run has)."""
    keys = set.intersection(*(set(v) for v in runs.values())) if runs else set()
    return {
        k: {
            "min": min(r[k] for r in runs.values()),
            "median": round(median(r[k] for r in runs.values()), 4),
            "max": max(r[k] for r in runs.values()),
        }
        for k in sorted(keys)
    }


def record_seed_runs(model_dir: Path, run_dirs: list[Path], data_dir: Path) -> dict[str, Any]:
    """Score each run through the shipped path and store every seed's figures in the meta."""
    from triage.classify import suite
    from triage.classify.model import Classifier
    from triage.classify.recipe import REPO_ROOT

    shipped = art.load(model_dir)
    own = shipped.meta.get("metrics", {}).get("headline", {}).get("int8")
    if not own:
        raise ConfigError(f"{model_dir} has no evaluated figures yet; run its evaluation first")
    sets = suite.eval_sets(data_dir, REPO_ROOT, quick=False, seed=0)
    runs: dict[str, dict[str, float]] = {str(shipped.meta.get("seed")): own}
    for d in run_dirs:
        meta = art.load(d).meta
        check_same_recipe(shipped.meta, meta, d)
        clf = Classifier.load(d, cache_dir=d / "model-cache", backend="int8", topic=False)
        runs[str(meta.get("seed"))] = suite.headline(suite.evaluate_all(clf, sets))
    record = {
        "shipped_seed": shipped.meta.get("seed"),
        "runs": runs,
        "spread": spread(runs),
    }
    meta = dict(shipped.meta)
    meta["seed_runs"] = record
    art.save(art.Artifact(tensors=shipped.tensors, meta=meta), model_dir)
    from triage.classify import card

    card.write_card(model_dir)
    return record
