"""The training recipe's data and settings, apart from the training loop.

``TrainConfig`` (the recipe), which rows train and calibrate (``load_training_data``,
``calibration_rows``) and the data fingerprints for the meta. train.py, suite.py and
baseline.py all read these; keeping them here, below all three, is what keeps the three
from importing each other.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from triage.classify import data as ds

REPO_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class TrainConfig:
    tuned_layers: int = 4
    epochs: int = 5
    batch_size: int = 16
    lr_encoder: float = 1.5e-4
    lr_heads: float = 2e-3
    weight_decay: float = 0.01
    warmup_share: float = 0.06
    max_length: int = 256
    goemotions_n: int = 10_000  # per draw; one draw in all, or a fresh one each epoch
    goemotions_upset_share: float = 0.3
    goemotions_fresh_each_epoch: bool = True
    source_weight: tuple[tuple[str, float], ...] = (
        ("synthetic", 3.0),
        ("twcs", 1.5),
        ("goemotions", 3.0),
    )
    not_customer_pos_weight: float = 1.5
    # "round": expected level rounded, fixed; "choose": the rule with the best
    # calibration-split QWK (tuned thresholds scored by 2-fold CV)
    decoding: str = "round"
    threads: int = 2


# Honest record of how this recipe was chosen (shown in the model card).
SELECTION_NOTE = (
    "Recipe v5, chosen on the dev sets among six candidates, so its dev figures are tuned, "
    "not clean held-out. v1 and v2 (4,000 GoEmotions comments, half upset, loss weight 0.5, "
    "encoder lr 6e-5) missed the GoEmotions target (upset F1 0.53) and sat at 0.850 on "
    "synthetic urgency. v5 draws a fresh 10,000 GoEmotions comments (30 % upset) every epoch, "
    "so training sees most of the 43k train comments at the cost of 10k per epoch. Candidates "
    "(GoEmotions loss weight / encoder lr / other sources' weights): A 0.5 / 6e-5 (6,000 "
    "comments, 35 % upset), B 1.0 / 6e-5, C 2.0 / 6e-5, D 2.0 / 1e-4, E 3.0 / 1.5e-4, F 3.0 / "
    "1e-4 (C-F: synthetic 3.0, twcs 1.5; E-F: not_customer positive weight 1.5, not 3.0). More "
    "GoEmotions weight raised upset F1 from 0.53 (A) to 0.61 (D-F) and plateaued there; E met "
    "the most targets and ships. Thresholds tuned on the 384-row calibration split lost to plain "
    "rounding on dev for A-D (synthetic urgency 0.825-0.845 vs 0.846-0.864), so v5 fixes "
    "rounding; the calibration split still reports how each rule would have scored. Later "
    "candidates on v5 (seed 0, not shipped): G an auxiliary head for GoEmotions' 28 emotions "
    "(upset F1 0.608, twcs urgency 0.505), H all 6 layers tuned (0.611; synthetic urgency "
    "0.847, twcs urgency 0.512), I GoEmotions upset comments trained as 'frustration >= 1' "
    "only (0.606), J GoEmotions' natural 17 % upset share (0.506, seed 1 0.531: recall falls "
    "to 0.40-0.43). G-J were scored without calibration, so levels were decoded by the median "
    "rule (v5 by that rule: 0.606; J rounded: 0.587 / 0.594). The limit is the ranking, not the "
    "cut: on GoEmotions dev the best upset F1 over every cut of the frustration score (a "
    "ceiling, shown in the tables) is 0.615 for v5 and about 0.616 for J (ROC-AUC 0.89 for "
    "all three), so no decoding rule or upset share lifts it to 0.62; across seeds 0-2 of v5 "
    "that ceiling spans 0.615-0.624, so 0.62 sits at the edge of what this ranking allows. "
    "A uniform weight average of seeds 0-2 (a 'model soup') scored worse: synthetic QWK "
    "0.78, upset F1 0.54. Two more (seed 0, calibrated, int8): K the same recipe on "
    "GoEmotions alone (email sets weighted 0) reached the same upset F1 0.611, AUC 0.890 "
    "and ceiling 0.614, so the email tasks cost GoEmotions nothing and the limit is this "
    "encoder's; L an exponential moving average of the tuned weights (decay 0.998) moved "
    "every figure by less than the seed spread (upset F1 0.609, synthetic urgency 0.875, "
    "twcs urgency 0.558). M, the target a distilled single model would aim at: the mean of "
    "seeds 0-2's head outputs (three encoders, 3x the inference cost) reached upset F1 0.618, "
    "AUC 0.893, ceiling 0.623, and still lost to the TF-IDF baseline on synthetic "
    "not-customer F1 (0.927) and Endava AUC (0.789). The labels bound the figure too: 375 "
    "of the shipped model's 694 "
    "GoEmotions false positives are labelled only 'neutral' (GoEmotions keeps an emotion only "
    "where two raters chose it), and in one reader's check of 25 of them at random, 9 read as "
    "plainly upset (e.g. 'Fuck off commie', 'Despicable', 'I honestly hate our gun culture'; "
    "scripts/upset_false_positives.py prints that sample)."
)
QUICK = TrainConfig(epochs=1, batch_size=8, max_length=64, goemotions_n=32)


def _labelled_rows(data_dir: Path) -> tuple[list[ds.Example], list[ds.Example]]:
    """(synthetic + twcs training-side rows, calibration rows); dev groups are left out."""
    syn, _syn_dev = ds.synthetic(REPO_ROOT / ds.SYNTHETIC_DIR)
    tw, _tw_dev = ds.twcs_silver(data_dir)
    rows = syn + tw
    return (
        [e for e in rows if not ds.is_calibration(e.group)],
        [e for e in rows if ds.is_calibration(e.group)],
    )


def calibration_rows(data_dir: Path, seed: int, quick: bool) -> list[ds.Example]:
    """The groups held back from training to report (or tune) the decoding rule."""
    _rows, calib = _labelled_rows(data_dir)
    # its own seeded draw, so a quick run's calibration rows do not depend on the train draw
    return random.Random(seed).sample(calib, 24) if quick else calib


def load_training_data(
    data_dir: Path, cfg: TrainConfig, seed: int, quick: bool
) -> list[ds.Example]:
    """Training rows: synthetic + twcs outside the dev and calibration groups, + GoEmotions."""
    labelled, _calib = _labelled_rows(data_dir)
    ge_train = ds.goemotions_sample(
        data_dir,
        cfg.goemotions_n,
        seed,
        cfg.goemotions_upset_share,
        rounds=cfg.epochs if cfg.goemotions_fresh_each_epoch else 1,
    )
    if quick:
        rng = random.Random(seed)
        syn = [e for e in labelled if e.source == "synthetic"]
        tw = [e for e in labelled if e.source == "twcs"]
        return rng.sample(syn, 24) + rng.sample(tw, 16) + ge_train[:16]
    return labelled + ge_train


def data_hashes(data_dir: Path) -> dict[str, str]:
    files = sorted((REPO_ROOT / ds.SYNTHETIC_DIR).glob("*.jsonl")) + [
        data_dir / "twcs_customer_support_twitter" / "twcs_dev_customer_silver.jsonl",
        data_dir / "twcs_customer_support_twitter" / "twcs_first5000_dev.csv",
        data_dir / "goemotions" / "train.tsv",
        data_dir / "goemotions" / "dev.tsv",
        data_dir / "complaints_twitter" / "complaints-data.csv",
        data_dir / "endava_it_tickets" / "all_tickets_subset_dev.csv",
    ]
    out: dict[str, str] = {}
    for f in files:
        key = str(f.relative_to(REPO_ROOT)) if f.is_relative_to(REPO_ROOT) else f.name
        out[f"{f.parent.name}/{f.name}" if not f.is_relative_to(REPO_ROOT) else key] = (
            ds.file_sha256(f)
        )
    return out


def with_overrides(cfg: TrainConfig, **kw: Any) -> TrainConfig:
    return replace(cfg, **kw)
