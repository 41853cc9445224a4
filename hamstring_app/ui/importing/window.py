"""What importing adds to the main window: File > Import runs... (Ctrl+I), File > Import
a folder..., dropping files, folders or zips onto the window, and the watched folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu

from hamstring_app.ui.context import AppContext
from hamstring_app.ui.importing.watcher import FolderWatcher

if TYPE_CHECKING:
    from hamstring_app.ui.importing.controller import ImportController

FILE_FILTER = QT_TRANSLATE_NOOP(
    "ImportGlue",
    "Activity files and exports (*.fit *.gpx *.tcx *.gz *.zip *summarizedActivities.json)"
    ";;All files (*)",
)


def dropped_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class ImportGlue(QObject):
    """Owned by the window; its event filter takes drops onto the window."""

    def __init__(self, ctx: AppContext, window: QMainWindow, file_menu: QMenu) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self._controller: ImportController | None = None
        self.watcher = FolderWatcher(ctx, lambda: self.controller, self)
        self.import_action = QAction(self.tr("&Import runs..."), window)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.setStatusTip(
            self.tr("Import runs from watch files, a Strava export or a Garmin export")
        )
        self.import_action.triggered.connect(self.choose_files)
        self.folder_action = QAction(self.tr("Import runs from a &folder..."), window)
        self.folder_action.triggered.connect(self.choose_folder)
        first = file_menu.actions()[0] if file_menu.actions() else None
        file_menu.insertAction(first, self.import_action)
        file_menu.insertAction(first, self.folder_action)
        file_menu.insertSeparator(first)
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        self.watcher.load_setting()

    @property
    def controller(self) -> ImportController:
        """Made on first use: the file readers and the worker processes they run in are
        imported then, not while the app starts (they were a sixth of its start-up)."""
        if self._controller is None:
            from hamstring_app.ui.importing.controller import ImportController

            self._controller = ImportController(self.ctx, self.window)
            self._controller.finished.connect(lambda _done: self.watcher.after_import())
        return self._controller

    @property
    def busy(self) -> bool:
        """Whether an import is reading, waiting for review or saving."""
        return self._controller is not None and self._controller.busy

    def when_idle(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` now when no import runs, else once the import has finished."""
        if not self.busy:
            callback()
            return
        controller = self.controller

        def finished(_done: object) -> None:
            controller.finished.disconnect(finished)
            callback()

        controller.finished.connect(finished)

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self.window, self.tr("Import runs"), "", self.tr(FILE_FILTER)
        )
        if names:
            self.controller.start(names)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Import runs from a folder"))
        if folder:
            self.controller.start([folder])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window:
            if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
                if dropped_paths(event):  # type: ignore[arg-type]
                    event.acceptProposedAction()  # type: ignore[attr-defined]
                    return True
            elif event.type() == QEvent.Type.Drop:
                paths = dropped_paths(event)  # type: ignore[arg-type]
                if paths:
                    event.acceptProposedAction()  # type: ignore[attr-defined]
                    self.controller.start(paths)
                    return True
        return super().eventFilter(watched, event)
