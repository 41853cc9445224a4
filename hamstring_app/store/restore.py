"""Restoring a backup: check it, check what will be put in place, back up the current
state, then put the backup's data in.

The order is the point:

1. The backup is checked first (``PRAGMA integrity_check``, that it is this app's data,
   and not from a newer version). A backup that fails is refused and nothing at all is
   written: not the database, not the backups folder, not the backup itself.
2. The backup is copied into a scratch folder and brought up to the current data format
   there (a backup from an older version is migrated on the copy, never on the original).
   That copy, the candidate, is checked again on a read-only connection of its own: a
   candidate that fails is refused the same way, before anything else is written. (The
   plain copy, before it is brought up to date, is not checked apart: the backup was
   checked just before, and the candidate made from the copy is checked next.)
3. The current data is backed up (``before-restore``), so a restore can be undone.
4. The candidate's pages replace the database's with SQLite's backup API, in one write
   transaction: the app's open connections see the restored data at their next read, and
   on any error the database is left as it was. A database file that could not even be
   opened (which is why one restores) is replaced as a whole file instead. Nothing is
   checked through the connection that writes: what it writes was checked in step 2.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from hamstring_app.paths import DB_NAME
from hamstring_app.store import backups as b
from hamstring_app.store.db import (
    HEAD_REVISION,
    MIGRATIONS_DIR,
    SIDE_FILES,
    SQLITE_HEADER,
    _inspect,
    _revisions,
    connect,
    open_database,
    protect_files,
)
from hamstring_app.store.errors import StorageUnavailable, StoreError, storage_problem

log = logging.getLogger(__name__)


class BackupRefused(StoreError):
    """The backup cannot be restored; nothing was changed. ``str()`` says why."""


@dataclass(frozen=True)
class Restored:
    restored: b.BackupInfo  # what was put back
    previous: b.BackupInfo | None  # the backup of the state before (None: there was no data)


def _refusal(path: Path, reason: str) -> BackupRefused:
    return BackupRefused(
        f"The backup {Path(path).name} cannot be restored: {reason}. It was left as it is, "
        "and your data was not changed."
    )


def check_backup(path: Path) -> b.BackupInfo:
    """The backup's contents if it can be restored; BackupRefused with the reason if not.
    Reads the file only (``mode=ro&immutable=1``: not even a -shm file is made)."""
    path = Path(path)
    if not path.is_file():
        raise BackupRefused(f"There is no backup file at {path}. Nothing was changed.")

    def refuse(reason: str) -> BackupRefused:
        return _refusal(path, reason)

    try:
        with path.open("rb") as handle:
            head = handle.read(16)
    except OSError as exc:
        raise refuse(f"it cannot be read ({exc.strerror})") from exc
    if head != SQLITE_HEADER:
        raise refuse("it is not an SQLite database")
    try:
        conn = b.open_backup_read_only(path)
        try:
            problems = b.integrity_problems(conn)
            if problems:
                raise refuse("it is damaged (" + "; ".join(problems) + ")")
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            if "alembic_version" not in names or "checkin" not in names:
                raise refuse("it is not Hamstring Coach data")
            versions = [r[0] for r in conn.execute("SELECT version_num FROM alembic_version")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise refuse(f"it is damaged ({exc})") from exc
    current = len(versions) == 1 and versions[0] == HEAD_REVISION
    if not current and (len(versions) != 1 or versions[0] not in _revisions(MIGRATIONS_DIR)):
        raise refuse(
            "it was saved by a newer version of the app (data format "
            f"{versions[0] if versions else 'unknown'}); install that version to restore it"
        )
    info = b.describe(path)
    if info.problem is not None:
        raise refuse(info.problem)
    return info


def _snapshot_current(db_path: Path, now: datetime) -> b.BackupInfo | None:
    """Back up the data as it is now; a file too damaged for that is kept byte for byte."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    try:
        return b.make_backup(db_path, now=now, kind=b.BEFORE_RESTORE)
    except b.BackupFailed:
        pass
    # Unreadable as a database: keep its bytes (and any -wal) before it is replaced.
    folder = b.backup_folder(db_path.parent)
    folder.mkdir(parents=True, exist_ok=True)
    target = b._free_target(folder, b.BEFORE_RESTORE, now)
    for suffix in ("", "-wal"):
        source = db_path.with_name(db_path.name + suffix)
        if source.exists():
            data = source.read_bytes()
            dest = target.with_name(target.name + suffix)
            fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
    return b.describe(target, kind=b.BEFORE_RESTORE, taken=now.replace(tzinfo=None))


