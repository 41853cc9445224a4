"""Store speed with five years of history: bulk import, full load, date-range reads.

Machines here are noisy, so each figure is also printed as a ratio against a baseline
measured in the same run: plain sqlite3 fetching the same rows as raw tuples, with no
conversion to dataclasses. Run: ``.venv/bin/python benchmarks/store.py``.
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from hamstring_app.core.demo import build_demo_history
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


def main() -> int:
    history = build_demo_history(TODAY, years=YEARS)
    n_sets = sum(len(s.sets) for s in history.strength_sessions)
    print(
        f"history: {len(history.checkins)} check-ins, {len(history.runs)} runs, "
        f"{len(history.strength_sessions)} sessions, {n_sets} sets"
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        repo = open_repository(folder, today=lambda: TODAY, app_version="bench")
        start = time.perf_counter()
        repo.import_history(history)
        import_ms = (time.perf_counter() - start) * 1000

        raw = sqlite3.connect(folder / DB_NAME)

        def raw_fetch() -> None:
            for table in ("checkin", "run", "strength_session", "set_log", "profile"):
                raw.execute(f"SELECT * FROM {table}").fetchall()

        def raw_range() -> None:
            raw.execute("SELECT * FROM run WHERE day >= ? ORDER BY day, id", (since,)).fetchall()

        since_day = TODAY - timedelta(days=28)
        since = since_day.isoformat()
        baseline = best_ms(raw_fetch)
        load = best_ms(repo.load_history)
        recent = best_ms(lambda: repo.load_history(since_day))
        runs_range = best_ms(lambda: repo.list_runs(since_day, TODAY))
        range_baseline = best_ms(raw_range)
        assert repo.load_history().checkins == history.checkins
        raw.close()
        repo.close()

    print(f"import_history (one transaction):  {import_ms:8.1f} ms")
    print(f"baseline raw sqlite3 fetch, all:    {baseline:8.1f} ms")
    print(f"load_history(), all 5 years:        {load:8.1f} ms  ({load / baseline:.1f}x baseline)")
    print(f"load_history(last 28 days):         {recent:8.1f} ms  ({recent / baseline:.2f}x)")
    print(
        f"list_runs(last 28 days):            {runs_range:8.2f} ms  "
        f"(raw range query {range_baseline:.2f} ms)"
    )
    print(f"median of the figures above: {statistics.median([load, recent, runs_range]):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
