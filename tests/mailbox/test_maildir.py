"""MaildirMailSource: IMAP semantics over a local Maildir, and the bundled sample mailbox."""

from __future__ import annotations

import email
import hashlib
import json
import os
import shutil
import threading
import time
from email import policy
from pathlib import Path

import pytest

from triage.errors import ConfigError
from triage.mailbox import MailSource
from triage.mailbox.maildir import DEFAULT_MAX_MESSAGE_BYTES, MaildirMailSource, unique_name

SAMPLE = Path(__file__).resolve().parents[2] / "samples"
LABELS = ("urgency", "frustration")


def _msg(subject: str, body: str = "hello\n") -> bytes:
    return (
        f"From: A <a@x.example>\nTo: support@helpdesk.example\nSubject: {subject}\n"
        f"Message-ID: <{subject}@x.example>\nDate: Mon, 16 Nov 2026 09:00:00 +0000\n"
        f"MIME-Version: 1.0\n\n{body}"
    ).encode()


def _deliver(root: Path, name: str, data: bytes, mtime: float | None = None) -> Path:
    path = root / "new" / name
    path.write_bytes(data)
    if mtime is not None:
        os.utime(path, (mtime, mtime))
    return path


def _tree_digest(root: Path) -> dict[str, str]:
    """Every path under root (directories too) with the hash of its bytes and its mtime."""
    out: dict[str, str] = {}
    for p in sorted(root.rglob("*")):
        rel = str(p.relative_to(root))
        st = p.stat()
        content = hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
        out[rel] = f"{content}:{st.st_mtime_ns}:{st.st_mode}"
    return out


@pytest.fixture
def maildir(tmp_path: Path) -> Path:
    root = tmp_path / "Maildir"
    for sub in ("new", "cur", "tmp"):
        (root / sub).mkdir(parents=True)
    base = time.time() - 1000
    _deliver(root, "1794815000.M1P1.host", _msg("one"), base)
    _deliver(root, "1794815100.M2P1.host", _msg("two"), base + 10)
    (root / "cur" / "1794815200.M3P1.host:2,S").write_bytes(_msg("three"))
    os.utime(root / "cur" / "1794815200.M3P1.host:2,S", (base + 20, base + 20))
    return root


def _source(
    maildir: Path, tmp_path: Path, max_message_bytes: int = DEFAULT_MAX_MESSAGE_BYTES
) -> MaildirMailSource:
    src = MaildirMailSource(maildir, tmp_path / "state", max_message_bytes=max_message_bytes)
    src.connect()
    return src


def test_satisfies_the_protocol(maildir: Path, tmp_path: Path) -> None:
    src: MailSource = _source(maildir, tmp_path)
    assert src.account == "default"


def test_uids_ascend_in_delivery_order_and_are_stable_across_instances(
    maildir: Path, tmp_path: Path
) -> None:
    first = _source(maildir, tmp_path)
    state = first.select("INBOX")
    assert (state.exists, state.uidnext) == (3, 4)
    subjects = [
        email.message_from_bytes(m.data)["Subject"]
        for m in first.fetch("INBOX", first.search_new("INBOX", 0))
    ]
    assert subjects == ["one", "two", "three"]

    again = _source(maildir, tmp_path)
    assert again.select("INBOX").uidvalidity == state.uidvalidity
    assert [m.key.uid for m in again.fetch("INBOX", [1, 2, 3])] == [1, 2, 3]
    assert [email.message_from_bytes(m.data)["Subject"] for m in again.fetch("INBOX", [3])] == [
        "three"
    ]


def test_new_file_gets_next_uid_and_old_uids_keep_theirs(maildir: Path, tmp_path: Path) -> None:
    src = _source(maildir, tmp_path)
    before = {m.key.uid: m.data for m in src.fetch("INBOX", src.search_new("INBOX", 0))}
    # a mail client marks "one" as seen: new/ -> cur/ with flags; it must keep UID 1
    (maildir / "new" / "1794815000.M1P1.host").rename(maildir / "cur" / "1794815000.M1P1.host:2,S")
    _deliver(maildir, "1794815300.M4P1.host", _msg("four"))

    assert src.search_new("INBOX", 3) == [4]
    after = {m.key.uid: m.data for m in src.fetch("INBOX", [1, 2, 3, 4])}
    assert {uid: after[uid] for uid in before} == before
    assert email.message_from_bytes(after[4])["Subject"] == "four"
    assert src.select("INBOX").uidnext == 5


def test_vanished_file_is_skipped_and_its_uid_never_reused(maildir: Path, tmp_path: Path) -> None:
    src = _source(maildir, tmp_path)
    src.select("INBOX")
    (maildir / "new" / "1794815100.M2P1.host").unlink()
    assert [m.key.uid for m in src.fetch("INBOX", [1, 2, 3, 99])] == [1, 3]
    assert src.search_new("INBOX", 0) == [1, 3]
    _deliver(maildir, "1794815400.M5P1.host", _msg("five"))
    assert src.search_new("INBOX", 0) == [1, 3, 4]


