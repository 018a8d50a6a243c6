"""Minimal split of a plain-text body into (newest text, signature) and a name from a signature.

Only for inputs that did not go through the mail parser (``triage suggest --jsonl``, tests on the
synthetic data set). Stored emails are split by the parser; the composer prefers the shared
``triage.quotes.signature_name`` when it exists and uses ``simple_signature_name`` otherwise.
"""

from __future__ import annotations

import re

_QUOTE_START = re.compile(
    r"^(?:On\s.{4,200}\swrote:\s*$|-{2,}\s*Original Message\s*-{2,}|-{5,}\s*Forwarded message|Begin forwarded message|"
    r"From:\s.+$|>|_{8,}\s*$)",
    re.I,
)
_SIG_DELIMITER = re.compile(r"^--\s?$")
_SIGN_OFF = re.compile(
    r"^\s*(?:thanks?|thank\s+you|many\s+thanks|thanks\s+again|cheers|regards|best|best\s+wishes|kind\s+regards|"
    r"best\s+regards|warm\s+regards|warmly|sincerely|yours(?:\s+sincerely|\s+faithfully)?|ta|respectfully|"
    r"thx|tia|rgds|sent\s+from\s+my\b.*)\s*[,.!]?\s*(?:-\s*)?$",
    re.I,
)
_NAME_WORD = re.compile(r"^[A-Z][a-zA-Z'’\-]+\.?$|^[A-Z]\.$")
_NOT_NAME = frozenset(
    "IT Team Support Helpdesk Desk Manager Director Department Office Operations Ops Sales Finance "
    "Accounts Admin Reception The Inc Ltd LLC Account Phone Mobile Tel Email Sent From".split()
)


def split_body(body: str) -> tuple[str, str]:
    """(newest text, signature) of a plain-text body: quoted history and forwarded parts dropped."""
    lines = body.replace("\r\n", "\n").split("\n")
    for i, line in enumerate(lines):
        if i > 0 and _QUOTE_START.match(line.strip()):
            lines = lines[:i]
            break
    for i, line in enumerate(lines):
        if _SIG_DELIMITER.match(line):
            return "\n".join(lines[:i]).strip(), "\n".join(lines[i + 1 :]).strip()
    # the last sign-off line ("Thanks,") in the final few lines starts the signature
    nonblank = [i for i, ln in enumerate(lines) if ln.strip()]
    for i in reversed(nonblank[-8:]):
        if _SIGN_OFF.match(lines[i]) and i != nonblank[0]:
            return "\n".join(lines[:i]).strip(), "\n".join(lines[i:]).strip()
    return "\n".join(lines).strip(), ""


def simple_signature_name(signature: str) -> str | None:
    """The first line of the signature that looks like a person's name ("Priya", "Dr. Ana Lima")."""
    for line in signature.splitlines()[:4]:
        text = line.strip().strip(",")
        if not text or _SIGN_OFF.match(text):
            continue
        words = text.split()
        if 1 <= len(words) <= 4 and all(_NAME_WORD.match(w) for w in words):
            if not any(w.strip(".") in _NOT_NAME for w in words):
                return text
        return None
    return None
