"""Start-up cost: wall time and peak memory to the first painted main window.

Compares the app, opening a 5-year demo database, with a bare PySide6 + pyqtgraph window
measured in the same run. Each measurement runs in a fresh process, several times; the
median is reported. Targets: at most 1.3x the bare window's time; under 200 MiB peak.
The app starts as the real entry point does (non-Qt modules first) and, like an installed
copy, from compiled bytecode: the warm-up run writes any missing ``__pycache__`` files.

    python benchmarks/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

CHILD_BARE = r"""
import json, os, resource, sys, time
t0 = float(sys.argv[1])
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QLabel
import pyqtgraph as pg
app = QApplication([])
w = QMainWindow(); tabs = QTabWidget(); tabs.addTab(pg.PlotWidget(), "plot");
tabs.addTab(QLabel("hello"), "label"); w.setCentralWidget(tabs); w.resize(1280, 800)
class Painted(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint:
            app.quit()
        return False
f = Painted(); w.installEventFilter(f); w.show(); app.exec()
print(json.dumps({"seconds": time.time() - t0,
                  "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

CHILD_APP = r"""
import json, os, resource, sys, time
t0 = float(sys.argv[1])
from hamstring_app.cli import preload_for_gui
preload_for_gui()  # as the real entry point does before it reaches Qt
from PySide6.QtCore import QEvent, QObject
from hamstring_app.ui.app import launch
s = launch(data_dir=sys.argv[2])
from PySide6.QtCore import QTimer
tab = s.window.tabs.currentWidget()
marks = {}
def wait_for_fill():
    if tab.stale:
        QTimer.singleShot(2, wait_for_fill)
        return
    tab.repaint()  # the filled tab on screen
    marks["filled"] = time.time() - t0
    s.app.quit()
class Painted(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint and "painted" not in marks:
            marks["painted"] = time.time() - t0
            QTimer.singleShot(0, wait_for_fill)
        return False
f = Painted(); s.window.installEventFilter(f); s.window.resize(1280, 800)
s.window.show_then_fill()  # as run_gui does
s.app.exec()
out = {"seconds": marks["painted"], "filled_seconds": marks["filled"],
       "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
s.close()
print(json.dumps(out))
"""


def build_data_dir(folder: Path, years: int) -> None:
    from hamstring_app import __version__
    from hamstring_app.core.demo import build_demo_history
    from hamstring_app.store.repository import open_repository

    today = date.today()
    repo = open_repository(folder, today=lambda: today, app_version=__version__)
    repo.import_history(build_demo_history(today, years=years))
    repo.close()


def measure(code: str, *args: str) -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    # An installed app runs from compiled bytecode; let the warm-up run write it for both.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    proc = subprocess.run(
        [sys.executable, "-c", code, repr(time.time()), *args],
        capture_output=True, text=True, env=env, check=True,
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--years", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        build_data_dir(data, args.years)
        measure(CHILD_BARE)  # warm the file cache for both
        measure(CHILD_APP, str(data))
        bare, app = [], []
        for _ in range(args.runs):  # interleaved, so drift hits both alike
            bare.append(measure(CHILD_BARE))
            app.append(measure(CHILD_APP, str(data)))
    bare_s = statistics.median(r["seconds"] for r in bare)
    app_s = statistics.median(r["seconds"] for r in app)
    app_mib = max(r["peak_mib"] for r in app)
    bare_mib = max(r["peak_mib"] for r in bare)
    ratio = app_s / bare_s
    print(f"bare PySide6+pyqtgraph window: {bare_s * 1000:7.0f} ms  peak {bare_mib:6.1f} MiB")
    print(f"Hamstring Coach, {args.years}-year db: {app_s * 1000:7.0f} ms  peak {app_mib:6.1f} MiB")
    filled_s = statistics.median(r["filled_seconds"] for r in app)
    print(f"  ... Today tab filled with the verdict and history: {filled_s * 1000:7.0f} ms "
          f"({filled_s / bare_s:.2f}x the bare window)")
    print(f"time ratio app/bare: {ratio:.2f} (target <= 1.30)  "
          f"peak memory: {app_mib:.0f} MiB (target < 200)")
    ok = ratio <= 1.3 and app_mib < 200
    print("startup targets met" if ok else "startup targets NOT met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