def test_deleting_the_state_map_gives_a_new_uidvalidity(maildir: Path, tmp_path: Path) -> None:
    src = _source(maildir, tmp_path)
    old = src.select("INBOX").uidvalidity
    maps = list((tmp_path / "state").rglob("*.json"))
    assert len(maps) == 1
    maps[0].unlink()
    fresh = _source(maildir, tmp_path).select("INBOX")
    assert fresh.uidvalidity != old
    assert 0 < fresh.uidvalidity < 2**32
    # an empty folder keeps its UIDVALIDITY too: the map is written even with nothing to map
    empty = tmp_path / "Empty"
    for sub in ("new", "cur", "tmp"):
        (empty / sub).mkdir(parents=True)
    e1 = MaildirMailSource(empty, tmp_path / "state").select("INBOX").uidvalidity
    assert MaildirMailSource(empty, tmp_path / "state").select("INBOX").uidvalidity == e1


def test_corrupt_state_map_is_replaced_with_a_new_uidvalidity(
    maildir: Path, tmp_path: Path
) -> None:
    src = _source(maildir, tmp_path)
    old = src.select("INBOX").uidvalidity
    (map_file,) = (tmp_path / "state").rglob("*.json")
    map_file.write_text("{not json", encoding="utf-8")
    assert src.select("INBOX").uidvalidity != old
    assert json.loads(map_file.read_text(encoding="utf-8"))["uidnext"] == 4


def test_reading_leaves_the_maildir_byte_for_byte_unchanged(maildir: Path, tmp_path: Path) -> None:
    before = _tree_digest(maildir)
    src = _source(maildir, tmp_path)
    src.select("INBOX")
    list(src.fetch("INBOX", src.search_new("INBOX", 0)))
    src.wait("INBOX", 0.0, lambda: False)
    src.close()
    assert _tree_digest(maildir) == before
    assert not list(maildir.rglob("*.json"))


def test_oversized_message_yields_only_its_header_block(maildir: Path, tmp_path: Path) -> None:
    big = _msg("big", "x" * 5000 + "\n")
    _deliver(maildir, "1794815500.M6P1.host", big)
    src = _source(maildir, tmp_path, max_message_bytes=2048)
    (raw,) = src.fetch("INBOX", [4])
    assert raw.oversized
    assert raw.size == len(big)
    assert raw.data == big[: big.index(b"\n\n") + 2]
    assert email.message_from_bytes(raw.data)["Subject"] == "big"
    (small,) = src.fetch("INBOX", [1])
    assert not small.oversized
    assert small.data == (maildir / "new" / "1794815000.M1P1.host").read_bytes()


def test_internal_date_comes_from_the_unique_name(maildir: Path, tmp_path: Path) -> None:
    (raw,) = _source(maildir, tmp_path).fetch("INBOX", [1])
    assert raw.internal_date is not None
    assert int(raw.internal_date.timestamp()) == 1794815000


def test_dotfiles_and_tmp_are_not_mail(maildir: Path, tmp_path: Path) -> None:
    (maildir / "new" / ".gitkeep").write_bytes(b"")
    (maildir / "tmp" / "1794815600.M7P1.host").write_bytes(_msg("half-delivered"))
    assert _source(maildir, tmp_path).search_new("INBOX", 0) == [1, 2, 3]


def test_subfolders_are_maildir_plus_plus(maildir: Path, tmp_path: Path) -> None:
    sub = maildir / ".Triage.Priority"
    for d in ("new", "cur", "tmp"):
        (sub / d).mkdir(parents=True)
    _deliver(sub, "1794815700.M8P1.host", _msg("moved"))
    src = _source(maildir, tmp_path)
    state = src.select("Triage/Priority")
    assert state.exists == 1
    assert state.uidvalidity != src.select("INBOX").uidvalidity
    assert [m.key.folder for m in src.fetch("Triage/Priority", [1])] == ["Triage/Priority"]
    with pytest.raises(ConfigError, match="Nope"):
        src.select("Nope")
    with pytest.raises(ConfigError, match="not valid"):
        src.select("../etc")


def test_missing_maildir_is_a_config_error_that_says_how_to_fix_it(tmp_path: Path) -> None:
    src = MaildirMailSource(tmp_path / "nowhere", tmp_path / "state")
    with pytest.raises(ConfigError) as info:
        src.connect()
    message = str(info.value)
    assert str(tmp_path / "nowhere") in message
    assert "[maildir] path" in message
    assert "[imap] host" in message


def test_wait_returns_true_when_a_file_arrives(maildir: Path, tmp_path: Path) -> None:
    src = _source(maildir, tmp_path)
    src.search_new("INBOX", 0)
    assert src.wait("INBOX", 0.2, lambda: False) is False

    timer = threading.Timer(0.3, _deliver, (maildir, "1794815800.M9P1.host", _msg("late")))
    timer.start()
    started = time.monotonic()
    try:
        assert src.wait("INBOX", 5.0, lambda: False) is True
    finally:
        timer.cancel()
    assert time.monotonic() - started < 3.0
    assert src.search_new("INBOX", 3) == [4]


