import hashlib

from triage.domain import MailKey, RawMessage
from triage.parse.intake import to_intake

KEY = MailKey("default", "INBOX", 7, 42)


def test_a_message_the_server_would_not_hand_over_is_quarantined_not_skipped() -> None:
    item = to_intake(RawMessage(KEY, b"", 1234, fetch_error="the server refused to fetch it: NO"))
    assert item.quarantined
    assert item.error == "the server refused to fetch it: NO"
    assert item.key == KEY
    assert item.size == 1234


def test_two_messages_the_server_would_not_hand_over_are_never_one() -> None:
    # both arrive as empty bytes: hashing those would merge every refusal into one row
    refused = [
        to_intake(RawMessage(MailKey("default", "INBOX", 7, uid), b"", 10, fetch_error="NO"))
        for uid in (1, 2)
    ]
    assert refused[0].content_hash != refused[1].content_hash


def test_a_message_without_message_id_carries_its_old_body_hash() -> None:
    data = b"From: a@x.example\r\nSubject: s\r\n\r\nPlease help.\r\n"
    item = to_intake(RawMessage(KEY, data, len(data)))
    assert item.legacy_hash == hashlib.sha256(b"Please help.\n").hexdigest()
    assert item.content_hash != item.legacy_hash
    with_id = to_intake(RawMessage(KEY, b"Message-ID: <a@x>\r\n" + data, len(data) + 20))
    assert with_id.legacy_hash is None  # its hash never changed


def test_unparsable_bytes_are_quarantined_with_the_reason() -> None:
    item = to_intake(RawMessage(KEY, b"\x00\x01garbage", 9))
    assert item.quarantined
    assert item.error


def test_an_oversized_message_keeps_its_headers_and_message_id() -> None:
    head = b"From: a@x.example\r\nSubject: big\r\nMessage-ID: <big@x>\r\n"
    item = to_intake(RawMessage(KEY, head, 50_000_000, oversized=True), max_bytes=1000)
    assert item.quarantined
    assert item.message_id == "<big@x>"
    assert item.email is not None
    assert item.email.subject == "big"
    assert "over the cap of 1000 bytes" in (item.error or "")
