"""Opening an IMAP connection, and turning imapclient's errors into triage's.

Only this module and triage/mailbox/imap.py import imapclient. Failure modes this code relies
on (imapclient 4.1.0 against Dovecot; table in dovecot-harness.md §8):

- a dead or hung link shows up as ``IMAPClient.AbortError`` *or* a bare ``OSError``
  (``ssl.SSLEOFError``, ``TimeoutError``, ``ConnectionResetError``): both mean "reconnect";
- a server ``BYE`` is an ``AbortError``;
- ``login()`` wraps *every* failure in ``LoginError``, including a socket EOF mid-login, so the
  chained ``__context__`` decides between "bad password" and "connection lost";
- an untrusted certificate is ``ssl.SSLCertVerificationError``, which is also an ``OSError``
  and must be caught before it: retrying cannot fix it.
"""

from __future__ import annotations

import logging
import ssl
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import NoReturn

from imapclient import IMAPClient, SocketTimeout
from pydantic import SecretStr

from triage.errors import AuthError, ConfigError, MailboxUnavailable
from triage.settings import ImapSettings

log = logging.getLogger(__name__)

# An IMAP error which is neither a dropped link nor a refused login (a NO or BAD reply).
CommandError = IMAPClient.Error
LinkErrors = (IMAPClient.AbortError, OSError)


def where(settings: ImapSettings) -> str:
    return f"IMAP {settings.host}:{settings.port}"


def scrub(text: str, settings: ImapSettings) -> str:
    """Remove the secrets from ``text``; server replies are echoed into our messages."""
    for secret in (settings.password, settings.oauth2_token):
        if secret is not None and secret.get_secret_value():
            text = text.replace(secret.get_secret_value(), "***")
    return text


def tls_context(settings: ImapSettings) -> ssl.SSLContext:
    """A verifying context: the system CAs, or only ``ca_file`` when one is set."""
    try:
        ctx = ssl.create_default_context(cafile=str(settings.ca_file) if settings.ca_file else None)
    except (OSError, ssl.SSLError) as exc:
        raise ConfigError(
            f"[imap] ca_file = {str(settings.ca_file)!r} cannot be loaded: {exc}"
        ) from exc
    ctx.check_hostname = settings.verify_hostname
    return ctx


def _tls_refused(settings: ImapSettings, exc: BaseException) -> NoReturn:
    raise ConfigError(
        f"{where(settings)}: the server's TLS certificate is not trusted ({exc}); "
        f"point [imap] ca_file at its CA (now {str(settings.ca_file) if settings.ca_file else 'unset: system CAs'}), "
        f"set verify_hostname = false for a name mismatch, or check [imap] tls = {settings.tls!r}"
    ) from exc


@contextmanager
def link_errors(settings: ImapSettings, action: str) -> Iterator[None]:
    """Translate a lost, refused or hung connection into ``MailboxUnavailable``."""
    try:
        yield
    except ssl.SSLCertVerificationError as exc:
        _tls_refused(settings, exc)
    except LinkErrors as exc:
        raise MailboxUnavailable(
            f"{where(settings)}: connection lost during {action}: "
            f"{scrub(str(exc) or type(exc).__name__, settings)}"
        ) from exc


def open_client(
    settings: ImapSettings, token_source: Callable[[], str] | None = None
) -> IMAPClient:
    """Connect, secure and log in; the caller owns the returned client."""
    if not settings.host:
        raise ConfigError("[imap] host is empty (set TRIAGE_IMAP_HOST)")
    credentials(settings, refreshing=token_source is not None)
    timeout = SocketTimeout(connect=settings.connect_timeout, read=settings.read_timeout)
    implicit = settings.tls == "implicit"
    ctx = tls_context(settings) if settings.tls != "none" else None
    with link_errors(settings, "connect"):
        client = IMAPClient(
            settings.host, port=settings.port, ssl=implicit, ssl_context=ctx, timeout=timeout
        )
    try:
        with link_errors(settings, "connect"):
            if settings.tls == "starttls":
                try:
                    client.starttls(ctx)
                except LinkErrors:
                    raise
                except CommandError as exc:
                    raise ConfigError(
                        f"{where(settings)}: STARTTLS failed ({exc}); the server may not offer "
                        "it: check [imap] tls and port (implicit TLS is usually port 993)"
                    ) from exc
            elif settings.tls == "none":
                log.warning(
                    "%s: no TLS ([imap] tls = none): credentials travel in clear", where(settings)
                )
            _login(client, settings, token_source)
            if client.has_capability("CONDSTORE"):
                # makes SELECT report HIGHESTMODSEQ; must happen before any SELECT
                client.enable("CONDSTORE")
    except BaseException:
        with suppress(Exception):
            client.shutdown()
        raise
    client.normalise_times = False  # keep INTERNALDATE's offset: we return aware datetimes
    return client


def credentials(settings: ImapSettings, *, refreshing: bool = False) -> tuple[str, SecretStr, str]:
    """(user, secret, where to fix it); a ConfigError before any connection is made.

    ``refreshing``: the XOAUTH2 access token comes from an [oauth] token endpoint instead.
    """
    if settings.auth == "xoauth2" and refreshing:
        if not settings.username:
            raise ConfigError(f"{where(settings)}: [imap] username is empty (TRIAGE_IMAP_USERNAME)")
        return settings.username, SecretStr(""), "the [oauth] settings (token_url, refresh token)"
    if settings.auth == "xoauth2":
        secret, hint = (
            settings.oauth2_token,
            "TRIAGE_IMAP_OAUTH2_TOKEN / [imap] oauth2_token_file (the token may have expired)",
        )
    else:
        secret, hint = settings.password, "TRIAGE_IMAP_PASSWORD / [imap] password_file"
    if not settings.username:
        raise ConfigError(f"{where(settings)}: [imap] username is empty (TRIAGE_IMAP_USERNAME)")
    if secret is None:
        raise ConfigError(
            f"{where(settings)}: no credentials for {settings.username!r}: set {hint}"
        )
    return settings.username, secret, hint


def _login(
    client: IMAPClient, settings: ImapSettings, token_source: Callable[[], str] | None
) -> None:
    user, secret, hint = credentials(settings, refreshing=token_source is not None)
    try:
        if settings.auth == "xoauth2":
            # a refreshing token source renews the access token before it expires
            token = token_source() if token_source is not None else secret.get_secret_value()
            client.oauth2_login(user, token)
        else:
            client.login(user, secret.get_secret_value())
    except CommandError as exc:
        text = scrub(str(exc), settings)
        if isinstance(exc, LinkErrors) or isinstance(exc.__context__, LinkErrors):
            raise MailboxUnavailable(
                f"{where(settings)}: connection lost during login: {text}"
            ) from exc
        if "UNAVAILABLE" in text.upper():  # RFC 5530: a server-side problem, try again later
            raise MailboxUnavailable(
                f"{where(settings)}: login temporarily refused: {text}"
            ) from exc
        raise AuthError(
            f"{where(settings)}: login refused for user {user!r} ({text}); check {hint}"
        ) from exc
