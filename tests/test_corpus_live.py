"""Every real and nasty message we have goes through a real IMAP server and is accounted for."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from imapclient import IMAPClient

from triage.flow.sync import sync_folder
from triage.mailbox.imap import ImapMailSource
from triage.settings import ImapSettings
from triage.store import Store

pytestmark = [pytest.mark.live, pytest.mark.slow]


def corpus_files(data_dir: Path) -> list[Path]:
    roots = [data_dir / "spamassassin_public_corpus", data_dir / "mail_fixtures"]
    files = sorted(
        p
        for root in roots
        for p in root.rglob("*")
        if p.is_file() and p.name not in ("README.md", ".gitattributes")
    )
    assert len(files) > 1300, f"expected the full corpora under {data_dir}"
    return files


def test_every_corpus_message_is_parsed_or_quarantined_none_lost(
    data_dir: Path, imap: IMAPClient, imap_settings: Callable[..., ImapSettings], tmp_path: Path
) -> None:
    appended = 0
    refused = []
    for path in corpus_files(data_dir):
        data = path.read_bytes()
        try:
            imap.append("INBOX", data)
            appended += 1
        except Exception as exc:  # the server itself refuses a few (e.g. empty files)
            refused.append((path.name, str(exc)))
    assert appended > 1300
    assert len(refused) < 5, refused
    imap.select_folder("INBOX", readonly=True)
    uids = set(imap.search(["ALL"]))
    assert len(uids) == appended

    store = Store.open(f"sqlite:///{tmp_path / 't.db'}")
    source = ImapMailSource(imap_settings(max_message_bytes=200_000))
    source.connect()
    stats = sync_folder(
        source, store, "INBOX", batch_size=100, max_bytes=200_000, clock=lambda: datetime.now(UTC)
    )
    source.close()

    # nothing lost: every UID on the server has a location row pointing at an email row
    located = {loc.uid for loc in store.locations("default", "INBOX")}
    assert located == uids
    assert stats.fetched == appended
    assert stats.stored + stats.quarantined + stats.already_known == appended
    counts = store.counts()
    assert counts["total"] == stats.stored + stats.quarantined
    # the big ones were kept as quarantined headers; most real mail parses
    assert stats.quarantined < appended * 0.05
    assert stats.stored > appended * 0.9
    # and we never marked anything read
    assert imap.search(["SEEN"]) == []
