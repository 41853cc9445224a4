"""The watched folder (Settings: "Import new runs from this folder").

Scanned when the app starts, when the folder changes (QFileSystemWatcher, settled for a
moment so a file still being copied is read whole) and whenever the window becomes
active again (a watcher can miss changes on network and synced folders). Only files not
seen before, or changed since (size or time), and whose name is not already a saved run's
file, are read; the import itself (off the UI thread) drops duplicates.

What was seen is remembered in the data file once a batch is read and saved, so the next
start does not offer old files again (a run the runner deleted stays deleted). A batch
that failed is not remembered: it is tried again at the next start.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication

from hamstring_app.core.changes import Changes, Kind
from hamstring_app.ui.context import AppContext

if TYPE_CHECKING:
    from hamstring_app.ui.importing.controller import ImportController

log = logging.getLogger(__name__)

SETTLE_MS = 1500  # after the last change before reading
MAX_DEPTH = 3  # sub-folders looked into (Gadgetbridge and phones sort files by month)


class FolderWatcher(QObject):
    def __init__(
        self, ctx: AppContext, controller: Callable[[], ImportController], parent: QObject
    ) -> None:
        """``controller`` gives the import controller (made on first use); the glue that
        owns both calls ``after_import`` when one finished."""
        super().__init__(parent)
        self.ctx = ctx
        self._controller = controller
        self.folder: Path | None = None
        self._seen: dict[str, tuple[int, int]] = {}  # by full path, this run of the app
        self._kept: dict[str, tuple[int, int]] = {}  # by path in the folder, in the store
        self._present: set[str] = set()  # files found by the last look
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
        self._present.clear()
        if folder is None:
            self._kept = {}
            return
        self._kept = self.ctx.repo.watched_files(str(folder))
        self._seen = {str(folder / name): key for name, key in self._kept.items()}
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

    @property
    def controller(self) -> ImportController:
        return self._controller()

    def after_import(self) -> None:
        if self._waiting:
            self._waiting = False
            self.schedule()

    _waiting = False

    def _unseen(self) -> list[tuple[Path, tuple[int, int], bool]]:
        """(file, its size and time, whether a saved run already has its name) for each
        activity file not seen before or changed since."""
        if self.folder is None:
            return []
        known = {run.source_file for run in self.ctx.history.get().runs if run.source_file}
        listing = _walk(self.folder, MAX_DEPTH)
        self._present = {str(path) for path, _key in listing}
        return [
            (path, key, path.name in known)
            for path, key in listing
            if self._seen.get(str(path)) != key
        ]

    def new_files_preview(self) -> list[str]:
        """The files the next scan would read (changes nothing)."""
        return [str(path) for path, _key, saved in self._unseen() if not saved]

    def new_files(self) -> list[Path]:
        """Activity files not seen before (or changed since), not already saved by name;
        from now on they count as seen in this run of the app."""
        found: list[Path] = []
        for path, key, saved in self._unseen():
            self._seen[str(path)] = key
            if saved:
                self._keep({path: key})
            else:
                found.append(path)
        return found

    def _keep(self, files: dict[Path, tuple[int, int]], *, store: bool = False) -> None:
        """Count ``files`` as offered for good; with ``store``, write the list down (only
        the files still in the folder)."""
        assert self.folder is not None
        for path, key in files.items():
            try:
                self._kept[str(path.relative_to(self.folder))] = key
            except ValueError:
                continue
        if not store:
            return
        present = {str(Path(p).relative_to(self.folder)) for p in self._present}
        self._kept = {name: key for name, key in self._kept.items() if name in present}
        from hamstring_app.store.importing import remember_watched_files

        outcome = self.ctx.ops.run(remember_watched_files, str(self.folder), dict(self._kept))
        if not outcome.ok:
            log.warning("Could not remember the watched folder's files: %s", outcome.message)

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
            batch = {path: self._seen[str(path)] for path in files}
            folder = self.folder

            def saved() -> None:
                if self.folder == folder:  # not moved to another folder meanwhile
                    self._keep(batch, store=True)

            self.controller.auto_import(files, saved=saved)


def _walk(folder: Path, depth: int) -> list[tuple[Path, tuple[int, int]]]:
    from hamstring_app.importer.reader import kind_of  # the readers load on first look

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
