"""Open, create, check and migrate the SQLite database file.

The order matters and is the point of this module:

1. Look at the file without writing to it (store/db_check.py): the 16-byte SQLite header,
   the size the header promises, then ``PRAGMA quick_check`` and the Alembic revision
   through a read-only (``mode=ro``) connection. A file that is not ours, is damaged or was
   written by a newer version is refused here and stays byte-for-byte as it was.
2. If an existing file is behind, copy it into ``<data dir>/backups/`` (SQLite backup
   API, 0600) before touching it (store/db_backup.py).
3. Migrate in ONE transaction (transactional DDL) with foreign keys off, so a batch
   table rebuild cannot cascade-delete child rows; check ``PRAGMA foreign_key_check``
   before committing, then turn foreign keys back on (store/db_schema.py).

Connections and their pragmas are in store/db_connect.py, and what a failure means for a
person in store/db_failures.py. The names the rest of the app uses are all importable
from here.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from hamstring_app.paths import make_private_file
from hamstring_app.store.db_backup import BACKUPS_KEPT, PARTIAL, _backup
from hamstring_app.store.db_check import SQLITE_HEADER, _Found, _inspect
from hamstring_app.store.db_connect import (
    BUSY_TIMEOUT_MS,
    SIDE_FILES,
    SYNCHRONOUS,
    _connect_read_only,
    _read_only_engine,
    connect,
    file_identity,
    make_engine,
    protect_files,
)
from hamstring_app.store.db_failures import (
    folder_is_read_only,
    plain_reason,
    read_failure,
    storage_or_damage,
)
from hamstring_app.store.db_schema import (
    HEAD_REVISION,
    MIGRATIONS_DIR,
    _alembic_config,
    _create,
    _migrate,
    _revisions,
    _write_meta,
    all_revisions,
)
from hamstring_app.store.errors import (
    DatabaseTooNew,
    DataFileGone,
    NeedsUpdate,
    NoDataYet,
    StorageUnavailable,
    StoreError,
    storage_problem,
)

if TYPE_CHECKING:
    from sqlalchemy import Engine

# SQLAlchemy is imported only where it is used: creating or migrating a file and writing.
# Opening a current file and every read go through plain sqlite3 (see store/reader.py).

__all__ = [
    "BACKUPS_KEPT",
    "BUSY_TIMEOUT_MS",
    "HEAD_REVISION",
    "MIGRATIONS_DIR",
    "PARTIAL",
    "SIDE_FILES",
    "SQLITE_HEADER",
    "SYNCHRONOUS",
    "Database",
    "all_revisions",
    "connect",
    "file_identity",
    "folder_is_read_only",
    "make_engine",
    "open_database",
    "open_database_read_only",
    "plain_reason",
    "protect_files",
    "read_failure",
    "storage_or_damage",
]

log = logging.getLogger(__name__)


@dataclass(eq=False)
class Database:
    """An open, up-to-date database. Only the store uses it.

    Reads go through :meth:`reading` (plain sqlite3 connections, kept for reuse); writes
    through ``engine``, SQLAlchemy's, made on first use so that SQLAlchemy is not imported
    until something is written.
    """

    path: Path
    backup_path: Path | None
    revision: str
    _closed: bool = field(default=False, repr=False)
    read_only: bool = False
    _engine: Engine | None = field(default=None, repr=False)
    _idle: list[sqlite3.Connection] = field(default_factory=list, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    #: the file's (device, inode) when opened: a write checks it is still the same file
    identity: tuple[int, int] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.identity is None and not self.read_only:
            self.identity = file_identity(self.path)

    def still_there(self) -> bool:
        """False when the file opened was removed, moved away or replaced since (or its
        folder or disk cannot be reached): writing now would save into nothing."""
        return self.identity is None or file_identity(self.path) == self.identity

    def check_still_there(self) -> None:
        """Raise DataFileGone when :meth:`still_there` is False."""
        if not self.still_there():
            raise DataFileGone(self.path, replaced=file_identity(self.path) is not None)

    @property
    def engine(self) -> Engine:
        with self._lock:
            if self._engine is None:
                if self._closed:
                    raise RuntimeError("the database is closed")
                if self.read_only:
                    self._engine = _read_only_engine(self.path)
                else:
                    self._engine = make_engine(self.path, existing=True)
            return self._engine

    def _connect(self) -> sqlite3.Connection:
        if self.read_only:
            return _connect_read_only(self.path)
        conn = connect(self.path, existing=True)
        conn.execute("PRAGMA query_only=ON")  # a connection for reading, never writing
        return conn

    @contextlib.contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A plain sqlite3 connection for reads, in autocommit mode; each statement sees
        everything committed (wrap several in ``reader.snapshot`` for one view)."""
        with self._lock:
            if self._closed:
                raise RuntimeError("the database is closed")
            conn = self._idle.pop() if self._idle else None
        if conn is None:
            conn = self._connect()
        try:
            yield conn
        except BaseException:
            conn.close()
            raise
        if conn.in_transaction:  # pragma: no cover - reader.snapshot always ends its own
            conn.rollback()
        with self._lock:
            if self._closed:
                conn.close()
            else:
                self._idle.append(conn)

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            idle, self._idle = self._idle, []
            engine, self._engine = self._engine, None
        for conn in idle:
            conn.close()
        if engine is not None:
            engine.dispose()
        if not self.read_only:
            protect_files(self.path)


