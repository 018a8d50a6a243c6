"""Whether a word reads as a plural noun by its ending alone: "laptops", not "access", "status"
or "analysis". One rule for the reader and the composer, so that "the VPN is down" and "the
printers are down" agree wherever a clause is made. Pure."""

from __future__ import annotations

# endings of singular nouns that end in s: access, status, virus, analysis, chassis
_SINGULAR_ENDINGS = ("ss", "us", "is")


def looks_plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith(_SINGULAR_ENDINGS)


def singular(word: str) -> str:
    """``word`` less the plural s ("printers" → "printer"); as it is when it does not look
    plural."""
    return word[:-1] if looks_plural(word) else word
