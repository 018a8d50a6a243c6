"""Which words pushed urgency and frustration up: an exact decomposition, no extra passes.

The ordinal heads are linear in the mean of the last-layer token states, so the score is
the sum of one share per token (plus surface cues and bias). A word's share above the
email's average word is how much it pushed the label up. Unlike occlusion this costs no
extra encoder passes, which matters at 50 emails/s on 2 cores. It explains the last
layer's view of each position (context included), not the raw input words.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from numpy.typing import NDArray

from triage.classify.encoding import Encoded
from triage.classify.heads import HEAD_ROWS, Heads
from triage.domain import Evidence

MAX_PHRASES = 3
MAX_PHRASE_WORDS = 4
_MIN_LEVEL = 1  # a calm, low email has nothing that "pushed it up" worth showing


def find_evidence(
    heads: Heads,
    text: str,
    enc: Encoded,
    states: NDArray[np.float32],
    levels: Mapping[str, int],
) -> tuple[Evidence, ...]:
    out: list[Evidence] = []
    for label in ("urgency", "frustration"):
        if levels.get(label, 0) < _MIN_LEVEL:
            continue
        shares = heads.token_shares(states, HEAD_ROWS.index(label))
        out.extend(_phrases(label, text, enc, shares))
    return tuple(out)


def _words(enc: Encoded, shares: NDArray[np.float64]) -> list[tuple[int, int, float]]:
    """(start, end, share) per word: word pieces and glued punctuation merged by offsets."""
    words: list[list[float]] = []
    for (a, b), s in zip(enc.offsets, shares, strict=True):
        if a == b:
            continue  # [CLS] / [SEP]
        if words and a == words[-1][1]:
            words[-1][1] = b
            words[-1][2] += s
        else:
            words.append([a, b, float(s)])
    return [(int(a), int(b), float(s)) for a, b, s in words]


def _phrases(label: str, text: str, enc: Encoded, shares: NDArray[np.float64]) -> list[Evidence]:
    words = _words(enc, shares)
    if not words:
        return []
    mean = float(np.mean([w[2] for w in words]))
    lift = [w[2] - mean for w in words]
    used: set[int] = set()
    found: list[Evidence] = []
    for i in sorted(range(len(words)), key=lambda k: -lift[k]):
        if lift[i] <= 0 or len(found) >= MAX_PHRASES:
            break
        if i in used:
            continue
        lo = hi = i
        # grow towards the stronger positive neighbour while the phrase stays short
        while hi - lo + 1 < MAX_PHRASE_WORDS:
            left = lift[lo - 1] if lo > 0 and lo - 1 not in used else -1.0
            right = lift[hi + 1] if hi + 1 < len(words) and hi + 1 not in used else -1.0
            if max(left, right) <= 0:
                break
            if left >= right:
                lo -= 1
            else:
                hi += 1
        used.update(range(lo, hi + 1))
        phrase = " ".join(text[words[lo][0] : words[hi][1]].split())
        found.append(Evidence(label, phrase, round(sum(lift[lo : hi + 1]), 4)))
    return sorted(found, key=lambda e: -e.weight)