def test_wait_reports_files_that_arrived_before_it_started(maildir: Path, tmp_path: Path) -> None:
    src = _source(maildir, tmp_path)
    src.search_new("INBOX", 0)
    _deliver(maildir, "1794815900.M10P1.host", _msg("between"))
    assert src.wait("INBOX", 0.0, lambda: False) is True
    # a folder never searched before: everything in it is news
    fresh = MaildirMailSource(maildir, tmp_path / "other-state")
    assert fresh.wait("INBOX", 0.0, lambda: False) is True


def test_wait_stops_early_when_asked(maildir: Path, tmp_path: Path) -> None:
    src = _source(maildir, tmp_path)
    src.search_new("INBOX", 0)
    calls: list[float] = []

    def stop_on_second_check() -> bool:
        calls.append(time.monotonic())
        return len(calls) >= 2

    started = time.monotonic()
    assert src.wait("INBOX", 30.0, stop_on_second_check) is False
    assert time.monotonic() - started < 2.5
    assert len(calls) == 2


def test_wait_sleeps_in_steps_of_at_most_a_second(maildir: Path, tmp_path: Path) -> None:
    sleeps: list[float] = []
    now = [0.0]

    def fake_sleep(seconds: float) -> None:
        sleeps.append(seconds)
        now[0] += seconds

    src = MaildirMailSource(maildir, tmp_path / "state", sleep=fake_sleep, clock=lambda: now[0])
    src.search_new("INBOX", 0)
    assert src.wait("INBOX", 3.5, lambda: False) is False
    assert sleeps == [1.0, 1.0, 1.0, 0.5]


def test_unique_name_drops_the_info_suffix() -> None:
    assert unique_name("1794815000.M1P1.host:2,RS") == "1794815000.M1P1.host"
    assert unique_name("1794815000.M1P1.host") == "1794815000.M1P1.host"


# -- the bundled sample ---------------------------------------------------------------------


def _sample_files() -> list[Path]:
    return sorted(p for p in (SAMPLE / "maildir" / "new").iterdir() if not p.name.startswith("."))


def test_sample_mailbox_has_enough_well_formed_messages() -> None:
    files = _sample_files()
    assert len(files) >= 45
    ids = set()
    for path in files:
        msg = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        for header in ("Message-ID", "From", "Subject", "Date", "To", "MIME-Version"):
            assert msg[header], f"{path.name}: no {header}"
        assert msg["Date"].datetime.tzinfo is not None, path.name
        assert msg["Date"].datetime.year == 2026, path.name
        ids.add(msg["Message-ID"])
        assert msg.get_body(("plain", "html")) is not None, f"{path.name}: no text body"
    assert len(ids) == len(files), "Message-IDs must be unique"


def test_sample_labels_cover_every_file_and_the_label_space() -> None:
    rows = [
        json.loads(line)
        for line in (SAMPLE / "expected.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assert sorted(r["file"] for r in rows) == [p.name for p in _sample_files()]
    customers = [r for r in rows if not r["not_customer"]]
    for label in LABELS:
        assert {r[label] for r in customers} == {0, 1, 2, 3}, label
    assert {r["kind"] for r in rows} == {"customer", "auto_reply", "bounce", "mailing_list"}
    for r in rows:
        assert r["not_customer"] == (r["kind"] != "customer"), r["file"]
        if r["not_customer"]:
            assert (r["urgency"], r["frustration"]) == (0, 0), r["file"]


def test_reading_the_bundled_sample_leaves_it_unchanged(tmp_path: Path) -> None:
    before = _tree_digest(SAMPLE / "maildir")
    src = _source(SAMPLE / "maildir", tmp_path)
    state = src.select("INBOX")
    fetched = list(src.fetch("INBOX", src.search_new("INBOX", 0)))
    assert len(fetched) == state.exists == len(_sample_files())
    assert [m.key.uid for m in fetched] == list(range(1, len(fetched) + 1))
    assert _tree_digest(SAMPLE / "maildir") == before


def test_sample_uids_follow_delivery_order_even_after_a_fresh_checkout(tmp_path: Path) -> None:
    # a git checkout gives every file the same mtime: the name order must decide
    copy = tmp_path / "checkout"
    shutil.copytree(SAMPLE / "maildir", copy)
    for p in (copy / "new").iterdir():
        os.utime(p, (1_800_000_000, 1_800_000_000))
    fetched = list(_source(copy, tmp_path).fetch("INBOX", range(1, 100)))
    names = [p.name for p in _sample_files()]
    assert [int(n.split(".")[0]) for n in names] == sorted(int(n.split(".")[0]) for n in names)
    stamps = [m.internal_date for m in fetched]
    assert stamps == sorted(d for d in stamps if d is not None)
