"""HTML mail → readable plain text that ``triage.parse.quotes.split_reply`` can split.

inscriptis does the layout (block elements on their own lines, lists, tables, links as text,
scripts and styles dropped). Before that, quoted history is rewritten into the shapes plain-text
mail uses, so one splitter serves both: every ``<blockquote>`` line gets a "> " prefix, and the
Outlook reply markers (``#divRplyFwdMsg``, ``#appendonsend``) get the underscore rule Outlook
itself writes in its text/plain alternative.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import lxml.etree  # type: ignore[import-untyped]  # no stubs; lxml comes with inscriptis
import lxml.html  # type: ignore[import-untyped]
from inscriptis import Inscriptis
from inscriptis.model.config import ParserConfig

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
# One token at a time, each alternative linear: a tag with no "<" inside, a run of text, or a
# lone "<". (A tag pattern that may span "<" rescans to the end from every "<": quadratic.)
_PIECE = re.compile(r"<[^<>]*>|[^<]+|<")
_TAG_NAME = re.compile(r"<\s*(/?)\s*([A-Za-z][A-Za-z0-9]{0,15})")
_HIDDEN = frozenset({"script", "style", "head", "title", "template"})
_BLOCK = frozenset(
    "br p div li tr td th h1 h2 h3 h4 h5 h6 ul ol table blockquote pre hr section article "
    "header footer".split()
)
_OUTLOOK_RULE = "________________________________"
_OUTLOOK_MARKERS = ("divRplyFwdMsg", "appendonsend")
_CONFIG = ParserConfig(display_links=False, display_images=False)


@dataclass(frozen=True, slots=True)
class HtmlText:
    """The text of an HTML body, and what went wrong getting it (for ``Email.defects``)."""

    text: str
    defects: tuple[str, ...] = ()


def html_to_text(markup: str) -> str:
    """Readable text of an HTML body; never raises (see ``html_text``)."""
    return html_text(markup).text


def html_text(markup: str) -> HtmlText:
    """Readable text of an HTML body; never raises.

    When the tree conversion fails, or the parser stopped early (libxml2 gives up at 256
    levels of nesting and the tree then holds nothing below), or it gives no text from markup
    that has words, the text is extracted flat instead — tags dropped, blocks on their own
    lines, quotes no longer marked — and a defect says so: an angry email must never reach
    the classifier as an empty one without a trace.
    """
    markup = _XML_DECLARATION.sub("", markup.replace("\x00", ""))
    if not markup.strip():
        return HtmlText("")
    parser = lxml.html.HTMLParser()
    try:
        root = lxml.html.fromstring(markup, parser=parser)
        stopped = [e for e in parser.error_log if e.level_name == "FATAL"]
        if stopped:
            # libxml2's own words, less its advice to the caller ("use XML_PARSE_HUGE option")
            reason = stopped[0].message.split(", use ")[0].strip()
            return _flat(markup, f"HTML parser stopped early ({reason})")
        _mark_outlook_history(root)
        _prefix_blockquotes(root)
        text = _tidy(_render(root))
    except (lxml.etree.LxmlError, ValueError, TypeError, RecursionError) as exc:
        return _flat(markup, f"HTML unreadable as a tree ({type(exc).__name__})")
    if not text:
        return _flat(markup, "HTML tree gave no text")
    return HtmlText(text)


def _flat(markup: str, why: str) -> HtmlText:
    text = _tidy(_flat_text(markup))
    # nothing to lose when there are no words at all (an empty document, a lone image)
    return HtmlText(text, (f"{why}; text extracted flat",) if text else ())


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


def _flat_text(markup: str) -> str:
    """The words of any markup in one linear pass: no tree, so no depth limit."""
    out: list[str] = []
    hidden: str | None = None  # inside <script> etc.: skip to its end tag
    comments_close = True  # False once a "<!--" was found with no "-->" after it
    pos = 0
    while pos < len(markup):
        if comments_close and markup.startswith("<!--", pos):
            end = markup.find("-->", pos + 4)
            if end != -1:
                pos = end + 3
                continue
            comments_close = False  # later ones cannot close either: no rescans to the end
        match = _PIECE.match(markup, pos)
        assert match is not None  # the last alternative matches any one character left
        piece, pos = match.group(0), match.end()
        if not piece.startswith("<") or piece == "<":
            if hidden is None:
                out.append(piece)
            continue
        tag = _TAG_NAME.match(piece)  # None for <!DOCTYPE>, <?php?>, <!-- -->
        if tag is None:
            continue
        closing, name = tag.group(1) == "/", tag.group(2).lower()
        if hidden is not None:
            if closing and name == hidden:
                hidden = None
        elif name in _HIDDEN and not closing and not piece.endswith("/>"):
            hidden = name
        elif name in _BLOCK:
            out.append("\n")
    return html.unescape("".join(out))


def _tidy(text: str) -> str:
    # inscriptis indents nested blocks and pads table cells; for triage only the words matter
    lines = [line.strip() for line in text.replace("\r", "").replace("\xa0", " ").split("\n")]
    tidy = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", tidy).strip("\n")
