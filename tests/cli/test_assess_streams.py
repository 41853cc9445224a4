"""`assess` on odd streams and encodings: a closed standard input, a terminal or pipe that
is not UTF-8, a full disk behind standard output, a file that is not UTF-8 or starts with a
byte-order mark. Each gives its exit code and one plain line on standard error, never a
traceback (docs/assess.md, "Exit codes")."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ONE_NOTE = {
    "today": "2026-03-03",
    "assessments": [{"date": "2026-03-02", "note": "café ✓"}],
}


def _assess(*args: str, input_bytes: bytes | None = None, env_extra=None, stdout=None):
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run(
        [sys.executable, "-m", "hamstring_app", "assess", *args],
        stdin=subprocess.DEVNULL if input_bytes is None else None,
        input=input_bytes,
        stdout=stdout if stdout is not None else subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        timeout=50,
        check=False,
    )


def _one_plain_line(stderr: bytes) -> str:
    text = stderr.decode("utf-8")
    assert "Traceback" not in text and "Error:" not in text, text
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    assert lines[0].startswith("hamstring-app assess: ")
    return lines[0]


def test_a_closed_standard_input_is_a_plain_message():
    # the shell's "<&-": the process starts with file descriptor 0 closed
    proc = subprocess.run(
        [sys.executable, "-c",
         "import os, sys; os.close(0); "
         "os.execv(sys.executable, [sys.executable, '-m', 'hamstring_app', 'assess', '-'])"],
        capture_output=True, timeout=50, check=False,
    )
    assert proc.returncode == 2
    line = _one_plain_line(proc.stderr)
    assert "standard input" in line


def test_output_is_utf8_whatever_the_terminal_encoding():
    body = json.dumps(ONE_NOTE, ensure_ascii=False).encode("utf-8")
    r = _assess("-", input_bytes=body, env_extra={"PYTHONIOENCODING": "ascii"})
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout.decode("utf-8"))
    assert out["last_assessment"]["note"] == "café ✓"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_behind_standard_output_is_exit_1_with_a_sentence(tmp_path):
    src = tmp_path / "in.json"
    src.write_text(json.dumps(ONE_NOTE), encoding="utf-8")
    with open("/dev/full", "wb") as full:
        r = _assess(str(src), stdout=full)
    assert r.returncode == 1
    line = _one_plain_line(r.stderr)
    assert "could not write" in line


def test_a_file_that_is_not_utf8_names_the_problem(tmp_path):
    src = tmp_path / "in.json"
    src.write_bytes(b'{"today": "2026-03-03", "checkins": [{"date": "2026-03-02", '
                    b'"note": "caf\xe9"}]}')
    r = _assess(str(src))
    assert r.returncode == 2
    line = _one_plain_line(r.stderr)
    assert "not UTF-8" in line and "codec" not in line


@pytest.mark.parametrize("how", ["file", "stdin"])
def test_a_byte_order_mark_at_the_start_is_allowed(tmp_path, how):
    body = b"\xef\xbb\xbf" + json.dumps(ONE_NOTE).encode("utf-8")
    if how == "file":
        src = tmp_path / "in.json"
        src.write_bytes(body)
        r = _assess(str(src))
    else:
        r = _assess("-", input_bytes=body)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["today"] == "2026-03-03"
