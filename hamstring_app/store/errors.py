"""Errors the store raises. ``str(error)`` is a plain sentence fit for a dialog."""

from __future__ import annotations

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
