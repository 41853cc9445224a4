"""Noticing that the data file went away while the app is open.

The store refuses every write once the file it opened was removed, moved away or replaced
(``DataFileGone``), so nothing is saved into a file nobody will find again, and no empty
one is made in its place. This tells the runner sooner: each time the app comes back to
the front, and when asked, it checks the file is still the one it opened, and says so
once (again only after the file came back and went again). What is on screen is kept.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from hamstring_app import APP_NAME
from hamstring_app.store.db import file_identity
from hamstring_app.ui.context import AppContext


class DataFileWatch(QObject):
    def __init__(
        self,
        ctx: AppContext,
        window: QWidget,
        warn: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.warn = warn or self._dialog
        self.warned = False
        app = QApplication.instance()
        if isinstance(app, QApplication):
            # a child of the window: Qt disconnects it when the window is deleted
            app.applicationStateChanged.connect(self._state_changed)

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.check()

    def check(self) -> bool:
        """True while the data file is the one opened; otherwise warn (once) and False.
        A window closed (the app on its way out) is not warned over."""
        if not self.window.isVisible():
            return True
        if self.ctx.demo or self.ctx.repo.still_there():
            self.warned = False
            return True
        if not self.warned:
            self.warned = True
            self.warn(self.message())
        return False

    def message(self) -> str:
        path = self.ctx.repo.database.path
        if file_identity(path) is not None:
            return self.tr(
                "Your data file {path} was replaced by another file while Hamstring Coach "
                "was open.\n\nNothing will be saved into it, so the two are not mixed. "
                "What is on screen stays as it is. Close the app and open it again to use "
                "the file that is there now."
            ).format(path=path)
        return self.tr(
            "Your data file {path} is no longer there: its folder was moved, renamed or "
            "deleted, or its disk was removed, while Hamstring Coach was open.\n\n"
            "Nothing will be saved until it is back, and no new empty file is made in its "
            "place. What is on screen stays as it is. Put the folder back (or plug the disk "
            "in again) and save again; or close the app and open it with --data-dir to use "
            "another folder."
        ).format(path=path)

    def _dialog(self, text: str) -> None:
        QMessageBox.warning(self.window, APP_NAME, text)
