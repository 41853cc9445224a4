"""Making the data folder private: remove group/other permissions, never add any, and
leave a folder of the person's own alone."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from store_samples import TODAY

from hamstring_app.paths import DB_NAME, ensure_private_dir, make_private_file
from hamstring_app.store.repository import open_repository

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_folder_the_app_creates_is_0700(tmp_path: Path) -> None:
    folder = ensure_private_dir(tmp_path / "a" / "b")
    assert mode(folder) == 0o700


def test_a_users_own_folder_given_as_data_dir_keeps_its_permissions(tmp_path: Path) -> None:
    documents = tmp_path / "Documents"
    documents.mkdir()
    documents.chmod(0o755)
    (documents / "letter.txt").write_text("hello")
    repo = open_repository(documents, today=lambda: TODAY, app_version="1.0")
    repo.close()
    assert mode(documents) == 0o755
    assert mode(documents / DB_NAME) == 0o600  # the app's own file is private


def test_a_folder_already_holding_the_database_is_tightened(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / DB_NAME).touch()
    folder.chmod(0o775)
    ensure_private_dir(folder)
    assert mode(folder) == 0o700


def test_only_group_and_other_bits_are_removed_never_write_added(tmp_path: Path) -> None:
    read_only = tmp_path / "kept-read-only"
    read_only.write_text("x")
    read_only.chmod(0o444)
    make_private_file(read_only)
    assert mode(read_only) == 0o400
    loose = tmp_path / "loose"
    loose.write_text("x")
    loose.chmod(0o664)
    make_private_file(loose)
    assert mode(loose) == 0o600
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / DB_NAME).touch()
    folder.chmod(0o555)
    ensure_private_dir(folder)
    assert mode(folder) == 0o500  # no write bit added to a folder made read-only
    folder.chmod(0o700)


def test_a_missing_file_is_ignored(tmp_path: Path) -> None:
    make_private_file(tmp_path / "nope")
