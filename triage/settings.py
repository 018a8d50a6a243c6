"""One typed, validated Settings object from ``config/triage.toml`` plus ``TRIAGE_*`` variables.

Precedence (later wins): built-in defaults < the TOML file < environment variables.
Every key ``[section] key`` can be overridden by ``TRIAGE_<SECTION>_<KEY>``
(``TRIAGE_IMAP_HOST``). Secrets (the IMAP password, an OAuth2 token) come only from the
environment or from a file named in the TOML (``password_file``); a secret written into
the TOML is refused, so it never ends up in a repository or a log.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, model_validator

from triage import configfile
from triage.errors import ConfigError
from triage.oauth import OAuthSettings, with_secrets
from triage.replies.case_config import CaseSettings
from triage.route import RoutingPolicy
from triage.sla import SlaPolicy

ENV_PREFIX = "TRIAGE_"
# TRIAGE_ACCOUNT_<NAME>_PASSWORD / _OAUTH2_TOKEN: the secret of the [[accounts]] entry NAME
ACCOUNT_ENV_PREFIX = "TRIAGE_ACCOUNT_"
DEFAULT_CONFIG = Path("config/triage.toml")


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ImapSettings(_Section):
    """The help desk's mailbox. ``host = ""`` means: read the local Maildir instead (demo)."""

    host: str = ""
    port: int = Field(default=993, ge=1, le=65535)
    tls: Literal["implicit", "starttls", "none"] = "implicit"
    ca_file: Path | None = None
    verify_hostname: bool = True
    username: str = ""
    auth: Literal["password", "xoauth2"] = "password"
    password_file: Path | None = None
    oauth2_token_file: Path | None = None
    folder: str = "INBOX"
    extra_folders: tuple[str, ...] = ()
    priority_folder: str = "Triage/Priority"
    # The mailbox side of the priority queue, done only after the DB commit, never deleting:
    # "copy" puts priority mail into priority_folder as well; "none" keeps it DB-only.
    priority_action: Literal["copy", "none"] = "copy"
    # also set this IMAP keyword on priority mail ("" = none; servers without keywords skip it)
    priority_keyword: str = "$Priority"
    account: str = "default"
    connect_timeout: float = Field(default=15.0, gt=0)
    read_timeout: float = Field(default=60.0, gt=0)
    batch_size: int = Field(default=100, ge=1, le=5000)
    max_message_bytes: int = Field(default=25 * 1024 * 1024, ge=1024)
    idle: bool = True
    idle_renew_seconds: float = Field(default=540.0, gt=0, le=600.0)
    poll_interval: float = Field(default=60.0, gt=0)
    # Secrets: filled from TRIAGE_IMAP_PASSWORD / TRIAGE_IMAP_OAUTH2_TOKEN or the files above.
    password: SecretStr | None = Field(default=None, exclude=True)
    oauth2_token: SecretStr | None = Field(default=None, exclude=True)


class MaildirSettings(_Section):
    """The embedded default source: a local Maildir (the bundled sample mailbox)."""

    path: Path = Path("samples/maildir")


class StoreSettings(_Section):
    url: str = ""  # "" = sqlite file data_dir/triage.db
    busy_timeout: float = Field(default=10.0, ge=0)


class ModelSettings(_Section):
    path: Path = Path("models")
    threads: int = Field(default=0, ge=0)  # 0 = as many as the machine has
    # where the ONNX graph built from the artifact is cached (None = <data_dir>/model-cache)
    cache_dir: Path | None = None


class WorkerSettings(_Section):
    heartbeat_seconds: float = Field(default=60.0, gt=0)
    backoff_initial: float = Field(default=1.0, gt=0)
    backoff_max: float = Field(default=300.0, gt=0)
    # how long a worker holds the new emails it claimed for triage; a killed worker's emails
    # go back to the others after this (a batch takes seconds, so minutes is ample)
    claim_lease_seconds: float = Field(default=300.0, gt=0)


class PathsSettings(_Section):
    data_dir: Path = Path("var")
    data_sets: Path = Path("../shared/data")


class LogSettings(_Section):
    level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    format: Literal["text", "json"] = "text"


