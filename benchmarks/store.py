"""Store speed with five years of history: bulk import, full load, date-range reads.

Machines here are noisy, so every figure is printed with its ratio to a baseline measured
in the same run: plain sqlite3 doing the same work on raw tuples (for the import, the same
rows inserted with executemany in one transaction; each import is timed once).
Run: ``.venv/bin/python benchmarks/store.py``.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from hamstring_app.core.demo import build_demo_history
from hamstring_app.core.models import History
from hamstring_app.paths import DB_NAME
from hamstring_app.store.repository import open_repository

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


if __name__ == "__main__":
    sys.exit(main())
