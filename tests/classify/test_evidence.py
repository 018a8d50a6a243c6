from __future__ import annotations

import numpy as np

from triage.classify.encoding import Encoded
from triage.classify.evidence import find_evidence
from triage.classify.heads import Heads


def _heads(direction: np.ndarray) -> Heads:
    w = np.zeros((3, 4 + 3), dtype=np.float32)
    w[1, :4] = direction  # frustration row
    return Heads(w, np.zeros(3, np.float32), np.zeros(3, np.float32), np.zeros(3, np.float32))


def test_words_that_carry_the_score_are_the_evidence() -> None:
    text = "the service is awful today"
    spans = [(0, 3), (4, 11), (12, 14), (15, 18), (18, 20), (21, 26)]  # "awful" = 2 pieces
    enc = Encoded(np.arange(8), ((0, 0), *spans, (0, 0)))
    states = np.zeros((8, 4), dtype=np.float32)
    states[4, 0] = states[5, 0] = 5.0  # the two pieces of "awful"
    ev = find_evidence(_heads(np.array([1, 0, 0, 0])), text, enc, states, {"frustration": 2})
    assert ev[0].label == "frustration"
    assert ev[0].phrase == "awful"
    assert ev[0].weight > 0
    assert not find_evidence(_heads(np.array([1, 0, 0, 0])), text, enc, states, {"frustration": 0})
