"""Recovery tab speed with a 20-year history (about 7,300 check-ins and 4,000 runs).

Two figures, each the median of several runs in this process:
- first show: show the tab (take the history from the app's cache, which the Today tab
  filled at start-up; assess, arrange the arrays, feed the graphs) and paint it once.
  Target under 200 ms. The graphs themselves are built earlier,
  while the app is idle just after start-up (the main window warms up hidden tabs); that
  time is printed on its own, and so is a cold first show (opened before the warm-up).
- refresh after one new check-in: save it, emit the data-changed signal (the visible tab
  reloads and redraws) and paint. Target under 50 ms. The verdicts of the days before the
  check-in are reused (a day's verdict never depends on later records).
The baseline, measured in the same run, is a bare pyqtgraph PlotWidget showing the same
number of points as scatter items, built, shown and painted once; the ratios say how much
the tab costs beyond drawing that many points. Machines here are noisy: read the ratios.

    python benchmarks/recovery.py [--runs N] [--years Y]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QApplication, QLabel, QTabWidget

from hamstring_app import __version__
from hamstring_app.core.clock import FakeClock
from hamstring_app.core.demo import build_demo_history
from hamstring_app.core.rules import evaluate
from hamstring_app.paths import DataPaths
from hamstring_app.store.repository import open_repository
from hamstring_app.ui.context import AppContext
from hamstring_app.ui.events import AppEvents, Changes, Kind
from hamstring_app.ui.progress.data import build_recovery_data
from hamstring_app.ui.progress.tab import RecoveryTab

FIRST_SHOW_TARGET_MS = 200
REFRESH_TARGET_MS = 50
SIZE = (1280, 740)


def _ms(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def _median(values: list[float]) -> float:
    return statistics.median(values)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--years", type=int, default=20)
    args = parser.parse_args()

    app = QApplication.instance() or QApplication([])
    clock = FakeClock(datetime(2026, 3, 18, 19, 30))
    today = clock.today()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        repo = open_repository(root, today=clock.today, app_version=__version__)
        history = build_demo_history(today, years=args.years)
        repo.import_history(history)
        ctx = AppContext(repo=repo, clock=clock, events=AppEvents(), paths=DataPaths(root))
        n_points = (
            sum(c.pain_rest is not None for c in history.checkins)
            + sum(c.pain_run is not None for c in history.checkins)
            + sum(c.pain_next_morning is not None for c in history.checkins)
            + len(history.runs)
            + len(history.checkins)  # verdict strip
        )
        print(f"{args.years}-year history: {len(history.checkins)} check-ins, "
              f"{len(history.runs)} runs, {len(history.strength_sessions)} strength sessions; "
              f"{n_points} points drawn")

        def bare() -> None:
            widget = pg.PlotWidget()
            widget.resize(*SIZE)
            rng = np.random.default_rng(1)
            for _ in range(4):
                item = pg.ScatterPlotItem(size=7, pen=None, brush="b")
                item.setData(np.arange(n_points / 4), rng.random(int(np.ceil(n_points / 4))))
                widget.addItem(item)
            widget.show()
            widget.repaint()
            app.processEvents()
            widget.close()
            widget.deleteLater()

        # the tab lives in a shown window's tab widget, as in the app
        host = QTabWidget()
        host.resize(*SIZE)
        host.addTab(QLabel("another tab"), "Other")
        host.show()
        app.processEvents()
        tabs: list[RecoveryTab] = []

        def build(warm: bool = True) -> None:
            # a shell at start-up; the main window builds its graphs while idle soon after
            tab = RecoveryTab(ctx)
            host.addTab(tab, "Recovery")
            tabs.append(tab)
            if warm:
                tab.ensure_built()

        def first_show() -> None:
            tab = tabs[-1]
            host.setCurrentWidget(tab)  # refresh: load, assess, arrange, feed the graphs
            tab.repaint()
            app.processEvents()

        # warm-up: imports, fonts, caches
        bare()
        build()
        first_show()
        bare_ms, build_ms, show_ms = [], [], []
        for _ in range(args.runs):
            bare_ms.append(_ms(bare))
            host.setCurrentIndex(0)
            for tab in tabs:
                host.removeTab(host.indexOf(tab))
                tab.deleteLater()
            tabs.clear()
            app.processEvents()
            build_ms.append(_ms(build))
            show_ms.append(_ms(first_show))
        build(warm=False)  # opened before the warm-up got to it: builds, then fills
        cold_ms = _ms(first_show)
        tab = tabs[-1]

        base = repo.get_checkin(today)
        refresh_ms = []
        for k in range(args.runs):
            checkin = replace(base, pain_rest=k % 3) if base else None

            def one_checkin(c=checkin) -> None:
                if c is not None:
                    repo.save_checkin(c)
                ctx.ops.announce(Changes.of(Kind.CHECKIN, days=(today,)))
                tab.repaint()
                app.processEvents()

            refresh_ms.append(_ms(one_checkin))

        # where the first show's time goes (each part measured on its own)
        parts: dict[str, float] = {}
        built = [RecoveryTab(ctx)]
        built[-1].ensure_built()  # the graphs are made on first show; make them here
        parts["load_history (cached by the app)"] = _median(
            [_ms(repo.load_history) for _ in range(args.runs)]
        )
        loaded = repo.load_history()
        parts["evaluate"] = _median([_ms(lambda: evaluate(loaded, today))
                                     for _ in range(args.runs)])
        assessment = evaluate(loaded, today)
        parts["arrange arrays"] = _median(
            [_ms(lambda: build_recovery_data(loaded, assessment, today, 3))
             for _ in range(args.runs)]
        )
        data = build_recovery_data(loaded, assessment, today, 3)
        fresh = built[-1]
        parts["feed graphs"] = _median(
            [_ms(lambda: (fresh.plots.__setattr__("data", None), fresh.plots.set_data(data)))
             for _ in range(args.runs)]
        )
        viewport = tab.plots.viewport()
        parts["paint graphs"] = _median([_ms(viewport.repaint) for _ in range(args.runs)])
        for widget in built:
            widget.deleteLater()
        repo.close()
        host.close()

    bare_med, show_med, refresh_med = _median(bare_ms), _median(show_ms), _median(refresh_ms)
    build_med = _median(build_ms)
    print(f"baseline: bare pyqtgraph plot of {n_points} points: {bare_med:7.1f} ms "
          "(build, show, paint)")
    print(f"building the graphs (idle, after start): {build_med:7.1f} ms  "
          f"({build_med / bare_med:.1f}x baseline)")
    print(f"first show (fills and paints):           {show_med:7.1f} ms  "
          f"(target < {FIRST_SHOW_TARGET_MS}; {show_med / bare_med:.1f}x baseline)")
    print(f"cold first show (before the warm-up):    {cold_ms:7.1f} ms  "
          f"({cold_ms / bare_med:.1f}x baseline)")
    print(f"refresh after one new check-in:          {refresh_med:7.1f} ms  "
          f"(target < {REFRESH_TARGET_MS}; {refresh_med / bare_med:.1f}x baseline)")
    print("first show, part by part: " + ", ".join(f"{k} {v:.1f} ms" for k, v in parts.items()))
    ok = show_med < FIRST_SHOW_TARGET_MS and refresh_med < REFRESH_TARGET_MS
    print("recovery targets met" if ok else "recovery targets NOT met on this machine")
    return 0


if __name__ == "__main__":
    sys.exit(main())