def _candidate(backup: Path, scratch: Path, app_version: str) -> Path:
    """A copy of ``backup`` in ``scratch``, brought up to the current data format and
    checked on a read-only connection: what the restore will put in place. BackupRefused
    when that check fails."""
    staged = scratch / DB_NAME
    source = b.open_backup_read_only(backup)
    try:
        b.copy_database(source, staged, check=False)  # checked below, once up to date
    finally:
        source.close()
    open_database(staged, app_version=app_version).close()  # migrates an older backup
    try:
        check = b.open_backup_read_only(staged)
        try:
            problems = b.integrity_problems(check)
        finally:
            check.close()
    except sqlite3.DatabaseError as exc:
        problems = [str(exc)]
    if problems:
        raise _refusal(
            backup,
            "once brought up to the current data format it failed its check ("
            + "; ".join(problems) + ")",
        )
    return staged


def _copy_into_live(staged: Path, db_path: Path) -> None:
    """Replace the live database's contents with ``staged``'s (checked) in one write
    transaction."""
    source = b.open_backup_read_only(staged)
    try:
        dest = connect(db_path)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()


def _replace_file(staged: Path, db_path: Path) -> None:
    """Put ``staged`` where a database too damaged to open was (nobody has it open)."""
    temp = db_path.with_name(f".{db_path.name}.restoring")
    with contextlib.suppress(FileNotFoundError):
        temp.unlink()
    source = b.open_backup_read_only(staged)
    try:
        b.copy_database(source, temp)
    finally:
        source.close()
    for suffix in SIDE_FILES:
        with contextlib.suppress(FileNotFoundError):
            db_path.with_name(db_path.name + suffix).unlink()
    os.replace(temp, db_path)


def restore_backup(data_dir: Path, backup: Path, *, now: datetime, app_version: str) -> Restored:
    """Restore ``backup`` into the database in ``data_dir`` (see the module docstring).

    The caller makes sure no other process is writing (the app's own connections may stay
    open). Raises BackupRefused when the backup, or the candidate made from it, fails its
    check (nothing changed), and StoreError when the current state could not be backed up
    first (nothing changed).
    """
    data_dir = Path(data_dir)
    db_path = data_dir / DB_NAME
    info = check_backup(backup)
    try:
        with tempfile.TemporaryDirectory(prefix=".restore-", dir=data_dir) as scratch:
            staged = _candidate(Path(backup), Path(scratch), app_version)
            try:
                previous = _snapshot_current(db_path, now)
            except (OSError, StoreError) as exc:
                raise StoreError(
                    f"The current data could not be backed up first ({exc}), so nothing was"
                    " restored."
                ) from exc
            try:
                usable = _inspect(db_path).exists
            except StoreError:
                usable = False
            if usable:
                _copy_into_live(staged, db_path)
            else:
                _replace_file(staged, db_path)
    except StoreError:
        raise
    except (OSError, sqlite3.Error) as exc:
        reason = storage_problem(exc)
        if reason is not None:
            raise StorageUnavailable(data_dir, reason) from exc
        raise StoreError(f"The backup could not be restored: {exc}.") from exc
    protect_files(db_path)
    log.info("restored %s into %s (previous state in %s)", backup, db_path, previous)
    return Restored(restored=info, previous=previous)
