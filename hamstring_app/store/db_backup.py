"""The copy of the data file made in backups/ before a migration, and old copies pruned.

A copy is written under a temporary name and takes its real name only when it is complete
and on the disk; what an interrupted copy left is removed at the next one.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from hamstring_app.paths import BACKUP_DIR, LinkRefused, ensure_private_dir
from hamstring_app.store.db_connect import SIDE_FILES, _read_only, protect_files
from hamstring_app.store.db_failures import plain_reason
from hamstring_app.store.errors import (
    LinkNotFollowed,
    MigrationFailed,
    StorageUnavailable,
    StoreError,
    storage_problem,
)

log = logging.getLogger(__name__)

BACKUPS_KEPT = 5  # pre-migration copies kept in backups/, newest first
PARTIAL = ".partial"  # a backup being written; renamed to its real name when complete


def _backup(path: Path, revision: str | None, stamp: datetime) -> Path:
    """Copy ``path`` into backups/ before a migration. The copy is written under a
    temporary name and renamed only when complete and flushed, so a kill or a full disk
    midway never leaves something that looks like a backup."""
    try:
        folder = ensure_private_dir(path.parent / BACKUP_DIR, ours=True)
    except LinkRefused as exc:
        raise LinkNotFollowed(exc.path, str(exc)) from exc
    _prune_leftovers(folder, path)
    base = f"{path.stem}-{stamp.strftime('%Y%m%d-%H%M%S')}-rev{revision or 'none'}"
    for attempt in range(1, 1000):
        target = folder / (base + (f"-{attempt}" if attempt > 1 else "") + path.suffix)
        partial = target.with_name(target.name + PARTIAL)
        if target.exists() or target.is_symlink():
            continue
        try:
            fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        except FileExistsError:
            continue
        os.close(fd)
        break
    else:  # pragma: no cover - a thousand backups in one second
        raise StoreError(f"Could not find a free name for a backup in {folder}.")
    try:
        with _read_only(path) as source:
            dest = sqlite3.connect(partial)
            try:
                source.backup(dest)
            finally:
                dest.close()
        with open(partial, "rb") as handle:  # on the disk before it takes its name
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as exc:
        for leftover in (partial, partial.with_name(partial.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()
        reason = storage_problem(exc)
        if reason is not None:
            raise StorageUnavailable(path.parent, reason) from exc
        raise MigrationFailed(
            path, None, f"the backup copy could not be made: {plain_reason(exc)}"
        ) from exc
    protect_files(target)
    log.info("copied %s to %s before updating it", path, target)
    _prune_backups(folder, path, keep=target)
    return target


def _prune_leftovers(folder: Path, path: Path) -> None:
    """Remove what an interrupted backup left: temporary copies, journals beside backups,
    and empty files at a backup's name (an older version made those)."""
    pattern = f"{path.stem}-*-rev*{path.suffix}"
    leftovers = [
        *folder.glob(pattern + PARTIAL),
        *folder.glob(pattern + PARTIAL + "-*"),
        *(p for s in SIDE_FILES for p in folder.glob(pattern + s)),
        *(p for p in folder.glob(pattern) if p.is_file() and p.stat().st_size == 0),
    ]
    for leftover in leftovers:
        if leftover.is_symlink() or not leftover.is_file():
            continue
        try:
            leftover.unlink()
            log.info("removed %s, left by an interrupted backup", leftover)
        except OSError as exc:
            log.warning("could not remove %s: %s", leftover, exc)


def _prune_backups(folder: Path, path: Path, keep: Path) -> None:
    """Keep the newest BACKUPS_KEPT pre-migration copies of ``path`` (``keep`` always)."""
    copies = [
        p
        for p in folder.glob(f"{path.stem}-*-rev*{path.suffix}")
        if p.is_file() and not p.is_symlink() and p != keep
    ]
    copies.sort(key=lambda p: (p.stat().st_mtime, p.name), reverse=True)
    for old in copies[BACKUPS_KEPT - 1 :]:
        try:
            old.unlink()
            log.info("removed the old backup %s", old)
        except OSError as exc:  # a copy we cannot remove is only a wasted file
            log.warning("could not remove the old backup %s: %s", old, exc)
