"""Unexpected errors: the traceback goes to the log, the person gets a human message.

Under tests (``HAMSTRING_COACH_ERROR_DIALOGS=0``, set by tests/conftest.py) the message is
never a modal dialog, which would wait for a click nobody gives: the traceback goes to
standard error and into ``UNSHOWN``, and the test fails with it.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from hamstring_app import APP_NAME
from hamstring_app.paths import DataPaths

log = logging.getLogger("hamstring_app.ui.app")

DIALOGS_ENV = "HAMSTRING_COACH_ERROR_DIALOGS"
UNSHOWN: list[str] = []  # tracebacks not shown because dialogs are off (tests read these)


def dialogs_on() -> bool:
    return os.environ.get(DIALOGS_ENV, "1") != "0"


class ErrorReporter:
    """Saved data is never at risk: every write is its own transaction, committed or rolled
    back by the store before control returns here."""

    def __init__(self, paths: DataPaths, parent: QWidget | None = None) -> None:
        self.paths = paths
        self.parent = parent
        self._showing = False
        self._previous = sys.excepthook

    def install(self) -> None:
        sys.excepthook = self.handle

    def uninstall(self) -> None:
        sys.excepthook = self._previous

    def handle(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("Unexpected error:\n%s", details)
        if not dialogs_on():
            UNSHOWN.append(details)
            print(f"Unexpected error (error dialogs are off):\n{details}", file=sys.stderr)
            return
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        try:
            QMessageBox.critical(
                self.parent,
                APP_NAME,
                QApplication.translate(
                    "ErrorReporter",
                    "Something went wrong and that action did not finish.\n\n"
                    "Everything you had already saved is safe. You can carry on, or close "
                    "and reopen the app.\n\nThe details are in the log file:\n{log}",
                ).format(log=self.paths.log_file),
            )
        finally:
            self._showing = False
