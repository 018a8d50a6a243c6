"""HTML mail → readable plain text that ``triage.quotes.split_reply`` can split.

inscriptis does the layout (block elements on their own lines, lists, tables, links as text,
scripts and styles dropped). Before that, quoted history is rewritten into the shapes plain-text
mail uses, so one splitter serves both: every ``<blockquote>`` line gets a "> " prefix, and the
Outlook reply markers (``#divRplyFwdMsg``, ``#appendonsend``) get the underscore rule Outlook
itself writes in its text/plain alternative.
"""

from __future__ import annotations

import html
import re

import lxml.etree  # type: ignore[import-untyped]  # no stubs; lxml comes with inscriptis
import lxml.html  # type: ignore[import-untyped]
from inscriptis import Inscriptis
from inscriptis.model.config import ParserConfig

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_BLOCK_TAG = re.compile(r"<\s*(?:br|/p|/div|/li|/tr|/h[1-6])\b[^>]*>", re.IGNORECASE)
_DROP = re.compile(r"<(script|style|head)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_OUTLOOK_RULE = "________________________________"
_OUTLOOK_MARKERS = ("divRplyFwdMsg", "appendonsend")
_CONFIG = ParserConfig(display_links=False, display_images=False)


def html_to_text(markup: str) -> str:
    """Readable text of an HTML body; never raises (falls back to tag stripping)."""
    markup = _XML_DECLARATION.sub("", markup.replace("\x00", ""))
    if not markup.strip():
        return ""
    try:
        root = lxml.html.fromstring(markup)
        _mark_outlook_history(root)
        _prefix_blockquotes(root)
        text = _render(root)
    except (lxml.etree.LxmlError, ValueError, TypeError, RecursionError):
        text = _strip_tags(markup)
    return _tidy(text)


def _render(element: lxml.html.HtmlElement) -> str:
    return str(Inscriptis(element, _CONFIG).get_text())


def _mark_outlook_history(root: lxml.html.HtmlElement) -> None:
    for marker in _OUTLOOK_MARKERS:
        for element in root.xpath(f"//*[@id='{marker}']"):
            rule = lxml.html.Element("pre")
            rule.text = _OUTLOOK_RULE
            element.addprevious(rule)
            return  # the first marker is where the history starts; later ones are inside it


def _prefix_blockquotes(root: lxml.html.HtmlElement) -> None:
    # Innermost first (reverse document order), so nested quotes collect one "> " per level.
    for quote in reversed(list(root.iter("blockquote"))):
        parent = quote.getparent()
        if parent is None:
            continue
        tail, quote.tail = quote.tail, None  # inscriptis would render the tail as quoted too
        pre = lxml.html.Element("pre")
        pre.text = "\n" + _quoted(_render(quote)) + "\n"
        pre.tail = tail
        parent.replace(quote, pre)
    if root.tag == "blockquote":  # a fragment that is itself one quote
        text = _quoted(_render(root))
        root.clear()
        root.tag = "pre"
        root.text = text


def _quoted(rendered: str) -> str:
    lines = [line.strip() for line in rendered.strip("\n").split("\n")]
    return "\n".join(f"> {line}" if line else ">" for line in lines)


def _strip_tags(markup: str) -> str:
    markup = _DROP.sub("", markup)
    markup = _BLOCK_TAG.sub("\n", markup)
    return html.unescape(_TAG.sub("", markup))


def _tidy(text: str) -> str:
    # inscriptis indents nested blocks and pads table cells; for triage only the words matter
    lines = [line.strip() for line in text.replace("\r", "").replace("\xa0", " ").split("\n")]
    tidy = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", tidy).strip("\n")
