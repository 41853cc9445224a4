"""Store speed with five years of history: bulk import, full load, date-range reads;
and what durability costs: one commit with synchronous=FULL (the app's) against NORMAL
(the old setting), timed in the same run, with the fsyncs each makes (counted by strace
when it is installed).

Machines here are noisy, so every figure is printed with its ratio to a baseline measured
in the same run: plain sqlite3 doing the same work on raw tuples (for the import, the same
rows inserted with executemany in one transaction; each import is timed once).
Run: ``.venv/bin/python benchmarks/store.py``.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from hamstring_app.core.demo import build_demo_history
from hamstring_app.core.models import CheckIn, History
from hamstring_app.paths import DB_NAME
from hamstring_app.store.db import HEAD_REVISION, SYNCHRONOUS, Database, make_engine
from hamstring_app.store.repository import Repository, open_repository

TODAY = date(2026, 6, 30)
YEARS = 5


def best_ms(fn: Callable[[], object], repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return min(times)


def raw_import_ms(folder: Path, history: History) -> float:
    """Plain sqlite3 inserting the same rows (as tuples) in one transaction, timed once."""
    empty = open_repository(folder / "raw", today=lambda: TODAY, app_version="bench")
    empty.close()
    conn = sqlite3.connect(folder / "raw" / DB_NAME, isolation_level=None)
    checkins = [(c.day.isoformat(), c.pain_rest, c.ran, c.note) for c in history.checkins]
    runs = [(r.day.isoformat(), r.distance_km, r.type.value, r.note) for r in history.runs]
    sessions = [
        (n, s.day.isoformat(), s.phase, s.started_at.isoformat() if s.started_at else None)
        for n, s in enumerate(history.strength_sessions, 1)
    ]
    sets = [
        (n, x.exercise_id, x.set_number, x.reps, x.pain, x.completed)
        for n, s in enumerate(history.strength_sessions, 1)
        for x in s.sets
    ]
    start = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO checkin (day, pain_rest, ran, note) VALUES (?,?,?,?)", checkins)
    conn.executemany(
        "INSERT INTO run (day, distance_km, type, note, source) VALUES (?,?,?,?,'manual')", runs
    )
    conn.executemany(
        "INSERT INTO strength_session (id, day, phase, started_at) VALUES (?,?,?,?)", sessions
    )
    conn.executemany(
        "INSERT INTO set_log (session_id, exercise_id, set_number, reps, pain, completed)"
        " VALUES (?,?,?,?,?,?)",
        sets,
    )
    conn.execute("COMMIT")
    elapsed = (time.perf_counter() - start) * 1000
    conn.close()
    return elapsed


def main() -> int:
    history = build_demo_history(TODAY, years=YEARS)
    n_sets = sum(len(s.sets) for s in history.strength_sessions)
    print(
        f"history: {len(history.checkins)} check-ins, {len(history.runs)} runs, "
        f"{len(history.strength_sessions)} sessions, {n_sets} sets"
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        repo = open_repository(folder / "app", today=lambda: TODAY, app_version="bench")
        start = time.perf_counter()
        repo.import_history(history)
        import_ms = (time.perf_counter() - start) * 1000

        # Baseline for the import: the same rows written with plain sqlite3 executemany,
        # in one transaction, into a copy of the empty schema.
        import_baseline = raw_import_ms(folder, history)

        raw = sqlite3.connect(folder / "app" / DB_NAME)

        def raw_fetch() -> None:
            for table in ("checkin", "run", "strength_session", "set_log", "profile"):
                raw.execute(f"SELECT * FROM {table}").fetchall()

        def raw_range() -> None:
            raw.execute("SELECT * FROM run WHERE day BETWEEN ? AND ? ORDER BY day, id",
                        (since, TODAY.isoformat())).fetchall()

        def raw_recent() -> None:
            for table in ("checkin", "run", "strength_session"):
                raw.execute(f"SELECT * FROM {table} WHERE day >= ?", (since,)).fetchall()
            raw.execute(
                "SELECT s.* FROM set_log s JOIN strength_session t ON s.session_id = t.id"
                " WHERE t.day >= ?",
                (since,),
            ).fetchall()

        since_day = TODAY - timedelta(days=28)
        since = since_day.isoformat()
        baseline = best_ms(raw_fetch)
        load = best_ms(repo.load_history)
        recent_baseline = best_ms(raw_recent)
        recent = best_ms(lambda: repo.load_history(since_day))
        range_baseline = best_ms(raw_range)
        runs_range = best_ms(lambda: repo.list_runs(since_day, TODAY))
        assert repo.load_history().checkins == history.checkins
        raw.close()
        repo.close()

    def line(name: str, ms: float, base: float, base_name: str) -> None:
        print(f"{name:<36}{ms:9.2f} ms  ({ms / base:.2f}x {base_name}, {base:.2f} ms)")

    print("each figure: best of 7, and its ratio to plain sqlite3 doing the same in this run")
    line("import_history (one transaction):", import_ms, import_baseline, "raw executemany")
    line("load_history(), all 5 years:", load, baseline, "raw fetch of all rows")
    line("load_history(last 28 days):", recent, recent_baseline, "raw 28-day fetch")
    line("list_runs(last 28 days):", runs_range, range_baseline, "raw range query")
    return 0


# ----------------------------------------------------------------------- durability

COMMITS = 200
OLD_SYNCHRONOUS = "NORMAL"


def _repo_with(folder: Path, synchronous: str) -> Repository:
    """The app's repository on a new file, its connections set to ``synchronous``."""
    open_repository(folder, today=lambda: TODAY, app_version="bench").close()
    path = folder / DB_NAME
    engine = make_engine(path, synchronous=synchronous)
    database = Database(path, None, HEAD_REVISION, _engine=engine)
    return Repository(database, lambda: TODAY)


