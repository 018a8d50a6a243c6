"""The evaluation half of training: calibrate the decoding through the shipped path, score
every set, and write the meta and the model card. Runs after the weights are saved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from triage.classify import artifact as art
from triage.classify import data as ds
from triage.classify.recipe import calibration_rows


def finish(out_dir: Path, data_dir: Path, *, quick: bool = False, seed: int = 0) -> dict[str, Any]:
    """The evaluation half: score every set through the shipped path, write meta + card."""
    from triage.classify import card, suite

    calibrate_artifact(out_dir, data_dir, quick=quick, seed=seed)
    metrics = suite.evaluate_artifact(out_dir, data_dir, quick=quick, seed=seed)
    meta = art.load(out_dir).meta
    meta["metrics"] = metrics
    art.save(art.Artifact(tensors=art.load(out_dir).tensors, meta=meta), out_dir)
    card.write_card(out_dir)
    return metrics


def calibrate_artifact(out_dir: Path, data_dir: Path, *, quick: bool, seed: int) -> None:
    """Tune the expected-level thresholds through the shipped path on the calibration split."""
    from triage.classify.calibrate import START, choose_decoding
    from triage.classify.model import Classifier

    calib = calibration_rows(data_dir, seed, quick)
    cache = out_dir.parent / "model-cache" if quick else None
    clf = Classifier.load(out_dir, cache_dir=cache, topic=False)
    out = clf.head_outputs([(e.subject, e.text) for e in calib])
    loaded = art.load(out_dir)
    meta = loaded.meta
    decoding = dict(meta.get("decoding", {}))
    groups = [e.group for e in calib]
    t_u, rep_u = choose_decoding(out.urgency_p_above, [e.urgency for e in calib], groups)
    t_f, rep_f = choose_decoding(out.frustration_p_above, [e.frustration for e in calib], groups)
    rule = str(meta.get("train_config", {}).get("decoding", "choose"))
    if rule == "round":
        t_u = t_f = START
        rep_u["chosen"] = rep_f["chosen"] = "round (fixed by the recipe)"
        decoding["ordinal"] = (
            "expected level rounded (cuts 0.5 / 1.5 / 2.5), fixed by the recipe; the "
            "calibration split only reports how each rule would score; score = expected level / 3"
        )
    else:
        decoding["ordinal"] = (
            "per label, the rule with the best calibration-split QWK: median (count the cuts "
            "with P(level > k) > 0.5; thresholds null), round (expected level rounded), or "
            "thresholds on the expected level tuned on the calibration split (scored by 2-fold "
            "CV); score = expected level / 3"
        )
    decoding["thresholds"] = {
        "urgency": None if t_u is None else list(t_u),
        "frustration": None if t_f is None else list(t_f),
    }
    decoding["calibration"] = {
        "n": len(calib),
        "groups": f"{ds.CALIB_SHARE_PERCENT} % of synthetic senders and twcs conversations, "
        "held out of training and disjoint from dev",
        "urgency": rep_u,
        "frustration": rep_f,
    }
    meta["decoding"] = decoding
    art.save(art.Artifact(tensors=loaded.tensors, meta=meta), out_dir)
