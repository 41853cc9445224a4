"""The data file removed, moved away or replaced while the app has it open: the next write
is refused with a plain sentence, instead of "succeeding" into a file nobody will see
again, and no new empty database is made in its place."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from hamstring_app.core.models import CheckIn, Profile, Run
from hamstring_app.paths import DB_NAME
from hamstring_app.store.db import SIDE_FILES
from hamstring_app.store.errors import DataFileGone
from hamstring_app.store.repository import open_repository

TODAY = date(2026, 3, 16)


@pytest.fixture
def repo(tmp_path):
    folder = tmp_path / "data"
    repo = open_repository(folder, today=lambda: TODAY, app_version="test")
    repo.save_profile(Profile(date(2026, 3, 1)))
    repo.save_checkin(CheckIn(date(2026, 3, 10), pain_rest=2))
    yield repo
    repo.close()


def _remove_file(folder):
    for suffix in ("", *SIDE_FILES):
        (folder / (DB_NAME + suffix)).unlink(missing_ok=True)


def _remove_folder(folder):
    shutil.rmtree(folder)


def _move_folder(folder):
    folder.rename(folder.with_name("moved"))


def _replace_file(folder):
    other = folder.with_name("other")
    open_repository(other, today=lambda: TODAY, app_version="test").close()
    (folder / DB_NAME).unlink()
    shutil.copy(other / DB_NAME, folder / DB_NAME)


WAYS = [_remove_file, _remove_folder, _move_folder, _replace_file]


@pytest.mark.parametrize("gone", WAYS, ids=[w.__name__.strip("_") for w in WAYS])
def test_a_write_after_the_file_went_is_refused(repo, tmp_path, gone):
    folder = repo.database.path.parent
    assert repo.still_there()
    gone(folder)
    assert not repo.still_there()
    with pytest.raises(DataFileGone) as caught:
        repo.save_checkin(CheckIn(date(2026, 3, 11), pain_rest=3))
    message = str(caught.value)
    assert str(repo.database.path) in message
    assert "Nothing was saved" in message
    with pytest.raises(DataFileGone):
        repo.add_run(Run(date(2026, 3, 11), 4.0))
    if gone is not _replace_file:
        assert not (folder / DB_NAME).exists()  # no empty database made in its place
        assert gone is _remove_file or not folder.exists()


def test_writes_carry_on_when_the_folder_is_put_back(repo, tmp_path):
    folder = repo.database.path.parent
    _move_folder(folder)
    with pytest.raises(DataFileGone):
        repo.save_checkin(CheckIn(date(2026, 3, 11), pain_rest=3))
    folder.with_name("moved").rename(folder)
    assert repo.still_there()
    repo.save_checkin(CheckIn(date(2026, 3, 11), pain_rest=3))
    assert [c.day.day for c in repo.list_checkins()] == [10, 11]


def test_reads_go_on_from_an_open_connection_and_never_make_a_file(repo):
    folder = repo.database.path.parent
    repo.load_history()  # a read connection is open now
    _remove_file(folder)
    assert repo.load_history().profile == Profile(date(2026, 3, 1))


def test_a_new_read_after_the_file_went_says_so(repo):
    folder = repo.database.path.parent
    _remove_file(folder)
    with pytest.raises(DataFileGone):
        repo.load_history()
    assert not (folder / DB_NAME).exists()
