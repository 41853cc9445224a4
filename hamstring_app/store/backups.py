"""Backups of the database, taken while the app runs, checked before they are kept.

A backup is made with SQLite's online backup API (never a file copy, which could catch a
WAL database half written): the whole database is copied in one step, inside one read
transaction, so the copy is exactly the data committed when it began, while the app goes
on writing. The copy is written under a temporary name, made a single self-contained file
(rollback journal, as ``journal_mode=DELETE``), checked with ``PRAGMA integrity_check``
(which reads every page of it) while it is flushed to disk, and only then given its name.
A copy that fails its check is deleted and the backup fails.

Files, in ``<data dir>/backups/``:

- ``backup-YYYYMMDD-HHMMSS-daily.sqlite3``: the automatic backup, at the first start of a
  day. Rotation keeps the newest ``daily_kept`` (7) of them, and, older than those, the
  newest of each calendar week for ``weekly_kept`` (4) more weeks; the rest are deleted;
- ``backup-YYYYMMDD-HHMMSS-manual.sqlite3``: "Back up now" and ``hamstring-app backup``;
- ``backup-YYYYMMDD-HHMMSS-before-restore.sqlite3``: the state just before a restore.

The setting ``backup_folder`` (core/settings.py) can send the daily and manual backups to
another folder the person chose (a synced folder, a second drive); ``where`` names it
below, and None means ``backups/``. Before-restore copies always stay in ``backups/``.

Manual and before-restore backups are never deleted by the app. The copies taken before a
database upgrade (``hamstring-coach-YYYYMMDD-HHMMSS-revNNNN.sqlite3``, see db_backup.py) keep
their own rotation; they are listed for restoring too.

The parts live in modules of their own, and are all named here: backup_names.py (names,
folders, what a backup holds), backup_copy.py (one checked copy) and backup_rotation.py
(the daily backups and their rotation). restore.py puts a backup back.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from datetime import datetime
from pathlib import Path

from hamstring_app.paths import BACKUP_DIR, DB_NAME, LinkRefused, ensure_private_dir
from hamstring_app.store.backup_copy import (
    Contents,
    _counts,
    copy_database,
    integrity_problems,
    open_backup_read_only,
)
from hamstring_app.store.backup_names import (
    BEFORE_RESTORE,
    BEFORE_UPDATE,
    DAILY,
    KINDS,
    MANUAL,
    SUFFIX,
    BackupFailed,
    BackupInfo,
    backup_folder,
    backup_name,
    chosen_folder,
    parse_name,
)
from hamstring_app.store.backup_rotation import daily_backup_due, daily_backups, rotate, to_keep
from hamstring_app.store.db import SQLITE_HEADER
from hamstring_app.store.errors import StorageUnavailable, StoreError, storage_problem

__all__ = [
    "BEFORE_RESTORE", "BEFORE_UPDATE", "DAILY", "KINDS", "MANUAL", "SUFFIX",
    "BackupFailed", "BackupInfo", "Contents",
    "backup_folder", "backup_name", "chosen_folder", "copy_database", "daily_backup",
    "daily_backup_due", "daily_backups", "describe", "integrity_problems", "list_backups",
    "make_backup", "newest_backup", "open_backup_read_only", "parse_name", "rotate", "to_keep",
]

log = logging.getLogger(__name__)


# ----------------------------------------------------------------------- making one


def _live_source(db_path: Path) -> sqlite3.Connection:
    """A read-only connection to the live database; it takes part in WAL like the app's."""
    uri = Path(db_path).resolve().as_uri() + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout=5000")
    return conn


def _free_target(folder: Path, kind: str, now: datetime) -> Path:
    base = backup_name(kind, now).removesuffix(SUFFIX)
    for attempt in range(1, 1000):
        target = folder / (base + (f"-{attempt}" if attempt > 1 else "") + SUFFIX)
        if not target.exists():
            return target
    raise BackupFailed(f"Could not find a free name for a backup in {folder}.")  # pragma: no cover


