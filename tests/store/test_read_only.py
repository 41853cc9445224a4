"""open_repository(..., read_only=True): reads the data, changes nothing at all."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pytest
from store_samples import TODAY, full_checkin, full_run
from test_migrations import _scripts_with

from hamstring_app.paths import DB_NAME
from hamstring_app.store import db
from hamstring_app.store.errors import DatabaseTooNew, NeedsUpdate, NoDataYet, StoreError
from hamstring_app.store.repository import open_repository


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _saved(folder: Path) -> Path:
    repo = open_repository(folder, today=lambda: TODAY, app_version="1.0")
    repo.save_checkin(full_checkin())
    repo.add_run(full_run())
    repo.close()
    return folder / DB_NAME


def test_reads_everything_and_changes_nothing(tmp_path: Path) -> None:
    path = _saved(tmp_path)
    if os.name == "posix":
        path.chmod(0o640)
        tmp_path.chmod(0o755)
    before = sha256(path)
    repo = open_repository(tmp_path, today=lambda: TODAY, app_version="9.9", read_only=True)
    try:
        assert repo.get_checkin(TODAY) == full_checkin()
        assert len(repo.list_runs()) == 1
        assert repo.meta().app_version == "1.0"  # the reader's version is not recorded
        with pytest.raises(StoreError, match="reading only"):
            repo.add_run(full_run())
        with pytest.raises(StoreError, match="reading only"):
            repo.save_checkin(full_checkin())
    finally:
        repo.close()
    assert sha256(path) == before
    # SQLite itself may leave an empty -wal and its -shm index (as private as the file)
    extra = {p.name for p in tmp_path.iterdir()} - {DB_NAME}
    assert extra <= {DB_NAME + "-wal", DB_NAME + "-shm"}
    wal = tmp_path / (DB_NAME + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o640
        assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o755


def test_sees_what_the_app_saves_while_it_reads(tmp_path: Path) -> None:
    _saved(tmp_path)
    app = open_repository(tmp_path, today=lambda: TODAY, app_version="1.0")
    reader = open_repository(tmp_path, today=lambda: TODAY, app_version="1.0", read_only=True)
    try:
        app.add_run(full_run(note="second"))
        assert [r.note for r in reader.list_runs()][-1] == "second"
    finally:
        reader.close()
        app.close()


def test_a_missing_file_is_not_created(tmp_path: Path) -> None:
    folder = tmp_path / "nothing-here"
    with pytest.raises(NoDataYet, match="no saved data"):
        open_repository(folder, today=lambda: TODAY, app_version="1.0", read_only=True)
    assert not folder.exists()


def test_a_file_behind_the_current_format_is_not_migrated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _saved(tmp_path / "data")
    before = sha256(path)
    scripts = _scripts_with(tmp_path, "9005", 'op.add_column("run", sa.Column("x", sa.Integer()))')
    monkeypatch.setattr(db, "MIGRATIONS_DIR", scripts)
    monkeypatch.setattr(db, "HEAD_REVISION", "9005")
    with pytest.raises(NeedsUpdate) as caught:
        open_repository(path.parent, today=lambda: TODAY, app_version="2.0", read_only=True)
    assert "open the app once to update your data, then try again" in str(caught.value).lower()
    assert sha256(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == [DB_NAME]  # not even opened


def test_a_newer_file_is_refused(tmp_path: Path) -> None:
    import sqlite3

    path = _saved(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseTooNew):
        open_repository(tmp_path, today=lambda: TODAY, app_version="1.0", read_only=True)
