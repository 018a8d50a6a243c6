"""Training/evaluation data: leak-free splits and the GoEmotions draws."""

from __future__ import annotations

from pathlib import Path

import pytest

from triage.classify import data as ds
from triage.classify.recipe import REPO_ROOT, TrainConfig
from triage.classify.train import _epoch_rows


def test_synthetic_split_keeps_each_sender_on_one_side() -> None:
    train, dev = ds.synthetic(REPO_ROOT / ds.SYNTHETIC_DIR)
    assert len(train) + len(dev) == 1280
    assert {e.group for e in train}.isdisjoint({e.group for e in dev})
    assert 0.1 < len(dev) / 1280 < 0.3


def test_twcs_split_keeps_each_conversation_on_one_side(data_dir: Path) -> None:
    train, dev = ds.twcs_silver(data_dir)
    assert len(train) + len(dev) == 2150
    assert {e.group for e in train}.isdisjoint({e.group for e in dev})


def test_the_goemotions_test_split_is_refused(data_dir: Path) -> None:
    with pytest.raises(ValueError, match="train and dev"):
        ds.goemotions(data_dir, "test")


def test_goemotions_draws_have_the_upset_share_and_do_not_repeat(data_dir: Path) -> None:
    rows = ds.goemotions_sample(data_dir, 2000, seed=3, upset_share=0.3, rounds=3)
    assert len(rows) == 6000
    draws = [rows[i * 2000 : (i + 1) * 2000] for i in range(3)]
    for draw in draws:
        assert sum(e.frustration > 0 for e in draw) == 600
    # 1,800 upset of ~7,300 and 4,200 calm of ~36,000: no comment is drawn twice yet
    assert len({e.id for e in rows}) == 6000
    assert all(e.source == "goemotions" for e in rows)


def test_goemotions_draws_reuse_a_pool_only_once_it_is_spent(data_dir: Path) -> None:
    n_upset = sum(e.frustration > 0 for e in ds.goemotions(data_dir, "train"))
    rows = ds.goemotions_sample(data_dir, 4000, seed=0, upset_share=0.5, rounds=5)
    upset_ids = [e.id for e in rows if e.frustration > 0]
    assert len(upset_ids) == 10_000 > n_upset
    assert len(set(upset_ids)) == n_upset  # every upset comment drawn before any repeats


def test_goemotions_draws_are_seeded(data_dir: Path) -> None:
    a = ds.goemotions_sample(data_dir, 100, seed=7, rounds=2)
    b = ds.goemotions_sample(data_dir, 100, seed=7, rounds=2)
    c = ds.goemotions_sample(data_dir, 100, seed=8, rounds=2)
    assert [e.id for e in a] == [e.id for e in b]
    assert [e.id for e in a] != [e.id for e in c]


def _rows(n_fixed: int, n_ge: int) -> list[ds.Example]:
    fixed = [
        ds.Example(id=f"s{i}", subject="", text="x", source="synthetic") for i in range(n_fixed)
    ]
    ge = [ds.Example(id=f"g{i}", subject="", text="x", source="goemotions") for i in range(n_ge)]
    return fixed + ge


def test_each_epoch_sees_every_fixed_row_and_its_own_goemotions_draw() -> None:
    rows = _rows(5, 12)
    cfg = TrainConfig(epochs=3, goemotions_fresh_each_epoch=True)
    epochs = _epoch_rows(rows, cfg)
    assert len(epochs) == 3
    ge_parts = []
    for ep in epochs:
        assert [rows[i].id for i in ep[:5]] == [f"s{i}" for i in range(5)]
        ge_parts.append({rows[i].id for i in ep[5:]})
    assert [len(p) for p in ge_parts] == [4, 4, 4]
    assert set.union(*ge_parts) == {f"g{i}" for i in range(12)}


def test_without_fresh_draws_every_epoch_sees_every_row() -> None:
    rows = _rows(3, 4)
    epochs = _epoch_rows(rows, TrainConfig(epochs=2, goemotions_fresh_each_epoch=False))
    assert epochs == [list(range(7)), list(range(7))]
