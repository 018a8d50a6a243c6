"""Every email of the project's synthetic support set gets a suggestion with no error-level tone
finding. Scores are the data set's own labels (the reply stage is tested apart from the model)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from triage.domain import Email, Scores
from triage.parse.quotes import split_reply
from triage.replies.compose import compose
from triage.replies.config import ReplyConfig
from triage.replies.knowledge import KnowledgeBase
from triage.replies.tone import errors
from triage.replies.values import History

from .conftest import ROOT, BaseModelEmbedder

NOW = datetime(2026, 11, 23, 15, 47, tzinfo=UTC)


@pytest.fixture(scope="module")
def rows(data_dir: Path) -> list[dict[str, Any]]:
    folder = data_dir / "support_emails_synthetic"
    files = sorted(folder.glob("*.jsonl"))
    if not files:
        pytest.fail(f"no *.jsonl in {folder}")
    return [
        json.loads(line)
        for f in files
        for line in f.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def _email(row: dict[str, Any]) -> Email:
    newest, quoted, signature = split_reply(row["body"])
    return Email(
        message_id=f"<{row['id']}@synthetic>",
        subject=row["subject"],
        from_name=row["from_name"],
        from_address=row["from_email"],
        date=None,
        newest_text=newest,
        quoted_text=quoted,
        signature=signature,
    )


def _scores(row: dict[str, Any], embedding: tuple[float, ...] = ()) -> Scores:
    u, f = row["urgency"], row["frustration"]
    return Scores(u, u / 3, f, f / 3, float(row["not_customer"]), embedding=embedding)


def _compose(email: Any, scores: Scores, kb: KnowledgeBase, cfg: ReplyConfig) -> Any:
    """A first contact, escalated to a supervisor when both labels are at the top."""
    return compose(
        email,
        scores,
        History(),
        now=NOW,
        kb=kb,
        templates=cfg.templates,
        sla=cfg.sla,
        supervisor=scores.urgency == 3 and scores.frustration == 3,
        tone=cfg.tone,
    )


def _problems(
    rows: list[dict[str, Any]], kb: KnowledgeBase, cfg: ReplyConfig, vectors: Any = None
) -> list[str]:
    problems = []
    for i, row in enumerate(rows):
        scores = _scores(row, () if vectors is None else tuple(float(x) for x in vectors[i]))
        s = _compose(_email(row), scores, kb, cfg)
        assert all(body.strip() for _, body in s.sections)
        problems += [
            f"{row['id']}: {f.rule}: {s.text[f.start : f.end]!r} {f.message}"
            for f in errors(s.findings)
        ]
    return problems


def test_every_synthetic_email_composes_without_tone_errors(
    rows: list[dict[str, Any]], keyword_kb: KnowledgeBase, reply_config: ReplyConfig
) -> None:
    assert len(rows) >= 1000
    assert _problems(rows, keyword_kb, reply_config) == []


def test_sample_with_base_model_embeddings_composes_without_tone_errors(
    rows: list[dict[str, Any]],
    embedded_kb: KnowledgeBase,
    base_embedder: BaseModelEmbedder,
    reply_config: ReplyConfig,
) -> None:
    sample = rows[::40]  # 32 emails across the four slices
    vectors = base_embedder.embed([f"{r['subject']}\n{_email(r).newest_text}" for r in sample])
    assert _problems(sample, embedded_kb, reply_config, vectors) == []


@pytest.mark.slow
def test_sample_through_the_trained_classifier_composes_without_tone_errors(
    rows: list[dict[str, Any]], reply_config: ReplyConfig, tmp_path: Path
) -> None:
    """The production path: the classifier's own Scores (levels and embedding), KB embedded by it."""
    models = ROOT / "models"
    if not (models / "meta.json").exists():
        pytest.skip("no trained model artifact in models/")
    from triage.classify.model import Classifier

    classifier = Classifier.load(models, threads=1, cache_dir=ROOT / "var" / "model-cache")
    kb = KnowledgeBase.load(
        reply_config.knowledge.model_copy(update={"cache_dir": tmp_path}),
        embedder=classifier,
        embedder_id=classifier.model_version,
    )
    sample = rows[::40]
    emails = [_email(r) for r in sample]
    scored = classifier.classify([(e.subject, e.newest_text) for e in emails])
    problems = []
    for row, email, scores in zip(sample, emails, scored, strict=True):
        s = _compose(email, scores, kb, reply_config)
        assert s.similarity is not None  # the embedding path was used, not the keyword fallback
        problems += [f"{row['id']}: {f.rule}: {f.message}" for f in errors(s.findings)]
    assert problems == []
