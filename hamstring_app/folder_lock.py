"""The data folder's single-instance lock, without Qt (for the command line).

The app takes ``<data dir>/hamstring-coach.lock`` with Qt's ``QLockFile`` (see
``ui/launch_lock.py``), which on Linux and macOS also holds an ``flock`` on the file while the app
runs. A command that changes the whole database (restore, import) takes the same lock
here in a compatible way, so it refuses to run while the app has the folder open, and the
app refuses to start while such a command runs:

- no lock file: create it (``O_EXCL``), ``flock`` it, write our process id, keep it open;
- a lock file whose ``flock`` is held: the folder is in use;
- a lock file nobody holds: left by a crash; it is removed and taken.

On Windows, where there is no ``flock``, a lock file that cannot be removed is in use
(``QLockFile`` keeps it open without sharing deletion).
"""

from __future__ import annotations

import contextlib
import os
import socket
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

APP_LABEL = "hamstring-coach-cli"


class FolderInUse(Exception):
    """The app (or another command) has the data folder open."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        super().__init__(
            f"Hamstring Coach is open on the data folder {folder}. Close the app first, "
            "then run the command again. Nothing was changed."
        )


def _held_by_someone(lock_path: Path) -> bool:
    """Whether a live process holds the existing lock file."""
    if fcntl is None:  # pragma: no cover - Windows
        try:
            lock_path.unlink()
        except FileNotFoundError:
            return False
        except PermissionError:
            return True
        return False
    try:
        fd = os.open(lock_path, os.O_RDONLY)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)  # closing drops our flock, if we got it
    return False


def folder_in_use(lock_path: Path) -> bool:
    """True while the app (or a command) holds the lock; changes nothing."""
    return lock_path.exists() and _held_by_someone(lock_path)


@contextlib.contextmanager
def hold_folder(lock_path: Path) -> Iterator[None]:
    """Hold the folder's lock for the ``with`` block; FolderInUse if someone else has it."""
    lock_path = Path(lock_path)
    for _attempt in range(3):
        try:
            fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            if _held_by_someone(lock_path):
                raise FolderInUse(lock_path.parent) from None
            with contextlib.suppress(FileNotFoundError):
                lock_path.unlink()  # stale: left by a crash
            continue
        break
    else:
        raise FolderInUse(lock_path.parent)
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.write(fd, f"{os.getpid()}\n{APP_LABEL}\n{socket.gethostname()}\n".encode())
        yield
    finally:
        with contextlib.suppress(OSError):
            lock_path.unlink()
        os.close(fd)
