"""Open, create, check and migrate the SQLite database file.

The order matters and is the point of this module:

1. Look at the file without writing to it: the 16-byte SQLite header, the size the
   header promises, then ``PRAGMA quick_check`` and the Alembic revision through a
   read-only (``mode=ro``) connection. A file that is not ours, is damaged or was
   written by a newer version is refused here and stays byte-for-byte as it was.
2. If an existing file is behind, copy it into ``<data dir>/backups/`` (SQLite backup
   API, 0600) before touching it.
3. Migrate in ONE transaction (transactional DDL) with foreign keys off, so a batch
   table rebuild cannot cascade-delete child rows; check ``PRAGMA foreign_key_check``
   before committing, then turn foreign keys back on.
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
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hamstring_app.paths import (
    BACKUP_DIR,
    LinkRefused,
    ensure_private_dir,
    make_private_file,
    mounted_read_only,
)
from hamstring_app.store.errors import (
    CANNOT_OPEN,
    READ_ONLY,
    DatabaseTooNew,
    DatabaseUnreadable,
    DataFileGone,
    LinkNotFollowed,
    MigrationFailed,
    NeedsUpdate,
    NoDataYet,
    ReadOnlyWithChanges,
    StorageUnavailable,
    StorageUnreadable,
    StoreError,
    storage_problem,
)

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Connection, Engine

# SQLAlchemy is imported only where it is used: creating or migrating a file and writing.
# Opening a current file and every read go through plain sqlite3 (see store/reader.py).

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The newest revision in MIGRATIONS_DIR. Knowing it without Alembic lets a file that is
# already current open without importing Alembic at all (most starts). A test compares it
# with the head Alembic computes from the scripts, so a new migration must update it.
HEAD_REVISION = "0003"
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
# Every commit is flushed to the disk before it returns (with WAL: one fsync of the -wal
# per commit), so a check-in the app says is saved survives an OS crash or a power cut.
# NORMAL made no fsync at all for 200 commits; the app writes a few times a day, and
# benchmarks/store.py measures what FULL costs per commit against NORMAL.
SYNCHRONOUS = "FULL"
SIDE_FILES = ("-wal", "-shm", "-journal")
BACKUPS_KEPT = 5  # pre-migration copies kept in backups/, newest first


# ----------------------------------------------------------------------- revisions


def _alembic_config(script_location: Path) -> Config:
    from alembic.config import Config

    config = Config()
    # ConfigParser interpolates "%": escape it so any folder name works.
    config.set_main_option("script_location", str(script_location).replace("%", "%%"))
    return config


@cache
def _revisions(script_location: Path) -> tuple[str, ...]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config(script_location))
    heads = script.get_heads()
    if len(heads) != 1:
        raise RuntimeError(f"migrations must have exactly one head, found {heads}")
    return tuple(reversed([rev.revision for rev in script.walk_revisions()]))


def all_revisions() -> list[str]:
    """Every schema revision this version of the app knows, oldest first."""
    return list(_revisions(MIGRATIONS_DIR))


# ----------------------------------------------------------------------- the handle


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


# ----------------------------------------------------------------------- read-only look


@dataclass(frozen=True)
class _Found:
    exists: bool  # False: no file, an empty file, or an SQLite file with no tables
    revision: str | None = None  # from alembic_version
    meta_revision: str | None = None  # from app_meta

    def is_current(self, head: str) -> bool:
        """True for an existing file already at ``head``: nothing to migrate or back up."""
        return self.exists and self.revision == head and self.meta_revision in (None, head)

    def refuse_unknown(self, path: Path, known: tuple[str, ...]) -> None:
        """Refuse a file written by a newer version of the app, before anything is written."""
        for candidate in (self.revision, self.meta_revision):
            if candidate is not None and candidate not in known:
                raise DatabaseTooNew(path, candidate)


def _describe_start(head: bytes, size: int) -> str:
    if not head:
        return "an empty file"
    sample = head[:16]
    if all(32 <= b < 127 or b in (9, 10, 13) for b in sample):
        start = sample.decode("ascii", "replace").strip()
        return f"a {size}-byte file starting with text ({start!r}), not an SQLite database"
    return f"a {size}-byte file that does not start like an SQLite database"


def _has_wal(path: Path) -> bool:
    """True when a non-empty -wal file lies beside ``path`` (committed pages may live there)."""
    try:
        return path.with_name(path.name + "-wal").stat().st_size > 0
    except OSError:
        return False


def _check_header(path: Path, size: int) -> None:
    """Refuse garbage and truncated files from their first 100 bytes alone.

    With a non-empty -wal beside it, the file may rightly be shorter than its header says:
    a crash or a full disk while SQLite copied the -wal into it leaves page 1 written and
    the rest still in the -wal. Then ``PRAGMA quick_check`` (which reads the -wal) judges.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(100)
    except OSError as exc:
        raise DatabaseUnreadable(
            path, f"a file it is not allowed to read ({exc.strerror})"
        ) from exc
    if not head.startswith(SQLITE_HEADER[: len(head)]) or len(head) < len(SQLITE_HEADER):
        if head.startswith(SQLITE_HEADER[: len(head)]):
            raise DatabaseUnreadable(path, f"a truncated SQLite database of only {size} bytes")
        raise DatabaseUnreadable(path, _describe_start(head, size))
    if len(head) < 100:
        raise DatabaseUnreadable(path, f"a truncated SQLite database of only {size} bytes")
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise DatabaseUnreadable(path, "an SQLite file with a damaged header")
    pages = int.from_bytes(head[28:32], "big")
    header_size_valid = head[92:96] == head[24:28] and pages > 0
    if _has_wal(path):
        return
    if size % page_size or (header_size_valid and pages * page_size > size):
        expected = f" but its header says {pages * page_size} bytes" if header_size_valid else ""
        raise DatabaseUnreadable(
            path, f"a truncated SQLite database (the file is {size} bytes{expected})"
        )


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