def make_backup(
    db_path: Path,
    *,
    now: datetime,
    kind: str = MANUAL,
    target: Path | None = None,
    where: Path | str | None = None,
    steps: dict[str, float] | None = None,
) -> BackupInfo:
    """Back up the database at ``db_path`` (the app may be writing to it meanwhile).

    Without ``target`` the copy goes into ``where`` (see :func:`chosen_folder`), or
    ``backups/`` beside the database, named after ``now`` and ``kind``. Raises
    BackupFailed (or StorageUnavailable) and keeps nothing when the copy cannot be made
    or fails its check. ``steps``: see :func:`copy_database`.
    """
    db_path = Path(db_path)
    if not db_path.exists() or db_path.stat().st_size == 0:
        raise BackupFailed(f"There is no saved data at {db_path} to back up yet.")
    with db_path.open("rb") as handle:
        if handle.read(16) != SQLITE_HEADER:
            raise BackupFailed(f"{db_path} is not an SQLite database, so it was not backed up.")
    try:
        if target is not None and Path(target).expanduser().is_dir():
            target = _free_target(Path(target).expanduser(), kind, now)  # into that folder
        if target is None:
            folder = chosen_folder(where) or ensure_private_dir(
                db_path.parent / BACKUP_DIR, ours=True
            )
            target = _free_target(folder, kind, now)
        else:
            target = Path(target).expanduser()
            if target.exists():
                raise BackupFailed(f"{target} already exists; choose another name.")
            target.parent.mkdir(parents=True, exist_ok=True)
        source = _live_source(db_path)
        try:
            contents = copy_database(source, target, steps=steps)
        finally:
            source.close()
    except StoreError:
        raise
    except LinkRefused as exc:
        raise BackupFailed(str(exc)) from exc
    except (OSError, sqlite3.Error) as exc:
        reason = storage_problem(exc)
        place = Path(target).parent if target is not None else db_path.parent
        if reason is not None and not place.resolve().is_relative_to(db_path.parent.resolve()):
            # a place outside the data folder (--out, the folder chosen in the settings)
            # is named as that place: the data folder itself is fine
            raise BackupFailed(
                f"The backup could not be written to {place} ({reason}). "
                "Your data was not changed."
            ) from exc
        if reason is not None:
            raise StorageUnavailable(Path(target or db_path).parent, reason) from exc
        raise BackupFailed(
            f"The backup could not be made: {exc}. Your data was not changed."
        ) from exc
    log.info("backed up %s to %s", db_path, target)
    if contents is None:
        return describe(target, kind=kind, taken=now.replace(tzinfo=None))
    checkins, runs, sessions, first, last = contents
    return BackupInfo(target, now.replace(tzinfo=None), kind, target.stat().st_size,
                      checkins, runs, sessions, first, last)


# ----------------------------------------------------------------------- looking at one


def describe(path: Path, *, kind: str | None = None, taken: datetime | None = None) -> BackupInfo:
    """What a backup file holds (a quick look, not the full integrity check)."""
    path = Path(path)
    parsed = parse_name(path)
    stat = path.stat()
    taken = taken or (parsed[0] if parsed else datetime.fromtimestamp(stat.st_mtime))
    kind = kind or (parsed[1] if parsed else MANUAL)
    info = BackupInfo(path=path, taken=taken, kind=kind, size=stat.st_size)
    try:
        with path.open("rb") as handle:
            if handle.read(16) != SQLITE_HEADER:
                return _with_problem(info, "it is not an SQLite database")
        conn = open_backup_read_only(path)
        try:
            checkins, runs, sessions, first, last = _counts(conn)
        finally:
            conn.close()
    except (OSError, sqlite3.Error) as exc:
        return _with_problem(info, str(exc))
    return BackupInfo(path, taken, kind, stat.st_size, checkins, runs, sessions, first, last, None)


def _with_problem(info: BackupInfo, problem: str) -> BackupInfo:
    return BackupInfo(info.path, info.taken, info.kind, info.size, problem=problem)


def list_backups(data_dir: Path, where: Path | str | None = None) -> list[BackupInfo]:
    """Every backup in ``backups/`` (the app's and the pre-update copies) and in the
    chosen folder ``where`` (if it is there), newest first."""
    folders = [backup_folder(data_dir)]
    with contextlib.suppress(BackupFailed):
        chosen = chosen_folder(where)
        if chosen is not None and chosen.resolve() != folders[0].resolve():
            folders.append(chosen)
    found = [
        describe(p)
        for folder in folders
        if folder.is_dir()
        for p in folder.iterdir()
        if p.is_file() and parse_name(p)
    ]
    return sorted(found, key=lambda b: (b.taken, b.path.name), reverse=True)


def newest_backup(data_dir: Path) -> Path | None:
    """The newest backup in ``backups/`` by the time in its name (none opened), if any."""
    folder = backup_folder(data_dir)
    try:
        named = [(parse_name(p), p) for p in folder.iterdir()]
    except OSError:
        return None
    found = [(taken[0], p.name, p) for taken, p in named if taken and p.is_file()]
    return max(found)[2] if found else None


# ----------------------------------------------------------------------- daily


def daily_backup(
    data_dir: Path,
    *,
    now: datetime,
    daily_kept: int,
    weekly_kept: int,
    where: Path | str | None = None,
) -> BackupInfo | None:
    """At the first start of a day: back up and rotate. None when one was already taken
    today or there is no data yet. Raises BackupFailed when the copy cannot be made."""
    db_path = Path(data_dir) / DB_NAME
    if not db_path.exists() or not daily_backup_due(data_dir, now.date(), where):
        return None
    info = make_backup(db_path, now=now, kind=DAILY, where=where)
    rotate(data_dir, daily_kept, weekly_kept, where)
    return info
