from __future__ import annotations

import numpy as np

from triage.classify.artifact import base_model_dir
from triage.classify.encoding import TextEncoder, compose, surface_features


def test_head_tail_truncation_keeps_both_ends() -> None:
    enc = TextEncoder(base_model_dir() / "tokenizer.json", max_length=32)
    text = "alpha " + "filler " * 200 + "omega"
    (e,) = enc.encode([text])
    assert len(e.ids) == 32
    assert e.ids[0] == enc.cls_id
    assert e.ids[-1] == enc.sep_id
    words = [text[a:b] for a, b in e.offsets if b > a]
    assert words[0] == "alpha"
    assert words[-1] == "omega"


def test_short_text_is_not_padded_or_cut() -> None:
    enc = TextEncoder(base_model_dir() / "tokenizer.json", max_length=256)
    (e,) = enc.encode(["printer jams"])
    assert 3 <= len(e.ids) < 10  # the packaged tokenizer would pad to 128


def test_surface_features_see_shouting() -> None:
    calm = surface_features("Could you reset my password please?")
    loud = surface_features("WHY IS THIS STILL BROKEN!!! FIX IT")
    assert loud[0] > 0.8 > calm[0]
    assert loud[1] > calm[1]
    assert loud[2] == 1.0
    assert calm[2] == 0.0
    assert surface_features("").dtype == np.float32


def test_compose_keeps_subject_first() -> None:
    assert compose("  VPN down ", "since 9am") == "VPN down\n\nsince 9am"
    assert compose("", "body") == "body"


def test_compose_strips_whole_escape_sequences() -> None:
    # the tokenizer drops ESC itself, so "]52;c;..." would reach the model as words
    hostile = compose(
        "Laptop \x1b]52;c;ZWNobyBoYWNrZWQ=\x07broken",
        "It \x9b31mwill\x9b0m not \x1bPq#0~~\x1b\\boot",
    )
    assert hostile == compose("Laptop broken", "It will not boot")