class MetricsSettings(_Section):
    """Prometheus metrics: an HTTP endpoint on ``addr:port`` (0 = off) and/or a textfile."""

    port: int = Field(default=0, ge=0, le=65535)
    addr: str = "127.0.0.1"
    textfile: Path | None = None


class SmtpSettings(_Section):
    """Optional direct sending (`triage send --smtp`); the default is a draft in the mailbox."""

    host: str = ""
    port: int = Field(default=587, ge=1, le=65535)
    tls: Literal["implicit", "starttls"] = "starttls"
    ca_file: Path | None = None
    username: str = ""
    # from TRIAGE_SMTP_PASSWORD only
    password: SecretStr | None = Field(default=None, exclude=True)


class RepliesSettings(_Section):
    # wording templates, tone-checker lists and knowledge-base options (see the file)
    config: Path = Path("config/replies.toml")
    # the knowledge base of fixes: one Markdown file per fix
    knowledge_dir: Path = Path("config/knowledge")
    # From: of drafts and sent replies ("" = the IMAP username)
    from_address: str = ""


class ReadingSettings(_Section):
    """The text reading (triage/reading/): asks, deadline, tried steps, language. Off saves
    about 15 ms an email and 110 MB per process (spaCy), and leaves those parts empty."""

    enabled: bool = True


class Settings(_Section):
    imap: ImapSettings = ImapSettings()
    maildir: MaildirSettings = MaildirSettings()
    store: StoreSettings = StoreSettings()
    model: ModelSettings = ModelSettings()
    worker: WorkerSettings = WorkerSettings()
    paths: PathsSettings = PathsSettings()
    log: LogSettings = LogSettings()
    sla: SlaPolicy = SlaPolicy()
    routing: RoutingPolicy = RoutingPolicy()
    replies: RepliesSettings = RepliesSettings()
    reading: ReadingSettings = ReadingSettings()
    kb: CaseSettings = CaseSettings()
    metrics: MetricsSettings = MetricsSettings()
    smtp: SmtpSettings = SmtpSettings()
    oauth: OAuthSettings = OAuthSettings()
    # more mailboxes, each a full [imap]-style table: [[accounts]] with its own `account` name
    accounts: tuple[ImapSettings, ...] = ()
    source_file: str = Field(default="(built-in defaults)", exclude=True)

    @property
    def store_url(self) -> str:
        return self.store.url or f"sqlite:///{self.paths.data_dir / 'triage.db'}"

    @property
    def uses_imap(self) -> bool:
        return bool(self.imap.host)

    @model_validator(mode="after")
    def _unique_accounts(self) -> Settings:
        names = [self.imap.account, *(a.account for a in self.accounts)]
        dup = sorted({n for n in names if names.count(n) > 1})
        if dup:
            raise ValueError(f"account names must be unique; repeated: {', '.join(dup)}")
        missing = [n for n, a in enumerate(self.accounts) if not a.host]
        if missing:
            raise ValueError(f"[[accounts]] entry {missing[0] + 1} has no host")
        return self

    def account_names(self) -> list[str]:
        return [self.imap.account, *(a.account for a in self.accounts)]

    def with_log_format(self, log_format: str) -> Settings:
        """These settings with a command line's ``--log-format``."""
        if log_format not in ("text", "json"):
            raise ConfigError(f"--log-format must be text or json, not {log_format!r}")
        return self.model_copy(update={"log": self.log.model_copy(update={"format": log_format})})

    def for_account(self, name: str | None) -> Settings:
        """These settings with ``name``'s mailbox as [imap] (None: the [imap] one itself)."""
        if name is None or name == self.imap.account:
            return self
        for acc in self.accounts:
            if acc.account == name:
                return self.model_copy(update={"imap": acc})
        raise ConfigError(
            f"{self.source_file}: no account {name!r} (known: {', '.join(self.account_names())})"
        )


