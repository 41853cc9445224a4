"""What a running app holds (the window, the store, the lock ...), closed in one place."""

from __future__ import annotations

import logging
import tempfile
from dataclasses import dataclass, field

from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QApplication

from hamstring_app.logs import teardown_logging
from hamstring_app.ui.checkin.reminder import CheckInReminder
from hamstring_app.ui.context import AppContext
from hamstring_app.ui.error_reporter import ErrorReporter
from hamstring_app.ui.main_window import MainWindow
from hamstring_app.ui.single_instance import InstanceServer

log = logging.getLogger("hamstring_app.ui.app")


@dataclass
class Session:
    """Everything a running app holds, so it can be closed in one place."""

    app: QApplication
    ctx: AppContext
    window: MainWindow
    lock: QLockFile | None
    log_handler: logging.Handler
    reporter: ErrorReporter
    tempdir: tempfile.TemporaryDirectory[str] | None = None
    closed: bool = field(default=False)
    reminder: CheckInReminder | None = None
    instance: InstanceServer | None = None

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        if self.reminder is not None:
            self.reminder.stop()
        if self.window.tray is not None:
            self.window.tray.hide()
        self.reporter.uninstall()
        self.window.close()
        self.window.deleteLater()
        # long work still running must stop before the store closes under it
        from hamstring_app.ui.tasks import stop_all

        if not stop_all(5.0):
            log.warning("A background task did not stop in time")
        self.ctx.repo.close()
        if self.instance is not None:
            self.instance.close()
        if self.lock is not None:
            self.lock.unlock()
        teardown_logging(self.log_handler)
        if self.tempdir is not None:
            self.tempdir.cleanup()
