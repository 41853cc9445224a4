"""Stay inside the data folder: the app never writes or chmods through a symbolic link in
place of a file it writes (the database and its side files, the log)."""

from __future__ import annotations

import os
import stat
from datetime import date

import pytest
from bad_data import digest, make_data

from hamstring_app.logs import setup_logging
from hamstring_app.paths import DB_NAME, LOG_NAME, LinkRefused
from hamstring_app.store.errors import StoreError
from hamstring_app.store.repository import open_repository

TODAY = date(2026, 3, 16)


def _outside(tmp_path, name="elsewhere.bin", data=b"not yours\n"):
    target = tmp_path / "outside" / name
    target.parent.mkdir(exist_ok=True)
    target.write_bytes(data)
    target.chmod(0o644)
    return target


def _untouched(target, data_sha, mode=0o644):
    assert digest(target) == data_sha
    assert stat.S_IMODE(target.stat().st_mode) == mode


def test_a_database_link_is_refused(tmp_path):
    real = make_data(tmp_path / "made")  # a real database, living outside the folder
    real.chmod(0o644)
    before = digest(real)
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / DB_NAME).symlink_to(real)
    with pytest.raises(StoreError) as caught:
        open_repository(folder, today=lambda: TODAY, app_version="test")
    message = str(caught.value)
    assert "link" in message and str(folder / DB_NAME) in message
    assert "Nothing was changed" in message
    _untouched(real, before)


def test_a_dangling_database_link_is_refused_and_nothing_created(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    target = tmp_path / "outside" / "new.sqlite3"
    (folder / DB_NAME).symlink_to(target)
    with pytest.raises(StoreError) as caught:
        open_repository(folder, today=lambda: TODAY, app_version="test")
    assert "link" in str(caught.value) and "File exists" not in str(caught.value)
    assert not target.exists() and not target.parent.exists()


@pytest.mark.parametrize("side", ["-wal", "-shm", "-journal"])
def test_a_side_file_link_is_refused(tmp_path, side):
    path = make_data(tmp_path)
    target = _outside(tmp_path)
    sha = digest(target)
    before = digest(path)
    os.symlink(target, path.with_name(path.name + side))
    with pytest.raises(StoreError, match="link"):
        open_repository(tmp_path, today=lambda: TODAY, app_version="test")
    _untouched(target, sha)
    assert digest(path) == before


def test_a_log_link_is_refused(tmp_path):
    target = _outside(tmp_path, "log.txt")
    sha = digest(target)
    (tmp_path / LOG_NAME).symlink_to(target)
    with pytest.raises(LinkRefused) as caught:
        setup_logging(tmp_path / LOG_NAME)
    assert str(tmp_path / LOG_NAME) in str(caught.value)
    _untouched(target, sha)


def test_the_app_refuses_to_start_on_a_log_link(qapp, tmp_path):
    from hamstring_app.ui.app import LaunchRefused, launch

    target = _outside(tmp_path, "log.txt")
    sha = digest(target)
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / LOG_NAME).symlink_to(target)
    with pytest.raises(LaunchRefused) as caught:
        launch(data_dir=folder)
    assert "link" in str(caught.value)
    _untouched(target, sha)


def _outside_folder(tmp_path):
    target = tmp_path / "outside" / "somewhere"
    target.mkdir(parents=True)
    (target / "theirs.txt").write_text("not yours\n")
    return target


@pytest.mark.parametrize("name", ["window.ini", "hamstring-coach.lock"])
def test_the_app_refuses_to_start_on_a_settings_or_lock_link(qapp, tmp_path, name):
    from hamstring_app.ui.app import LaunchRefused, launch

    target = _outside(tmp_path, name + ".txt")
    sha = digest(target)
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / name).symlink_to(target)
    with pytest.raises(LaunchRefused) as caught:
        launch(data_dir=folder)
    message = str(caught.value)
    assert "link" in message and str(folder / name) in message and "Nothing was changed" in message
    _untouched(target, sha)
    assert not (folder / DB_NAME).exists()


def test_the_app_refuses_to_start_on_a_dangling_settings_link(qapp, tmp_path):
    from hamstring_app.ui.app import LaunchRefused, launch

    folder = tmp_path / "data"
    folder.mkdir()
    target = tmp_path / "outside" / "window.ini"
    (folder / "window.ini").symlink_to(target)
    with pytest.raises(LaunchRefused, match="link"):
        launch(data_dir=folder)
    assert not target.exists()


def test_the_app_refuses_to_start_on_a_backups_folder_link(qapp, tmp_path):
    from hamstring_app.ui.app import LaunchRefused, launch

    target = _outside_folder(tmp_path)
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "backups").symlink_to(target, target_is_directory=True)
    with pytest.raises(LaunchRefused) as caught:
        launch(data_dir=folder)
    message = str(caught.value)
    assert "link" in message and "not a real folder" in message
    assert sorted(p.name for p in target.iterdir()) == ["theirs.txt"]


def test_a_backup_is_not_made_through_a_backups_folder_link(tmp_path):
    from datetime import datetime

    from hamstring_app.store.backups import BackupFailed, make_backup

    path = make_data(tmp_path)
    target = _outside_folder(tmp_path)
    (tmp_path / "backups").symlink_to(target, target_is_directory=True)
    with pytest.raises(BackupFailed) as caught:
        make_backup(path, now=datetime(2026, 3, 16, 9, 0))
    assert "link" in str(caught.value) and "File exists" not in str(caught.value)
    assert sorted(p.name for p in target.iterdir()) == ["theirs.txt"]


def test_a_pre_update_copy_is_not_made_through_a_backups_folder_link(tmp_path):
    from datetime import datetime

    from hamstring_app.store import db

    path = make_data(tmp_path)
    target = _outside_folder(tmp_path)
    (tmp_path / "backups").symlink_to(target, target_is_directory=True)
    with pytest.raises(StoreError) as caught:
        db._backup(path, "0002", datetime(2026, 3, 16, 9, 0))
    assert "link" in str(caught.value)
    assert sorted(p.name for p in target.iterdir()) == ["theirs.txt"]
