"""bytes → Email (triage/parse/message.py): headers, bodies, attachments, kinds, defects, corpus."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from triage.domain import Attachment, Email, MailKind
from triage.errors import MessageError
from triage.parse.message import OVERSIZED_DEFECT, body_hash, parse

MAIL = Path(__file__).parents[1] / "data" / "mail"


def _mail(name: str) -> bytes:
    return (MAIL / name).read_bytes()


def _msg(headers: str, body: str = "Hello, the printer is broken.\n") -> bytes:
    return (headers.strip("\n") + "\n\n" + body).encode()


BASIC = "From: Ann <ann@example.com>\nTo: hd@example.org\nSubject: Printer\nMessage-ID: <a@b>\n"


# --- a whole reply ------------------------------------------------------------------------


def test_plain_reply_all_fields() -> None:
    email = parse(_mail("reply_plain.eml"))
    assert email.message_id == "<CAB123@mail.example.com>"
    assert email.in_reply_to == "<ticket-42@helpdesk.example.org>"
    assert email.references == (
        "<ticket-41@helpdesk.example.org>",
        "<ticket-42@helpdesk.example.org>",
    )
    assert email.subject == "Re: Printer still broken – floor 3"
    assert (email.from_name, email.from_address) == ("Priya Näir", "priya.nair@example.com")
    assert email.to == ("helpdesk@example.org", "ops@example.org")
    assert email.date == datetime(2024, 6, 3, 8, 15, tzinfo=UTC)
    assert email.newest_text == "Hi,\n\nThe printer on floor 3 is still jammed – nobody has come."
    assert email.signature == "Thanks,\nPriya\nInbound Team, Bay 3"
    assert email.quoted_text.endswith("> Help Desk")
    assert email.kind is MailKind.CUSTOMER
    assert email.kind_reason is None
    assert not email.html_only
    assert email.attachments == ()
    assert email.defects == ()


def test_content_hash_is_sha256_of_the_body_and_ignores_line_endings() -> None:
    data = _mail("reply_plain.eml")
    body = data.split(b"\r\n\r\n", 1)[1]
    email = parse(data)
    assert email.content_hash == hashlib.sha256(body.replace(b"\r\n", b"\n")).hexdigest()
    assert parse(data.replace(b"\r\n", b"\n")).content_hash == email.content_hash
    rewritten = data.replace(b"Message-ID:   <CAB123", b"X-Spam: yes\r\nMessage-ID: <CAB123")
    assert parse(rewritten).content_hash == email.content_hash
    assert parse(data.replace(b"jammed", b"fixed!")).content_hash != email.content_hash


def test_without_message_id_the_whole_message_is_hashed() -> None:
    # the report: one body, two customers, and no Message-ID to tell them apart
    alice = _msg(
        "From: Alice <alice@x.example>\nSubject: Laptop broken", "Please help, it is urgent.\n"
    )
    bob = _msg(
        "From: Bob <bob@x.example>\nSubject: Payroll system down", "Please help, it is urgent.\n"
    )
    assert parse(alice).content_hash == hashlib.sha256(alice).hexdigest()
    assert parse(alice).content_hash != parse(bob).content_hash
    # a copy is still the same message, whatever its line endings
    assert parse(alice.replace(b"\n", b"\r\n")).content_hash == parse(alice).content_hash
    # messages with no body at all differ by their headers
    lone = [
        b"Subject: only a header\n",
        b"Subject: another header\n",
        b"Subject: only a header\n\n",
    ]
    assert len({parse(m).content_hash for m in lone}) == 3


def test_body_hash_is_what_earlier_versions_stored() -> None:
    data = b"\r\nFrom: a@b.c\r\nSubject: x\r\n\r\nbody\r\n"
    assert body_hash(data) == hashlib.sha256(b"body\n").hexdigest()
    assert body_hash(b"Subject: only a header\n") == hashlib.sha256(b"").hexdigest()


# --- headers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Message-ID: <a@b>", "<a@b>"),
        ("Message-ID:    <a@b>   ", "<a@b>"),
        ("Message-ID: a@b", "<a@b>"),
        ("Message-ID: <a@b> (comment) <c@d>", "<a@b>"),
        ("Message-ID:\n <folded@host>", "<folded@host>"),
    ],
)
def test_message_id_is_normalised(header: str, expected: str) -> None:
    assert parse(_msg(f"From: a@example.com\n{header}")).message_id == expected


def test_missing_message_id_is_a_defect() -> None:
    email = parse(_msg("From: a@example.com\nSubject: x"))
    assert email.message_id is None
    assert "no Message-ID" in email.defects


def test_in_reply_to_with_prose_around_the_id() -> None:
    email = parse(
        _msg(
            BASIC
            + "In-Reply-To: Your message of Monday <orig@host>\nReferences: junk <r1@h> <r2@h>"
        )
    )
    assert email.in_reply_to == "<orig@host>"
    assert email.references == ("<r1@h>", "<r2@h>")


@pytest.mark.parametrize(
    ("header", "name", "address"),
    [
        (
            "From: =?utf-8?B?SsO8cmdlbiBNw7xsbGVy?= <jm@example.de>",
            "Jürgen Müller",
            "jm@example.de",
        ),
        ('From: "Doe, Jane" <Jane.Doe@Example.COM>', "Doe, Jane", "jane.doe@example.com"),
        ("From: jane@example.com (Jane Doe)", "Jane Doe", "jane@example.com"),
        ("From: <jane@example.com>", None, "jane@example.com"),
        ("From: Jane Doe", "Jane Doe", None),
        ("From: Jane <jane@example.com", "Jane", "jane@example.com"),
        ('From: "=?utf-8?q?Bj=C3=B6rn?=" <b@example.se>', "Björn", "b@example.se"),
    ],
)
def test_from_variants(header: str, name: str | None, address: str | None) -> None:
    email = parse(_msg(f"{header}\nSubject: x\nMessage-ID: <a@b>"))
    assert (email.from_name, email.from_address) == (name, address)


def test_missing_from() -> None:
    email = parse(_msg("Subject: who am I\nMessage-ID: <a@b>"))
    assert (email.from_name, email.from_address) == (None, None)
    assert "no From" in email.defects


def test_raw_8bit_headers() -> None:
    email = parse(_mail("bad_charset.eml"))
    assert email.subject == "café machine"
    assert email.from_name == "René Dubois"


def test_to_keeps_every_address_once() -> None:
    email = parse(
        _msg(
            BASIC.replace(
                "To: hd@example.org", 'To: "B, A" <a@x.org>, c@x.org,\n a@x.org, Undisclosed:;'
            )
        )
    )
    assert email.to == ("a@x.org", "c@x.org")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "Mon, 3 Jun 2024 10:15:00 +0200",
            datetime(2024, 6, 3, 10, 15, tzinfo=timezone(timedelta(hours=2))),
        ),
        ("Mon, 3 Jun 2024 10:15:00 -0000", datetime(2024, 6, 3, 10, 15, tzinfo=UTC)),
        ("3 Jun 2024 10:15 GMT", datetime(2024, 6, 3, 10, 15, tzinfo=UTC)),
        (
            "Mon, 3 Jun 24 10:15:00 EST",
            datetime(2024, 6, 3, 10, 15, tzinfo=timezone(timedelta(hours=-5))),
        ),
    ],
)
def test_dates_are_always_timezone_aware(value: str, expected: datetime) -> None:
    date = parse(_msg(BASIC + f"Date: {value}")).date
    assert date == expected
    assert date is not None
    assert date.tzinfo is not None


@pytest.mark.parametrize("value", ["not a date", "Mon, 99 Foo 2024 99:99:99 +9999", "<HR>", ""])
def test_unparsable_date_is_none_with_a_defect(value: str) -> None:
    email = parse(_msg(BASIC + f"Date: {value}"))
    assert email.date is None
    assert any("Date" in d for d in email.defects)


def test_broken_encoded_subject_does_not_crash() -> None:
    email = parse(_msg("From: a@b.c\nSubject: =?utf-8?B?broken?= =?nope?Q?x?= =?utf-8?q?ok?="))
    assert email.subject.endswith("ok")
    assert "x" in email.subject


def test_blank_lines_before_the_headers_are_tolerated() -> None:
    email = parse(b"\r\n\nFrom: a@b.c\nSubject: late headers\n\nbody\n")
    assert (email.subject, email.newest_text) == ("late headers", "body")
    # no Message-ID: the whole message is hashed, from its first header on
    whole = b"From: a@b.c\nSubject: late headers\n\nbody\n"
    assert email.content_hash == hashlib.sha256(whole).hexdigest()


def test_obsolete_space_before_colon() -> None:
    email = parse(b"From  : Ann <ann@example.com>\nSubject   : Hello\n\nbody\n")
    assert (email.subject, email.from_address, email.newest_text) == (
        "Hello",
        "ann@example.com",
        "body",
    )


# --- bodies -------------------------------------------------------------------------------


def test_html_only_body_is_turned_into_text_and_split() -> None:
    email = parse(_mail("html_only_outlook.eml"))
    assert email.html_only
    assert (
        email.newest_text
        == "Our VPN drops every hour.\n\n* Laptop: T14\n* Since: Monday\n\nSee the status page."
    )
    assert email.quoted_text.startswith("________________________________\nFrom: Help Desk")
    assert "alert" not in email.newest_text


def _html_only(markup: str) -> bytes:
    return _msg(BASIC + "Content-Type: text/html; charset=utf-8", markup)


@pytest.mark.parametrize("depth", [300, 1000, 5000])
def test_deeply_nested_html_keeps_its_text_and_says_so(depth: int) -> None:
    # the HTML parser gives up at 256 levels: the tree holds none of the text below
    markup = "<div>" * depth + "I am FURIOUS, fix it now!" + "</div>" * depth
    email = parse(_html_only(f"<p>Third time asking.</p>{markup}<p>Call me back today.</p>"))
    assert email.newest_text.split("\n")[:1] == ["Third time asking."]
    assert "I am FURIOUS, fix it now!" in email.newest_text
    assert email.newest_text.endswith("Call me back today.")
    assert any(d.startswith("HTML") and "flat" in d for d in email.defects), email.defects


def test_html_nested_100_deep_converts_as_before_without_a_defect() -> None:
    markup = "<div>" * 100 + "I am FURIOUS" + "</div>" * 100
    email = parse(_html_only(markup))
    assert email.newest_text == "I am FURIOUS"
    assert not any(d.startswith("HTML") for d in email.defects)


def _nested_multipart(depth: int) -> bytes:
    inner = b"Content-Type: text/plain\n\nfrom the bottom\n"
    for i in range(depth):
        b = f"d{i}".encode()
        inner = (
            b'Content-Type: multipart/mixed; boundary="'
            + b
            + b'"\n\n--'
            + b
            + b"\n"
            + inner
            + b"\n--"
            + b
            + b"--\n"
        )
    return inner


def _nested_rfc822(depth: int) -> bytes:
    inner = b"From: x@y.example\nContent-Type: text/plain\n\nfrom the bottom\n"
    for _ in range(depth):
        inner = b"From: x@y.example\nContent-Type: message/rfc822\n\n" + inner
    return b"Content-Type: message/rfc822\n\n" + inner


_ANGRY = b"Content-Type: text/plain\n\nI am FURIOUS, third time asking.\n"


@pytest.mark.parametrize(
    "parts",
    [
        pytest.param([_ANGRY, _nested_multipart(2000)], id="text-then-deep-multipart"),
        pytest.param([_nested_multipart(2000), _ANGRY], id="deep-multipart-then-text"),
        pytest.param([_ANGRY, _nested_rfc822(2000)], id="text-then-deep-message"),
        pytest.param([_nested_multipart(50), _ANGRY], id="deep-but-parsable"),
    ],
)
def test_mime_nested_too_deep_keeps_the_text_above_the_cut(parts: list[bytes]) -> None:
    head = "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=top"
    body = b"".join(b"--top\n" + p + b"\n" for p in parts) + b"--top--\n"
    email = parse(_msg(BASIC + head, "").rstrip(b"\n") + b"\n\n" + body)
    assert email.newest_text == "I am FURIOUS, third time asking."
    assert "MIME nesting too deep; rest ignored" in email.defects
    assert "from the bottom" not in email.newest_text


def test_plain_alternative_wins_over_html_and_attachments_are_listed() -> None:
    email = parse(_mail("attachments.eml"))
    assert email.newest_text == "The attached invoice is wrong."
    assert not email.html_only
    assert email.attachments == (
        Attachment("Rechnung März.pdf", "application/pdf", 9 + 256 * 4),
        Attachment("écran.png", "image/png", 8),
    )


def test_empty_plain_part_falls_back_to_html() -> None:
    data = _msg(
        BASIC + 'MIME-Version: 1.0\nContent-Type: multipart/alternative; boundary="b"',
        "--b\nContent-Type: text/plain\n\n \n--b\nContent-Type: text/html\n\n<p>Only here</p>\n--b--\n",
    )
    email = parse(data)
    assert (email.newest_text, email.html_only) == ("Only here", True)


def test_forwarded_message_attachment_is_not_the_body() -> None:
    data = _msg(
        BASIC + 'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b"',
        "--b\nContent-Type: text/plain\n\nSee the attached mail.\n--b\nContent-Type: message/rfc822\n\n"
        "From: x@y.z\nSubject: inner\n\nInner text must not be the body.\n--b--\n",
    )
    email = parse(data)
    assert email.newest_text == "See the attached mail."
    assert [a.content_type for a in email.attachments] == ["message/rfc822"]
    assert email.attachments[0].size > 0


def test_korean_ks_c_5601() -> None:
    email = parse(_mail("ks_c_5601.eml"))
    assert (email.subject, email.from_name, email.newest_text) == (
        "프린터",
        "김민수",
        "프린터가 고장났습니다",
    )


def test_unknown_charset_is_decoded_with_a_defect() -> None:
    email = parse(_mail("bad_charset.eml"))
    assert email.newest_text == "The café machine in the lobby shows error E’12."
    assert "bad charset 'x-foo' decoded as cp1252" in email.defects


def test_html_meta_charset_is_used_when_the_header_has_none() -> None:
    html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r"></head><body>'
    data = (
        (BASIC + "Content-Type: text/html\n\n").encode() + html.encode() + "Привет".encode("koi8-r")
    )
    assert parse(data).newest_text == "Привет"


def test_broken_base64_decodes_what_it_can() -> None:
    email = parse(_mail("broken_base64.eml"))
    assert email.newest_text.startswith("I cannot reset my pass")
    assert "broken base64; decoded what was readable" in email.defects


def test_broken_quoted_printable() -> None:
    data = _msg(
        BASIC
        + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable",
        "caf=C3=A9 =ZZ bad=\n line",
    )
    assert parse(data).newest_text == "café =ZZ bad line"


def test_missing_multipart_boundary_keeps_the_text() -> None:
    data = _msg(BASIC + "Content-Type: multipart/mixed", "The disk is full.\n")
    email = parse(data)
    assert email.newest_text == "The disk is full."
    assert "NoBoundaryInMultipartDefect" in email.defects


def test_message_without_body() -> None:
    email = parse(BASIC.encode())
    assert email.newest_text == ""
    assert email.content_hash == hashlib.sha256(b"").hexdigest()


# --- oversized ----------------------------------------------------------------------------


def test_oversized_message_keeps_headers_only() -> None:
    head = _mail("reply_plain.eml").split(b"\r\n\r\n", 1)[0] + b"\r\n\r\n"
    email = parse(head, oversized=True)
    assert email.subject == "Re: Printer still broken – floor 3"
    assert email.from_address == "priya.nair@example.com"
    assert email.newest_text == ""
    assert OVERSIZED_DEFECT in email.defects
    assert email.content_hash == hashlib.sha256(head.replace(b"\r\n", b"\n")).hexdigest()


def test_oversized_bounce_is_still_a_bounce() -> None:
    head = _mail("bounce_dsn.eml").split(b"\r\n\r\n", 1)[0]
    assert parse(head, oversized=True).kind is MailKind.BOUNCE


# --- kinds end to end ---------------------------------------------------------------------


def test_bounce_fixture() -> None:
    email = parse(_mail("bounce_dsn.eml"))
    assert email.kind is MailKind.BOUNCE
    assert email.kind_reason == "Content-Type: multipart/report; report-type=delivery-status"
    assert [a.content_type for a in email.attachments] == ["message/delivery-status"]


def test_out_of_office_reply() -> None:
    email = parse(
        _msg(
            BASIC.replace("Subject: Printer", "Subject: Automatic reply: Printer")
            + "Auto-Submitted: auto-replied"
        )
    )
    assert (email.kind, email.kind_reason) == (MailKind.AUTO_REPLY, "Auto-Submitted: auto-replied")


def test_newsletter() -> None:
    email = parse(_msg(BASIC + "List-Unsubscribe: <mailto:leave@example.org>"))
    assert (email.kind, email.kind_reason) == (MailKind.MAILING_LIST, "List-Unsubscribe header")


# --- quarantine ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty message"),
        (b" \r\n\r\n\t", "empty message"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "not a mail message"),
        (b"\x00\x01\x02\x03garbage: yes\n\nbody", "not a mail message"),
        (b"Just some text someone saved as .eml\nwith no headers at all\n", "not a mail message"),
        (b"X-Foo: bar\nX-Bar: baz\n\nno real mail header", "no mail headers"),
        (bytes(range(256)) * 8, "not a mail message"),
    ],
)
def test_not_a_message_raises_message_error_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(MessageError, match=reason):
        parse(data)


# --- corpora: never crash -----------------------------------------------------------------


def _corpus_files(root: Path) -> list[Path]:
    return sorted(
        p for p in root.rglob("*") if p.is_file() and p.name not in ("README.md", ".gitattributes")
    )


@pytest.fixture(scope="module")
def corpus(data_dir: Path) -> list[tuple[Path, Email | MessageError]]:
    """Every shared fixture and spamassassin mail, parsed once for the tests below."""
    files = _corpus_files(data_dir / "mail_fixtures") + _corpus_files(
        data_dir / "spamassassin_public_corpus"
    )
    results: list[tuple[Path, Email | MessageError]] = []
    for path in files:
        try:
            results.append((path, parse(path.read_bytes())))
        except MessageError as exc:  # any other exception fails the test run right here
            results.append((path, exc))
    return results


def test_every_shared_fixture_and_corpus_mail_parses(
    corpus: list[tuple[Path, Email | MessageError]],
) -> None:
    assert len(corpus) > 1400
    quarantined = [path.name for path, result in corpus if isinstance(result, MessageError)]
    assert quarantined == ["sample_output_multipart"]  # the upstream empty file
    for path, email in corpus:
        if isinstance(email, MessageError):
            continue
        assert email.date is None or email.date.tzinfo is not None, path
        for text in (email.subject, email.newest_text, email.quoted_text, email.from_name or ""):
            text.encode("utf-8")  # no lone surrogates left: the store writes UTF-8
        assert len(email.content_hash) == 64


def test_spamassassin_mails_mostly_have_subject_and_text(
    corpus: list[tuple[Path, Email | MessageError]],
) -> None:
    emails = [e for p, e in corpus if "spamassassin" in str(p) and isinstance(e, Email)]
    assert len(emails) == 1250
    assert sum(1 for e in emails if e.subject) / len(emails) > 0.98
    assert sum(1 for e in emails if e.newest_text.strip()) / len(emails) > 0.98
    lists = sum(1 for e in emails if e.kind is MailKind.MAILING_LIST)
    assert lists > len(emails) * 0.2  # easy_ham is mostly list mail (List-Id headers)


def test_dsn_fixtures_are_bounces(corpus: list[tuple[Path, Email | MessageError]]) -> None:
    reports = [e for p, e in corpus if p.parent.name == "multipart_report_emails"]
    assert len(reports) == 5
    assert all(isinstance(e, Email) and e.kind is MailKind.BOUNCE for e in reports)


# --- fuzz: hostile bytes never escape as anything but MessageError ------------------------

_HEADER_NAMES = st.sampled_from(
    [
        "From",
        "To",
        "Subject",
        "Date",
        "Message-ID",
        "References",
        "Content-Type",
        "Content-Transfer-Encoding",
        "Content-Disposition",
        "Auto-Submitted",
        "List-Id",
    ]
)
_HEADER_VALUES = st.one_of(
    st.binary(max_size=80).map(lambda b: b.replace(b"\n", b" ").replace(b"\r", b" ")),
    st.sampled_from(
        [
            b"=?utf-8?B?",
            b"=?x?Q?=FF?=",
            b"multipart/mixed; boundary=",
            b"base64",
            b"<>",
            b"text/html; charset=ks_c_5601-1987",
            b"message/rfc822",
            b"attachment; filename*=x''%FF",
        ]
    ),
)


@settings(max_examples=150, deadline=None)
@given(
    headers=st.lists(st.tuples(_HEADER_NAMES, _HEADER_VALUES), min_size=1, max_size=8),
    body=st.binary(max_size=400),
    oversized=st.booleans(),
)
def test_fuzzed_messages_parse_or_raise_message_error(
    headers: list[tuple[str, bytes]], body: bytes, oversized: bool
) -> None:
    data = b"".join(name.encode() + b": " + value + b"\r\n" for name, value in headers)
    try:
        email = parse(data + b"\r\n" + body, oversized=oversized)
    except MessageError:
        return
    assert email.date is None or email.date.tzinfo is not None
    email.subject.encode("utf-8")
    email.newest_text.encode("utf-8")


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_fuzzed_bytes_parse_or_raise_message_error(data: bytes) -> None:
    result = _parse_or_reason(data)
    assert isinstance(result, Email) or result  # a MessageError always says why


def _parse_or_reason(data: bytes) -> Email | str:
    try:
        return parse(data)
    except MessageError as exc:
        return str(exc)


def test_nul_characters_never_reach_the_store() -> None:
    data = _msg(
        "From: =?utf-8?q?Ann=00?= <ann@example.com>\nSubject: =?utf-8?q?a=00b?=\nMessage-ID: <x@y>\n"
        'Content-Type: text/plain; name="=?utf-8?q?f=00.txt?="',
        "he\x00llo",
    )
    email = parse(data)
    assert (email.subject, email.from_name, email.newest_text) == ("ab", "Ann", "hello")


def test_named_single_part_message_is_still_the_body() -> None:
    email = parse(_msg(BASIC + 'Content-Type: text/plain; name="body.txt"', "Disk full again.\n"))
    assert email.newest_text == "Disk full again."
    assert email.attachments == ()


def test_named_text_part_inside_multipart_is_an_attachment() -> None:
    data = _msg(
        BASIC + 'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b"',
        "--b\nContent-Type: text/plain\n\nLog attached.\n"
        '--b\nContent-Type: text/plain; name="error.log"\n\nline 1\nline 2\n--b--\n',
    )
    email = parse(data)
    assert email.newest_text == "Log attached."
    assert email.attachments == (Attachment("error.log", "text/plain", len(b"line 1\nline 2")),)


def test_exchange_out_of_office_fixture() -> None:
    email = parse(_mail("out_of_office.eml"))
    assert (email.kind, email.kind_reason) == (
        MailKind.AUTO_REPLY,
        "Auto-Submitted: auto-generated",
    )
    assert email.html_only
    assert email.newest_text == "I am out of the office until 10 June with no access to email."


def test_gmail_html_reply_fixture_splits_quote_and_sign_off() -> None:
    email = parse(_mail("gmail_html_reply.eml"))
    assert email.html_only
    assert email.in_reply_to == "<hd-77@helpdesk.example.org>"
    assert email.newest_text == "It still shows a black screen after the BIOS logo."
    assert email.signature == "Cheers,\nDev"
    assert [line for line in email.quoted_text.splitlines() if line] == [
        "On Mon, 3 Jun 2024 at 17:10, Help Desk <helpdesk@example.org> wrote:",
        "> Please hold the power button for 30 seconds and try again.",
    ]


def test_raw_8bit_utf8_attachment_name_is_decoded() -> None:
    data = (
        b"From: a@x.example\r\nSubject: file\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n"
        b"--b\r\nContent-Type: text/plain; name=ci\xc3\xablle.txt\r\n"
        b"Content-Disposition: attachment; filename=ci\xc3\xablle.txt\r\n\r\nhello\r\n--b--\r\n"
    )
    [att] = parse(data).attachments
    assert att.filename == "ci\u00eblle.txt"


def test_escape_sequences_are_removed_whole_from_subject_name_and_text() -> None:
    # one clean text for the model, the suggested reply and the terminal alike
    data = _msg(
        "From: =?utf-8?q?Ann_=1B]0;owned=07Lee?= <ann@example.com>\nTo: hd@example.org\n"
        "Subject: =?utf-8?q?Printer_=1B]52;c;ZWNobyBoYWNrZWQ=3D=07broken?=\nMessage-ID: <a@b>",
        "It \x1b[31mwill\x1b[0m not print \x1bPq#0~~@@\x1b\\at all.\n\n"
        "On Mon, Bob wrote:\n> \x1b]52;c;cXVvdGVk\x07 earlier\n",
    )
    email = parse(data)
    assert email.subject == "Printer broken"
    assert email.from_name == "Ann Lee"
    assert email.newest_text == "It will not print at all."
    assert "52;" not in email.quoted_text
    assert "\x1b" not in email.quoted_text
