"""Connections to the data file, each with the app's pragmas, and the file's permissions.

Every connection that may write is made by :func:`connect` (journal mode, durability,
foreign keys, busy timeout); the read-only ones can never write or create a file.
SQLAlchemy is imported only inside :func:`make_engine`'s helper, when something is written.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hamstring_app.paths import make_private_file

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

BUSY_TIMEOUT_MS = 5000

# Every commit is flushed to the disk before it returns (with WAL: one fsync of the -wal
# per commit), so a check-in the app says is saved survives an OS crash or a power cut.
# NORMAL made no fsync at all for 200 commits; the app writes a few times a day, and
# benchmarks/store.py measures what FULL costs per commit against NORMAL.
SYNCHRONOUS = "FULL"
SIDE_FILES = ("-wal", "-shm", "-journal")


def connect(
    path: Path, *, synchronous: str = SYNCHRONOUS, existing: bool = False
) -> sqlite3.Connection:
    """A connection with the app's pragmas, in autocommit mode: transactions begin only
    when asked (``BEGIN``), so DDL is transactional too. Every connection that may write
    is made here, the engine's included. ``synchronous`` other than the app's setting is
    for the benchmark that compares durability settings only. With ``existing`` the file
    must be there already (SQLite's ``mode=rw``): a data file removed while the app is
    open is never silently made again, empty."""
    if synchronous not in ("OFF", "NORMAL", "FULL", "EXTRA"):
        raise ValueError(f"unknown synchronous setting {synchronous!r}")
    if existing:
        uri = Path(path).absolute().as_uri() + "?mode=rw"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    else:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute(f"PRAGMA synchronous={synchronous}")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    except BaseException:
        conn.close()
        raise
    return conn


def _engine(path: Path, creator: Callable[[], sqlite3.Connection]) -> Engine:
    from sqlalchemy import create_engine, event
    from sqlalchemy.engine import URL

    engine = create_engine(URL.create("sqlite", database=str(path)), creator=creator)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        # the connection is in autocommit mode: SQLAlchemy, not the sqlite3 module,
        # decides when a transaction begins
        connection.exec_driver_sql("BEGIN")

    return engine


def make_engine(
    path: Path, *, synchronous: str = SYNCHRONOUS, existing: bool = False
) -> Engine:
    """An engine whose every connection has the app's pragmas and real transactions
    (``existing``: see :func:`connect`)."""
    return _engine(path, lambda: connect(path, synchronous=synchronous, existing=existing))


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """A ``mode=ro`` connection with ``query_only`` on: it can never write or create."""
    uri = path.resolve().as_uri() + "?mode=ro"
    if not os.access(path.parent, os.W_OK) and not _has_wal(path):
        # SQLite cannot make the -shm it needs in a read-only folder; nobody can be
        # writing there either, so reading the file as unchanging is safe.
        uri += "&immutable=1"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA query_only=ON")
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return conn


def _read_only_engine(path: Path) -> Engine:
    return _engine(path, lambda: _connect_read_only(path))


def _has_wal(path: Path) -> bool:
    """True when a non-empty -wal file lies beside ``path`` (committed pages may live there)."""
    try:
        return path.with_name(path.name + "-wal").stat().st_size > 0
    except OSError:
        return False


def _read_only_uri(path: Path) -> str:
    uri = path.resolve().as_uri() + "?mode=ro"
    # Without a leftover -wal file, "immutable" reads without creating -shm/-wal files.
    if not path.with_name(path.name + "-wal").exists():
        uri += "&immutable=1"
    return uri


@contextlib.contextmanager
def _read_only(path: Path) -> Any:
    conn = sqlite3.connect(_read_only_uri(path), uri=True, isolation_level=None)
    try:
        yield conn
    finally:
        conn.close()


def file_identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file at ``path``; None when it is not there or unreachable."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def protect_files(path: Path) -> None:
    """Make the database and any side files beside it readable by the owner only."""
    for candidate in (path, *(path.with_name(path.name + s) for s in SIDE_FILES)):
        with contextlib.suppress(FileNotFoundError):
            make_private_file(candidate)
