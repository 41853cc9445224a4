"""The repository's plumbing: its transactions, its read connection and its clock.

:class:`RepositoryBase` holds the database and ``today``; ``_write`` gives one SQLAlchemy
transaction, ``_read`` the lean sqlite3 read connection (store/reader.py), and
``atomic`` joins several calls into one transaction. The record methods build on it
(repository.py and the modules it inherits from).

Writes use SQLAlchemy Core over the tables in tables.py, imported on the first write
(``_sql``), so opening the app and reading its history never wait for SQLAlchemy's imports.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from types import ModuleType
from typing import TYPE_CHECKING

from hamstring_app.store import records as r
from hamstring_app.store.db import Database
from hamstring_app.store.errors import StorageUnavailable, StoreError, storage_problem

if TYPE_CHECKING:
    from sqlalchemy import Connection


def _sql() -> ModuleType:
    """SQLAlchemy Core and the tables (store/sql.py), imported on the first write."""
    from hamstring_app.store import sql

    return sql


def prepare_writes() -> None:
    """Import what writing needs (SQLAlchemy Core and the tables) ahead of the first write,
    which would otherwise wait for it. Safe from any thread: the app calls it from a
    background thread while the runner reads or types."""
    _sql()


def _raw(conn: Connection) -> sqlite3.Connection:
    """The sqlite3 connection under a SQLAlchemy one: reads inside a write use it."""
    raw = conn.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


class RepositoryBase:
    def __init__(self, database: Database, today: Callable[[], date]) -> None:
        self._db = database
        self._today = today
        self._local = threading.local()  # .conn: the transaction atomic() holds open

    @property
    def database(self) -> Database:
        return self._db

    def close(self) -> None:
        self._db.close()

    def still_there(self) -> bool:
        """False when the data file was removed, moved away or replaced since it was opened
        (writes then raise DataFileGone)."""
        return self._db.still_there()

    def prepare_writes(self) -> None:
        """:func:`prepare_writes`, and make the engine the writes will use."""
        prepare_writes()
        if not self._db.read_only:
            with contextlib.suppress(RuntimeError):  # closed meanwhile: nothing to prepare
                self._db.engine  # noqa: B018 - made on first use

    # ------------------------------------------------------------------ plumbing

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """Make every write (and read) inside the block one transaction: all of it is kept,
        or on any error none of it. Nested blocks join the outer one. Per thread."""
        if getattr(self._local, "conn", None) is not None:
            yield
            return
        with self._write() as conn:
            self._local.conn = conn
            try:
                yield
            finally:
                self._local.conn = None

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One transaction. A full or read-only disk becomes StorageUnavailable (rolled back)."""
        held = getattr(self._local, "conn", None)
        if held is not None:  # inside atomic(): its transaction commits or rolls back
            yield held
            return
        if self._db.read_only:
            raise StoreError("This data was opened for reading only; nothing was saved.")
        self._db.check_still_there()  # never save into a file removed or replaced meanwhile
        sql = _sql()
        try:
            with self._db.engine.begin() as conn:
                yield conn
        except (OSError, sql.DBAPIError) as exc:
            reason = storage_problem(exc)
            if reason is None:
                raise
            raise StorageUnavailable(self._db.path.parent, reason) from exc

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        held = getattr(self._local, "conn", None)
        if held is not None:  # inside atomic(): see its own writes
            yield _raw(held)
            return
        try:
            with self._db.reading() as conn:
                yield conn
        except sqlite3.DatabaseError as exc:  # the disk, or damage found mid-read
            from hamstring_app.store.db import read_failure, storage_or_damage

            if not self._db.still_there():
                self._db.check_still_there()
            if not storage_or_damage(exc):
                raise
            raise read_failure(self._db.path, exc) from exc

    def _day(self, name: str, day: date) -> None:
        r.check_day(name, day, self._today())
