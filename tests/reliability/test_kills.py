"""Saved means saved: a writer SIGKILLed at 20 random moments loses nothing it was told
was committed, and the file passes integrity_check."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest
from kills import WRITER, kill_and_check


def test_sigkilled_writer_loses_no_committed_write(tmp_path):
    report = kill_and_check(tmp_path / "data", kills=20)
    assert report.kills == 20
    assert report.committed > 20  # the kills landed among real writes, not before them
    assert report.missing == [] and report.wrong == []
    assert report.integrity == []


@pytest.mark.skipif(shutil.which("strace") is None, reason="needs strace to see the writes")
def test_each_writer_line_is_one_write(tmp_path):
    """A kill between a line's text and its newline, or the server's "PID" line split
    around the child's first line, ran two lines together. With PYTHONUNBUFFERED (set on
    the test machines) print() writes the newline on its own: each line must be one write."""
    log = tmp_path / "strace.log"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path), PYTHONUNBUFFERED="1")
    proc = subprocess.run(
        ["strace", "-f", "-qq", "-e", "trace=write", "-e", "signal=none", "-o", str(log),
         sys.executable, str(WRITER), "--server", str(tmp_path / "data"), "3"],
        input="0\n", capture_output=True, text=True, env=env, timeout=50,
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == "SERVING" and lines[1].startswith("PID ")
    assert lines[2:] == ["C 0", "R 0 1", "READY", "C 1", "R 1 2", "C 2", "R 2 3", "DONE",
                         "EXIT"]
    writes = re.findall(r'write\(1, "(.*?)", \d+\)', log.read_text())
    assert len(writes) == len(lines), writes
    assert all(w.endswith("\\n") and w.count("\\n") == 1 for w in writes), writes
