"""The physio report and a backup, with five years of history, each against a baseline
measured in the same run (machines here are noisy):

- the report PDF (build_report + write_pdf for the whole five years) against a plain
  QPdfWriter page of text (one QTextDocument of the same 14-day table, no graphs, no
  assessment). Target: under 2x.
- a backup (SQLite online backup + integrity_check + fsync, store/backups.py) against
  Python's sqlite3 ``backup()`` of the same file into a new file with SQLite's default
  settings (what the sqlite3 shell's ``.backup`` does: the backup API, then the commit's
  syncs). Target: under 1.5x. Each step of the backup is printed (from
  ``make_backup(steps=...)``), and so is the baseline without its syncs, for scale: the
  integrity_check the backup must pass before it is kept reads every page and looks up
  every table row in every index, which the baseline never does.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/report.py``.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtGui import QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication

from hamstring_app.core.demo import build_demo_history
from hamstring_app.core.library import exercise_names
from hamstring_app.core.report import build_report
from hamstring_app.paths import DB_NAME
from hamstring_app.store import backups
from hamstring_app.store.repository import open_repository
from hamstring_app.ui.report_pdf import report_html, write_pdf

TODAY = date(2026, 6, 30)
YEARS = 5
REPEAT = 15
BACKUP_REPEAT = 40


def best_s(fn: Callable[[int], object], repeat: int = 3) -> float:
    times = []
    for n in range(repeat):
        start = time.perf_counter()
        fn(n)
        times.append(time.perf_counter() - start)
    return min(times)


def paired(ours: Callable[[int], object], base: Callable[[int], object],
           repeat: int = REPEAT) -> tuple[float, float]:
    """The best of ``repeat`` runs of each, taken in turns, so that a burst of load from
    other work on the machine falls on both sides alike."""
    a, b = [], []
    for n in range(repeat):
        a.append(best_s(lambda _n, n=n: ours(n), 1))
        b.append(best_s(lambda _n, n=n: base(n), 1))
    return min(a), min(b)


def verdict(name: str, value: float, base: float, target: float) -> None:
    ratio = value / base
    met = "met" if ratio < target else "NOT met"
    print(
        f"{name}: {value * 1000:.0f} ms vs baseline {base * 1000:.0f} ms = {ratio:.2f}x "
        f"(target < {target}x: {met})"
    )


def main() -> None:
    print("load average: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    app = QApplication.instance() or QApplication([])
    history = build_demo_history(TODAY, years=YEARS)
    names = exercise_names()
    start = TODAY - timedelta(days=365 * YEARS)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        report = build_report(history, start=start, end=TODAY, names=names)
        table_only = report_html(report, ("last_14_days",))

        def full(n: int) -> None:
            r = build_report(history, start=start, end=TODAY, names=names)
            write_pdf(folder / f"r{n}.pdf", r)

        def plain(n: int) -> None:
            writer = QPdfWriter(str(folder / f"p{n}.pdf"))
            doc = QTextDocument()
            doc.documentLayout().setPaintDevice(writer)
            doc.setHtml(table_only)
            doc.print_(writer)

        full(0), plain(0)  # warm-up: fonts registered, caches filled, on both sides
        verdict("report PDF, 5 years", *paired(full, plain), 2.0)
        pages = write_pdf(folder / "x.pdf", report)
        print(f"  ({pages} pages, {len(history.checkins)} check-ins, {len(history.runs)} runs)")

        data = folder / "data"
        repo = open_repository(data, today=lambda: TODAY, app_version="bench")
        repo.import_history(history)
        repo.close()
        db = data / DB_NAME
        size = db.stat().st_size

        def sqlite_backup(n: int) -> None:
            src = sqlite3.connect(db)
            dst = sqlite3.connect(folder / f"b{n}.sqlite3")
            src.backup(dst)
            dst.close()
            src.close()

        def unsynced_backup(n: int) -> None:  # the same without its syncs, for scale only
            src = sqlite3.connect(db)
            dst = sqlite3.connect(folder / f"u{n}.sqlite3")
            dst.execute("PRAGMA synchronous=OFF")
            src.backup(dst)
            dst.close()
            src.close()

        steps: list[dict[str, float]] = []

        def ours(n: int) -> None:
            steps.append({})
            backups.make_backup(db, now=datetime(2026, 6, 30, 12, 0, n), kind=backups.MANUAL,
                                steps=steps[-1])

        # in turns, so that a burst of load from other work falls on every side alike
        times: dict[str, list[float]] = {"ours": [], "base": [], "unsynced": []}
        for n in range(BACKUP_REPEAT):
            for key, fn in (("ours", ours), ("base", sqlite_backup), ("unsynced", unsynced_backup)):
                times[key].append(best_s(lambda _n, fn=fn, n=n: fn(n), 1))
        ours_s, base_s, unsynced_s = (min(times[k]) for k in ("ours", "base", "unsynced"))
        verdict(f"backup, 5 years ({size // 1024} KB)", ours_s, base_s, 1.5)
        fastest = steps[times["ours"].index(ours_s)]
        print(
            "  the fastest backup, step by step: "
            + ", ".join(f"{k} {v * 1000:.1f} ms" for k, v in fastest.items())
            + f"; the rest (opening, checks of the paths)"
            f" {(ours_s - sum(fastest.values())) * 1000:.1f} ms"
        )
        print(
            "  medians of all runs: "
            + ", ".join(
                f"{k} {statistics.median(s[k] for s in steps) * 1000:.1f} ms" for k in fastest
            )
            + f"; backup {statistics.median(times['ours']) * 1000:.1f} ms vs baseline"
            f" {statistics.median(times['base']) * 1000:.1f} ms ="
            f" {statistics.median(times['ours']) / statistics.median(times['base']):.2f}x"
        )
        check_s = min(s["check"] for s in steps)
        print(
            f"  the required integrity_check of the copy alone (best {check_s * 1000:.1f} ms) is"
            f" {check_s / base_s:.2f}x the baseline, which checks nothing; the baseline without"
            f" its syncs takes {unsynced_s * 1000:.1f} ms, so its syncs took"
            f" {(base_s - unsynced_s) * 1000:.1f} ms of its best run"
        )
    print("load average: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    del app


if __name__ == "__main__":
    main()
