"""HTML → text, with quoted history kept recognisable (triage/parse/htmltext.py)."""

from __future__ import annotations

import time

import pytest

from triage.parse.htmltext import HtmlText, html_text, html_to_text
from triage.parse.quotes import split_reply


def test_blocks_lists_and_links_become_lines_of_text() -> None:
    html = (
        "<html><head><title>t</title><style>p {color: red}</style>"
        "<script>alert('x')</script></head><body>"
        "<p>Our VPN <b>drops</b> every hour.</p><ul><li>Laptop: T14</li><li>Since: Monday</li></ul>"
        "<p>See <a href='https://status.example.com'>the status page</a>.</p></body></html>"
    )
    assert html_to_text(html) == (
        "Our VPN drops every hour.\n\n* Laptop: T14\n* Since: Monday\n\nSee the status page."
    )


def test_entities_and_line_breaks() -> None:
    assert (
        html_to_text("Fish &amp; chips&nbsp;now<br>second line") == "Fish & chips now\nsecond line"
    )


def test_gmail_quote_is_prefixed_and_split_off() -> None:
    html = (
        "<div dir='ltr'>Still broken after the update.</div><br>"
        "<div class='gmail_quote'><div dir='ltr' class='gmail_attr'>"
        "On Mon, 3 Jun 2024 at 10:02, Help Desk &lt;hd@example.org&gt; wrote:<br></div>"
        "<blockquote class='gmail_quote'><div>Please install the update.</div>"
        "<blockquote>Is it broken?</blockquote></blockquote></div>"
    )
    text = html_to_text(html)
    assert "> Please install the update." in text
    assert "> > Is it broken?" in text
    newest, quoted, _ = split_reply(text)
    assert newest == "Still broken after the update."
    assert quoted.startswith("On Mon, 3 Jun 2024")


def test_text_after_a_blockquote_is_not_quoted() -> None:
    text = html_to_text("<blockquote>question?</blockquote><p>my answer</p>")
    assert text.splitlines()[0] == "> question?"
    assert "my answer" in text.splitlines()
    assert split_reply(text)[0] == "my answer"


def test_outlook_reply_marker_gets_the_outlook_rule() -> None:
    html = (
        "<div>Reply here</div><div id='appendonsend'></div><hr>"
        "<div id='divRplyFwdMsg'><b>From:</b> Bob<br><b>Sent:</b> Monday<br>"
        "<b>To:</b> me<br><b>Subject:</b> x</div><div>old message</div>"
    )
    text = html_to_text(html)
    assert text.count("________________________________") == 1
    newest, quoted, _ = split_reply(text)
    assert newest == "Reply here"
    assert quoted.endswith("old message")


@pytest.mark.parametrize(
    "html",
    [
        "<p>broken <b>unclosed <div>x</p></table>",
        "<<<>>>",
        "<html><body>",
        "</div></div></div>",
        "<?xml version='1.0' encoding='utf-8'?><html><body>hi</body></html>",
        "\x00<p>nul</p>",
        "<div>" * 3000 + "deep" + "</div>" * 3000,
    ],
)
def test_broken_html_does_not_crash(html: str) -> None:
    assert isinstance(html_to_text(html), str)


def test_broken_html_keeps_its_words() -> None:
    assert html_to_text("<p>broken <b>unclosed <div>x</p></table>").split() == [
        "broken",
        "unclosed",
        "x",
    ]
    assert (
        html_to_text("<?xml version='1.0' encoding='utf-8'?><html><body>hi</body></html>") == "hi"
    )


def test_empty_input() -> None:
    assert html_to_text("") == ""
    assert html_to_text("   ") == ""


def test_html_deeper_than_the_parser_goes_keeps_every_word() -> None:
    deep = "<div>" * 400 + "I am FURIOUS" + "</div>" * 400
    got = html_text(f"<p>before</p>{deep}<p>after</p>")
    assert got.text.split() == ["before", "I", "am", "FURIOUS", "after"]
    assert len(got.defects) == 1
    assert "flat" in got.defects[0]
    assert html_to_text(deep) == "I am FURIOUS"


def test_the_flat_fallback_drops_scripts_and_breaks_blocks() -> None:
    deep = "<div>" * 300
    got = html_text(
        f"<head><title>t</title><style>p {{}}</style></head>{deep}<p>one</p>"
        "<script>alert('x')</script><br>two &amp; three<li>four"
    )
    assert got.text.split("\n") == ["one", "", "two & three", "four"]


def test_the_flat_fallback_is_linear_on_hostile_markup() -> None:
    # a tag-stripping regex backtracks quadratically on "<<<<": minutes for these
    deep = "<div>" * 300
    for junk in ("<" * 400_000, "<script" * 60_000, "x<a" * 130_000, "<!--" * 100_000):
        started = time.perf_counter()
        html_text(deep + junk)
        assert time.perf_counter() - started < 10


def test_no_defect_for_html_without_words() -> None:
    for markup in ("<html><body></body></html>", "</div></div>", "<!-- nothing -->", "<img>"):
        assert html_text(markup) == HtmlText("", ())
