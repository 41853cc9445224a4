"""Under tests the error reporter never blocks on a modal dialog: an unexpected error in a
slot is kept with its traceback and fails the test (tests/conftest.py); and the per-test
timeout uses a thread, which also stops a test stuck in a Qt event loop."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from hamstring_app.ui import error_reporter

ROOT = Path(__file__).resolve().parents[2]


def test_an_error_in_a_slot_opens_no_dialog_and_is_kept(session_factory, qtbot):
    session_factory()

    def boom() -> None:
        raise RuntimeError("boom from a timer")

    QTimer.singleShot(0, boom)
    qtbot.waitUntil(lambda: bool(error_reporter.UNSHOWN), timeout=5000)
    kept = list(error_reporter.UNSHOWN)
    error_reporter.UNSHOWN.clear()  # seen here: the test itself is not failed for it
    assert "boom from a timer" in kept[0] and "Traceback" in kept[0]
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox) and w.isVisible()]


def test_the_timeout_method_can_stop_a_stuck_event_loop(request):
    assert request.config.getini("timeout_method") == "thread"


def test_a_kept_error_fails_the_test_with_its_traceback(tmp_path):
    shutil.copy(ROOT / "tests" / "conftest.py", tmp_path / "conftest.py")
    (tmp_path / "test_x.py").write_text(
        "from hamstring_app.paths import DataPaths\n"
        "from hamstring_app.ui.error_reporter import ErrorReporter\n"
        "def test_x(tmp_path):\n"
        "    try:\n"
        "        raise ValueError('kept for the test')\n"
        "    except ValueError as exc:\n"
        "        ErrorReporter(DataPaths(tmp_path)).handle(type(exc), exc, exc.__traceback__)\n",
        encoding="utf-8",
    )
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly",
         str(tmp_path)],
        capture_output=True, text=True, cwd=tmp_path, timeout=120, check=False,
    )
    assert proc.returncode == 1, proc.stdout
    assert "An unexpected error reached the app's error reporter" in proc.stdout
    assert "ValueError: kept for the test" in proc.stdout
    assert "1 error" in proc.stdout or "1 failed" in proc.stdout
