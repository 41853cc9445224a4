"""What a failed read or write of the data file means, in a few plain words.

A read that fails is the disk's fault, a read-only folder holding unfinished changes, or
(only when it is neither) damage to the file; each is told apart here.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from hamstring_app.paths import mounted_read_only
from hamstring_app.store.db_connect import _has_wal
from hamstring_app.store.errors import (
    CANNOT_OPEN,
    READ_ONLY,
    DatabaseUnreadable,
    ReadOnlyWithChanges,
    StorageUnreadable,
    StoreError,
    storage_problem,
)


def folder_is_read_only(folder: Path) -> bool:
    """True when nothing can be written in ``folder`` (asks, writes nothing)."""
    return mounted_read_only(folder) or not os.access(folder, os.W_OK)


_DAMAGE_CODES = (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB


def storage_or_damage(exc: sqlite3.Error) -> bool:
    """True when ``exc`` is the disk's fault or the file's damage (not, say, a busy lock)."""
    code = getattr(exc, "sqlite_errorcode", None)
    return storage_problem(exc) is not None or (
        isinstance(code, int) and code & 0xFF in _DAMAGE_CODES
    )


def read_failure(path: Path, exc: sqlite3.Error) -> StoreError:
    """The true cause of a read of ``path`` that failed, as a StoreError: a read-only folder
    holding unfinished changes, a disk that reports errors, or (only then) damage."""
    reason = storage_problem(exc)
    code = getattr(exc, "sqlite_errorcode", None)
    cannot_open = reason in (CANNOT_OPEN, READ_ONLY) or (
        isinstance(code, int) and code & 0xFF in (8, 14)
    )
    if cannot_open and _has_wal(path) and folder_is_read_only(path.parent):
        return ReadOnlyWithChanges(path)
    if reason is not None and reason != READ_ONLY:
        return StorageUnreadable(path, reason)
    return DatabaseUnreadable(path, f"a damaged SQLite database ({plain_reason(exc)})")


def plain_reason(exc: BaseException) -> str:
    """What went wrong in a few words, for a person: the driver's own message (SQLAlchemy
    appends the failing SQL statement and its parameters; those stay in the log)."""
    inner = getattr(exc, "orig", None)
    text = str(inner if isinstance(inner, BaseException) else exc)
    text = text.split("\n[SQL:")[0].split("\n")[0].strip()
    if len(text) > 160:
        text = text[:157] + "..."
    return text or type(exc).__name__
