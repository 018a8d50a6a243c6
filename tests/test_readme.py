"""The README is true: every command and option in "The CLI at a glance" exists, and the
example block runs, line by line, on a fresh demo database (typer's docs-first habit)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
runner = CliRunner()


def table_rows() -> list[str]:
    section = README.split("## The CLI at a glance", 1)[1].split("\n## ", 1)[0]
    return [line.split("|")[1] for line in section.splitlines() if line.startswith("| `triage")]


def commands_in(cell: str) -> list[tuple[list[str], list[str]]]:
    """(command words, options) for every `triage ...` in a table cell."""
    out = []
    for code in re.findall(r"`(triage [^`]*)`", cell):
        words = [w for w in code.split()[1:] if re.fullmatch(r"[a-z][a-z-]*", w)]
        options = re.findall(r"--[a-z][a-z-]*", code)
        out.append((words, options))
    return out


@pytest.mark.parametrize("cell", table_rows())
def test_every_command_and_option_in_the_table_exists(cell: str) -> None:
    for words, options in commands_in(cell):
        result = runner.invoke(app, [*words, "--help"], env={"TRIAGE_CONFIG": ""})
        assert result.exit_code == 0, f"`triage {' '.join(words)}`: {result.output}"
        for option in options:
            assert option in result.output, f"`triage {' '.join(words)}` has no {option}"


def example_lines() -> list[str]:
    block = README.split("these lines, in this order, on a fresh copy", 1)[1]
    body = block.split("```sh\n", 1)[1].split("```", 1)[0]
    return [line for line in body.splitlines() if line.strip()]


def test_the_example_block_runs_on_a_fresh_demo_database(tmp_path: Path) -> None:
    env = {"TRIAGE_CONFIG": "", "TRIAGE_PATHS_DATA_DIR": str(tmp_path)}
    demo = runner.invoke(app, ["demo"], env=env)
    assert demo.exit_code == 0, demo.output
    env["TRIAGE_STORE_URL"] = f"sqlite:///{tmp_path / 'demo.db'}"
    lines = example_lines()
    assert len(lines) >= 5
    for line in lines:
        words = shlex.split(line)
        assert words[0] == "triage"
        result = runner.invoke(app, words[1:], env=env)
        assert result.exit_code == 0, f"{line}\n{result.output}"
        assert result.output.strip(), f"{line} printed nothing"
