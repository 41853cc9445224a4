"""Making one backup copy: SQLite's online backup API into a new file, made one
self-contained file, checked with ``PRAGMA integrity_check`` on a read-only connection while
it is flushed to disk, then given its name (see backups.py for the whole)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import time
from datetime import date
from pathlib import Path

from hamstring_app.store.backup_names import BackupFailed
from hamstring_app.store.db import protect_files


def integrity_problems(conn: sqlite3.Connection) -> list[str]:
    """``PRAGMA integrity_check`` (up to 5 problems); empty when the database is sound."""
    try:
        rows = [row[0] for row in conn.execute("PRAGMA integrity_check(5)")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def open_backup_read_only(path: Path) -> sqlite3.Connection:
    """A connection that can only read ``path`` and creates nothing beside it."""
    uri = Path(path).resolve().as_uri() + "?mode=ro&immutable=1"
    return sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


Contents = tuple[int, int, int, date | None, date | None]  # see _counts
_VERSIONS_AT = 18  # the header's "file format write/read version" bytes: 1 rollback, 2 WAL


def _rollback_journal_header(path: Path) -> None:
    """Mark the copy at ``path`` (closed, ours alone) as a rollback-journal database.

    The backup API copies the source's header as it is, WAL bytes included, so the copy
    would go into WAL mode (with -wal and -shm files beside it) when next opened. These
    two bytes are the whole of what ``PRAGMA journal_mode=DELETE`` changes in a database
    with nothing to checkpoint (SQLite's file format, section 1.3.3); writing them here
    spares that switch the creation and deletion of both side files. The integrity_check
    that follows reads the copy as it is then."""
    with open(path, "r+b") as handle:
        handle.seek(_VERSIONS_AT)
        versions = handle.read(2)
        if versions == b"\x02\x02":
            handle.seek(_VERSIONS_AT)
            handle.write(b"\x01\x01")
        elif versions != b"\x01\x01":
            raise BackupFailed(
                f"The backup copy has a header this app does not know ({versions.hex()}), "
                "so it was not kept. Your data was not changed."
            )


class _Flush(threading.Thread):
    """``fsync`` of a finished copy on a thread of its own, so that the wait for the disk
    overlaps the integrity check's reading of the same file from the page cache (neither
    holds the GIL while it works). :meth:`wait` re-raises its error."""

    def __init__(self, path: Path) -> None:
        super().__init__(name="backup-flush", daemon=True)
        self.path = path
        self.error: OSError | None = None

    def run(self) -> None:
        try:
            with open(self.path, "rb+") as handle:  # writable: Windows' fsync needs it
                os.fsync(handle.fileno())
        except OSError as exc:
            self.error = exc

    def wait(self) -> None:
        self.join()
        if self.error is not None:
            raise self.error


class _Steps:
    """Seconds per step of a backup, written to ``into`` when the caller asks for them
    (benchmarks/report.py prints them); nothing is kept otherwise."""

    def __init__(self, into: dict[str, float] | None) -> None:
        self.into = into
        self.last = time.perf_counter()

    def done(self, step: str) -> None:
        if self.into is not None:
            now = time.perf_counter()
            self.into[step] = self.into.get(step, 0.0) + now - self.last
            self.last = now


def copy_database(
    source: sqlite3.Connection,
    target: Path,
    *,
    steps: dict[str, float] | None = None,
    check: bool = True,
) -> Contents | None:
    """Copy ``source`` to a new file ``target`` (which must not exist) with the backup API,
    make it one self-contained file, check it, and flush it to disk; returns what it holds
    (check-ins, runs, sessions, first and last day), or None when that cannot be counted
    (data of another format). On any failure nothing is left at ``target``. ``steps``, when
    given, receives the seconds each step took ("copy", "check", "count", "flush", "name").
Without ``check`` the copy is neither checked nor counted (None is returned): that is for
a copy its caller checks itself next (restore's candidate, checked once it is in the
current format).

    Each step was measured on a five-year database (benchmarks/report.py):

    - the copy is a new file of ours alone, written without a journal or syncs of its own
      (``journal_mode=OFF``, ``synchronous=OFF``): a crash or error before it gets its
      name leaves only the ``.part`` file, which is deleted;
    - it is made one file by :func:`_rollback_journal_header`;
    - it is checked on a read-only connection of its own, which reads the file as written
      (integrity_check on the writing connection took five times as long for the same
      pages), and counted on that connection in one query;
    - meanwhile a thread flushes it to disk (:class:`_Flush`), so the check and the wait
      for the disk overlap; both are done before the copy gets its name.
    """
    target = Path(target)
    timer = _Steps(steps)
    temp = target.with_name(f".{target.name}.part")
    with contextlib.suppress(FileNotFoundError):
        temp.unlink()  # a leftover of a crash during an earlier backup
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    try:
        dest = sqlite3.connect(temp, isolation_level=None)
        try:
            dest.execute("PRAGMA journal_mode=OFF")
            dest.execute("PRAGMA synchronous=OFF")
            source.backup(dest)  # all pages in one step: one consistent snapshot
        finally:
            dest.close()
        _rollback_journal_header(temp)
        timer.done("copy")
        flush = _Flush(temp)
        flush.start()
        contents = None
        problems: list[str] = []
        try:
            if check:
                reader = open_backup_read_only(temp)
                try:
                    problems = integrity_problems(reader)
                    timer.done("check")
                    if not problems:
                        with contextlib.suppress(sqlite3.Error):
                            contents = _counts(reader)
                        timer.done("count")
                finally:
                    reader.close()
        finally:
            flush.wait()  # never leave it running, whatever happened
            timer.done("flush")
        if problems:
            raise BackupFailed(
                "The backup copy failed its check (" + "; ".join(problems) + "), so it was "
                "not kept. Your data was not changed."
            )
        if target.exists():
            raise FileExistsError(17, "a file with that name exists", str(target))
        os.replace(temp, target)
        _fsync_folder(target.parent)
        timer.done("name")
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    protect_files(target)
    return contents


def _counts(conn: sqlite3.Connection) -> Contents:
    """Check-ins, runs and strength sessions, and the first and last day of any, in one
    query."""
    days = " UNION ALL ".join(
        f"SELECT {fn}(day) AS d FROM {table}"
        for fn in ("min", "max")
        for table in ("checkin", "run", "strength_session")
    )
    checkins, runs, sessions, first, last = conn.execute(
        "SELECT (SELECT count(*) FROM checkin), (SELECT count(*) FROM run),"
        " (SELECT count(*) FROM strength_session),"
        f" (SELECT min(d) FROM ({days})), (SELECT max(d) FROM ({days}))"
    ).fetchone()
    return (
        checkins,
        runs,
        sessions,
        date.fromisoformat(first) if first else None,
        date.fromisoformat(last) if last else None,
    )