_SECRETS: dict[str, tuple[str, str]] = {
    # section.key -> (env var, file key that may point at it)
    "imap.password": ("TRIAGE_IMAP_PASSWORD", "password_file"),
    "imap.oauth2_token": ("TRIAGE_IMAP_OAUTH2_TOKEN", "oauth2_token_file"),
    "smtp.password": ("TRIAGE_SMTP_PASSWORD", "(none)"),
    "oauth.client_secret": ("TRIAGE_OAUTH_CLIENT_SECRET", "client_secret_file"),
    "oauth.refresh_token": ("TRIAGE_OAUTH_REFRESH_TOKEN", "refresh_token_file"),
}


def _sections() -> dict[str, type[BaseModel]]:
    out: dict[str, type[BaseModel]] = {}
    for name, f in Settings.model_fields.items():
        ann = f.annotation
        if isinstance(ann, type) and issubclass(ann, BaseModel):
            out[name] = ann
    return out


def _env_overrides(env: Mapping[str, str], where: dict[str, str]) -> dict[str, dict[str, Any]]:
    """TRIAGE_<SECTION>_<KEY>=value -> {section: {key: value}}; unknown names are errors."""
    sections = _sections()
    out: dict[str, dict[str, Any]] = {}
    for name, value in env.items():
        if not name.startswith(ENV_PREFIX) or name in ("TRIAGE_CONFIG",):
            continue
        if name.startswith(ACCOUNT_ENV_PREFIX):
            continue  # secrets of [[accounts]] mailboxes, read in _account_secrets
        rest = name[len(ENV_PREFIX) :].lower()
        section = next((s for s in sections if rest.startswith(s + "_")), None)
        if section is None:
            raise ConfigError(
                f"environment variable {name}: no settings section "
                f"'{rest.split('_')[0]}' (known: {', '.join(sections)})"
            )
        key = rest[len(section) + 1 :]
        if key not in sections[section].model_fields:
            raise ConfigError(f"environment variable {name}: [{section}] has no key '{key}'")
        parsed: Any = value
        if value.startswith("[") and value.endswith("]"):
            # lists in the environment are written TOML-style: ["INBOX", "Later"]
            try:
                parsed = tomllib.loads(f"v = {value}")["v"]
            except tomllib.TOMLDecodeError as exc:
                raise ConfigError(f"environment variable {name}: not a TOML list: {exc}") from exc
        out.setdefault(section, {})[key] = parsed
        where[f"{section}.{key}"] = f"environment variable {name}"
    return out


def _read_secret_file(path: Path, key: str, source: str) -> SecretStr:
    try:
        text = configfile.read_text(path, f"{source}: {key} = {str(path)!r}").strip()
    except OSError as exc:
        raise ConfigError(
            f"{source}: {key} = {str(path)!r} cannot be read: {exc.strerror}"
        ) from exc
    if not text:
        raise ConfigError(f"{source}: {key} = {str(path)!r} is empty")
    return SecretStr(text)


