"""The CLI end to end (typer's CliRunner), incl. bad configuration against a real server."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from imapclient import IMAPClient
from typer.testing import CliRunner

from cli import EXIT_AUTH, EXIT_CONFIG, EXIT_DOCTOR, EXIT_MAILBOX, EXIT_STORE, app
from triage.settings import ImapSettings

from .livehelp import append_many, write_config

runner = CliRunner()


def invoke(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env={"TRIAGE_CONFIG": "", **(env or {})})


def test_help_documents_exit_codes() -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    assert "Exit codes" in result.output
    assert "refused" in result.output


def test_unknown_key_names_key_and_file(tmp_path: Path) -> None:
    cfg = tmp_path / "bad.toml"
    cfg.write_text("[imap]\nhots = 'x'\n", encoding="utf-8")
    result = invoke("status", "--config", str(cfg))
    assert result.exit_code == EXIT_CONFIG
    assert "unknown key 'imap.hots'" in result.output
    assert str(cfg) in result.output


def test_utf16_config_is_a_config_error_not_a_crash(tmp_path: Path) -> None:
    cfg = tmp_path / "triage.toml"
    cfg.write_bytes("[imap]\nhost = 'x'\n".encode("utf-16"))  # starts \xff\xfe
    result = invoke("status", "--config", str(cfg))
    assert result.exit_code == EXIT_CONFIG, result.output
    assert "UTF-16" in result.output
    assert str(cfg) in result.output


def test_missing_password_is_a_config_error(tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text(
        f"[imap]\nhost = '127.0.0.1'\nusername = 'u'\n[paths]\ndata_dir = '{tmp_path}'\n",
        encoding="utf-8",
    )
    result = invoke("poll", "--once", "--config", str(cfg))
    assert result.exit_code == EXIT_CONFIG
    assert "TRIAGE_IMAP_PASSWORD" in result.output


def test_status_json_shape_on_an_empty_database(tmp_path: Path) -> None:
    result = invoke("status", "--json", env={"TRIAGE_PATHS_DATA_DIR": str(tmp_path)})
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"folders": [], "emails": {"total": 0, "quarantined": 0}}


def test_store_url_in_a_missing_directory_is_created_only_under_the_data_dir(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    outside = tmp_path / "not" / "here"
    env = {"TRIAGE_PATHS_DATA_DIR": str(data), "TRIAGE_STORE_URL": f"sqlite:///{outside}/t.db"}
    result = invoke("status", env=env)
    assert result.exit_code == EXIT_CONFIG, result.output
    assert f"{outside} does not exist" in " ".join(result.output.split())
    assert not (tmp_path / "not").exists()
    # the default database, in a data directory that does not exist yet, is created
    assert invoke("status", env={"TRIAGE_PATHS_DATA_DIR": str(data / "var")}).exit_code == 0
    assert (data / "var" / "triage.db").is_file()


@pytest.mark.live
def test_poll_once_json_then_status_json(
    imap: IMAPClient, imap_settings: Callable[..., ImapSettings], tmp_path: Path
) -> None:
    append_many(imap, "INBOX", 12)
    cfg = write_config(imap_settings(), tmp_path)
    env = {"TRIAGE_IMAP_PASSWORD": "test"}
    first = invoke("poll", "--once", "--json", "--config", str(cfg), env=env)
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout.strip().splitlines()[-1]) == {
        "fetched": 12,
        "stored": 12,
        "quarantined": 0,
        "already_known": 0,
    }
    again = invoke("poll", "--once", "--json", "--config", str(cfg), env=env)
    assert json.loads(again.stdout.strip().splitlines()[-1])["fetched"] == 0
    status = json.loads(invoke("status", "--json", "--config", str(cfg)).stdout)
    assert status["emails"] == {"total": 12, "quarantined": 0}
    [folder] = status["folders"]
    assert folder["folder"] == "INBOX"
    assert folder["last_uid"] == 12
    assert set(folder) == {"account", "folder", "uidvalidity", "last_uid", "last_sync"}


@pytest.mark.live
def test_wrong_port_is_mailbox_unavailable(
    imap_settings: Callable[..., ImapSettings], tmp_path: Path
) -> None:
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now
    cfg = write_config(imap_settings(), tmp_path, port=port)
    result = invoke("poll", "--once", "--config", str(cfg), env={"TRIAGE_IMAP_PASSWORD": "test"})
    assert result.exit_code == EXIT_MAILBOX, result.output


@pytest.mark.live
def test_untrusted_certificate_is_refused(
    imap_settings: Callable[..., ImapSettings], tmp_path: Path
) -> None:
    cfg = write_config(imap_settings(), tmp_path, ca_file=None)
    result = invoke("poll", "--once", "--config", str(cfg), env={"TRIAGE_IMAP_PASSWORD": "test"})
    assert result.exit_code == EXIT_CONFIG, result.output
    assert "certificate" in result.output.lower()


@pytest.mark.live
def test_wrong_password_is_an_auth_error_and_never_echoed(
    imap_settings: Callable[..., ImapSettings], tmp_path: Path
) -> None:
    cfg = write_config(imap_settings(), tmp_path)
    result = invoke(
        "poll", "--once", "--config", str(cfg), env={"TRIAGE_IMAP_PASSWORD": "wr0ng-pw"}
    )
    assert result.exit_code == EXIT_AUTH, result.output
    assert "wr0ng-pw" not in result.output


@pytest.mark.live
def test_doctor_ok_and_doctor_failing(
    imap: IMAPClient, imap_settings: Callable[..., ImapSettings], tmp_path: Path
) -> None:
    cfg = write_config(imap_settings(), tmp_path)
    ok = invoke("doctor", "--config", str(cfg), env={"TRIAGE_IMAP_PASSWORD": "test"})
    assert "mailbox: IMAP 127.0.0.1: INBOX" in ok.output
    assert ok.exit_code == 0, ok.output
    bad = invoke("doctor", "--config", str(cfg), env={"TRIAGE_IMAP_PASSWORD": "nope"})
    assert bad.exit_code == EXIT_DOCTOR
    assert "FAIL" in bad.output


def test_demo_ingests_the_sample_mailbox_and_is_idempotent(tmp_path: Path) -> None:
    env = {"TRIAGE_PATHS_DATA_DIR": str(tmp_path)}
    first = invoke("demo", env=env)
    assert first.exit_code == 0, first.output
    assert "stored 50" in first.output
    second = invoke("demo", env=env)
    assert second.exit_code == 0, second.output
    assert "stored 0" in second.output


def test_db_upgrade_and_an_old_schema_is_refused(tmp_path: Path) -> None:
    from triage.store import schema
    from triage.store.engine import make_engine

    env = {"TRIAGE_PATHS_DATA_DIR": str(tmp_path)}
    engine = make_engine(f"sqlite:///{tmp_path / 'triage.db'}")
    schema.upgrade(engine, "0001")  # a database left by an older version
    engine.dispose()
    refused = invoke("poll", "--once", env=env)
    assert refused.exit_code == EXIT_STORE
    assert "triage db upgrade" in refused.output
    status = invoke("db", "status", "--json", env=env)
    assert status.exit_code == EXIT_STORE
    assert json.loads(status.stdout)["current"] == "0001"
    upgraded = invoke("db", "upgrade", env=env)
    assert upgraded.exit_code == 0, upgraded.output
    assert "0001 -> " in upgraded.stdout
    assert invoke("db", "status", env=env).exit_code == 0


@pytest.mark.live
def test_poll_once_covers_every_mailbox_in_the_config(
    dovecot: object,
    imap_connect: Callable[..., IMAPClient],
    imap_settings: Callable[..., ImapSettings],
    tmp_path: Path,
) -> None:
    first = imap_connect()
    append_many(first, "INBOX", 3)
    second = imap_connect(user="t-second-box")
    append_many(second, "INBOX", 2, start=100)
    cfg = write_config(imap_settings(), tmp_path, account="desk")
    base = imap_settings()
    cfg.write_text(
        cfg.read_text()
        + "[[accounts]]\naccount = 'second'\nhost = '127.0.0.1'\n"
        + f"port = {base.port}\ntls = 'implicit'\nca_file = '{base.ca_file}'\n"
        + "username = 't-second-box'\n",
        encoding="utf-8",
    )
    env = {"TRIAGE_IMAP_PASSWORD": "test", "TRIAGE_ACCOUNT_SECOND_PASSWORD": "test"}
    result = invoke("poll", "--once", "--json", "--config", str(cfg), env=env)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout.strip().splitlines()[-1])["stored"] == 5
    status = json.loads(invoke("status", "--json", "--config", str(cfg)).stdout)
    assert sorted(f["account"] for f in status["folders"]) == ["desk", "second"]


def test_poll_writes_the_metrics_textfile(tmp_path: Path) -> None:
    prom = tmp_path / "triage.prom"
    env = {
        "TRIAGE_PATHS_DATA_DIR": str(tmp_path),
        "TRIAGE_METRICS_TEXTFILE": str(prom),
        "TRIAGE_MODEL_CACHE_DIR": str(Path(__file__).resolve().parent.parent / "var/model-cache"),
    }
    result = invoke("poll", "--once", "--json", env=env)
    assert result.exit_code == 0, result.output
    text = prom.read_text()
    assert "triage_emails_ingested_total 50.0" in text
    assert "triage_emails_classified_total 50.0" in text
    assert 'triage_queue_depth{queue="priority"}' in text
    assert "triage_last_sync_timestamp_seconds" in text
