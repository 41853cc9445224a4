"""Recovery tab speed with a 20-year history (about 7,300 check-ins and 4,000 runs).

Everything is timed in the running event loop (a ``QEventLoop``), as a person sees it: from
the action until the graphs' last paint has ended and the app is idle again (no paint for
a while after it), so deferred updates, second paints and queued work all count.
- first show: click the Recovery tab (the app's history cache is filled, as the Today tab
  leaves it at start-up; the graphs were built while the app was idle after start-up) until
  it is filled and painted. Target under 200 ms. A cold first show (the tab opened before
  that idle warm-up) is printed on its own.
- refresh after one check-in: the check-in saved through the app's operation runner (as
  the Today tab and the day dialog save it) while the tab is on show, until painted. Target
  under 50 ms. Also printed: back to the tab after a check-in saved on another tab.
- the whole history: the "All" range clicked (no target; the older days are built then).
The baseline, measured in the same run and the same way, is a bare pyqtgraph PlotWidget
showing the same number of points as scatter items, built, shown and painted once; the
ratios say how much the tab costs beyond drawing that many points. Machines here are
noisy: each figure is the median of several runs, and the load average is printed.

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
from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QTabWidget, QWidget

from hamstring_app import __version__
from hamstring_app.core.clock import FakeClock
from hamstring_app.core.demo import build_demo_history
from hamstring_app.paths import DataPaths
from hamstring_app.store import operations as op
from hamstring_app.store.repository import open_repository
from hamstring_app.ui.context import AppContext
from hamstring_app.ui.events import AppEvents
from hamstring_app.ui.progress.navigation import Preset
from hamstring_app.ui.progress.tab import RecoveryTab

FIRST_SHOW_TARGET_MS = 200
REFRESH_TARGET_MS = 50
SIZE = (1280, 740)
SETTLE_S = 0.25  # no paint for this long after the last one: the app is idle again
GIVE_UP_S = 10.0


class Painted(QObject):
    """Notes when each paint of the watched widgets has ended (a zero timer posted from
    the paint event runs once the paint returns)."""

    def __init__(self) -> None:
        super().__init__()
        self.ends: list[float] = []

    def watch(self, widget: QWidget) -> None:
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, lambda: self.ends.append(time.perf_counter()))
        return False


def in_event_loop(painted: Painted, action: Callable[[], None]) -> float:
    """Run ``action`` from the event loop; ms until the last paint it caused ended."""
    loop = QEventLoop()  # not app.quit(): that would close every window
    painted.ends.clear()
    started: list[float] = []

    def go() -> None:
        started.append(time.perf_counter())
        action()

    def check() -> None:
        now = time.perf_counter()
        settled = bool(painted.ends) and now - painted.ends[-1] > SETTLE_S
        if started and (settled or now - started[0] > GIVE_UP_S):
            loop.quit()
        else:
            QTimer.singleShot(20, check)

    QTimer.singleShot(0, go)
    QTimer.singleShot(20, check)
    loop.exec()
    if not painted.ends:
        raise RuntimeError("nothing was painted")
    return (painted.ends[-1] - started[0]) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--years", type=int, default=20)
    args = parser.parse_args()

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    clock = FakeClock(datetime(2026, 3, 18, 19, 30))
    today = clock.today()
    painted = Painted()
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
              f"{n_points} points when all is shown")

        def bare() -> None:
            widget = pg.PlotWidget()
            widget.resize(*SIZE)
            rng = np.random.default_rng(1)
            for _ in range(4):
                item = pg.ScatterPlotItem(size=7, pen=None, brush="b")
                item.setData(np.arange(n_points / 4), rng.random(int(np.ceil(n_points / 4))))
                widget.addItem(item)
            painted.watch(widget.viewport())
            widget.show()
            bares.append(widget)

        bares: list[pg.PlotWidget] = []

        def drop_bares() -> None:
            for widget in bares:
                widget.close()
                widget.deleteLater()
            bares.clear()

        # the tab lives in a shown window's tab widget, as in the app; the history cache is
        # filled and today assessed, as the Today tab leaves them at start-up
        host = QTabWidget()
        host.resize(*SIZE)
        other = QLabel("the Today tab")
        host.addTab(other, "Today")
        host.show()
        painted.watch(other)
        ctx.history.get()
        ctx.ops.assessment(today)
        app.processEvents()

        def new_tab(warm: bool = True) -> RecoveryTab:
            tab = RecoveryTab(ctx)
            host.addTab(tab, "Recovery")
            if warm:  # the graphs are made while the app is idle after start-up
                tab.ensure_built()
                painted.watch(tab.plots.viewport())
            return tab

        def drop(tab: RecoveryTab) -> None:
            host.setCurrentWidget(other)
            host.removeTab(host.indexOf(tab))
            tab.deleteLater()
            app.processEvents()

        # warm-up: imports, fonts, caches
        in_event_loop(painted, bare)
        drop_bares()
        tab = new_tab()
        in_event_loop(painted, lambda: host.setCurrentWidget(tab))
        sessions = ctx.history.get().strength_sessions
        unread = sum(1 for s in sessions if not getattr(s, "sets_read", True))
        drop(tab)

        bare_ms, show_ms, all_ms = [], [], []
        for _ in range(args.runs):
            bare_ms.append(in_event_loop(painted, bare))
            drop_bares()
            tab = new_tab()
            show_ms.append(in_event_loop(painted, lambda t=tab: host.setCurrentWidget(t)))
            all_ms.append(in_event_loop(painted, lambda t=tab: t.show_preset(Preset.ALL)))
            drop(tab)
        tab = new_tab(warm=False)  # opened before the idle warm-up got to it
        cold_ms = in_event_loop(painted, lambda: (
            host.setCurrentWidget(tab), painted.watch(tab.plots.viewport())))
        drop(tab)

        tab = new_tab()
        in_event_loop(painted, lambda: host.setCurrentWidget(tab))
        base = repo.get_checkin(today)
        assert base is not None
        refresh_ms, back_ms = [], []
        for k in range(args.runs):
            checkin = replace(base, pain_rest=k % 3)

            def save(c=checkin) -> None:
                outcome = ctx.ops.run(op.save_checkin, c)
                assert outcome.ok, outcome.message

            refresh_ms.append(in_event_loop(painted, save))
            # saved on the Today tab, then back to Recovery
            in_event_loop(painted, lambda: host.setCurrentWidget(other))
            save(replace(base, pain_rest=(k + 1) % 3))
            back_ms.append(in_event_loop(painted, lambda: host.setCurrentWidget(tab)))
        drop(tab)
        repo.close()
        host.close()

    med = statistics.median
    bare_med, show_med, refresh_med = med(bare_ms), med(show_ms), med(refresh_ms)
    back_med, all_med = med(back_ms), med(all_ms)
    print(f"load average {os.getloadavg()[0]:.2f}; medians of {args.runs} runs, "
          "each until the last paint ended")
    print(f"baseline: bare pyqtgraph plot of {n_points} points: {bare_med:7.1f} ms "
          "(build, show, paint)")

    def line(name: str, ms: float, target: float | None) -> None:
        ratio = f"{ms / bare_med:.2f}x baseline"
        if target is None:
            print(f"{name:42s} {ms:7.1f} ms  ({ratio}; no target)")
        else:
            met = "met" if ms < target else "NOT met"
            print(f"{name:42s} {ms:7.1f} ms  ({ratio}; target < {target} ms: {met})")

    line("first show (tab clicked, filled, painted):", show_med, FIRST_SHOW_TARGET_MS)
    line("cold first show (before the idle warm-up):", cold_ms, None)
    line("refresh after one check-in (on show):", refresh_med, REFRESH_TARGET_MS)
    line("back to the tab after a check-in:", back_med, None)
    line("the whole history (All clicked):", all_med, None)
    print(f"strength sessions whose sets the first show left unread: {unread} of "
          f"{len(sessions)} (All reads them)")
    ok = show_med < FIRST_SHOW_TARGET_MS and refresh_med < REFRESH_TARGET_MS
    print("recovery targets met" if ok else "recovery targets NOT met on this machine")
    return 0


if __name__ == "__main__":
    sys.exit(main())
