"""OAuth2 access tokens for XOAUTH2 (Gmail, Microsoft 365), refreshed before they expire.

``TokenSource.token()`` returns an access token good for at least ``refresh_margin`` more
seconds, asking the provider's token endpoint for a new one (``grant_type=refresh_token``)
when needed. One refresh per need, no retry loop here:

- the provider refusing (HTTP 4xx: ``invalid_grant`` for a revoked or expired refresh
  token, ``invalid_client`` for a wrong secret) raises AuthError at once, with the HTTP
  status and the provider's ``error`` / ``error_description``: a person has to act;
- the endpoint unreachable, timing out or failing with 5xx raises TransientError, which the
  worker's backoff retries (logged and counted on every attempt, so never silently);
- an untrusted TLS certificate raises ConfigError, as for IMAP: retrying cannot fix it.

Tokens and secrets never appear in a message or a log line: messages are built from the
provider's error fields only, and scrubbed of the secrets we hold in case a provider echoes
one back.
"""

from __future__ import annotations

import json
import logging
import os
import ssl
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator

from triage.errors import AuthError, ConfigError, TransientError
from triage.textsafe import clean

log = logging.getLogger(__name__)

ENV_CLIENT_SECRET = "TRIAGE_OAUTH_CLIENT_SECRET"
ENV_REFRESH_TOKEN = "TRIAGE_OAUTH_REFRESH_TOKEN"
# RFC 6749 only recommends expires_in; both Google and Microsoft send it, this is a fallback
DEFAULT_EXPIRES_IN = 3600.0
_LOOPBACK = {"127.0.0.1", "::1", "localhost"}


