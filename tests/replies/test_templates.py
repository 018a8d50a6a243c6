from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from triage.errors import ConfigError
from triage.replies.config import load_replies, load_reply_config
from triage.replies.templates import SLOT_FIELDS, load_templates
from triage.sla import SlaPolicy

from .conftest import ROOT

CONFIG = ROOT / "config" / "replies.toml"


def _table() -> dict[str, Any]:
    data: dict[str, Any] = tomllib.loads(CONFIG.read_text(encoding="utf-8"))["templates"]
    return data


def test_shipped_config_loads_with_several_variants_per_slot() -> None:
    cfg = load_reply_config(CONFIG, sla=SlaPolicy(), root=ROOT)
    assert set(cfg.templates.slots) == set(SLOT_FIELDS)
    many = [
        s for s, tones in cfg.templates.slots.items() if max(len(v) for v in tones.values()) >= 2
    ]
    assert len(many) == len(SLOT_FIELDS)  # no sentence reads the same in every draft
    assert cfg.knowledge.directory == ROOT / "config" / "knowledge"


def test_no_template_shouts_or_jokes() -> None:
    for slot, tones in _table().items():
        variants = tones if isinstance(tones, list) else [v for vs in tones.values() for v in vs]
        for v in variants:
            assert "!" not in v, slot


def test_choice_is_stable_per_key_and_spreads_over_keys() -> None:
    t = load_reply_config(CONFIG, sla=SlaPolicy()).templates
    assert t.render("callback", "<a@x>", "calm", callback="14:00") == t.render(
        "callback", "<a@x>", "calm", callback="14:00"
    )
    chosen = {t.render("callback", f"<{i}@x>", "calm", callback="14:00") for i in range(30)}
    assert len(chosen) == len(t.slots["callback"]["any"])


def test_a_line_with_the_customers_name_as_a_word_is_passed_over() -> None:
    # "I can see why your patience has run out" to Patience reads as a joke at her expense
    t = load_reply_config(CONFIG, sla=SlaPolicy()).templates
    slot = next(k for k, v in t.slots.items() if any("patience" in x for x in v.get("any", ())))
    for i in range(20):
        said = t.render(slot, f"<{i}@x>", "upset", avoid="patience", problem="x", callback="y")
        assert "patience" not in said


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t.pop("apology"), "missing slots"),
        (lambda t: t.update(signoff=["Bye"]), "unknown slot"),
        (lambda t: t.update(callback=["By {calback}."]), "unknown field"),
        (lambda t: t.update(callback=[]), "non-empty list"),
        (lambda t: t.update(apology={"calm": ["Sorry."]}), "'any' or both"),
        (lambda t: t.update(apology={"furious": ["Sorry."]}), "unknown tone"),
        (lambda t: t.update(callback=["By {callback."]), "bad template"),
    ],
)
def test_bad_templates_are_config_errors_naming_the_slot(change: Any, message: str) -> None:
    table = _table()
    change(table)
    with pytest.raises(ConfigError, match=message):
        load_templates(table, {}, "config/replies.toml")


def test_bad_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_reply_config(tmp_path / "missing.toml", sla=SlaPolicy())
    bad = tmp_path / "bad.toml"
    bad.write_text("[colours]\nred = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown tables"):
        load_reply_config(bad, sla=SlaPolicy())
    bad.write_text(
        CONFIG.read_text(encoding="utf-8") + "\n[sla]\ntimezone = 'UTC'\n", encoding="utf-8"
    )
    with pytest.raises(ConfigError, match="triage.toml"):
        load_reply_config(bad, sla=SlaPolicy())


def test_knowledge_dir_from_the_settings_wins(tmp_path: Path) -> None:
    cfg = load_reply_config(CONFIG, sla=SlaPolicy(), knowledge_dir=tmp_path / "kb")
    assert cfg.knowledge.directory == tmp_path / "kb"


def test_load_replies_gives_config_and_knowledge_base() -> None:
    config, kb = load_replies(CONFIG, sla=SlaPolicy(), root=ROOT)
    assert config.sla == SlaPolicy()
    assert len(kb.entries) >= 25
    assert kb.vectors is None  # no embedder: keywords only


def test_a_byte_order_mark_is_accepted_and_utf16_refused_in_plain_words(tmp_path: Path) -> None:
    copy = tmp_path / "replies.toml"
    copy.write_bytes(b"\xef\xbb\xbf" + CONFIG.read_bytes())  # Notepad's "UTF-8 with BOM"
    assert load_reply_config(copy, sla=SlaPolicy(), root=ROOT).templates.slots
    copy.write_bytes(CONFIG.read_text(encoding="utf-8").encode("utf-16"))
    with pytest.raises(ConfigError, match="is UTF-16 .* must be UTF-8"):
        load_reply_config(copy, sla=SlaPolicy(), root=ROOT)
