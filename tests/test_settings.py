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


def test_several_mailboxes_with_their_own_secrets(tmp_path: Path) -> None:
    pw = tmp_path / "sales-pw"
    pw.write_text("s4les\n", encoding="utf-8")
    cfg = write(
        tmp_path,
        "[imap]\nhost = 'imap.example'\nusername = 'support'\naccount = 'support'\n"
        "[[accounts]]\naccount = 'it-desk'\nhost = 'imap2.example'\nusername = 'it'\n"
        f"[[accounts]]\naccount = 'sales'\nhost = 'imap3.example'\nusername = 's'\n"
        f"password_file = '{pw}'\n",
    )
    s = load_settings(cfg, env={"TRIAGE_ACCOUNT_IT_DESK_PASSWORD": "it-pw"})
    assert s.account_names() == ["support", "it-desk", "sales"]
    it = s.for_account("it-desk")
    assert it.imap.host == "imap2.example"
    assert it.imap.password is not None
    assert it.imap.password.get_secret_value() == "it-pw"
    sales = s.for_account("sales").imap.password
    assert sales is not None
    assert sales.get_secret_value() == "s4les"
    assert s.for_account(None).imap.account == "support"
    with pytest.raises(ConfigError, match="no account 'nope'"):
        s.for_account("nope")


def test_account_names_must_be_unique_and_passwords_stay_out_of_toml(tmp_path: Path) -> None:
    dup = write(tmp_path, "[[accounts]]\naccount = 'default'\nhost = 'x'\n")
    with pytest.raises(ConfigError, match="unique"):
        load_settings(dup, env={})
    secret = write(tmp_path, "[[accounts]]\naccount = 'b'\nhost = 'x'\npassword = 'p'\n")
    with pytest.raises(ConfigError, match="TRIAGE_ACCOUNT_B_PASSWORD"):
        load_settings(secret, env={})


def test_utf16_config_file_is_refused_in_plain_words(tmp_path: Path) -> None:
    # What Windows Notepad and PowerShell's `>` write when they save "Unicode"
    cfg = tmp_path / "triage.toml"
    cfg.write_bytes('[imap]\nhost = "mail.example"\n'.encode("utf-16"))
    assert cfg.read_bytes().startswith(b"\xff\xfe")
    with pytest.raises(ConfigError, match="UTF-16") as err:
        load_settings(cfg, env={})
    assert str(cfg) in str(err.value)
    assert "save it as UTF-8" in str(err.value)


def test_config_file_in_another_8_bit_charset_names_the_line(tmp_path: Path) -> None:
    cfg = tmp_path / "triage.toml"
    cfg.write_bytes('[replies]\n# ok\nfrom_address = "Caf\xe9 <a@b.example>"\n'.encode("latin-1"))
    with pytest.raises(ConfigError, match="not UTF-8") as err:
        load_settings(cfg, env={})
    assert f"{cfg}: line 3" in str(err.value)


def test_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    # Notepad's "UTF-8 with BOM"; tomllib alone says "Invalid statement (at line 1, column 1)"
    cfg = tmp_path / "triage.toml"
    cfg.write_bytes(b"\xef\xbb\xbf" + b'[imap]\nhost = "mail.example"\n')
    assert load_settings(cfg, env={}).imap.host == "mail.example"


def test_secret_file_with_a_byte_order_mark_keeps_it_out_of_the_password(tmp_path: Path) -> None:
    secret = tmp_path / "pw"
    secret.write_bytes(b"\xef\xbb\xbfs3cret\n")
    cfg = write(tmp_path, f'[imap]\nhost = "h"\npassword_file = "{secret}"\n')
    pw = load_settings(cfg, env={}).imap.password
    assert pw is not None
    assert pw.get_secret_value() == "s3cret"
