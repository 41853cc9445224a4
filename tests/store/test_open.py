"""Opening a database: pragmas, permissions, and refusing files it must not touch."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from store_samples import TODAY, full_checkin, full_run, full_session

from hamstring_app.paths import DB_NAME
from hamstring_app.store.db import HEAD_REVISION, open_database
from hamstring_app.store.errors import DatabaseTooNew, DatabaseUnreadable, StoreError
from hamstring_app.store.repository import Repository, open_repository

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def side_files(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name != path.name)


def make_real_db(data_dir: Path) -> Path:
    """A closed database at head with some data in it, several pages long."""
    repo = open_repository(data_dir, today=lambda: TODAY, app_version="1.0")
    repo.save_checkin(full_checkin())
    for n in range(30):
        repo.add_run(full_run(note="x" * 500 + str(n)))
    repo.start_strength_session(full_session())
    repo.close()
    path = data_dir / DB_NAME
    assert side_files(path) == []  # clean close: WAL checkpointed and removed
    return path


def test_pragmas_on_every_connection(repo: Repository) -> None:
    engine = repo.database.engine
    with engine.connect() as a, engine.connect() as b:
        for conn in (a, b):
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


def test_statements_run_in_real_transactions(repo: Repository) -> None:
    """The begin hook emits BEGIN, so even DDL rolls back."""
    engine = repo.database.engine
    with engine.connect() as conn:
        conn.exec_driver_sql("CREATE TABLE scratch (x)")
        assert conn.connection.driver_connection.in_transaction  # type: ignore[union-attr]
        conn.rollback()
        names = conn.exec_driver_sql("SELECT name FROM sqlite_master").scalars().all()
    assert "scratch" not in names


@posix_only
def test_private_permissions(tmp_path: Path) -> None:
    data_dir = tmp_path / "nested" / "data"
    repo = open_repository(data_dir, today=lambda: TODAY, app_version="1.0")
    repo.save_checkin(full_checkin())
    db = data_dir / DB_NAME
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    for path in (db, db.with_name(DB_NAME + "-wal"), db.with_name(DB_NAME + "-shm")):
        assert path.exists(), path
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    repo.close()
    assert {p.name for p in tmp_path.rglob("*")} == {"nested", "data", DB_NAME}


@posix_only
def test_existing_loose_permissions_are_tightened(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    make_real_db(data_dir)
    data_dir.chmod(0o755)
    (data_dir / DB_NAME).chmod(0o644)
    open_repository(data_dir, today=lambda: TODAY, app_version="1.0").close()
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE((data_dir / DB_NAME).stat().st_mode) == 0o600


def test_reopen_at_head_makes_no_backup_and_records_new_version(tmp_path: Path) -> None:
    path = make_real_db(tmp_path)
    database = open_database(path, app_version="2.0")
    try:
        assert database.backup_path is None
        assert database.revision == HEAD_REVISION
        repo = Repository(database, lambda: TODAY)
        assert repo.meta().app_version == "2.0"
        assert repo.get_checkin(TODAY) == full_checkin()
    finally:
        database.close()
    assert not (tmp_path / "backups").exists()


def test_empty_file_becomes_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    path.touch()
    database = open_database(path, app_version="1.0")
    database.close()
    assert database.revision == HEAD_REVISION


def assert_refused_untouched(path: Path, error: type[StoreError]) -> StoreError:
    before = sha256(path)
    listing = side_files(path)
    with pytest.raises(error) as caught:
        open_database(path, app_version="1.0")
    assert sha256(path) == before
    assert side_files(path) == listing  # no -wal, -shm, -journal or backups appeared
    assert str(path) in str(caught.value)
    return caught.value


def test_garbage_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    path.write_text("These are my running notes, not a database.\n" * 50)
    error = assert_refused_untouched(path, DatabaseUnreadable)
    assert isinstance(error, DatabaseUnreadable)
    assert "text" in error.found and "not an SQLite database" in error.found
    assert error.path == path


def test_binary_garbage_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    path.write_bytes(bytes(range(256)) * 40)
    error = assert_refused_untouched(path, DatabaseUnreadable)
    assert "does not start like an SQLite database" in error.found  # type: ignore[attr-defined]


@pytest.mark.parametrize("keep", ["half", "header_only", "one_page_less", "tiny"])
def test_truncated_database_is_refused_untouched(tmp_path: Path, keep: str) -> None:
    path = make_real_db(tmp_path)
    data = path.read_bytes()
    page = int.from_bytes(data[16:18], "big")
    size = {
        "half": len(data) // 2 + 7,
        "header_only": 100,
        "one_page_less": len(data) - page,
        "tiny": 10,
    }[keep]
    path.write_bytes(data[:size])
    error = assert_refused_untouched(path, DatabaseUnreadable)
    assert "truncated" in error.found  # type: ignore[attr-defined]


def test_damaged_pages_are_refused_untouched(tmp_path: Path) -> None:
    path = make_real_db(tmp_path)
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page : 3 * page] = b"\xff" * (2 * page)  # scribble over the schema's pages
    path.write_bytes(bytes(data))
    error = assert_refused_untouched(path, DatabaseUnreadable)
    assert "damaged" in error.found  # type: ignore[attr-defined]


def test_database_from_another_program_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    error = assert_refused_untouched(path, DatabaseUnreadable)
    assert "another program" in error.found  # type: ignore[attr-defined]


def _set_raw(path: Path, sql: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute(sql)
    conn.commit()
    conn.close()


def test_unknown_revision_is_refused_untouched(tmp_path: Path) -> None:
    path = make_real_db(tmp_path)
    _set_raw(path, "UPDATE alembic_version SET version_num = '9999_from_the_future'")
    assert side_files(path) == []
    error = assert_refused_untouched(path, DatabaseTooNew)
    assert error.revision == "9999_from_the_future"  # type: ignore[attr-defined]
    assert "newer version" in str(error)


def test_newer_schema_in_app_meta_is_refused_untouched(tmp_path: Path) -> None:
    path = make_real_db(tmp_path)
    _set_raw(path, "UPDATE app_meta SET schema_revision = '0099'")
    error = assert_refused_untouched(path, DatabaseTooNew)
    assert error.revision == "0099"  # type: ignore[attr-defined]


def test_folder_in_place_of_the_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    path.mkdir()
    with pytest.raises(DatabaseUnreadable, match="folder"):
        open_database(path, app_version="1.0")


def test_leftover_wal_from_a_crash_is_read(tmp_path: Path) -> None:
    """Data committed to the WAL but never checkpointed is not lost on reopening."""
    path = make_real_db(tmp_path)
    writer = sqlite3.connect(path)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("UPDATE checkin SET note = 'only in the wal'")
    writer.commit()
    copy = tmp_path / "crashed"
    copy.mkdir()
    for name in (DB_NAME, DB_NAME + "-wal"):
        (copy / name).write_bytes((tmp_path / name).read_bytes())
    writer.close()
    repo = open_repository(copy, today=lambda: TODAY, app_version="1.0")
    try:
        assert repo.get_checkin(TODAY).note == "only in the wal"  # type: ignore[union-attr]
    finally:
        repo.close()


def _checkpoint_cut_short(tmp_path: Path) -> tuple[Path, int]:
    """A crash (or a full disk) while SQLite copies the -wal into the main file: page 1 is
    written, so the header promises more pages than the file holds, but the -wal beside it
    still has every committed page."""
    path = make_real_db(tmp_path / "source")
    writer = sqlite3.connect(path)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("PRAGMA wal_autocheckpoint=0")
    for n in range(40):
        writer.execute(
            "INSERT INTO run (day, distance_km, type, note, source)"
            " VALUES (?, 5.0, 'easy', ?, 'manual')",
            (TODAY.isoformat(), "grown " + "y" * 800 + str(n)),
        )
    writer.commit()
    before_main = path.read_bytes()
    wal = path.with_name(DB_NAME + "-wal").read_bytes()
    rows = writer.execute("SELECT count(*) FROM run").fetchone()[0]
    writer.execute("PRAGMA wal_checkpoint(FULL)")
    after_main = path.read_bytes()
    writer.close()
    assert len(after_main) > len(before_main) and wal
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    (crashed / DB_NAME).write_bytes(after_main[: len(before_main)])
    (crashed / (DB_NAME + "-wal")).write_bytes(wal)
    return crashed / DB_NAME, rows


def test_checkpoint_cut_short_with_the_data_in_the_wal_opens_whole(tmp_path: Path) -> None:
    path, rows = _checkpoint_cut_short(tmp_path)
    data = path.read_bytes()
    page = int.from_bytes(data[16:18], "big")
    assert int.from_bytes(data[28:32], "big") * page > len(data)  # shorter than its header
    plain = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    assert plain.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    plain.close()
    repo = open_repository(path.parent, today=lambda: TODAY, app_version="1.0")
    try:
        assert len(repo.list_runs()) == rows == 70
        assert repo.get_checkin(TODAY) == full_checkin()
    finally:
        repo.close()


def test_truncated_file_beside_an_empty_wal_is_still_refused(tmp_path: Path) -> None:
    path = make_real_db(tmp_path)
    data = path.read_bytes()
    page = int.from_bytes(data[16:18], "big")
    path.write_bytes(data[: len(data) - page])
    path.with_name(DB_NAME + "-wal").write_bytes(b"")
    error = assert_refused_untouched(path, DatabaseUnreadable)
    assert "truncated" in error.found  # type: ignore[attr-defined]