def _inspect(path: Path) -> _Found:
    """Decide whether ``path`` can be opened, writing nothing at all."""
    if not path.exists():
        return _Found(exists=False)
    if path.is_dir():
        raise DatabaseUnreadable(path, "a folder where the data file should be")
    size = path.stat().st_size
    if size == 0:
        return _Found(exists=False)
    _check_header(path, size)
    try:
        with _read_only(path) as conn:
            problems = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
            if problems != ["ok"]:
                raise DatabaseUnreadable(
                    path, "a damaged SQLite database (" + "; ".join(problems) + ")"
                )
            names = {
                row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if not names:
                return _Found(exists=False)
            if "alembic_version" not in names:
                raise DatabaseUnreadable(
                    path, "an SQLite database made by another program (it has no version table)"
                )
            versions = [row[0] for row in conn.execute("SELECT version_num FROM alembic_version")]
            meta_revision = None
            if "app_meta" in names:
                row = conn.execute("SELECT schema_revision FROM app_meta WHERE id = 1").fetchone()
                meta_revision = row[0] if row else None
            if versions == [HEAD_REVISION]:
                _refuse_drift(path, conn)
    except sqlite3.DatabaseError as exc:
        raise read_failure(path, exc) from exc
    if len(versions) > 1:
        raise DatabaseUnreadable(path, f"a database with several versions at once ({versions})")
    revision = versions[0] if versions else None
    return _Found(exists=True, revision=revision, meta_revision=meta_revision)


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


def _refuse_drift(path: Path, conn: sqlite3.Connection) -> None:
    """A file that says it is current must have every table, column and unique key of the
    schema (store/schema_names.py, derived from store/tables.py)."""
    from hamstring_app.store.schema_names import missing_parts

    missing = missing_parts(conn)
    if missing:
        more = f" and {len(missing) - 3} more" if len(missing) > 3 else ""
        shown = ", ".join(missing[:3]) + more
        raise DatabaseUnreadable(
            path,
            f"a data file in the current format ({HEAD_REVISION}) that is missing parts it "
            f"must have: {shown}",
        )


# ----------------------------------------------------------------------- backup


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


# ----------------------------------------------------------------------- engine


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


def _write_meta(conn: Any, revision: str, app_version: str) -> None:
    """Record the revision and app version; ``conn`` is a DB-API or SQLAlchemy connection."""
    statement = (
        "INSERT INTO app_meta (id, schema_revision, app_version) VALUES (1, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET schema_revision = excluded.schema_revision, "
        "app_version = excluded.app_version"
    )
    if isinstance(conn, sqlite3.Connection):
        conn.execute(statement, (revision, app_version))
    else:
        conn.exec_driver_sql(statement, (revision, app_version))


def _migrate(
    engine: Engine,
    config: Config,
    target: str,
    *,
    path: Path,
    backup: Path | None,
    app_version: str,
) -> None:
    from alembic import command

    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert isinstance(raw, sqlite3.Connection)
        # Outside any transaction, or SQLite ignores it.
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                config.attributes["connection"] = conn
                command.upgrade(config, target)
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise MigrationFailed(
                        path, backup, f"{len(broken)} rows point at records that do not exist"
                    )
                _write_meta(conn, target, app_version)
        except StoreError:
            raise
        except Exception as exc:
            log.exception("migration of %s to %s failed", path, target)
            reason = storage_problem(exc)
            if reason is not None:
                raise StorageUnavailable(path.parent, reason) from exc
            raise MigrationFailed(path, backup, plain_reason(exc)) from exc
        finally:
            config.attributes.pop("connection", None)
            raw.execute("PRAGMA foreign_keys=ON")


def _create(engine: Engine, *, path: Path, app_version: str) -> None:
    """A new file: every table in one transaction, stamped with the head revision.

    The same schema as running every migration (tests/store/test_schema.py compares the
    two), without Alembic's imports and its revision-by-revision work.
    """
    from hamstring_app.store import tables

    try:
        with engine.begin() as conn:
            tables.metadata.create_all(conn)
            tables.alembic_version.create(conn)
            conn.execute(tables.alembic_version.insert().values(version_num=HEAD_REVISION))
            _write_meta(conn, HEAD_REVISION, app_version)
    except Exception as exc:
        reason = storage_problem(exc)
        if reason is not None:
            raise StorageUnavailable(path.parent, reason) from exc
        raise


# ----------------------------------------------------------------------- open


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