def open_database(
    path: Path, *, app_version: str, now: Callable[[], datetime] | None = None
) -> Database:
    """Open ``path``: create it, bring it up to date, or refuse it with a StoreError.

    ``now`` names the backup copy made before a migration; without it the copy is
    named after the time the file was last saved. A folder that cannot be written to
    (read-only, full disk) raises StorageUnavailable.
    """
    path = Path(path)
    try:
        return _open(path, app_version=app_version, now=now, migrations=MIGRATIONS_DIR)
    except StoreError:
        raise
    except (OSError, sqlite3.Error, *_sqlalchemy_errors()) as exc:
        reason = storage_problem(exc)
        if reason is None:
            raise
        log.error("cannot write to %s: %s", path.parent, exc)
        raise StorageUnavailable(path.parent, reason) from exc


def _sqlalchemy_errors() -> tuple[type[BaseException], ...]:
    """SQLAlchemy's base error, when SQLAlchemy was imported (nothing raises it otherwise)."""
    exc = sys.modules.get("sqlalchemy.exc")
    return (exc.SQLAlchemyError,) if exc is not None else ()


def _open(
    path: Path,
    *,
    app_version: str,
    now: Callable[[], datetime] | None,
    migrations: Path,
    target: str | None = None,
) -> Database:
    usual = migrations == MIGRATIONS_DIR and target in (None, HEAD_REVISION)
    if not usual:
        _check_target(migrations, target)
    found = _inspect(path)
    backup: Path | None = None
    if usual and found.is_current(HEAD_REVISION):
        target = HEAD_REVISION  # the usual start: nothing to change, no Alembic needed
    elif usual and not found.exists:
        target = HEAD_REVISION  # a first start: the file is made whole below, no Alembic
        _make_new_file(path)
    else:
        target, backup = _prepare_change(path, found, migrations, target, now)
    make_private_file(path)

    if found.revision == target and found.exists:
        _refresh_meta(path, target, app_version)  # the usual start: plain sqlite3 only
        protect_files(path)
        return Database(path=path, backup_path=backup, revision=target)
    engine = make_engine(path, existing=True)  # made above when it was missing
    try:
        if usual and not found.exists:
            _create(engine, path=path, app_version=app_version)
        else:
            _migrate(
                engine,
                _alembic_config(migrations),
                target,
                path=path,
                backup=backup,
                app_version=app_version,
            )
    except BaseException:
        engine.dispose()
        raise
    protect_files(path)
    return Database(path=path, backup_path=backup, revision=target, _engine=engine)


def open_database_read_only(path: Path) -> Database:
    """Open ``path`` for reading only: never creates, migrates, writes or changes permissions.

    Raises NoDataYet when there is no data file, NeedsUpdate when it is in an older format
    (the app itself must update it), and the same errors as :func:`open_database` for a
    file that is damaged, foreign or newer. The connection is ``mode=ro`` with
    ``query_only`` on, so the app may keep writing while this reads.
    """
    path = Path(path)
    found = _inspect(path)
    if not found.exists:
        raise NoDataYet(path)
    if not found.is_current(HEAD_REVISION):
        found.refuse_unknown(path, _revisions(MIGRATIONS_DIR))
        raise NeedsUpdate(path)
    return Database(path=path, backup_path=None, revision=HEAD_REVISION, read_only=True)


def _check_target(migrations: Path, target: str | None) -> None:
    if target is not None and target not in _revisions(migrations):
        raise ValueError(f"unknown revision {target!r}")


def _prepare_change(
    path: Path,
    found: _Found,
    migrations: Path,
    target: str | None,
    now: Callable[[], datetime] | None,
) -> tuple[str, Path | None]:
    """Before creating or migrating: refuse newer files, create a missing file, back up an
    existing one. Returns the target revision and the backup's path."""
    known = _revisions(migrations)
    target = target or known[-1]
    found.refuse_unknown(path, known)
    if found.revision is not None and known.index(found.revision) > known.index(target):
        raise DatabaseTooNew(path, found.revision)
    backup: Path | None = None
    if not found.exists:
        _make_new_file(path)
    elif found.revision != target:
        stamp = now() if now else datetime.fromtimestamp(path.stat().st_mtime)
        backup = _backup(path, found.revision, stamp)
    return target, backup


def _make_new_file(path: Path) -> None:
    """An empty 0600 file where there is none (an empty or table-less file is kept)."""
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)


def _refresh_meta(path: Path, revision: str, app_version: str) -> None:
    """Record which app version last opened the file, writing only when it changed."""
    conn = connect(path)
    try:
        conn.execute("BEGIN")
        try:
            row = conn.execute(
                "SELECT schema_revision, app_version FROM app_meta WHERE id = 1"
            ).fetchone()
            if row is None or tuple(row) != (revision, app_version):
                _write_meta(conn, revision, app_version)
            conn.execute("COMMIT")
        except BaseException:
            conn.rollback()
            raise
    finally:
        conn.close()
