"""Errors the store raises. ``str(error)`` is a plain sentence fit for a dialog."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path


class StoreError(Exception):
    """Something went wrong reading or writing the data file."""


class DatabaseUnreadable(StoreError):
    """The file is not a database this app can read (garbage, truncated, damaged, foreign)."""

    def __init__(self, path: Path, found: str) -> None:
        self.path = Path(path)
        self.found = found
        super().__init__(
            f"Hamstring Coach could not open its data file {self.path}: it found {found}. "
            "The file has been left exactly as it was. Move it aside to start afresh, "
            "or restore a copy from the backups folder."
        )


class DatabaseTooNew(StoreError):
    """The file was written by a newer version of the app."""

    def __init__(self, path: Path, revision: str) -> None:
        self.path = Path(path)
        self.revision = revision
        super().__init__(
            f"The data file {self.path} was saved by a newer version of Hamstring Coach "
            f"(data format {revision!r}). Please install the newer version to open it. "
            "The file has not been changed."
        )


class MigrationFailed(StoreError):
    """Bringing an older file up to date failed; the change was rolled back."""

    def __init__(self, path: Path, backup: Path | None, reason: str = "") -> None:
        self.path = Path(path)
        self.backup = Path(backup) if backup is not None else None
        self.reason = reason
        text = (
            f"Hamstring Coach could not update the data file {self.path} to the new format"
            + (f" ({reason})" if reason else "")
            + ". Nothing was changed in the file."
        )
        if self.backup is not None:
            text += f" A copy made before the update is at {self.backup}."
        super().__init__(text)


class NotFound(StoreError):
    """A record asked for by id does not exist (for example, it was already deleted)."""


class Conflict(StoreError):
    """Putting a record back would overwrite one saved since; nothing was changed."""


class NeedsUpdate(StoreError):
    """A read-only open found a file in an older data format; only the app may update it."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        super().__init__(
            f"The data file {self.path} is in an older format. "
            "Open the app once to update your data, then try again."
        )


class NoDataYet(StoreError):
    """A read-only open found no data file (or an empty one)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        super().__init__(
            f"There is no saved data at {self.path} yet. "
            "Open the app once and fill in your profile, then try again."
        )


class LinkNotFollowed(StoreError):
    """A file the store writes is a symbolic link; it is refused, never followed."""

    def __init__(self, path: Path, sentence: str) -> None:
        self.path = Path(path)
        super().__init__(sentence)


class ProfileUnreadable(StoreError):
    """The saved profile exists but cannot be read: it is never replaced (a new profile
    would overwrite it), so the app does not start a first run over it."""

    def __init__(self, path: Path, reason: str, newest_backup: Path | None) -> None:
        self.path = Path(path)
        self.reason = reason
        self.newest_backup = newest_backup
        folder = self.path.parent
        if newest_backup is not None:
            backups = f"The newest backup is {newest_backup}."
        else:
            backups = (
                f"There is no backup in {folder / 'backups'} yet: copy the data file somewhere "
                "safe before anything else; moving it aside lets you start afresh."
            )
        super().__init__(
            f"Your profile is saved in {self.path} but could not be read ({reason}). "
            "Nothing was changed: Hamstring Coach does not ask for a new profile, because "
            f"saving it would replace the one it could not read. Your data folder is {folder}. "
            f"{backups} To get your profile back, close the app and restore a backup with "
            "`hamstring-app restore FILE` (your current data is kept in backups/ first)."
        )


class StorageUnavailable(StoreError):
    """The data folder cannot be written to (read-only, full disk, no permission)."""

    def __init__(self, folder: Path, reason: str) -> None:
        self.folder = Path(folder)
        self.reason = reason
        super().__init__(
            f"Your data folder {self.folder} cannot be written to ({reason}). "
            "Nothing was changed. Free some space or pick another folder with --data-dir."
        )


# SQLite's primary result codes that mean "the storage, not the data, is the problem"
_SQLITE_REASONS = {
    3: "it is not allowed to write there",  # SQLITE_PERM
    8: "it is read-only",  # SQLITE_READONLY
    10: "the disk reported an error",  # SQLITE_IOERR
    13: "the disk is full",  # SQLITE_FULL
    14: "the file could not be opened",  # SQLITE_CANTOPEN
}
_SQLITE_TEXTS = (
    ("disk is full", "the disk is full"),
    ("readonly", "it is read-only"),
    ("read-only", "it is read-only"),
    ("disk i/o error", "the disk reported an error"),
    ("unable to open database file", "the file could not be opened"),
)


def storage_problem(exc: BaseException) -> str | None:
    """Why ``exc`` means the folder cannot be written to, in a few words; None otherwise.

    Understands OSError, sqlite3.OperationalError, and SQLAlchemy's wrappers of them.
    """
    orig = getattr(exc, "orig", None)  # SQLAlchemy's DBAPIError keeps the driver's error
    if isinstance(orig, BaseException):
        exc = orig
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return "the disk is full"
        if exc.errno == errno.EROFS:
            return "it is read-only"
        if exc.errno in (errno.EACCES, errno.EPERM):
            return "it is not allowed to write there"
        return exc.strerror or str(exc) or type(exc).__name__
    if isinstance(exc, sqlite3.OperationalError):
        code = getattr(exc, "sqlite_errorcode", None)
        if isinstance(code, int) and code & 0xFF in _SQLITE_REASONS:
            return _SQLITE_REASONS[code & 0xFF]
        text = str(exc).lower()
        for needle, reason in _SQLITE_TEXTS:
            if needle in text:
                return reason
    return None
