"""Pure IMAP helpers (no server): UIDPLUS codes, IDLE news, fetch batching, TLS settings."""

from __future__ import annotations

import ssl
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import SecretStr

from triage.errors import ConfigError
from triage.mailbox.imap import ImapMailSource
from triage.mailbox.imap_codes import (
    appenduid,
    bare_message_id,
    copyuid_map,
    header_message_id,
    idle_bye,
    idle_news,
    parse_uid_set,
    plan_batches,
)
from triage.mailbox.imap_conn import open_client, scrub, tls_context
from triage.settings import ImapSettings


@pytest.mark.parametrize(
    ("text", "uids"),
    [("4", [4]), ("1:3", [1, 2, 3]), ("1:3,7", [1, 2, 3, 7]), ("9:7", [7, 8, 9]), ("5,2", [5, 2])],
)
def test_parse_uid_set(text: str, uids: list[int]) -> None:
    assert parse_uid_set(text) == uids


def test_copyuid_maps_source_to_destination_in_order() -> None:
    assert copyuid_map([b"1795431149 1:2,5 11:13"]) == {1: 11, 2: 12, 5: 13}
    assert copyuid_map([b"1795431149 7 1"]) == {7: 1}


def test_copyuid_takes_the_newest_and_survives_garbage() -> None:
    assert copyuid_map([b"1 1 1", b"2 3 8"]) == {3: 8}
    assert copyuid_map([]) == {}
    assert copyuid_map([b"1 1:3 1:2"]) == {}  # sets of different length
    assert copyuid_map([b"1 x y"]) == {}
    assert copyuid_map([b"only-two 1"]) == {}


def test_appenduid() -> None:
    assert appenduid([b"1795439196 41"]) == 41
    assert appenduid(["1795439196 7"]) == 7
    assert appenduid([]) is None
    assert appenduid([b"1795439196"]) is None
    assert appenduid([b"1795439196 1:3"]) is None  # MULTIAPPEND form: not ours to guess


def test_idle_news_and_bye() -> None:
    assert idle_news([(4, b"EXISTS"), (1, b"RECENT")])
    assert not idle_news([(2, b"EXPUNGE"), (1, b"FETCH", (b"FLAGS", (b"\\Seen",)))])
    assert not idle_news([(b"OK", b"Still here")])
    assert not idle_news([])
    assert idle_bye([(b"BYE", b"Server", b"shutting", b"down.")])
    assert not idle_bye([(4, b"EXISTS")])


def test_message_id_comparison_form() -> None:
    assert bare_message_id(" <abc@host> ") == "abc@host"
    assert bare_message_id("abc@host") == "abc@host"
    assert bare_message_id("<>") == ""


@pytest.mark.parametrize(
    ("block", "mid"),
    [
        (b"Message-ID: <a@b>\r\n\r\n", "a@b"),
        (b"message-id:\r\n  <folded@b>\r\n\r\n", "folded@b"),
        (b"Message-Id:\t<tab@b>\r\n", "tab@b"),
        (b"\r\n", None),  # the message has no Message-ID
        (b"Message-ID: \r\n\r\n", None),
        (b"X-Message-ID: <other@b>\r\n\r\n", None),
    ],
)
def test_header_message_id(block: bytes, mid: str | None) -> None:
    assert header_message_id(block) == mid


def test_plan_batches_caps_count_and_bytes() -> None:
    sizes = {1: 10, 2: 10, 3: 10, 4: 50, 5: 10}
    assert plan_batches([1, 2, 3, 4, 5], sizes, max_count=2, max_bytes=1000) == [
        [1, 2],
        [3, 4],
        [5],
    ]
    assert plan_batches([1, 2, 3, 4, 5], sizes, max_count=10, max_bytes=30) == [
        [1, 2, 3],
        [4],  # bigger than the budget alone: still fetched, on its own
        [5],
    ]
    assert plan_batches([], sizes, max_count=2, max_bytes=10) == []


@given(
    sizes=st.lists(st.integers(min_value=0, max_value=100), max_size=60),
    max_count=st.integers(min_value=1, max_value=10),
    max_bytes=st.integers(min_value=1, max_value=300),
)
def test_plan_batches_keeps_every_uid_once_in_order(
    sizes: list[int], max_count: int, max_bytes: int
) -> None:
    uids = list(range(1, len(sizes) + 1))
    by_uid = dict(zip(uids, sizes, strict=True))
    batches = plan_batches(uids, by_uid, max_count, max_bytes)
    assert [u for b in batches for u in b] == uids
    for b in batches:
        assert 1 <= len(b) <= max_count
        if len(b) > 1:
            assert sum(by_uid[u] for u in b) <= max_bytes


def _settings(**kw: object) -> ImapSettings:
    base: dict[str, object] = {"host": "imap.example.test", "username": "help"}
    base.update(kw)
    return ImapSettings.model_validate(base)


def test_scrub_removes_both_secrets() -> None:
    s = _settings(password=SecretStr("pw-123"), oauth2_token=SecretStr("tok-456"))
    assert scrub("NO pw-123 and tok-456 rejected", s) == "NO *** and *** rejected"
    assert scrub("nothing here", _settings()) == "nothing here"


def test_tls_context_verifies_by_default() -> None:
    ctx = tls_context(_settings())
    assert ctx.verify_mode == ssl.CERT_REQUIRED
    assert ctx.check_hostname is True
    relaxed = tls_context(_settings(verify_hostname=False))
    assert relaxed.verify_mode == ssl.CERT_REQUIRED  # only the name check is off
    assert relaxed.check_hostname is False


def test_unreadable_ca_file_is_a_config_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.pem"
    with pytest.raises(ConfigError, match="ca_file"):
        tls_context(_settings(ca_file=missing))


def test_empty_host_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="host"):
        open_client(_settings(host=""))


@pytest.mark.parametrize(
    ("kw", "hint"),
    [
        ({"username": ""}, "username"),
        ({}, "TRIAGE_IMAP_PASSWORD"),
        ({"auth": "xoauth2", "password": SecretStr("pw")}, "TRIAGE_IMAP_OAUTH2_TOKEN"),
    ],
)
def test_missing_credentials_fail_before_connecting(kw: dict[str, object], hint: str) -> None:
    # the host does not resolve: reaching the network would raise MailboxUnavailable instead
    with pytest.raises(ConfigError, match=hint):
        open_client(_settings(**kw))


def test_close_without_connect_is_quiet() -> None:
    src = ImapMailSource(_settings(account="helpdesk"))
    assert src.account == "helpdesk"
    src.close()
    src.close()
