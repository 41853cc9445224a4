"""``hamstring-app --self-test``: the packaged app checks that its parts work."""

from __future__ import annotations

import os
import sys
import tempfile
import traceback

from PySide6.QtCore import QTimer

from hamstring_app.ui.app import application, build_demo, launch


def _offscreen_if_headless() -> None:
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def self_test() -> int:
    """Create and migrate a database in a temporary folder, build the main window, have
    an import worker process parse a file, and check printing (ui/print_check.py).

    Prints one line per step; exit 0 when everything worked, 1 with the reason otherwise.
    """
    _offscreen_if_headless()
    with tempfile.TemporaryDirectory(prefix="hamstring-selftest-") as tmp:
        step = "starting Qt"
        try:
            app = application()
            step = "opening a new database"
            session = launch(data_dir=tmp)
            print(f"ok  database created at revision {session.ctx.repo.meta().schema_revision}")
            step = "filling it with example data"
            build_demo(session.ctx.repo, session.ctx.clock, None)
            print(f"ok  example history: {len(session.ctx.repo.list_checkins())} check-ins")
            step = "building the main window"
            session.window.show()
            QTimer.singleShot(0, app.quit)
            app.exec()
            print(f"ok  main window with {session.window.tabs.count()} tabs")
            session.close()
            step = "parsing a file in an import worker process"
            from hamstring_app.importer.parallel import check_workers

            print(f"ok  an import worker process read a {check_workers()} track")
            step = "checking that printing works"
            from hamstring_app.ui.print_check import check_printing

            print(f"ok  printing: {check_printing().summary}")
        except Exception as exc:  # the reason is the whole point of a self-test
            print(f"FAILED while {step}: {exc!r}", file=sys.stderr)
            traceback.print_exc()
            return 1
    print("self-test passed")
    return 0
