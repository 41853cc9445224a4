"""The watched folder (Settings: "Import new runs from this folder").

Scanned when the app starts, when the folder changes (QFileSystemWatcher, settled for a
moment so a file still being copied is read whole) and whenever the window becomes
active again (a watcher can miss changes on network and synced folders). Only files not
seen before in this run of the app, or changed since, and whose name is not already a
saved run's file, are read; the import itself (off the UI thread) drops duplicates.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication

from hamstring_app.core.changes import Changes, Kind
from hamstring_app.importer.reader import kind_of
from hamstring_app.ui.context import AppContext
from hamstring_app.ui.importing.controller import ImportController

log = logging.getLogger(__name__)

SETTLE_MS = 1500  # after the last change before reading
MAX_DEPTH = 3  # sub-folders looked into (Gadgetbridge and phones sort files by month)


class FolderWatcher(QObject):
    def __init__(self, ctx: AppContext, controller: ImportController, parent: QObject) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.controller = controller
        self.folder: Path | None = None
        self._seen: dict[str, tuple[int, int]] = {}
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self.schedule)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SETTLE_MS)
        self.timer.timeout.connect(self.scan)
        self.scans = 0  # how many scans ran (for tests)
        ctx.events.data_changed.connect(self._data_changed)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._state_changed)
        controller.finished.connect(lambda _done: self._after_import())

    def load_setting(self) -> None:
        folder = self.ctx.repo.get_settings().watch_folder.strip()
        self.set_folder(Path(folder) if folder else None)

    def set_folder(self, folder: Path | None) -> None:
        if folder == self.folder:
            return
        if self.watcher.directories():
            self.watcher.removePaths(self.watcher.directories())
        self.folder = folder
        self._seen.clear()
        if folder is None:
            return
        if not folder.is_dir():
            log.warning("The watched folder %s is not there", folder)
            self.ctx.events.status_message.emit(
                self.tr("The folder to import runs from is not there: %1").replace(
                    "%1", str(folder)
                )
            )
            return
        self.watcher.addPath(str(folder))
        self.schedule()

    def schedule(self, *_args: object) -> None:
        if self.folder is not None:
            self.timer.start()

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.schedule()

    def _data_changed(self, changes: Changes) -> None:
        if Kind.SETTINGS in changes.kinds or changes.whole:
            self.load_setting()

    def _after_import(self) -> None:
        if self._waiting:
            self._waiting = False
            self.schedule()

    _waiting = False

    def new_files(self) -> list[Path]:
        """Activity files not seen before (or changed since), not already saved by name."""
        if self.folder is None:
            return []
        known = {run.source_file for run in self.ctx.history.get().runs if run.source_file}
        found: list[Path] = []
        for path, key in _walk(self.folder, MAX_DEPTH):
            if self._seen.get(str(path)) == key:
                continue
            self._seen[str(path)] = key
            if path.name not in known:
                found.append(path)
        return found

    def scan(self) -> None:
        if self.folder is None:
            return
        if self.controller.busy:
            self._waiting = True  # look again once the running import is done
            return
        self.scans += 1
        # sub-folders made since the last look get watched too
        for sub in _folders(self.folder, MAX_DEPTH):
            if str(sub) not in self.watcher.directories():
                self.watcher.addPath(str(sub))
        files = self.new_files()
        if files:
            log.info("Watched folder: %d new file(s)", len(files))
            self.controller.auto_import(files)


def _walk(folder: Path, depth: int) -> list[tuple[Path, tuple[int, int]]]:
    out: list[tuple[Path, tuple[int, int]]] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return out
    for entry in entries:
        try:
            if entry.is_symlink():
                continue
            if entry.is_dir() and depth > 0:
                out.extend(_walk(Path(entry.path), depth - 1))
            elif entry.is_file() and kind_of(entry.name)[0] in (".fit", ".gpx", ".tcx"):
                stat = entry.stat()
                out.append((Path(entry.path), (stat.st_size, stat.st_mtime_ns)))
        except OSError:
            continue
    return out


def _folders(folder: Path, depth: int) -> list[Path]:
    out = [folder]
    if depth <= 0:
        return out
    try:
        for entry in os.scandir(folder):
            if entry.is_dir() and not entry.is_symlink():
                out.extend(_folders(Path(entry.path), depth - 1))
    except OSError:
        pass
    return out
