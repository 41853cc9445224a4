"""The read-only look at a data file, before anything is written to it.

The 16-byte SQLite header and the size the header promises, then ``PRAGMA quick_check``,
the Alembic revision and (for a file that says it is current) every part of the schema,
through a ``mode=ro`` connection. A file that is not ours, is damaged or was written by a
newer version is refused here and stays byte-for-byte as it was.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from hamstring_app.store.db_connect import _has_wal, _read_only
from hamstring_app.store.db_failures import read_failure
from hamstring_app.store.db_schema import HEAD_REVISION
from hamstring_app.store.errors import DatabaseTooNew, DatabaseUnreadable

SQLITE_HEADER = b"SQLite format 3\x00"


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
