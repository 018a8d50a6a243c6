"""The composition root: build the Store, sources, model, reply kit and worker from Settings.

cli.py calls these; nothing here runs at import time, and torch/onnxruntime load only when a
classifier is actually built (once per worker).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING

from triage.metrics import Metrics
from triage.settings import Settings
from triage.store import Store

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from triage.classify.model import Classifier
    from triage.flow.decide import Composer, Decider
    from triage.flow.pipeline import TriageStage
    from triage.flow.sync import PassStats
    from triage.flow.worker import Worker
    from triage.replies.config import ReplyConfig
    from triage.replies.values import Finding


def now() -> datetime:
    return datetime.now(UTC)


def store_engine(settings: Settings) -> Engine:
    """The bare engine, for schema commands that must not create or check the schema."""
    from triage.store.engine import make_engine

    return make_engine(
        settings.store_url,
        busy_timeout=settings.store.busy_timeout,
        data_dir=settings.paths.data_dir,
    )


def schema_upgrade(settings: Settings, revision: str) -> tuple[str | None, str | None]:
    """`triage db upgrade`: the schema revision before and after the migrations."""
    from triage.store import schema

    engine = store_engine(settings)
    try:
        before = schema.current_revision(engine)
        schema.upgrade(engine, revision)
        return before, schema.current_revision(engine)
    finally:
        engine.dispose()


def schema_status(settings: Settings) -> tuple[str | None, str]:
    """`triage db status`: the database's schema revision and the one this version needs."""
    from triage.store import schema

    engine = store_engine(settings)
    try:
        return schema.current_revision(engine), schema.head_revision()
    finally:
        engine.dispose()


def open_store(settings: Settings) -> Store:
    return Store.open(
        settings.store_url,
        busy_timeout=settings.store.busy_timeout,
        data_dir=settings.paths.data_dir,
    )


def load_classifier(settings: Settings, *, topic: bool = True) -> Classifier:
    """The classifier; ``topic``: with the topic encoder, for paths that compose drafts (its
    embedding finds the fix), not for scoring alone (``classify``, ``eval``)."""
    from triage.classify.model import Classifier

    return Classifier.load(
        settings.model.path,
        threads=settings.model.threads,
        cache_dir=settings.model.cache_dir or settings.paths.data_dir / "model-cache",
        topic=topic,
    )


def serve_metrics(settings: Settings) -> Metrics:
    """Metrics for long-running commands: served and/or written as a textfile when configured."""
    metrics = Metrics()
    if settings.metrics.port:
        metrics.serve(settings.metrics.port, settings.metrics.addr)
    return metrics


def reply_config(settings: Settings) -> ReplyConfig:
    """replies.toml (templates, tone rules, knowledge settings) with the SLA from Settings."""
    from triage.replies.config import load_reply_config

    return load_reply_config(
        settings.replies.config, sla=settings.sla, knowledge_dir=settings.replies.knowledge_dir
    )


def make_composer(
    settings: Settings,
    classifier: Classifier | None,
    agent: str | None = None,
    store: Store | None = None,
) -> Composer:
    """The reply composer with its templates, tone rules and knowledge base loaded once, its
    drafts signed by ``agent`` (None: replies.toml's ``[desk] agent_name``, else the desk),
    each draft with its candidate fixes: the knowledge base's, then the cases learned in
    ``store`` (none without one: ``suggest --jsonl`` drafts from the file alone)."""
    from triage.replies.cases import CaseBase, CaseShelf
    from triage.replies.compose import composer_for
    from triage.replies.fixes import with_fixes
    from triage.replies.knowledge import KnowledgeBase

    cfg = reply_config(settings)
    kb_settings = cfg.knowledge.model_copy(
        update={"cache_dir": settings.paths.data_dir / "cache" / "knowledge"}
    )
    kb = KnowledgeBase.load(
        kb_settings,
        embedder=classifier,
        embedder_id=classifier.embedding_model if classifier is not None else "",
    )
    # cases stored in another space (before the topic embedding) are embedded again, once
    cases = (
        CaseShelf(
            store.cases,
            embedder=classifier,
            space=classifier.embedding_model if classifier is not None else "",
        )
        if store is not None
        else CaseBase
    )
    return with_fixes(composer_for(cfg, kb, agent=agent), kb, cases, settings.kb)


