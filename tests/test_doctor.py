from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from triage.doctor import freshness
from triage.errors import TriageError
from triage.settings import PathsSettings, Settings, StoreSettings
from triage.store import Store

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def test_a_folder_that_stopped_syncing_is_reported(tmp_path: Path) -> None:
    settings = Settings(
        store=StoreSettings(url=f"sqlite:///{tmp_path / 't.db'}"),
        paths=PathsSettings(data_dir=tmp_path),
    )
    store = Store.open(settings.store_url)
    store.mark_synced("default", "INBOX", 1, 10, NOW - timedelta(seconds=60))
    assert "1 folder(s) synced" in freshness(settings, now=NOW)
    # default poll interval 60 s: three intervals without a sync is a stalled worker
    with pytest.raises(TriageError, match=r"default/INBOX .*is `triage worker` running"):
        freshness(settings, now=NOW + timedelta(minutes=5))
