"""The one exception tree of triage.

::

    TriageError                 base; never raised itself
    ├── ConfigError             settings, secrets or files are wrong: fatal, fix and restart
    │   ├── SchemaError         the database schema is older than this code (run `triage db upgrade`)
    │   └── StoreNotWritable    the database file or its directory is not writable by this user
    ├── ModelError              the model artifact is missing or unreadable: fatal
    ├── TransientError          a server or the database is unreachable or busy: retried with backoff
    │   ├── MailboxUnavailable  IMAP connection lost, refused, timed out, or the server said BYE
    │   └── StoreBusy           the database is locked or the connection dropped
    ├── AuthError               the IMAP server refused the credentials: fatal, never retried in a loop
    ├── MessageError            this one message cannot be handled: it is quarantined, the rest go on
    ├── NotFound                a CLI lookup (an email id, a folder) found nothing
    └── Refused                 an agent action the rules forbid (sending with tone errors, unapproved)

Library errors (imapclient, sqlalchemy, tomllib, pydantic) are translated at the module
that owns the library, with the original chained as ``__cause__``.
"""

from __future__ import annotations


class TriageError(Exception):
    """Base class of every error triage raises on purpose."""


class ConfigError(TriageError):
    """A setting, secret or required file is wrong. The message names the key and the file."""


class SchemaError(ConfigError):
    """The database schema is not the one this code expects."""


class StoreNotWritable(ConfigError):
    """The user running triage may not write the database file, its journal files or its
    directory. The message names the path, its owner and the user; retrying cannot help."""


class ModelError(TriageError):
    """The model artifact is missing, incomplete or does not match this code."""


class TransientError(TriageError):
    """Something outside us is down or busy; the same call may succeed later."""


class MailboxUnavailable(TransientError):
    """The IMAP connection failed, dropped, timed out or was closed by the server."""


class StoreBusy(TransientError):
    """The database was locked or unreachable."""


class AuthError(TriageError):
    """The mail server rejected our credentials (retrying would only lock the account)."""


class MessageError(TriageError):
    """One message could not be parsed or stored; it is quarantined and the run goes on."""


class NotFound(TriageError):
    """A lookup by id or name found nothing."""


class Refused(TriageError):
    """An agent's action goes against the rules (e.g. send an unapproved reply); ``--force``
    overrides. ``details`` carries what to show (e.g. the tone findings)."""

    def __init__(self, message: str, details: object = None) -> None:
        super().__init__(message)
        self.details = details
