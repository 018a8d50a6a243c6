"""Metrics: scraped from the real HTTP endpoint on a loopback port, and the textfile."""

from __future__ import annotations

import socket
import stat
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from triage.errors import ConfigError, MessageError, StoreBusy
from triage.metrics import ERROR_KINDS, Metrics, MetricsServer, error_kind


def _samples(text: str) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    return {
        (s.name, frozenset(s.labels.items())): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def _value(text: str, name: str, **labels: str) -> float:
    return _samples(text)[(name, frozenset(labels.items()))]


@pytest.fixture
def metrics() -> Metrics:
    return Metrics()


@pytest.fixture
def served(metrics: Metrics) -> Iterator[MetricsServer]:
    server = metrics.serve(0)
    yield server
    server.close()


def _scrape(server: MetricsServer) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{server.port}/metrics", timeout=5) as resp:
        assert resp.status == 200
        body: bytes = resp.read()
    return body.decode()


def test_scrape_shows_what_was_recorded(metrics: Metrics, served: MetricsServer) -> None:
    metrics.ingested(5)
    metrics.ingested()
    metrics.classified(4)
    metrics.queued("priority", "critical")
    metrics.queued("normal", "low", 3)
    metrics.quarantined()
    metrics.error(StoreBusy("locked"))
    metrics.reconnected()
    metrics.reconnected()
    metrics.synced("help", "INBOX", datetime(2026, 11, 23, 12, 0, tzinfo=UTC))
    metrics.queue_depth("priority", 7)
    metrics.classification_took(0.3)

    text = _scrape(served)

    assert served.addr == "127.0.0.1"
    assert _value(text, "triage_emails_ingested_total") == 6
    assert _value(text, "triage_emails_classified_total") == 4
    assert _value(text, "triage_emails_queued_total", queue="priority", level="critical") == 1
    assert _value(text, "triage_emails_queued_total", queue="normal", level="low") == 3
    assert _value(text, "triage_emails_quarantined_total") == 1
    assert _value(text, "triage_errors_total", kind="StoreBusy") == 1
    assert _value(text, "triage_errors_total", kind="AuthError") == 0
    assert _value(text, "triage_imap_reconnects_total") == 2
    assert _value(
        text, "triage_last_sync_timestamp_seconds", account="help", folder="INBOX"
    ) == pytest.approx(datetime(2026, 11, 23, 12, 0, tzinfo=UTC).timestamp())
    assert _value(text, "triage_queue_depth", queue="priority") == 7
    assert _value(text, "triage_queue_depth", queue="normal") == 0
    assert _value(text, "triage_classification_seconds_count") == 1
    assert _value(text, "triage_classification_seconds_bucket", le="0.25") == 0
    assert _value(text, "triage_classification_seconds_bucket", le="0.5") == 1


def test_every_error_kind_is_exported_before_the_first_error(metrics: Metrics) -> None:
    text = metrics.render().decode()
    for kind in ERROR_KINDS:
        assert _value(text, "triage_errors_total", kind=kind) == 0
    assert {"AuthError", "StoreBusy", "MailboxUnavailable", "unexpected"} <= set(ERROR_KINDS)


def test_error_kind_is_the_triage_error_class_or_unexpected() -> None:
    class BadCharset(MessageError):
        pass

    assert error_kind(StoreBusy("x")) == "StoreBusy"
    assert error_kind(BadCharset("x")) == "MessageError"
    assert error_kind(ValueError("x")) == "unexpected"
    assert error_kind("AuthError") == "AuthError"
    assert error_kind("made-up") == "unexpected"


def test_classifying_times_a_batch_even_when_it_fails(metrics: Metrics) -> None:
    with metrics.classifying():
        pass
    with pytest.raises(RuntimeError), metrics.classifying():
        raise RuntimeError("model crashed")
    assert _value(metrics.render().decode(), "triage_classification_seconds_count") == 2


def test_two_instances_share_nothing() -> None:
    a, b = Metrics(), Metrics()
    a.ingested(3)
    assert _value(a.render().decode(), "triage_emails_ingested_total") == 3
    assert _value(b.render().decode(), "triage_emails_ingested_total") == 0


def test_a_taken_port_is_a_config_error(metrics: Metrics) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(ConfigError, match=f"127.0.0.1:{port}"):
            metrics.serve(port)


def test_textfile_is_replaced_whole_and_readable(metrics: Metrics, tmp_path: Path) -> None:
    target = tmp_path / "triage.prom"
    target.write_text("stale\n")
    metrics.ingested(2)

    metrics.write_textfile(target)

    text = target.read_text()
    assert _value(text, "triage_emails_ingested_total") == 2
    assert text.encode() == metrics.render()
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["triage.prom"]  # no temporary left

    metrics.ingested()
    metrics.write_textfile(str(target))
    assert _value(target.read_text(), "triage_emails_ingested_total") == 3


def test_textfile_needs_a_prom_name_and_a_directory(metrics: Metrics, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"must end in \.prom"):
        metrics.write_textfile(tmp_path / "triage.txt")
    with pytest.raises(ConfigError, match="cannot write in"):
        metrics.write_textfile(tmp_path / "missing" / "triage.prom")
