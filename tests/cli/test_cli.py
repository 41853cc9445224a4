"""The command line entry points."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from hamstring_app import __version__
from hamstring_app.cli import build_parser, main


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_help_explains_every_option():
    text = build_parser().format_help()
    for option in ("--version", "--data-dir", "--demo", "--self-test", "HAMSTRING_COACH_DATA"):
        assert option in text


def test_demo_years_needs_demo(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--demo-years", "5"])
    assert exit_.value.code == 2
    assert "--demo-years needs --demo" in capsys.readouterr().err


def test_self_test_passes_and_writes_nothing_to_home(tmp_path):
    env = {**os.environ, "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "HAMSTRING_COACH_DATA"):
        env.pop(var, None)
    proc = subprocess.run(
        [sys.executable, "-m", "hamstring_app", "--self-test"],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "self-test passed" in proc.stdout
    assert not (tmp_path / ".local" / "share" / "hamstring-coach").exists()
    assert not (tmp_path / ".config" / "HamstringCoach").exists()
