"""Noticing that the data file went away while the app is open.

The store refuses every write once the file it opened was removed, moved away or replaced
(``DataFileGone``), so nothing is saved into a file nobody will find again, and no empty
one is made in its place. This tells the runner sooner: each time the app comes back to
the front, and when asked, it checks the file is still the one it opened, and says so
once (again only after the file came back and went again). What is on screen is kept,
and the warning offers to save a copy of everything the app holds in memory as a JSON
export, to import into a new folder.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from hamstring_app import APP_NAME
from hamstring_app.store.db import file_identity
from hamstring_app.store.errors import StoreError
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
        return self._what() + "\n\n" + self.tr(
            "Save a copy writes everything the app holds now to one file, which you can "
            "import into another data folder."
        )

    def _what(self) -> str:
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

    def save_copy(self, path: Path) -> str:
        """Write what the app holds in memory (everything read or saved since it opened)
        as one JSON export at ``path``; the sentence to show, whether it worked or not."""
        from hamstring_app.exchange.service import ExchangeError, export_history_json

        try:
            done = export_history_json(self.ctx.history.get(), path, self.ctx.clock.today())
        except (ExchangeError, StoreError) as exc:
            return self.tr("No copy was made: {why}").format(why=exc)
        return self.tr(
            "{done} To go on with it, close the app, import that file into a new data "
            "folder (hamstring-app import \"{path}\" --data-dir NEW-FOLDER), then open the "
            "app with --data-dir NEW-FOLDER."
        ).format(done=done.describe(), path=path)

    def _dialog(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, text, parent=self.window)
        save = box.addButton(self.tr("Save a copy..."), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is not save:
            return
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Save a copy of your data"),
            str(Path.home() / "hamstring-coach-copy.json"),
            self.tr("JSON files (*.json)"),
        )
        if name:
            QMessageBox.information(self.window, APP_NAME, self.save_copy(Path(name)))