def _commits(repo: Repository, count: int, first: date) -> None:
    for k in range(count):
        repo.save_checkin(CheckIn(day=first + timedelta(days=k), pain_rest=k % 11))


def commit_ms(folder: Path, synchronous: str, rounds: int = 3) -> float:
    """Best mean time of one save_checkin commit, over ``rounds`` runs of COMMITS each."""
    best = float("inf")
    for n in range(rounds):
        repo = _repo_with(folder / f"{synchronous}-{n}", synchronous)
        start = time.perf_counter()
        _commits(repo, COMMITS, TODAY - timedelta(days=COMMITS))
        best = min(best, (time.perf_counter() - start) * 1000 / COMMITS)
        repo.close()
    return best


def fsyncs(synchronous: str) -> int | None:
    """fsync + fdatasync calls made by COMMITS commits (open and close left out)."""
    if shutil.which("strace") is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "strace.log"
        subprocess.run(
            ["strace", "-f", "-qq", "-e", "trace=fsync,fdatasync,write", "-o", str(log),
             sys.executable, __file__, "--commits-only", synchronous, tmp],
            check=True, stdout=subprocess.DEVNULL,
        )
        lines = log.read_text().splitlines()
    marks = [k for k, line in enumerate(lines) if re.search(r'write\(1, "(START|END)', line)]
    during = lines[marks[0] : marks[1]]
    return sum(1 for line in during if re.search(r"\b(fsync|fdatasync)\(", line))


def commits_only(synchronous: str, tmp: str) -> int:
    repo = _repo_with(Path(tmp) / "data", synchronous)
    print("START", flush=True)
    _commits(repo, COMMITS, TODAY - timedelta(days=COMMITS))
    print("END", flush=True)
    repo.close()
    return 0


def durability() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        old = commit_ms(Path(tmp), OLD_SYNCHRONOUS)
        new = commit_ms(Path(tmp), SYNCHRONOUS)
    print(f"one commit (save_checkin), best mean of 3 x {COMMITS}:")
    print(f"  synchronous={OLD_SYNCHRONOUS:<7}{old:9.3f} ms  (the old setting, baseline)")
    print(f"  synchronous={SYNCHRONOUS:<7}{new:9.3f} ms  ({new / old:.2f}x the old setting)")
    old_syncs, new_syncs = fsyncs(OLD_SYNCHRONOUS), fsyncs(SYNCHRONOUS)
    if new_syncs is None or old_syncs is None:
        print("fsync counts: strace is not installed (apt-get install strace)")
        return
    print(f"fsyncs for {COMMITS} commits: {OLD_SYNCHRONOUS} {old_syncs}, {SYNCHRONOUS} {new_syncs}")
    met = "met" if new_syncs >= COMMITS else "NOT met"
    print(f"target: every commit flushed to the disk (>= 1 fsync per commit): {met}")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--commits-only":
        sys.exit(commits_only(sys.argv[2], sys.argv[3]))
    code = main()
    durability()
    sys.exit(code)