def load_settings(
    path: Path | None = None,
    env: Mapping[str, str] | None = None,
) -> Settings:
    """Read and validate the settings once; raise ConfigError naming the key and its source."""
    env = os.environ if env is None else env
    if path is None and env.get("TRIAGE_CONFIG"):
        path = Path(env["TRIAGE_CONFIG"])
    explicit = path is not None
    path = path if path is not None else DEFAULT_CONFIG
    source = str(path)
    data: dict[str, Any] = {}
    if path.exists():
        try:
            data = tomllib.loads(configfile.read_text(path, source))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{source}: not valid TOML: {exc}") from exc
        except OSError as exc:
            raise ConfigError(f"{source}: cannot be read: {exc.strerror}") from exc
    elif explicit:
        raise ConfigError(f"{source}: config file not found (pass --config PATH or create it)")
    else:
        source = "(built-in defaults)"

    where: dict[str, str] = {}
    for section, values in data.items():
        if isinstance(values, dict):
            for key in values:
                where[f"{section}.{key}"] = source
                if f"{section}.{key}" in _SECRETS:
                    env_name, file_key = _SECRETS[f"{section}.{key}"]
                    where_else = f"set {env_name}" + (
                        f" or point [{section}] {file_key} at a file"
                        if file_key != "(none)"
                        else ""
                    )
                    raise ConfigError(
                        f"{source}: [{section}] {key}: secrets are not read from the config file; "
                        f"{where_else}"
                    )
    for n, entry in enumerate(
        data.get("accounts", []) if isinstance(data.get("accounts"), list) else []
    ):
        for key in ("password", "oauth2_token"):
            if isinstance(entry, dict) and key in entry:
                raise ConfigError(
                    f"{source}: [[accounts]] entry {n + 1}: {key}: secrets are not read from the "
                    f"config file; set {account_env(str(entry.get('account', '?')), key)} or "
                    f"point {key if key != 'password' else 'password_file'} at a file"
                )
    for section, values in _env_overrides(env, where).items():
        target = data.setdefault(section, {})
        if not isinstance(target, dict):
            raise ConfigError(f"{source}: '{section}' must be a [section] table")
        target.update(values)

    try:
        settings = Settings.model_validate({**data, "source_file": source})
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = ".".join(str(p) for p in err["loc"])
            origin = where.get(loc, source)
            if err["type"] == "extra_forbidden":
                problems.append(f"{origin}: unknown key '{loc}'")
            else:
                problems.append(f"{origin}: {loc}: {err['msg']} (got {err.get('input')!r})")
        raise ConfigError("invalid settings:\n  " + "\n  ".join(problems)) from exc

    imap = settings.imap
    updates: dict[str, Any] = {}
    if imap.password_file is not None and "TRIAGE_IMAP_PASSWORD" not in env:
        updates["password"] = _read_secret_file(imap.password_file, "[imap] password_file", source)
    if imap.oauth2_token_file is not None and "TRIAGE_IMAP_OAUTH2_TOKEN" not in env:
        updates["oauth2_token"] = _read_secret_file(
            imap.oauth2_token_file, "[imap] oauth2_token_file", source
        )
    if updates:
        settings = settings.model_copy(update={"imap": imap.model_copy(update=updates)})
    if settings.oauth.enabled:
        settings = settings.model_copy(update={"oauth": with_secrets(settings.oauth, env)})
    if settings.accounts:
        settings = settings.model_copy(
            update={"accounts": tuple(_account_secrets(a, env, source) for a in settings.accounts)}
        )
    return settings


def account_env(name: str, key: str) -> str:
    """TRIAGE_ACCOUNT_<NAME>_<KEY>, NAME upper-cased with anything not [A-Z0-9] as _."""
    return ACCOUNT_ENV_PREFIX + re.sub(r"[^A-Z0-9]", "_", name.upper()) + "_" + key.upper()


def _account_secrets(acc: ImapSettings, env: Mapping[str, str], source: str) -> ImapSettings:
    updates: dict[str, Any] = {}
    for key, file_key in (("password", "password_file"), ("oauth2_token", "oauth2_token_file")):
        name = account_env(acc.account, key)
        if env.get(name):
            updates[key] = SecretStr(env[name])
        elif getattr(acc, file_key) is not None:
            updates[key] = _read_secret_file(
                getattr(acc, file_key), f"[[accounts]] {acc.account}: {file_key}", source
            )
    return acc.model_copy(update=updates) if updates else acc


def require_imap_credentials(settings: Settings) -> None:
    """Fail early, in plain words, when the mailbox cannot possibly be logged into."""
    imap = settings.imap
    if not imap.username:
        raise ConfigError(
            f"{settings.source_file}: [imap] username is empty (or set TRIAGE_IMAP_USERNAME)"
        )
    extra = any(a.account == imap.account for a in settings.accounts)
    if imap.auth == "password" and imap.password is None:
        where = (
            f"{account_env(imap.account, 'password')} or password_file in its [[accounts]] entry"
            if extra
            else "TRIAGE_IMAP_PASSWORD or [imap] password_file"
        )
        raise ConfigError(
            f"no IMAP password for account {imap.account!r}: set {where} in {settings.source_file}"
        )
    if imap.auth == "xoauth2" and imap.oauth2_token is None and not settings.oauth.enabled:
        raise ConfigError(
            "no OAuth2 access token: set TRIAGE_IMAP_OAUTH2_TOKEN or [imap] oauth2_token_file "
            f"in {settings.source_file}"
        )
