"""Opening a current file skips Alembic; anything else still takes the careful path."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from store_samples import TODAY, full_checkin

from hamstring_app.paths import BACKUP_DIR, DB_NAME
from hamstring_app.store import db
from hamstring_app.store.errors import DatabaseTooNew
from hamstring_app.store.repository import open_repository


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_current_db(data_dir: Path) -> Path:
    repo = open_repository(data_dir, today=lambda: TODAY, app_version="1.0")
    repo.save_checkin(full_checkin())
    repo.close()
    return data_dir / DB_NAME


def test_head_revision_constant_matches_the_migration_scripts() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(db._alembic_config(db.MIGRATIONS_DIR))
    assert script.get_heads() == [db.HEAD_REVISION]
    assert db.all_revisions()[-1] == db.HEAD_REVISION


def test_opening_a_current_file_imports_neither_alembic_nor_the_orm(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    make_current_db(data_dir)
    code = (
        "import sys\n"
        "from datetime import date\n"
        "from hamstring_app.store.repository import open_repository\n"
        f"repo = open_repository({str(data_dir)!r}, today=date.today, app_version='1.0')\n"
        "assert len(repo.list_checkins()) == 1\n"
        "repo.close()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'"
        " or m.startswith('sqlalchemy.orm')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_creating_a_new_file_stamps_the_head_revision_without_alembic(tmp_path: Path) -> None:
    """A first start makes every table at once (tests/store/test_schema.py proves it is the
    schema the migrations make) and records the head revision, all without Alembic."""
    data_dir = tmp_path / "data"
    code = (
        "import sys\n"
        "from datetime import date\n"
        "from hamstring_app.store.repository import open_repository\n"
        f"repo = open_repository({str(data_dir)!r}, today=date.today, app_version='1.0')\n"
        "print(repo.meta().schema_revision)\n"
        "repo.close()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == [db.HEAD_REVISION, "[]"]
    with sqlite3.connect(data_dir / DB_NAME) as conn:
        version = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    conn.close()
    assert version == [(db.HEAD_REVISION,)]
    repo = open_repository(data_dir, today=lambda: TODAY, app_version="1.0")
    try:  # and it opens again as a current file: nothing to migrate, no backup
        assert repo.database.backup_path is None
        repo.save_checkin(full_checkin())
        assert len(repo.list_checkins()) == 1
    finally:
        repo.close()


def test_current_file_with_a_newer_app_meta_is_refused_untouched(tmp_path: Path) -> None:
    """alembic_version says head but app_meta names a revision this app does not know."""
    path = make_current_db(tmp_path / "data")
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE app_meta SET schema_revision = 'from-the-future'")
    conn.close()
    before = sha256(path)
    with pytest.raises(DatabaseTooNew, match="from-the-future"):
        db.open_database(path, app_version="1.0")
    assert sha256(path) == before
    assert not (path.parent / BACKUP_DIR).exists()


def test_current_file_records_the_new_app_version_without_a_backup(tmp_path: Path) -> None:
    path = make_current_db(tmp_path / "data")
    database = db.open_database(path, app_version="7.7")
    try:
        assert database.revision == db.HEAD_REVISION
        assert database.backup_path is None
        with database.engine.connect() as conn:
            row = conn.exec_driver_sql("SELECT schema_revision, app_version FROM app_meta").one()
        assert tuple(row) == (db.HEAD_REVISION, "7.7")
    finally:
        database.close()
    assert not (path.parent / BACKUP_DIR).exists()


def test_unknown_target_is_still_rejected(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown revision"):
        db._open(
            tmp_path / "x.sqlite3",
            app_version="1.0",
            now=None,
            migrations=db.MIGRATIONS_DIR,
            target="no-such-revision",
        )
    assert not (tmp_path / "x.sqlite3").exists()
