"""OAuth2 refresh against a real HTTP token endpoint on 127.0.0.1 (stdlib http.server)."""

from __future__ import annotations

import json
import logging
import shutil
import socket
import ssl
import stat
import threading
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from tests.dovecot_harness import make_cert
from triage.errors import AuthError, ConfigError, TransientError
from triage.oauth import OAuthSettings, TokenSource, with_secrets

REFRESH = "1//refresh-SECRET-abc"
CLIENT_SECRET = "client-SECRET-xyz"


@dataclass
class Reply:
    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that timed out on purpose leaves a broken pipe behind


class TokenEndpoint:
    """Answers each POST with the next scripted Reply and records the form it received."""

    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self.replies: list[Reply] = []
        self.forms: list[dict[str, str]] = []
        endpoint = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                form = urllib.parse.parse_qs(self.rfile.read(length).decode())
                endpoint.forms.append({k: v[0] for k, v in form.items()})
                reply = endpoint.replies.pop(0)
                time.sleep(reply.delay)
                data = json.dumps(reply.body).encode() if reply.body is not None else b""
                self.send_response(reply.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for k, v in reply.headers.items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = _QuietServer(("127.0.0.1", 0), Handler)
        scheme = "http"
        if tls is not None:
            self.server.socket = tls.wrap_socket(self.server.socket, server_side=True)
            scheme = "https"
        self.url = f"{scheme}://127.0.0.1:{self.server.server_port}/token"
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.thread.start()

    def grant(self, access: str, expires_in: int = 3600, **extra: Any) -> None:
        body = {"access_token": access, "token_type": "Bearer", "expires_in": expires_in}
        self.replies.append(Reply(body={**body, **extra}))

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def endpoint() -> Iterator[TokenEndpoint]:
    ep = TokenEndpoint()
    yield ep
    ep.close()


def _settings(url: str, **kw: Any) -> OAuthSettings:
    base: dict[str, Any] = {
        "token_url": url,
        "client_id": "triage-app",
        "scope": "https://mail.google.com/",
        "timeout": 2.0,
    }
    settings = OAuthSettings(**{**base, **kw})
    return with_secrets(
        settings,
        {"TRIAGE_OAUTH_REFRESH_TOKEN": REFRESH, "TRIAGE_OAUTH_CLIENT_SECRET": CLIENT_SECRET},
    )


def test_first_use_refreshes_and_sends_the_grant(endpoint: TokenEndpoint) -> None:
    endpoint.grant("access-1")
    source = TokenSource(_settings(endpoint.url), clock=Clock())

    assert source.token() == "access-1"
    assert source.token() == "access-1"  # still valid: no second request

    assert endpoint.forms == [
        {
            "grant_type": "refresh_token",
            "refresh_token": REFRESH,
            "client_id": "triage-app",
            "client_secret": CLIENT_SECRET,
            "scope": "https://mail.google.com/",
        }
    ]


def test_refreshes_before_expiry_and_uses_the_new_token(endpoint: TokenEndpoint) -> None:
    clock = Clock()
    endpoint.grant("access-1", expires_in=3600)
    endpoint.grant("access-2", expires_in=3600)
    source = TokenSource(_settings(endpoint.url, refresh_margin=300), clock=clock)

    assert source.token() == "access-1"
    assert source.expires_at == 1000.0 + 3600
    clock.now = 1000.0 + 3600 - 301
    assert source.token() == "access-1"
    clock.now = 1000.0 + 3600 - 300  # five minutes before expiry
    assert source.token() == "access-2"
    assert len(endpoint.forms) == 2
    assert source.expires_at == clock.now + 3600


def test_a_short_lived_token_is_not_refreshed_on_every_call(endpoint: TokenEndpoint) -> None:
    clock = Clock()
    endpoint.grant("short", expires_in=120)
    source = TokenSource(_settings(endpoint.url, refresh_margin=300), clock=clock)
    source.token()
    clock.now += 59
    assert source.token() == "short"
    assert len(endpoint.forms) == 1


def test_invalidate_forces_a_refresh(endpoint: TokenEndpoint) -> None:
    endpoint.grant("access-1")
    endpoint.grant("access-2")
    source = TokenSource(_settings(endpoint.url), clock=Clock())
    source.token()
    source.invalidate()
    assert source.token() == "access-2"


def test_invalid_grant_is_an_auth_error_without_secrets(
    endpoint: TokenEndpoint, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    endpoint.grant("access-1", expires_in=600)
    endpoint.replies.append(
        Reply(
            400,
            {
                "error": "invalid_grant",
                # a provider echoing the token back must not get it into our message
                "error_description": f"Token has been expired or revoked ({REFRESH}).",
            },
        )
    )
    clock = Clock()
    source = TokenSource(_settings(endpoint.url), clock=clock)
    source.token()
    clock.now += 600

    with pytest.raises(AuthError) as err:
        source.token()

    message = str(err.value)
    assert message == (
        f"OAuth2 token refresh at {endpoint.url} failed: HTTP 400 invalid_grant: "
        "Token has been expired or revoked ([secret])."
    )
    logged = " ".join(f"{r.getMessage()} {r.__dict__}" for r in caplog.records)
    for secret in (REFRESH, CLIENT_SECRET, "access-1"):
        assert secret not in message
        assert secret not in logged
    assert len(endpoint.forms) == 2  # one attempt, no retry


def test_server_errors_and_unreachable_endpoints_are_transient(endpoint: TokenEndpoint) -> None:
    endpoint.replies.append(Reply(503, {"error": "temporarily_unavailable"}))
    source = TokenSource(_settings(endpoint.url), clock=Clock())
    with pytest.raises(TransientError, match="HTTP 503 temporarily_unavailable"):
        source.token()

    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    closed = TokenSource(_settings(f"http://127.0.0.1:{port}/token"), clock=Clock())
    with pytest.raises(TransientError, match="refused"):
        closed.token()


def test_a_hanging_endpoint_times_out(endpoint: TokenEndpoint) -> None:
    endpoint.replies.append(Reply(body={"access_token": "late"}, delay=1.5))
    source = TokenSource(_settings(endpoint.url, timeout=0.3), clock=Clock())
    with pytest.raises(TransientError, match="timed out"):
        source.token()


def test_a_redirect_is_not_followed(endpoint: TokenEndpoint) -> None:
    endpoint.replies.append(Reply(302, headers={"Location": "http://127.0.0.1:9/steal"}))
    source = TokenSource(_settings(endpoint.url), clock=Clock())
    with pytest.raises(AuthError, match="HTTP 302"):
        source.token()
    assert len(endpoint.forms) == 1


def test_a_response_without_access_token_is_refused(endpoint: TokenEndpoint) -> None:
    endpoint.replies.append(Reply(200, {"token_type": "Bearer"}))
    source = TokenSource(_settings(endpoint.url), clock=Clock())
    with pytest.raises(AuthError, match="no access_token"):
        source.token()


def test_a_rotated_refresh_token_is_saved_and_used(endpoint: TokenEndpoint, tmp_path: Path) -> None:
    token_file = tmp_path / "refresh_token"
    token_file.write_text(REFRESH + "\n")
    endpoint.grant("access-1", expires_in=600, refresh_token="rotated-2")
    endpoint.grant("access-2", expires_in=600)
    clock = Clock()
    settings = with_secrets(
        OAuthSettings(token_url=endpoint.url, client_id="app", refresh_token_file=token_file), {}
    )
    source = TokenSource(settings, clock=clock)

    source.token()
    assert token_file.read_text() == "rotated-2\n"
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
    clock.now += 600
    assert source.token() == "access-2"
    assert [f["refresh_token"] for f in endpoint.forms] == [REFRESH, "rotated-2"]
    assert "client_secret" not in endpoint.forms[0]  # a public client sends none
    assert "scope" not in endpoint.forms[0]


def test_settings_refuse_a_clear_text_endpoint_and_missing_secrets(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="https"):
        OAuthSettings(token_url="http://login.example.com/token")
    OAuthSettings(token_url="https://oauth2.googleapis.com/token")
    with pytest.raises(ConfigError, match="TRIAGE_OAUTH_REFRESH_TOKEN"):
        TokenSource(OAuthSettings(token_url="https://oauth2.googleapis.com/token", client_id="a"))
    with pytest.raises(ConfigError, match="client_id"):
        TokenSource(OAuthSettings(token_url="https://oauth2.googleapis.com/token"))
    empty = tmp_path / "empty"
    empty.write_text("\n")
    with pytest.raises(ConfigError, match="refresh_token_file.*is empty"):
        TokenSource(
            OAuthSettings(
                token_url="https://oauth2.googleapis.com/token",
                client_id="a",
                refresh_token_file=empty,
            )
        )
    with pytest.raises(ConfigError, match="client_secret_file.*cannot be read"):
        with_secrets(OAuthSettings(client_secret_file=tmp_path / "missing"), {})


def test_the_environment_wins_over_the_secret_file(tmp_path: Path) -> None:
    secret_file = tmp_path / "secret"
    secret_file.write_text("from-file\n")
    settings = OAuthSettings(client_secret_file=secret_file)
    from_file = with_secrets(settings, {})
    from_env = with_secrets(settings, {"TRIAGE_OAUTH_CLIENT_SECRET": "from-env"})
    assert from_file.client_secret is not None
    assert from_file.client_secret.get_secret_value() == "from-file"
    assert from_env.client_secret is not None
    assert from_env.client_secret.get_secret_value() == "from-env"
    assert "from-file" not in repr(from_file)


@pytest.fixture
def tls_endpoint(tmp_path: Path) -> Iterator[tuple[TokenEndpoint, Path]]:
    """A token endpoint behind TLS, with a fresh self-signed certificate for 127.0.0.1."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    make_cert(str(tmp_path))
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(tmp_path / "cert.pem", tmp_path / "key.pem")
    ep = TokenEndpoint(tls=ctx)
    yield ep, tmp_path / "cert.pem"
    ep.close()


def test_tls_is_verified(tls_endpoint: tuple[TokenEndpoint, Path]) -> None:
    endpoint, cert = tls_endpoint
    untrusted = TokenSource(_settings(endpoint.url), clock=Clock())
    with pytest.raises(ConfigError, match="certificate is not trusted.*ca_file"):
        untrusted.token()
    assert endpoint.forms == []  # nothing was sent

    endpoint.grant("over-tls")
    trusted = TokenSource(_settings(endpoint.url, ca_file=cert), clock=Clock())
    assert trusted.token() == "over-tls"
