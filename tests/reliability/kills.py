"""SIGKILL a writer at random moments; then check that every write it was told had been
committed is there, exactly, and that SQLite's integrity_check passes. Used by
test_kills.py (20 kills) and soak.py (100)."""

from __future__ import annotations

import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from writer import TODAY, checkin_for, run_for

from hamstring_app.paths import DB_NAME
from hamstring_app.store.repository import open_repository

WRITER = Path(__file__).with_name("writer.py")
PER_PROCESS = 400  # far more writes than any process lives to make


@dataclass
class KillReport:
    kills: int = 0
    committed: int = 0  # writes the writer was told were committed
    missing: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    integrity: list[str] = field(default_factory=list)


def _state(pid: int) -> str:
    try:
        status = Path(f"/proc/{pid}/status").read_text().splitlines()
        wchan = Path(f"/proc/{pid}/wchan").read_text()
    except OSError:
        return "gone"
    return f"{[x for x in status if x.startswith('State')]} wchan={wchan}"


class Writer:
    """The forking writer server (writer.py --server) and what its children print."""

    def __init__(self, folder: Path) -> None:
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
        self.errors = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 - closed in close()
        self.proc = subprocess.Popen(
            [sys.executable, str(WRITER), "--server", str(folder), str(PER_PROCESS)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.errors,
            text=True, env=env,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self._until("SERVING")

    def _read(self) -> None:
        for line in self.proc.stdout:  # type: ignore[union-attr]
            self.lines.put(line.strip())
        self.lines.put("GONE")

    def _until(self, word: str, seen: list[str] | None = None) -> str:
        while True:
            line = self.lines.get(timeout=50)
            if seen is not None:
                seen.append(line)
            if line.split()[0] in (word, "GONE"):
                return line
            if line == "EXIT":  # the child ended before what we waited for
                self.errors.seek(0)
                raise RuntimeError(f"the writer ended early: {self.errors.read()[-2000:]}")

    def kill_once(self, first: int, delay: float) -> tuple[set[int], dict[int, int]]:
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"{first}\n")
        self.proc.stdin.flush()
        pid = int(self._until("PID").split()[1])
        seen: list[str] = []
        self._until("READY", seen)
        time.sleep(delay)
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:  # it ended before the kill: only an error does that
            self.errors.seek(0)
            raise RuntimeError(
                f"the writer ended before it was killed: {self.errors.read()[-2000:]}"
            ) from None
        while seen[-1] != "EXIT" if seen else True:
            try:
                line = self.lines.get(timeout=40)
            except queue.Empty:
                raise AssertionError(
                    f"no end after the kill; child {_state(pid)}, writer "
                    f"{_state(self.proc.pid)}; last lines {seen[-5:]}"
                ) from None
            # no half line to mend: writer.say writes each line in one short pipe write,
            # which a kill cannot split, and the server writes EXIT after its child ended
            seen.append(line)
            if line == "GONE":
                break
        checkins: set[int] = set()
        runs: dict[int, int] = {}
        for line in seen:
            parts = line.split()
            if parts[0] == "C":
                checkins.add(int(parts[1]))
            elif parts[0] == "R":
                runs[int(parts[1])] = int(parts[2])
        return checkins, runs

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=50)
        self.errors.close()


def kill_and_check(folder: Path, kills: int, seed: int = 14) -> KillReport:
    rng = random.Random(seed)
    report = KillReport()
    told_checkins: set[int] = set()
    told_runs: dict[int, int] = {}
    first = 0
    writer = Writer(folder)
    try:
        for _ in range(kills):
            checkins, runs = writer.kill_once(first, rng.uniform(0.0, 0.15))
            report.kills += 1
            told_checkins |= checkins
            told_runs.update(runs)
            first += PER_PROCESS
    finally:
        writer.close()
    report.committed = len(told_checkins) + len(told_runs)
    conn = sqlite3.connect(folder / DB_NAME)
    try:
        report.integrity = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if report.integrity == ["ok"]:
            report.integrity = []
    finally:
        conn.close()
    repo = open_repository(folder, today=lambda: TODAY, app_version="kill-test")
    try:
        saved = {c.day: c for c in repo.list_checkins()}
        runs_by_id = {r.id: r for r in repo.list_runs()}
    finally:
        repo.close()
    for k in sorted(told_checkins):
        expected = checkin_for(k)
        got = saved.get(expected.day)
        if got is None:
            report.missing.append(f"check-in {k}")
        elif got != expected:
            report.wrong.append(f"check-in {k}")
    for k, run_id in sorted(told_runs.items()):
        got = runs_by_id.get(run_id)
        if got is None:
            report.missing.append(f"run {k}")
        elif got.day != run_for(k).day or got.note != run_for(k).note:
            report.wrong.append(f"run {k}")
    return report
