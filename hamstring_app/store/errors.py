"""Errors the store raises. ``str(error)`` is a plain sentence fit for a dialog."""

from __future__ import annotations

import errno
import os
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
            f"Nothing was changed. {_ADVICE.get(reason, _ANY)}"
        )


class StorageUnreadable(StoreError):
    """The data file is there but the disk would not give it back (an I/O error, a file
    that cannot be opened): the storage, not the data, is the problem."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(
            f"Hamstring Coach could not read its data file {self.path} ({reason}). "
            "The file has been left exactly as it was. "
            + _READ_ADVICE.get(reason, "Check the disk and try again.")
        )


class ReadOnlyWithChanges(StoreError):
    """A read-only folder holds the data file with changes still in its ``-wal`` file,
    which SQLite reads only where it can write beside it. Not damage: a read-only folder."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        wal = self.path.name + "-wal"
        super().__init__(
            f"Hamstring Coach could not read its data file {self.path}: its folder is "
            f"read-only, and the latest changes are still in {wal} beside it, which can "
            "only be read in a folder that can be written to. The files are not damaged "
            "and have been left exactly as they were. Make the folder writable, or copy the "
            f"whole folder ({wal} included) somewhere writable and use that, then try again."
        )


class DataFileGone(StoreError):
    """The data file the app opened was removed, moved away or replaced while it was open:
    nothing is written, so nothing is saved where nobody would find it again."""

    def __init__(self, path: Path, *, replaced: bool = False) -> None:
        self.path = Path(path)
        self.replaced = replaced
        if replaced:
            what = (
                f"Your data file {self.path} was replaced by another file while Hamstring "
                "Coach was open. Nothing was saved, so the two are not mixed."
            )
            then = "Close the app and open it again to use the file that is there now."
        else:
            what = (
                f"Your data file {self.path} is no longer there: its folder was moved, "
                "renamed or deleted, or its disk was removed, while Hamstring Coach was "
                "open. Nothing was saved, and no new empty file was made in its place."
            )
            then = (
                "Put the folder back (or plug the disk in again) and save again; or close "
                "the app, and open it with --data-dir to use another folder."
            )
        super().__init__(f"{what} {then}")


FULL = "the disk is full"
READ_ONLY = "it is read-only"
NO_PERMISSION = "you do not have permission to write there"
DISK_ERROR = "the disk reported an error"
CANNOT_OPEN = "the file could not be opened"
_ANY = "Pick another folder with --data-dir."
_ADVICE = {
    FULL: "Free some space on that disk, or pick another folder with --data-dir.",
    READ_ONLY: (
        "The folder or its disk is read-only (a locked drive, a read-only mount, or a copy "
        "on a disc): make it writable, or pick another folder with --data-dir."
    ),
    NO_PERMISSION: (
        "Your user account has no permission to change files there: give it permission "
        "(the folder should belong to you), or pick another folder with --data-dir."
    ),
    DISK_ERROR: (
        "The disk may be failing, disconnected or removed: check it, and copy your data "
        "folder somewhere safe, or pick another folder with --data-dir."
    ),
}


_READ_ADVICE = {
    DISK_ERROR: (
        "The disk may be failing, disconnected or removed: check it, copy your data "
        "folder somewhere safe, and try again."
    ),
}

# SQLite's primary result codes that mean "the storage, not the data, is the problem"
_SQLITE_REASONS = {
    3: NO_PERMISSION,  # SQLITE_PERM
    8: READ_ONLY,  # SQLITE_READONLY
    10: DISK_ERROR,  # SQLITE_IOERR
    13: FULL,  # SQLITE_FULL
    14: CANNOT_OPEN,  # SQLITE_CANTOPEN
}
_SQLITE_TEXTS = (
    ("disk is full", FULL),
    ("readonly", READ_ONLY),
    ("read-only", READ_ONLY),
    ("disk i/o error", DISK_ERROR),
    ("unable to open database file", CANNOT_OPEN),
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
            return FULL
        if exc.errno == errno.EROFS:
            return READ_ONLY
        if exc.errno in (errno.EACCES, errno.EPERM):
            return NO_PERMISSION
        if exc.errno == errno.EIO:
            return DISK_ERROR if exc.strerror == os.strerror(errno.EIO) else exc.strerror
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
