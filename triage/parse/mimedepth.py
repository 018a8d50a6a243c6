"""Cut the MIME parts nested deeper than a limit out of a raw message, keeping all the rest.

The email package recurses once per level of multipart/* or message/* nesting, so a message
nested about a thousand levels deep (fewer on a deeper call stack) makes it raise
RecursionError, and the whole message, text and all, would be quarantined. ``parse`` then
reads the message again through ``prune_deep_parts``: everything down to the limit stays,
including parts that come after a too-deep one, and what was cut is exactly what
``mimebody`` ignores anyway past the same limit.

This reads only what the nesting needs, one line at a time: the header block of each part
(to learn whether it opens a multipart or a message, parsed by the email package's header
parser, which does not recurse) and the boundary lines of the multiparts still open.
"""

from __future__ import annotations

from email import policy
from email.parser import BytesHeaderParser
from typing import Literal

_HEADERS = BytesHeaderParser(policy=policy.compat32)


def prune_deep_parts(data: bytes, max_depth: int) -> bytes:
    """``data`` without the parts whose children would lie deeper than ``max_depth``.

    Such a part (its header block and everything in it) is dropped up to the next boundary
    line of a multipart that encloses it; the enclosing part is left empty.
    """
    out: list[bytes] = []
    # one entry per open level: a multipart's boundary, or None for a message/* part
    # (ended by its enclosing multipart's boundary)
    stack: list[bytes | None] = []
    head: list[bytes] | None = []  # the header block being read; None while in a body
    skipping = False
    for line in data.splitlines(keepends=True):
        found = _delimiter(line, stack) if line.startswith(b"--") else None
        if found is not None:
            level, closing = found
            del stack[level if closing else level + 1 :]
            if head:
                out.extend(head)  # a header block cut short by the boundary
            head = None if closing else []  # a new part starts with its header block
            skipping = False
            out.append(line)
        elif skipping:
            continue
        elif head is None:
            out.append(line)
        elif line.strip(b"\r\n"):
            head.append(line)
        else:  # the empty line: the header block is complete
            head.append(line)
            opens = _opens(b"".join(head))
            if opens is not None and len(stack) >= max_depth:
                skipping, head = True, None
                continue
            out.extend(head)
            if opens == "message":  # the body is another message, starting with its headers
                stack.append(None)
                head = []
            else:  # a multipart's preamble (then its boundaries), or a leaf's body
                if opens is not None:
                    stack.append(opens)
                head = None
    if head:
        out.extend(head)  # headers up to the end of the data, no body
    return b"".join(out)


def _delimiter(line: bytes, stack: list[bytes | None]) -> tuple[int, bool] | None:
    """(level, is the closing one) when ``line`` is a boundary of an open multipart."""
    for level in range(len(stack) - 1, -1, -1):
        boundary = stack[level]
        if boundary is None or not line.startswith(b"--" + boundary):
            continue
        rest = line[len(boundary) + 2 :].rstrip(b"\r\n").rstrip(b" \t")
        if rest in (b"", b"--"):
            return level, rest == b"--"
    return None


def _opens(header_block: bytes) -> bytes | Literal["message"] | None:
    """What a part with this header block opens: a multipart (its boundary), a message
    ("message"), or nothing (None), as the email package's parser would read it."""
    try:
        headers = _HEADERS.parsebytes(header_block)
        maintype = headers.get_content_maintype()
        if maintype == "multipart":
            boundary = headers.get_boundary()
            # no boundary: the parser keeps the body as text, nothing nests
            return None if boundary is None else boundary.encode("ascii", "surrogateescape")
        # message/delivery-status is a list of header blocks, not a message: nothing nests
        if maintype == "message" and headers.get_content_subtype() != "delivery-status":
            return "message"
    except Exception:  # a header block the header parser cannot read: taken as a leaf
        return None
    return None
