"""The other commands on odd outputs: a full disk behind standard output gives exit 1 and
one sentence, never a traceback; an export or report onto a pipe or device (not a regular
file) is refused instead of replacing it."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from hamstring_app.cli import main
from hamstring_app.core.models import CheckIn, History, Profile, Run
from hamstring_app.store.repository import open_repository


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    repo = open_repository(folder, today=lambda: date(2026, 3, 10), app_version="test")
    try:
        repo.import_history(
            History(
                profile=Profile(injury_start=date(2026, 3, 1)),
                checkins=(CheckIn(day=date(2026, 3, 5), pain_rest=2),),
                runs=(Run(day=date(2026, 3, 4), distance_km=5.0),),
            )
        )
    finally:
        repo.close()
    return folder


@pytest.mark.skipif(not Path("/dev/full").is_char_device(), reason="needs /dev/full")
@pytest.mark.parametrize("command", ["export-json", "backup", "import-json"])
def test_a_full_standard_output_is_one_sentence_and_exit_1(saved, tmp_path, command):
    out = tmp_path / "out.json"
    argv = {
        "export-json": ["export", "--json", str(out)],
        "backup": ["backup", "--out", str(tmp_path / "copy.sqlite3")],
        "import-json": ["import", str(tmp_path), "--dry-run", "--json"],
    }[command]
    with open("/dev/full", "wb") as full:  # written to, never a target path
        proc = subprocess.run(
            [sys.executable, "-m", "hamstring_app", *argv, "--data-dir", str(saved)]
            if command != "import-json"
            else [sys.executable, "-m", "hamstring_app", *argv[:1], "--data-dir", str(saved),
                  *argv[1:]],
            stdin=subprocess.DEVNULL, stdout=full, stderr=subprocess.PIPE,
            timeout=50, check=False,
        )
    err = proc.stderr.decode()
    assert "Traceback" not in err, err
    assert proc.returncode == 1, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "standard output" in lines[0], err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@pytest.mark.parametrize("command", ["export", "report"])
def test_a_pipe_as_the_target_is_refused_and_left_alone(saved, tmp_path, capsys, command):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    argv = (["export", "--json", str(fifo)] if command == "export"
            else ["report", "--out", str(fifo)])
    assert main([*argv, "--data-dir", str(saved)]) == 1
    err = capsys.readouterr().err
    assert "not a regular file" in err and "Nothing was written" in err
    assert fifo.is_fifo()


@pytest.mark.skipif(not Path("/dev/full").is_char_device(), reason="needs /dev/full")
@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["assess", "--help"]])
def test_version_and_help_on_a_full_standard_output_exit_1_with_one_sentence(argv):
    with open("/dev/full", "wb") as full:  # written to, never a target path
        proc = subprocess.run(
            [sys.executable, "-m", "hamstring_app", *argv],
            stdin=subprocess.DEVNULL, stdout=full, stderr=subprocess.PIPE,
            timeout=50, check=False,
        )
    err = proc.stderr.decode()
    assert "Traceback" not in err, err
    assert proc.returncode == 1, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "standard output" in lines[0], err
    assert lines[0].startswith(f"hamstring-app {argv[-1]}: "), err

