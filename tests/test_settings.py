from pathlib import Path

import pytest

from triage.errors import ConfigError
from triage.settings import load_settings, require_imap_credentials


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "triage.toml"
    p.write_text(text, encoding="utf-8")
    return p


def test_defaults_without_a_file_use_maildir_and_sqlite(tmp_path: Path) -> None:
    s = load_settings(env={})
    assert s.imap.folder == "INBOX"
    assert s.imap.tls == "implicit"
    assert not s.uses_imap
    assert s.store_url == "sqlite:///var/triage.db"


def test_shipped_config_file_is_valid() -> None:
    s = load_settings(Path("config/triage.toml"), env={})
    assert s.source_file == "config/triage.toml"
    assert s.imap.priority_folder == "Triage/Priority"


def test_env_overrides_file_and_splits_section_from_key_once(tmp_path: Path) -> None:
    cfg = write(tmp_path, '[imap]\nhost = "a.example"\npriority_folder = "P"\n')
    s = load_settings(
        cfg,
        env={
            "TRIAGE_IMAP_HOST": "b.example",
            "TRIAGE_IMAP_PRIORITY_FOLDER": "Urgent",
            "TRIAGE_IMAP_EXTRA_FOLDERS": '["Later", "Archive"]',
            "TRIAGE_IMAP_PORT": "1993",
        },
    )
    assert s.imap.host == "b.example"
    assert s.imap.priority_folder == "Urgent"
    assert s.imap.extra_folders == ("Later", "Archive")
    assert s.imap.port == 1993


def test_unknown_key_names_key_and_file(tmp_path: Path) -> None:
    cfg = write(tmp_path, "[imap]\nhots = 'x'\n")
    with pytest.raises(ConfigError, match=r"triage\.toml: unknown key 'imap\.hots'"):
        load_settings(cfg, env={})


def test_unknown_section_is_an_error(tmp_path: Path) -> None:
    cfg = write(tmp_path, "[imapp]\nhost = 'x'\n")
    with pytest.raises(ConfigError, match="unknown key 'imapp'"):
        load_settings(cfg, env={})


def test_wrong_type_and_value_name_the_key(tmp_path: Path) -> None:
    cfg = write(tmp_path, "[imap]\nport = 'nine'\ntls = 'sometimes'\n")
    with pytest.raises(ConfigError) as info:
        load_settings(cfg, env={})
    msg = str(info.value)
    assert "imap.port" in msg
    assert "imap.tls" in msg
    assert str(cfg) in msg


def test_bad_env_value_names_the_variable() -> None:
    with pytest.raises(ConfigError, match="TRIAGE_IMAP_PORT"):
        load_settings(env={"TRIAGE_IMAP_PORT": "99999"})


def test_unknown_env_key_is_an_error() -> None:
    with pytest.raises(ConfigError, match="TRIAGE_IMAP_PASWORD"):
        load_settings(env={"TRIAGE_IMAP_PASWORD": "x"})


def test_password_in_toml_is_refused(tmp_path: Path) -> None:
    cfg = write(tmp_path, "[imap]\npassword = 'hunter2'\n")
    with pytest.raises(ConfigError, match="TRIAGE_IMAP_PASSWORD") as info:
        load_settings(cfg, env={})
    assert "hunter2" not in str(info.value)


def test_password_from_env_and_from_file(tmp_path: Path) -> None:
    s = load_settings(env={"TRIAGE_IMAP_PASSWORD": "s3cret"})
    assert s.imap.password is not None
    assert s.imap.password.get_secret_value() == "s3cret"
    assert "s3cret" not in repr(s)
    secret = tmp_path / "pw"
    secret.write_text("fromfile\n", encoding="utf-8")
    cfg = write(tmp_path, f"[imap]\npassword_file = '{secret}'\n")
    s2 = load_settings(cfg, env={})
    assert s2.imap.password is not None
    assert s2.imap.password.get_secret_value() == "fromfile"


def test_missing_password_file_is_named(tmp_path: Path) -> None:
    cfg = write(tmp_path, f"[imap]\npassword_file = '{tmp_path / 'nope'}'\n")
    with pytest.raises(ConfigError, match="password_file"):
        load_settings(cfg, env={})


def test_missing_password_is_reported_before_connecting() -> None:
    s = load_settings(env={"TRIAGE_IMAP_HOST": "imap.example", "TRIAGE_IMAP_USERNAME": "u"})
    with pytest.raises(ConfigError, match="TRIAGE_IMAP_PASSWORD"):
        require_imap_credentials(s)


def test_explicit_missing_config_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_settings(tmp_path / "nope.toml", env={})


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    cfg = write(tmp_path, "[imap\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(cfg, env={})