def make_decider(
    settings: Settings,
    classifier: Classifier | None,
    *,
    read_text: bool | None = None,
    agent: str | None = None,
    store: Store | None = None,
) -> Decider:
    """The one decision kit (routing policy, SLA, reply composer, priority actions, the text
    reader) for every path that decides: the worker, ``suggest ID --refresh`` and
    ``suggest --jsonl``. The text reader (spaCy, ~2 s to load) is there when ``[reading]
    enabled``; ``read_text`` overrides that (tests of other parts leave it out); ``agent``
    signs the drafts (``suggest --agent``); the cases learned in ``store`` are offered with
    the knowledge base's fixes."""
    from triage.flow.decide import Decider

    reader = None
    if settings.reading.enabled if read_text is None else read_text:
        from triage.reading.reader import TextReader

        reader = TextReader(settings.sla.zone)
    imap = settings.imap
    return Decider(
        routing=settings.routing,
        sla=settings.sla,
        composer=make_composer(settings, classifier, agent, store),
        priority_folder=imap.priority_folder if imap.priority_action == "copy" else None,
        priority_keyword=imap.priority_keyword or None,
        reader=reader,
    )


def make_triage_stage(settings: Settings, store: Store, metrics: Metrics | None) -> TriageStage:
    from triage.flow.pipeline import TriageStage

    def load() -> tuple[Classifier, Decider]:
        classifier = load_classifier(settings)
        return classifier, make_decider(settings, classifier, store=store)

    return TriageStage(
        store=store,
        load=load,
        clock=now,
        lease=timedelta(seconds=settings.worker.claim_lease_seconds),
        metrics=metrics,
    )


def make_worker(
    settings: Settings,
    store: Store,
    *,
    metrics: Metrics | None = None,
    triage: bool = True,
    preload_model: bool = False,
) -> Worker:
    from triage.flow.ack import apply_actions
    from triage.flow.sources import make_source, watched_folders
    from triage.flow.worker import Worker

    imap = settings.imap
    folders = watched_folders(settings)
    wait = min(imap.idle_renew_seconds, settings.worker.heartbeat_seconds)
    if len(folders) > 1 or not imap.idle:
        wait = min(wait, imap.poll_interval)
    stages: list[Callable[..., object]] = []
    if triage:
        stage = make_triage_stage(settings, store, metrics)
        if preload_model:
            # a long-running worker fails at start on a missing or broken model, before it
            # touches the mailbox, instead of after its first batch
            _ = stage.loaded
        stages.append(stage)
        stages.append(partial(apply_actions, store, clock=now))
    after_pass = None
    if metrics is not None:
        after_pass = partial(_publish, settings, store, metrics)
    return Worker(
        store=store,
        source_factory=lambda: make_source(settings),
        folders=folders,
        batch_size=imap.batch_size,
        max_bytes=imap.max_message_bytes,
        clock=now,
        stages=stages,
        wait_seconds=wait,
        heartbeat_seconds=settings.worker.heartbeat_seconds,
        backoff_initial=settings.worker.backoff_initial,
        backoff_max=settings.worker.backoff_max,
        rand=random.random,
        metrics=metrics,
        after_pass=after_pass,
    )


def poll_accounts(
    settings: Settings, store: Store, metrics: Metrics | None, account: str | None
) -> PassStats:
    """`poll --once`: one pass over every configured mailbox, one after the other (or over
    ``account`` only), the counts summed. A stop signal ends it after the current mailbox."""
    stats = None
    for name in [account] if account else settings.account_names():
        w = make_worker(settings.for_account(name), store, metrics=metrics)
        w.stop.install()
        one = w.poll_once()
        stats = one if stats is None else stats + one
        if w.stop():
            break
    assert stats is not None  # account_names() is never empty
    return stats


def _publish(settings: Settings, store: Store, metrics: Metrics) -> None:
    for queue, depth in store.queue_depths().items():
        metrics.queue_depth(queue, depth)
    if settings.metrics.textfile is not None:
        metrics.write_textfile(settings.metrics.textfile)


def tone_findings(
    settings: Settings,
    text: str,
    *,
    frustration: int | None,
    name: str | None,
    final: bool,
    prior_contact: bool | None = None,
    security: bool = False,
) -> list[Finding]:
    """The tone checker's findings on any reply text (ours or an agent's edit): ``prior_contact``
    and ``security`` come from the stored suggestion (None: earlier contact not checked)."""
    from triage.replies.names import clean_name
    from triage.replies.tone import check

    cfg = reply_config(settings)
    return check(
        text,
        frustration=frustration,
        config=cfg.tone,
        name=clean_name(name),
        final=final,
        prior_contact=prior_contact,
        security=security,
    )
