"""A data folder that cannot be written (read-only mount, full disk) gives a plain
sentence, never a traceback, and nothing is half-written."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

import pytest
from store_samples import TODAY, full_checkin, full_run

from hamstring_app import paths as paths_module
from hamstring_app.paths import DB_NAME
from hamstring_app.store import db as db_module
from hamstring_app.store.db import open_database
from hamstring_app.store.errors import StorageUnavailable, StoreError
from hamstring_app.store.repository import Repository, open_repository

is_root = os.name == "posix" and os.geteuid() == 0


def _full_disk(*args: object, **kwargs: object) -> object:
    raise sqlite3.OperationalError("database or disk is full")


def test_a_read_only_folder_refuses_to_create_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_only(*args: object, **kwargs: object) -> int:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(db_module.os, "open", read_only)
    with pytest.raises(StorageUnavailable) as caught:
        open_database(tmp_path / DB_NAME, app_version="1.0")
    text = str(caught.value)
    assert "cannot be written to (it is read-only)" in text
    assert "Nothing was changed" in text and "--data-dir" in text
    assert str(tmp_path) in text
    assert not (tmp_path / DB_NAME).exists()


def test_a_folder_that_cannot_be_made_is_a_store_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_space(self: Path, *args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(paths_module.Path, "mkdir", no_space)
    with pytest.raises(StorageUnavailable, match=r"\(the disk is full\)"):
        open_repository(tmp_path / "new", today=lambda: TODAY, app_version="1.0")


def test_a_full_disk_while_opening_is_a_store_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_repository(tmp_path, today=lambda: TODAY, app_version="1.0").close()
    # the read-only look works; the connection that would write finds the disk full
    monkeypatch.setattr(db_module, "connect", _full_disk)
    with pytest.raises(StorageUnavailable, match=r"\(the disk is full\)"):
        open_database(tmp_path / DB_NAME, app_version="2.0")


def test_a_full_disk_while_saving_is_a_store_error_and_nothing_is_written(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.save_checkin(full_checkin())
    from sqlalchemy import event

    def on_execute(conn: object, cursor: object, statement: str, *args: object) -> None:
        if statement.startswith("INSERT INTO run"):
            _full_disk()

    event.listen(repo.database.engine, "before_cursor_execute", on_execute)
    try:
        with pytest.raises(StorageUnavailable) as caught:
            repo.add_run(full_run())
    finally:
        event.remove(repo.database.engine, "before_cursor_execute", on_execute)
    assert "the disk is full" in str(caught.value) and "Nothing was changed" in str(caught.value)
    assert isinstance(caught.value, StoreError)
    assert repo.list_runs() == ()
    assert repo.get_checkin(TODAY) == full_checkin()


def test_other_sql_errors_are_not_mistaken_for_a_full_disk(repo: Repository) -> None:
    from sqlalchemy import event
    from sqlalchemy.exc import OperationalError

    def on_execute(conn: object, cursor: object, statement: str, *args: object) -> None:
        raise sqlite3.OperationalError("no such table: run")

    event.listen(repo.database.engine, "before_cursor_execute", on_execute)
    try:
        with pytest.raises(OperationalError):
            repo.add_run(full_run())
    finally:
        event.remove(repo.database.engine, "before_cursor_execute", on_execute)


@pytest.mark.skipif(is_root or os.name != "posix", reason="root can write to a 0500 folder")
def test_a_really_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StorageUnavailable):
            open_repository(folder, today=lambda: TODAY, app_version="1.0")
    finally:
        folder.chmod(0o700)
