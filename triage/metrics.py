"""Prometheus metrics: one registry per ``Metrics``, made by the CLI and passed down.

Nothing is registered globally (prometheus_client's default registry would make every test
and every Store share counters), and callers use the typed methods below, never the
prometheus_client objects, so the names and labels stay in this one file.

Exposed two ways, either or both: ``serve`` (an HTTP endpoint on a local port, in a daemon
thread) and ``write_textfile`` (for node-exporter's textfile collector, replaced atomically so
a scrape never reads half a file).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from threading import Thread
from time import perf_counter
from typing import Any

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    start_http_server,
)

from triage import errors
from triage.errors import ConfigError

NAMESPACE = "triage"
QUEUES = ("priority", "normal", "ignored")
# one series per error class of triage.errors (+ "unexpected"): a bounded label set, and
# every kind is exported as 0 from the start so rate() and alerts work before the first error
ERROR_KINDS = (
    *sorted(
        name
        for name, value in vars(errors).items()
        if isinstance(value, type) and issubclass(value, errors.TriageError)
        if value is not errors.TriageError
    ),
    "unexpected",
)
# one observation per classified batch: a fraction of a second to a minute on a small CPU
CLASSIFICATION_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)


def error_kind(exc: BaseException | str) -> str:
    """The ``kind`` label for an error: its triage.errors class name, else "unexpected"."""
    if isinstance(exc, str):
        return exc if exc in ERROR_KINDS else "unexpected"
    for cls in type(exc).__mro__:
        if cls.__name__ in ERROR_KINDS and cls.__module__ == errors.__name__:
            return cls.__name__
    return "unexpected"


@dataclass(frozen=True)
class MetricsServer:
    """The running HTTP endpoint; ``port`` is the bound one (useful when asked for port 0)."""

    server: Any
    thread: Thread
    addr: str
    port: int

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        r, ns = self.registry, NAMESPACE
        self._ingested = Counter(
            "emails_ingested",
            "Emails stored by intake (parsed or quarantined).",
            namespace=ns,
            registry=r,
        )
        self._classified = Counter(
            "emails_classified", "Emails scored by the classifier.", namespace=ns, registry=r
        )
        self._queued = Counter(
            "emails_queued",
            "Emails routed, by queue and level.",
            ["queue", "level"],
            namespace=ns,
            registry=r,
        )
        self._quarantined = Counter(
            "emails_quarantined",
            "Emails that could not be parsed and were kept aside.",
            namespace=ns,
            registry=r,
        )
        self._errors = Counter(
            "errors", "Errors by kind (triage.errors class).", ["kind"], namespace=ns, registry=r
        )
        self._reconnects = Counter(
            "imap_reconnects",
            "IMAP connections re-opened after a failure.",
            namespace=ns,
            registry=r,
        )
        self._last_sync = Gauge(
            "last_sync_timestamp_seconds",
            "Unix time of the last successful sync of a folder.",
            ["account", "folder"],
            namespace=ns,
            registry=r,
        )
        self._queue_depth = Gauge(
            "queue_depth",
            "Emails waiting for an agent, by queue.",
            ["queue"],
            namespace=ns,
            registry=r,
        )
        self._classification = Histogram(
            "classification_seconds",
            "Wall time of one classifier batch.",
            namespace=ns,
            registry=r,
            buckets=CLASSIFICATION_BUCKETS,
        )
        for kind in ERROR_KINDS:
            self._errors.labels(kind=kind)
        for queue in QUEUES:
            self._queue_depth.labels(queue=queue)

    # -- recording ------------------------------------------------------------------------

    def ingested(self, n: int = 1) -> None:
        self._ingested.inc(n)

    def classified(self, n: int = 1) -> None:
        self._classified.inc(n)

    def queued(self, queue: str, level: str, n: int = 1) -> None:
        self._queued.labels(queue=queue, level=level).inc(n)

    def quarantined(self, n: int = 1) -> None:
        self._quarantined.inc(n)

    def error(self, exc: BaseException | str) -> None:
        """Count one error; pass the exception (or its class name)."""
        self._errors.labels(kind=error_kind(exc)).inc()

    def reconnected(self) -> None:
        self._reconnects.inc()

    def synced(self, account: str, folder: str, at: datetime) -> None:
        """A folder sync committed at ``at`` (an aware datetime)."""
        self._last_sync.labels(account=account, folder=folder).set(at.timestamp())

    def queue_depth(self, queue: str, depth: int) -> None:
        self._queue_depth.labels(queue=queue).set(depth)

    def classification_took(self, seconds: float) -> None:
        self._classification.observe(seconds)

    @contextmanager
    def classifying(self) -> Iterator[None]:
        """Time a classifier batch (also when it raises: a slow failure is still slow)."""
        start = perf_counter()
        try:
            yield
        finally:
            self.classification_took(perf_counter() - start)

    # -- exposing -------------------------------------------------------------------------

    def render(self) -> bytes:
        """The Prometheus text format of everything in this registry."""
        return bytes(generate_latest(self.registry))

    def serve(self, port: int, addr: str = "127.0.0.1") -> MetricsServer:
        """Serve ``/metrics`` on addr:port in a daemon thread (port 0: any free port)."""
        try:
            server, thread = start_http_server(port, addr=addr, registry=self.registry)
        except OSError as exc:
            raise ConfigError(
                f"[metrics] port: cannot listen on {addr}:{port}: {exc.strerror or exc}"
            ) from exc
        return MetricsServer(server, thread, addr, int(server.server_port))

    def write_textfile(self, path: Path | str) -> None:
        """Write the metrics for node-exporter's textfile collector, atomically.

        The temporary file lives in the same directory (rename is atomic only within one
        file system) and does not end in ``.prom``, so the collector never reads it.
        """
        target = Path(path)
        if target.suffix != ".prom":
            raise ConfigError(f"[metrics] textfile: {target} must end in .prom (node-exporter)")
        try:
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        except OSError as exc:
            raise ConfigError(
                f"[metrics] textfile: cannot write in {target.parent}: {exc.strerror}"
            ) from exc
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(self.render())
            os.chmod(tmp, 0o644)  # mkstemp makes 0600; node-exporter runs as another user
            os.replace(tmp, target)
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            raise ConfigError(f"[metrics] textfile: cannot write {target}: {exc.strerror}") from exc
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
