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
database upgrade (``hamstring-coach-YYYYMMDD-HHMMSS-revNNNN.sqlite3``, see db.py) keep
their own rotation; they are listed for restoring too.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sqlite3
import threading
import time
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from hamstring_app.core.words import count_of
from hamstring_app.paths import BACKUP_DIR, DB_NAME, LinkRefused, ensure_private_dir
from hamstring_app.store.db import SQLITE_HEADER, protect_files
from hamstring_app.store.errors import StorageUnavailable, StoreError, storage_problem

log = logging.getLogger(__name__)

DAILY = "daily"
MANUAL = "manual"
BEFORE_RESTORE = "before-restore"
BEFORE_UPDATE = "before-update"  # the pre-migration copies made by db.py
KINDS = (DAILY, MANUAL, BEFORE_RESTORE)
SUFFIX = ".sqlite3"

_OURS = re.compile(r"^backup-(\d{8}-\d{6})-(daily|manual|before-restore)(?:-\d+)?\.sqlite3$")
_PRE_MIGRATION = re.compile(
    r"^" + re.escape(Path(DB_NAME).stem) + r"-(\d{8}-\d{6})-rev[\w]+(?:-\d+)?\.sqlite3$"
)


class BackupFailed(StoreError):
    """No backup was kept; ``str()`` says why."""


@dataclass(frozen=True)
class BackupInfo:
    """One backup file and what it holds (counts are None when it could not be read)."""

    path: Path
    taken: datetime
    kind: str
    size: int
    checkins: int | None = None
    runs: int | None = None
    sessions: int | None = None
    first_day: date | None = None
    last_day: date | None = None
    problem: str | None = None  # why it cannot be read, when it cannot

    def contents(self) -> str:
        """A plain summary: "212 check-ins, 130 runs, 40 sessions (2025-01-03 to ...)"."""
        if self.problem is not None:
            return f"cannot be read: {self.problem}"
        text = (
            f"{count_of(self.checkins, 'check-in')}, {count_of(self.runs, 'run')}, "
            f"{count_of(self.sessions, 'strength session')}"
        )
        if self.first_day and self.last_day:
            text += f" ({self.first_day.isoformat()} to {self.last_day.isoformat()})"
        return text


def backup_folder(data_dir: Path) -> Path:
    return Path(data_dir) / BACKUP_DIR


def chosen_folder(where: Path | str | None) -> Path | None:
    """The folder the person chose for backups, or None for ``backups/``; BackupFailed
    when it is not there (a drive not plugged in): it is never made on a guess."""
    if where is None or not str(where).strip():
        return None
    folder = Path(str(where).strip()).expanduser()
    if not folder.is_dir():
        raise BackupFailed(
            f"The backup folder {folder} is not there (is its drive connected?), so no "
            "backup was made. Choose another one in File > Settings."
        )
    return folder


def backup_name(kind: str, now: datetime) -> str:
    if kind not in KINDS:
        raise ValueError(f"unknown kind of backup {kind!r}")
    return f"backup-{now.strftime('%Y%m%d-%H%M%S')}-{kind}{SUFFIX}"


def parse_name(path: Path) -> tuple[datetime, str] | None:
    """When a backup was taken and its kind, from its name; None for other files."""
    for pattern, kind in ((_OURS, None), (_PRE_MIGRATION, BEFORE_UPDATE)):
        found = pattern.match(path.name)
        if found:
            try:
                taken = datetime.strptime(found.group(1), "%Y%m%d-%H%M%S")
            except ValueError:
                return None
            return taken, kind or found.group(2)
    return None


# ----------------------------------------------------------------------- making one


def _live_source(db_path: Path) -> sqlite3.Connection:
    """A read-only connection to the live database; it takes part in WAL like the app's."""
    uri = Path(db_path).resolve().as_uri() + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout=5000")
    return conn


def integrity_problems(conn: sqlite3.Connection) -> list[str]:
    """``PRAGMA integrity_check`` (up to 5 problems); empty when the database is sound."""
    try:
        rows = [row[0] for row in conn.execute("PRAGMA integrity_check(5)")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


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
    source: sqlite3.Connection, target: Path, *, steps: dict[str, float] | None = None
) -> Contents | None:
    """Copy ``source`` to a new file ``target`` (which must not exist) with the backup API,
    make it one self-contained file, check it, and flush it to disk; returns what it holds
    (check-ins, runs, sessions, first and last day), or None when that cannot be counted
    (data of another format). On any failure nothing is left at ``target``. ``steps``, when
    given, receives the seconds each step took ("copy", "check", "count", "flush", "name").

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
        try:
            check = open_backup_read_only(temp)
            try:
                problems = integrity_problems(check)
                timer.done("check")
                if not problems:
                    with contextlib.suppress(sqlite3.Error):
                        contents = _counts(check)
                    timer.done("count")
            finally:
                check.close()
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


def open_backup_read_only(path: Path) -> sqlite3.Connection:
    """A connection that can only read ``path`` and creates nothing beside it."""
    uri = Path(path).resolve().as_uri() + "?mode=ro&immutable=1"
    return sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)


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


# ----------------------------------------------------------------------- daily, rotation


def daily_backups(folder: Path) -> list[tuple[datetime, Path]]:
    """The automatic backups in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        parsed = parse_name(path)
        if parsed and parsed[1] == DAILY and path.is_file():
            found.append((parsed[0], path))
    return sorted(found, reverse=True)


def _daily_folder(data_dir: Path, where: Path | str | None) -> Path:
    if where is None or not str(where).strip():
        return backup_folder(data_dir)
    return Path(str(where).strip()).expanduser()


def daily_backup_due(data_dir: Path, today: date, where: Path | str | None = None) -> bool:
    """True when no automatic backup was taken on ``today`` yet (in ``where``, if given)."""
    found = daily_backups(_daily_folder(data_dir, where))
    return all(taken.date() != today for taken, _ in found)


def to_keep(taken: list[datetime], daily_kept: int, weekly_kept: int) -> set[datetime]:
    """Which automatic backups rotation keeps: the newest ``daily_kept`` (one a day), then,
    among the older ones, the newest of each calendar (ISO) week for ``weekly_kept`` weeks."""
    newest_first = sorted(taken, reverse=True)
    keep = set(newest_first[:daily_kept])
    weeks: list[tuple[int, int]] = []
    for moment in newest_first[daily_kept:]:
        week = moment.isocalendar()[:2]
        if week in weeks:
            continue
        if len(weeks) == weekly_kept:
            break
        weeks.append(week)
        keep.add(moment)
    return keep


def rotate(
    data_dir: Path, daily_kept: int, weekly_kept: int, where: Path | str | None = None
) -> list[Path]:
    """Delete the automatic backups rotation does not keep (in ``where``, if given);
    returns what was deleted. Manual, before-restore and pre-update copies are never
    touched here."""
    found = daily_backups(_daily_folder(data_dir, where))
    keep = to_keep([taken for taken, _ in found], daily_kept, weekly_kept)
    removed = []
    for taken, path in found:
        if taken in keep:
            continue
        try:
            path.unlink()
            removed.append(path)
            log.info("removed the old automatic backup %s", path)
        except OSError as exc:  # a copy we cannot remove is only a wasted file
            log.warning("could not remove the old backup %s: %s", path, exc)
    return removed


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
