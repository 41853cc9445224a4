"""The data folder's lock: one copy of the app per folder. The copy holding the lock also
listens for later starts on the folder (ui/single_instance.py), which then show its
window instead of opening the folder twice."""

from __future__ import annotations

import errno
import logging
import os
from pathlib import Path

from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QApplication

from hamstring_app.paths import (
    DataPaths,
    LinkRefused,
    ensure_private_dir,
    make_private_file,
    refuse_link,
    resolve_data_dir,
    write_problem,
)
from hamstring_app.store.errors import StorageUnavailable, storage_problem
from hamstring_app.ui.single_instance import InstanceServer

log = logging.getLogger("hamstring_app.ui.app")

WINDOW_SETTINGS_NAME = "window.ini"


class LaunchRefused(Exception):
    """The app cannot open; ``str()`` says why in plain words."""


class FolderInUse(LaunchRefused):
    """Another copy of the app has the data folder ``root`` open."""

    def __init__(self, message: str, root: Path) -> None:
        super().__init__(message)
        self.root = root


def acquire_instance_lock(paths: DataPaths) -> QLockFile | None:
    """Lock the data folder for this process; None when another copy holds it.

    A stale lock (left by a crash) is taken over: QLockFile checks whether the owning
    process is still alive. Raises OSError when the lock file cannot be written at all.
    """
    lock = QLockFile(str(paths.lock_file))
    lock.setStaleLockTime(0)
    if lock.tryLock(100):
        make_private_file(paths.lock_file)
        return lock
    if lock.error() != QLockFile.LockError.LockFailedError:
        # not another copy: the lock file itself could not be written. Qt does not say
        # why; writing a probe file finds the true cause (read-only, permission, full).
        problem = write_problem(paths.root)
        if problem is not None:
            raise problem
        raise OSError(errno.EIO, f"the lock file {paths.lock_file} could not be written")
    return None


def cannot_write(root: Path, exc: OSError) -> LaunchRefused:
    log.error("Cannot write to the data folder %s: %s", root, exc)
    return LaunchRefused(str(StorageUnavailable(root, storage_problem(exc) or str(exc))))


def lock_folder(paths: DataPaths) -> QLockFile:
    """Lock the data folder for this process, or LaunchRefused saying why not."""
    try:  # what the app writes besides the database and the log: real files only
        refuse_link(paths.lock_file)
        refuse_link(paths.root / WINDOW_SETTINGS_NAME)
        refuse_link(paths.backups, folder=True)
    except LinkRefused as exc:
        raise LaunchRefused(str(exc)) from exc
    try:
        lock = acquire_instance_lock(paths)
    except OSError as exc:
        raise cannot_write(paths.root, exc) from exc
    if lock is None:
        raise FolderInUse(
            QApplication.translate(
                "launch",
                "Hamstring Coach is already open on this data folder:\n{root}\n\n"
                "Switch to the open window, or close it first. If it is running in the "
                "system tray, click its icon there to open it.",
            ).format(root=paths.root),
            paths.root,
        )
    return lock


def listen_for_second_starts(root: Path) -> InstanceServer:
    """While this copy holds the folder's lock: a later start on the folder shows the
    front window (the main window, or the Welcome dialog still open) instead."""
    server = InstanceServer(root, show_front_window)
    server.listen()
    return server


def show_front_window() -> None:
    widget = QApplication.activeModalWidget()
    if widget is not None:
        widget.raise_()
        widget.activateWindow()


def lock_new_folder(data_dir: str | os.PathLike[str] | None) -> QLockFile:
    """On a first start, make the (private) data folder and lock it before the Welcome
    dialog, so a second copy started meanwhile is refused before the runner types a
    profile it would then lose. Raises LaunchRefused like :func:`launch`."""
    os.umask(0o077)
    root = resolve_data_dir(data_dir)
    try:
        paths = DataPaths(ensure_private_dir(root))
    except LinkRefused as exc:
        raise LaunchRefused(str(exc)) from exc
    except OSError as exc:
        raise cannot_write(root, exc) from exc
    return lock_folder(paths)
