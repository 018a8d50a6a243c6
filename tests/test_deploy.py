"""The systemd units in deploy/: hardened, pointing at real commands and settings, and valid
for systemd-analyze (when it is installed)."""

from __future__ import annotations

import configparser
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from triage.settings import load_settings

DEPLOY = Path(__file__).resolve().parents[1] / "deploy"
SERVICES = ("triage-worker.service", "triage-worker@.service", "triage-poll.service")
HARDENING = {
    "User": "triage",
    "NoNewPrivileges": "yes",
    "ProtectSystem": "strict",
    "ReadWritePaths": "/var/lib/triage",
    "ProtectHome": "yes",
    "PrivateTmp": "yes",
    "EnvironmentFile": "/etc/triage/env",
    "StateDirectory": "triage",
    "WorkingDirectory": "/var/lib/triage",
    "CapabilityBoundingSet": "",
}


def _unit(name: str) -> configparser.RawConfigParser:
    """Parse a unit; a repeated key (Environment=) keeps every value, newline-joined."""
    parser = configparser.RawConfigParser(strict=False, dict_type=_MultiDict, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string((DEPLOY / name).read_text())
    return parser


class _MultiDict(dict[str, object]):
    def __setitem__(self, key: str, value: object) -> None:
        if isinstance(value, list) and key in self:
            existing = self[key]
            assert isinstance(existing, list)
            existing.extend(value)
            return
        super().__setitem__(key, value)


def _values(unit: configparser.RawConfigParser, section: str, key: str) -> list[str]:
    return unit.get(section, key).split("\n")


def _environment(unit: configparser.RawConfigParser) -> dict[str, str]:
    return dict(line.split("=", 1) for line in _values(unit, "Service", "Environment"))


@pytest.mark.parametrize("name", SERVICES)
def test_services_are_hardened(name: str) -> None:
    service = _unit(name)["Service"]
    for key, value in HARDENING.items():
        assert service.get(key) == value, f"{name}: {key}"
    assert int(service["TimeoutStopSec"]) >= 120  # the first SIGTERM lets a batch finish
    assert service["KillSignal"] == "SIGTERM"


def test_worker_restarts_on_failure_but_not_on_fatal_exit_codes() -> None:
    unit = _unit("triage-worker.service")
    service = unit["Service"]
    assert service["Restart"] == "on-failure"
    assert int(service["RestartSec"]) >= 5
    # configuration (3) and refused credentials (5): restarting would only hammer the server
    assert {"3", "5"} <= set(service["RestartPreventExitStatus"].split())
    assert unit["Install"]["WantedBy"] == "multi-user.target"


def test_poll_is_a_oneshot_started_by_the_timer_every_two_minutes() -> None:
    service = _unit("triage-poll.service")["Service"]
    assert service["Type"] == "oneshot"
    assert "Restart" not in service
    assert service["TimeoutStartSec"]  # a hung pass must not block the timer forever
    timer = _unit("triage-poll.timer")
    assert timer["Timer"]["Unit"] == "triage-poll.service"
    assert timer["Timer"]["OnUnitInactiveSec"] == "2min"
    assert timer["Install"]["WantedBy"] == "timers.target"


@pytest.mark.parametrize(
    ("name", "command"),
    [("triage-worker.service", ["worker"]), ("triage-poll.service", ["poll", "--once"])],
)
def test_exec_start_is_a_real_cli_command(name: str, command: list[str]) -> None:
    argv = shlex.split(_unit(name)["Service"]["ExecStart"])
    assert argv[0] == "/opt/triage/venv/bin/triage"
    assert argv[1:] == command
    result = CliRunner().invoke(app, [*argv[1:], "--help"])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("name", SERVICES)
def test_environment_names_real_settings(name: str, tmp_path: Path) -> None:
    env = _environment(_unit(name))
    assert env["TRIAGE_CONFIG"] == "/etc/triage/triage.toml"
    assert env["TRIAGE_LOG_FORMAT"] == "json"
    settings_env = {k: v for k, v in env.items() if k.startswith("TRIAGE_")}
    settings_env["TRIAGE_CONFIG"] = str(tmp_path / "triage.toml")
    (tmp_path / "triage.toml").write_text("")
    assert load_settings(env=settings_env).log.format == "json"


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd is not installed")
def test_systemd_analyze_verify_accepts_the_units(tmp_path: Path) -> None:
    # verify insists that ExecStart exists and needs the system's units: a scratch root
    # with both, so the check works before anything is installed
    root = tmp_path / "root"
    system_units = Path("/usr/lib/systemd/system")
    if not system_units.is_dir():
        pytest.skip("no system unit directory to verify against")
    shutil.copytree(system_units, root / "usr/lib/systemd/system", symlinks=True)
    exe = root / "opt/triage/venv/bin/triage"
    exe.parent.mkdir(parents=True)
    exe.write_text("#!/bin/sh\n")
    exe.chmod(0o755)
    target = root / "etc/systemd/system"
    target.mkdir(parents=True)
    names = [*SERVICES, "triage-poll.timer"]
    for name in names:
        shutil.copy(DEPLOY / name, target / name)
    result = subprocess.run(
        ["systemd-analyze", "verify", f"--root={root}", *(str(target / n) for n in names)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr.strip() == ""
