"""The model and reply commands through the CLI, with the committed model artifact."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from cli import EXIT_CONFIG, app

from .livehelp import REPO

runner = CliRunner()


def run(tmp_path: Path, *args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    env = {
        "TRIAGE_CONFIG": "",
        "TRIAGE_PATHS_DATA_DIR": str(tmp_path),
        "TRIAGE_MODEL_CACHE_DIR": str(REPO / "var" / "model-cache"),
    }
    return runner.invoke(app, list(args), env=env, input=input)


ROWS = [
    {
        "id": "a",
        "subject": "Server room alarm",
        "body": "The whole office is offline and the "
        "payroll must run in two hours. Please call me.",
        "urgency": 3,
        "frustration": 0,
        "not_customer": False,
    },
    {
        "id": "b",
        "subject": "ABSOLUTELY RIDICULOUS",
        "body": "THIRD TIME I AM WRITING!!! Nobody answers. I want your manager NOW or we cancel.",
        "urgency": 1,
        "frustration": 3,
        "not_customer": False,
    },
    {
        "id": "c",
        "subject": "Wallpaper",
        "body": "When you get a chance, could I change my desktop wallpaper? Thanks!",
        "urgency": 0,
        "frustration": 0,
        "not_customer": False,
    },
]


def test_classify_stdin_json(tmp_path: Path) -> None:
    result = run(tmp_path, "classify", "--json", input="EVERYTHING IS DOWN!!! FIX IT NOW!!!")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["frustration"]["level"] >= 2
    assert 0.0 <= data["urgency"]["score"] <= 1.0


def test_classify_an_eml_file(tmp_path: Path) -> None:
    sample = sorted((REPO / "samples" / "maildir" / "new").iterdir())[0]
    result = run(tmp_path, "classify", str(sample))
    assert result.exit_code == 0, result.output
    assert "urgency" in result.stdout
    assert "frustration" in result.stdout


# A NUL in a header: the parser takes the bytes for binary data, not a mail message
NUL_IN_HEADER = (
    b"From: Dana <dana@customer.example>\nSubject: VPN down\x00 AGAIN\nMessage-ID: <n@x>\n\n"
    b"Third time I write: the VPN drops every hour!!! Fix it today.\n"
)


def _clockless(out: str) -> dict[str, object]:
    """The JSON result without the deadline's resolved time: a message with no Date header is
    read as received now, so "today" resolves from the clock and two runs a minute apart differ."""
    data = json.loads(out)
    deadline = (data.get("reading") or {}).get("deadline")
    if deadline:
        deadline.pop("at", None)
    return data


def test_classify_file_and_stdin_give_the_same_result(tmp_path: Path) -> None:
    sample = sorted((REPO / "samples" / "maildir" / "new").iterdir())[0].read_bytes()
    notes = []
    for data in (NUL_IN_HEADER, sample):
        eml = tmp_path / "m.eml"
        eml.write_bytes(data)
        by_file = run(tmp_path, "classify", "--json", str(eml))
        by_stdin = run(tmp_path, "classify", "--json", "-", input=data)
        assert (by_file.exit_code, by_stdin.exit_code) == (0, 0), by_file.output + by_stdin.output
        assert _clockless(by_file.stdout) == _clockless(by_stdin.stdout)
        notes.append(["worker would quarantine" in r.stderr for r in (by_file, by_stdin)])
    # the message intake would quarantine is scored without its NULs, and both ways say so
    assert notes == [[True, True], [False, False]]


def test_classify_jsonl_reports_a_bad_line_in_place(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(ROWS[0]) + "\nnot json\n" + json.dumps(ROWS[1]) + "\n")
    result = run(tmp_path, "classify", "--jsonl", str(src))
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert [line.get("id", line.get("line")) for line in lines] == ["a", 2, "b"]
    assert "error" in lines[1]


def test_eval_json_has_exactly_the_documented_figures(tmp_path: Path) -> None:
    src = tmp_path / "eval.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in ROWS))
    result = run(tmp_path, "eval", "--data", str(src), "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert set(report) == {"n", "urgency", "frustration", "not_customer"}
    assert report["n"] == 3
    figures = {"macro_f1", "qwk", "accuracy", "within_one", "confusion"}
    assert set(report["urgency"]) == figures
    assert set(report["frustration"]) == figures
    assert set(report["not_customer"]) == figures | {"f1"}  # and, for the binary label, F1


def test_suggest_jsonl_writes_each_kinds_sections_and_answers_per_line(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        "".join(
            json.dumps({**r, "from_name": "Sam Lee", "from_email": "sam@x.example"}) + "\n"
            for r in ROWS
        )
    )
    result = run(tmp_path, "suggest", "--jsonl", str(src))
    assert result.exit_code == 0, result.output
    out = [json.loads(x) for x in result.stdout.splitlines()]
    assert len(out) == 3
    for o in out:
        assert o["kind"]  # the shape of reply written for the reading's kind
        assert sorted(o["order"]) == ["acknowledge", "close", "fix", "plan"]
        assert o["acknowledge"].strip()  # a kind may leave out a part (thanks need no fix)
        assert o["close"].strip()
        assert o["text"] == "\n\n".join(o[name] for name in o["order"] if o[name])
        for ask in o["asks"]:
            assert ask["answer"] in o["text"]
        assert "Sam" in o["acknowledge"]


def test_kb_list_and_check(tmp_path: Path) -> None:
    listed = run(tmp_path, "kb", "list", "--json")
    assert listed.exit_code == 0, listed.output
    assert len(json.loads(listed.stdout)) >= 25
    checked = run(tmp_path, "kb", "check")
    assert checked.exit_code == 0, checked.output
    assert "0 error(s)" in checked.stdout


def test_suggest_refresh_for_a_stored_email(tmp_path: Path) -> None:
    assert run(tmp_path, "demo").exit_code == 0
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    env_store = {"TRIAGE_STORE_URL": url}
    result = runner.invoke(
        app,
        ["suggest", "1", "--refresh"],
        env={
            "TRIAGE_CONFIG": "",
            "TRIAGE_PATHS_DATA_DIR": str(tmp_path),
            "TRIAGE_MODEL_CACHE_DIR": str(REPO / "var" / "model-cache"),
            **env_store,
        },
    )
    assert result.exit_code == 0, result.output
    assert "ACKNOWLEDGE" in result.output


def test_seed_spread_refuses_a_run_of_another_recipe(tmp_path: Path) -> None:
    import numpy as np

    from triage.classify import artifact as art

    def save(name: str, seed: int, lr: float, metrics: dict[str, object]) -> Path:
        meta = {"train_config": {"lr_encoder": lr}, "seed": seed, "quick": False}
        art.save(
            art.Artifact({"heads.bias": np.zeros(3, np.float32)}, {**meta, **metrics}),
            tmp_path / name,
        )
        return tmp_path / name

    model = save("m", 0, 1.5e-4, {"metrics": {"headline": {"int8": {"x": 0.5}}}})
    other = save("s1", 1, 1e-4, {})
    result = run(tmp_path, "seed-spread", str(other), "--model", str(model))
    assert result.exit_code == EXIT_CONFIG
    assert "lr_encoder" in result.output
    assert "another --seed" in result.output


def test_suggest_jsonl_now_composes_as_at_that_time(tmp_path: Path) -> None:
    # a replay or a benchmark gives the same plans whenever it runs; the clock is what moves them
    src = tmp_path / "in.jsonl"
    line = {
        "id": "c",
        "subject": "Printer jam",
        "body": "The printer keeps jamming.",
        "received": "2026-12-02T09:50:00+00:00",
    }
    src.write_text(json.dumps(line) + "\n")

    def plan(at: str) -> str:
        result = run(tmp_path, "suggest", "--jsonl", str(src), "--now", at)
        assert result.exit_code == 0, result.output
        return str(json.loads(result.stdout)["plan"])

    wednesday = plan("2026-12-02T10:00Z")
    assert wednesday == plan("2026-12-02T10:00+00:00")
    assert "Monday" not in wednesday  # a working day: no wait over the weekend
    assert "Monday 7 December" in plan("2026-12-05T20:00Z")  # a Saturday evening
    bad = run(tmp_path, "suggest", "--jsonl", str(src), "--now", "2026-12-02T10:00")
    assert bad.exit_code == 2
    assert "with its zone" in bad.output
