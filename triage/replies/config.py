"""``config/replies.toml``: wording, tone rules, knowledge-base settings and the reply rules
(policy, questions, safe steps, languages: triage/replies/rules.py).

Response targets are not here: they come from ``Settings.sla`` (``config/triage.toml [sla]``),
shared with routing so the callback promised in a reply is the queue item's due time.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from triage import configfile
from triage.errors import ConfigError
from triage.replies.knowledge import Embedder, KbSettings, KnowledgeBase
from triage.replies.rules import ReplyRules, load_rules
from triage.replies.templates import Templates, load_templates
from triage.replies.tone_config import ToneConfig, load_tone_config
from triage.sla import SlaPolicy

DEFAULT_REPLIES_CONFIG = Path("config/replies.toml")


@dataclass(frozen=True, slots=True)
class ReplyConfig:
    templates: Templates
    tone: ToneConfig
    sla: SlaPolicy
    knowledge: KbSettings
    rules: ReplyRules = ReplyRules()


def load_reply_config(
    path: Path = DEFAULT_REPLIES_CONFIG,
    *,
    sla: SlaPolicy,
    knowledge_dir: Path | None = None,
    root: Path | None = None,
) -> ReplyConfig:
    """Read and validate the file once. ``sla`` is ``Settings.sla``; ``knowledge_dir``, when
    given, overrides ``[knowledge] directory``. Relative knowledge paths are resolved from
    ``root`` (default: the current directory, like every other path in the settings)."""
    source = str(path)
    try:
        data: dict[str, Any] = tomllib.loads(configfile.read_text(path, source))
    except FileNotFoundError as exc:
        raise ConfigError(f"{source}: reply configuration not found") from exc
    except OSError as exc:
        raise ConfigError(f"{source}: cannot be read: {exc.strerror}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{source}: not valid TOML: {exc}") from exc
    if "sla" in data:
        raise ConfigError(f"{source}: [sla] belongs in config/triage.toml (shared with routing)")
    unknown = set(data) - {
        "desk",
        "tone",
        "knowledge",
        "templates",
        "compose",
        "scopes",
        "topics",
        "policy",
        "questions",
        "actions",
        "security",
        "language",
        "things",
        "troubles",
    }
    if unknown:
        raise ConfigError(f"{source}: unknown tables {sorted(unknown)}")
    try:
        knowledge = KbSettings.model_validate(data.get("knowledge", {}))
    except ValidationError as exc:
        problems = "; ".join(
            f"[knowledge] {'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()
        )
        raise ConfigError(f"{source}: {problems}") from exc
    if knowledge_dir is not None:
        knowledge = knowledge.model_copy(update={"directory": knowledge_dir})
    if root is not None:
        knowledge = knowledge.model_copy(
            update={
                "directory": root / knowledge.directory,
                "cache_dir": root / knowledge.cache_dir,
            }
        )
    return ReplyConfig(
        templates=load_templates(data.get("templates", {}), data.get("desk", {}), source),
        tone=load_tone_config(data.get("tone", {}), source),
        sla=sla,
        knowledge=knowledge,
        rules=load_rules(data, source),
    )


def load_replies(
    path: Path = DEFAULT_REPLIES_CONFIG,
    *,
    sla: SlaPolicy,
    embedder: Embedder | None = None,
    embedder_id: str = "",
    root: Path | None = None,
) -> tuple[ReplyConfig, KnowledgeBase]:
    """Everything ``compose`` needs, in one call for the CLI and the worker.

    ``embedder`` is the loaded classifier (``Classifier.embed``; its ``embedding_model`` names
    the cache and the space); without one the knowledge base runs on keywords only.
    """
    config = load_reply_config(path, sla=sla, root=root)
    kb = KnowledgeBase.load(config.knowledge, embedder=embedder, embedder_id=embedder_id)
    return config, kb
