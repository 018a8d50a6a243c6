"""Importing triage (and loading a cached model) must not import torch."""

from __future__ import annotations

import subprocess
import sys

from tests.classify.conftest import MODELS, REPO
from triage.classify.model import Classifier


def _torch_loaded(code: str) -> str:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys; print('torch' in sys.modules)"],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    return out.stdout.strip().splitlines()[-1]


def test_import_triage_does_not_import_torch() -> None:
    assert _torch_loaded("import triage, triage.classify") == "False"
    assert (
        _torch_loaded(
            "import triage.classify.model, triage.classify.evaluate, triage.classify.batch"
        )
        == "False"
    )


def test_loading_with_a_warm_cache_does_not_import_torch(classifier: Classifier) -> None:
    del classifier  # the fixture built the ONNX cache
    code = (
        "from pathlib import Path\n"
        "from triage.classify.model import Classifier\n"
        f"c = Classifier.load(Path({str(MODELS)!r}), threads=1, "
        f"cache_dir=Path({str(REPO / 'var' / 'model-cache')!r}))\n"
        "c.classify([('hi', 'the printer jams')])"
    )
    assert _torch_loaded(code) == "False"