class OAuthSettings(BaseModel):
    """``[oauth]``: where and how to refresh the XOAUTH2 access token.

    Gmail: token_url = "https://oauth2.googleapis.com/token", scope = "https://mail.google.com/".
    Microsoft 365: token_url = "https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token",
    scope = "https://outlook.office365.com/IMAP.AccessAsUser.All offline_access".
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    token_url: str = ""  # "" = no refresh: use the static [imap] oauth2 token
    client_id: str = ""
    client_secret_file: Path | None = None
    # Microsoft rotates refresh tokens: keep this file writable (under /var/lib/triage)
    refresh_token_file: Path | None = None
    scope: str = ""
    ca_file: Path | None = None  # a private CA for the token endpoint; default: the system's
    timeout: float = Field(default=15.0, gt=0, le=120)
    refresh_margin: float = Field(default=300.0, ge=0, le=3600)
    # Secrets: from TRIAGE_OAUTH_CLIENT_SECRET / TRIAGE_OAUTH_REFRESH_TOKEN or the files above
    client_secret: SecretStr | None = Field(default=None, exclude=True)
    refresh_token: SecretStr | None = Field(default=None, exclude=True)

    @field_validator("token_url")
    @classmethod
    def _https_only(cls, url: str) -> str:
        if not url:
            return url
        parts = urllib.parse.urlsplit(url)
        if parts.scheme == "https" and parts.hostname:
            return url
        if parts.scheme == "http" and parts.hostname in _LOOPBACK:
            return url  # a local test endpoint; never a refresh token in clear over a network
        raise ValueError("must be an https:// URL (http:// only on the loopback interface)")

    @property
    def enabled(self) -> bool:
        return bool(self.token_url)


def with_secrets(settings: OAuthSettings, env: Mapping[str, str]) -> OAuthSettings:
    """Fill the secrets from the environment, and the client secret from its file.

    The refresh token FILE is not read here but by TokenSource, at every refresh, because
    it may change under us (an operator replacing it, a rotated token written back).
    """
    updates: dict[str, SecretStr] = {}
    if env.get(ENV_CLIENT_SECRET):
        updates["client_secret"] = SecretStr(env[ENV_CLIENT_SECRET].strip())
    elif settings.client_secret_file is not None:
        updates["client_secret"] = SecretStr(
            _read_secret(settings.client_secret_file, "[oauth] client_secret_file")
        )
    if env.get(ENV_REFRESH_TOKEN):
        updates["refresh_token"] = SecretStr(env[ENV_REFRESH_TOKEN].strip())
    return settings.model_copy(update=updates) if updates else settings


def _read_secret(path: Path, key: str) -> str:
    try:
        text = path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise ConfigError(f"{key} = {str(path)!r} cannot be read: {exc.strerror}") from exc
    if not text:
        raise ConfigError(f"{key} = {str(path)!r} is empty")
    return text


@dataclass(frozen=True, slots=True)
class AccessToken:
    value: str
    refresh_at: float  # clock() time after which token() asks for a new one
    expires_at: float


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A token endpoint that redirects is misconfigured; never follow it with our secrets."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


class TokenSource:
    """Thread-safe holder of the current access token; see the module docstring."""

    def __init__(
        self,
        settings: OAuthSettings,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if not settings.enabled:
            raise ConfigError("[oauth] token_url is empty: there is nothing to refresh from")
        if not settings.client_id:
            raise ConfigError("[oauth] client_id is empty")
        if settings.refresh_token is None and settings.refresh_token_file is None:
            raise ConfigError(
                f"no OAuth2 refresh token: set {ENV_REFRESH_TOKEN} or [oauth] refresh_token_file"
            )
        self._settings = settings
        self._clock = clock
        self._lock = threading.Lock()
        self._current: AccessToken | None = None
        self._refresh_token = settings.refresh_token
        # an unreadable or empty file fails now, not at 3 a.m.
        self._sent_refresh_token = self._current_refresh_token()
        try:
            ctx = ssl.create_default_context(
                cafile=str(settings.ca_file) if settings.ca_file else None
            )
        except OSError as exc:  # ssl.SSLError included
            raise ConfigError(
                f"[oauth] ca_file = {str(settings.ca_file)!r} cannot be used: {exc}"
            ) from exc
        self._opener = urllib.request.build_opener(
            urllib.request.HTTPSHandler(context=ctx), _NoRedirect()
        )

    @property
    def expires_at(self) -> float | None:
        current = self._current
        return current.expires_at if current else None

    def token(self) -> str:
        """An access token valid for at least the margin; refreshes first when it is not."""
        with self._lock:
            current = self._current
            if current is None or self._clock() >= current.refresh_at:
                current = self._current = self._refresh()
            return current.value

    def invalidate(self) -> None:
        """The server refused the token (revoked early): the next token() refreshes."""
        with self._lock:
            self._current = None

    # -- internals ------------------------------------------------------------------------

    def _secrets(self) -> list[str]:
        found = [self._sent_refresh_token]
        for secret in (self._refresh_token, self._settings.client_secret):
            if secret is not None:
                found.append(secret.get_secret_value())
        if self._current is not None:
            found.append(self._current.value)
        return [s for s in found if s]

    def _scrub(self, text: str) -> str:
        for secret in self._secrets():
            text = text.replace(secret, "[secret]")
        return clean(text, single_line=True)[:300]

    def _current_refresh_token(self) -> str:
        path = self._settings.refresh_token_file
        if self._refresh_token is None and path is not None:
            # re-read each time: an operator replacing the file needs no restart
            return _read_secret(path, "[oauth] refresh_token_file")
        assert self._refresh_token is not None  # checked in __init__
        return self._refresh_token.get_secret_value()

    def _refresh(self) -> AccessToken:
        s = self._settings
        self._sent_refresh_token = self._current_refresh_token()
        form = {
            "grant_type": "refresh_token",
            "refresh_token": self._sent_refresh_token,
            "client_id": s.client_id,
        }
        if s.client_secret is not None:
            form["client_secret"] = s.client_secret.get_secret_value()
        if s.scope:
            form["scope"] = s.scope
        request = urllib.request.Request(
            s.token_url,
            data=urllib.parse.urlencode(form).encode(),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/json",
            },
            method="POST",
        )
        where = f"OAuth2 token refresh at {s.token_url}"
        started = self._clock()
        try:
            with self._opener.open(request, timeout=s.timeout) as resp:
                body = resp.read()
        except urllib.error.HTTPError as exc:
            raise self._http_error(where, exc) from exc
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, ssl.SSLCertVerificationError):
                # like IMAP: retrying cannot make an untrusted certificate trusted
                raise ConfigError(
                    f"{where}: the server's TLS certificate is not trusted "
                    f"({exc.reason.verify_message}); for a private CA set [oauth] ca_file"
                ) from exc
            raise TransientError(f"{where} failed: {self._scrub(str(exc.reason))}") from exc
        except OSError as exc:  # reset or timed out while reading the answer
            raise TransientError(f"{where} failed: {self._scrub(str(exc) or repr(exc))}") from exc
        return self._accept(where, body, started)

    def _http_error(self, where: str, exc: urllib.error.HTTPError) -> Exception:
        try:
            payload = json.loads(exc.read() or b"{}")
        except (ValueError, OSError):
            payload = {}
        if not isinstance(payload, dict):
            payload = {}
        detail = ": ".join(
            self._scrub(str(payload[k])) for k in ("error", "error_description") if payload.get(k)
        )
        message = f"{where} failed: HTTP {exc.code}" + (f" {detail}" if detail else "")
        if exc.code >= 500 or exc.code == 429:
            return TransientError(message)
        return AuthError(message)

    def _accept(self, where: str, body: bytes, started: float) -> AccessToken:
        try:
            payload = json.loads(body)
        except ValueError:
            payload = None
        if not isinstance(payload, dict) or not isinstance(payload.get("access_token"), str):
            raise AuthError(f"{where}: the response has no access_token")
        try:
            lifetime = float(payload.get("expires_in", DEFAULT_EXPIRES_IN))
        except (TypeError, ValueError):
            lifetime = DEFAULT_EXPIRES_IN
        # a short-lived token would otherwise be refreshed on every call
        margin = min(self._settings.refresh_margin, lifetime / 2)
        token = AccessToken(
            payload["access_token"], started + lifetime - margin, started + lifetime
        )
        rotated = payload.get("refresh_token")
        if isinstance(rotated, str) and rotated and rotated != self._sent_refresh_token:
            self._keep_rotated(rotated)
        log.info("OAuth2 access token refreshed", extra={"expires_in": int(lifetime)})
        return token

    def _keep_rotated(self, new: str) -> None:
        """Microsoft returns a new refresh token on every use; keep it for the next one."""
        path = self._settings.refresh_token_file
        if self._refresh_token is not None or path is None:
            self._refresh_token = SecretStr(new)  # from the environment: memory only
            return
        tmp: str | None = None
        try:
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(new + "\n")
            os.replace(tmp, path)  # mkstemp made it 0600
        except OSError as exc:
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
            # the old refresh token stays valid for a while; say so, keep the new one in memory
            self._refresh_token = SecretStr(new)
            log.warning(
                "OAuth2: cannot save the rotated refresh token to %s (%s); it is kept in "
                "memory until the next restart",
                path,
                exc.strerror,
            )
