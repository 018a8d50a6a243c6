from pathlib import Path

import pytest

from triage.errors import ConfigError
from triage.jsonl import records


def test_bad_lines_are_reported_in_place_and_the_rest_go_on(tmp_path: Path) -> None:
    p = tmp_path / "in.jsonl"
    p.write_text('{"id": 1}\n\nnot json\n[1, 2]\n{"id": 2}\n', encoding="utf-8")
    got = list(records(p))
    assert got[0] == (1, {"id": 1})
    assert got[1][0] == 3
    assert str(got[1][1]).startswith("not JSON")
    assert got[2] == (4, "not a JSON object")
    assert got[3] == (5, {"id": 2})


def test_missing_file_names_it(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="nope.jsonl"):
        list(records(tmp_path / "nope.jsonl"))
