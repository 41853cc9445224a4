"""A saved profile that cannot be read is never taken for a first run: nothing may replace
it (a new profile typed in the Welcome dialog, an import carrying one), the app refuses to
open with a sentence saying what is wrong, that nothing changed, and how to get it back;
and the file stays byte-for-byte as it was."""

from __future__ import annotations

from datetime import date

import pytest
from bad_data import TODAY, digest, make_data, spoil

from hamstring_app.core.models import History, Profile, Run
from hamstring_app.store.backups import make_backup
from hamstring_app.store.errors import ProfileUnreadable
from hamstring_app.store.repository import open_repository

# (name, SQL that spoils the profile row, the reason the sentence gives)
BAD_PROFILES = [
    (
        "impossible onset date",
        ("UPDATE profile SET injury_start = '2026-02-30'",),
        "not a real calendar date",
    ),
    (
        "unknown side",
        ("PRAGMA ignore_check_constraints = ON", "UPDATE profile SET side = 'middle'"),
        "a value this version cannot read",
    ),
    (
        "invalid UTF-8",
        (
            "PRAGMA ignore_check_constraints = ON",
            "UPDATE profile SET pain_site = CAST(X'6d6964ff' AS TEXT)",
        ),
        "text that is not valid UTF-8",
    ),
]
IDS = [b[0] for b in BAD_PROFILES]


def _open(folder):
    return open_repository(folder, today=lambda: TODAY, app_version="test")


@pytest.mark.parametrize(("name", "sql", "reason"), BAD_PROFILES, ids=IDS)
def test_an_unreadable_profile_is_named_not_taken_for_none(tmp_path, name, sql, reason):
    path = make_data(tmp_path)
    before = spoil(path, *sql)
    repo = _open(tmp_path)
    try:
        assert repo.get_profile() is None  # the rest of the app reads on without it
        assert repo.profile_unreadable() == reason
        history = repo.load_history()
        assert len(history.checkins) == 3
        assert f"your profile ({reason})" in repo.unreadable_sentence()
    finally:
        repo.close()
    assert digest(path) == before


def test_a_readable_or_missing_profile_is_not_called_unreadable(tmp_path):
    repo = _open(tmp_path / "empty")
    try:
        assert repo.profile_unreadable() is None
    finally:
        repo.close()
    make_data(tmp_path)
    repo = _open(tmp_path)
    try:
        assert repo.profile_unreadable() is None
    finally:
        repo.close()


@pytest.mark.parametrize(("name", "sql", "reason"), BAD_PROFILES, ids=IDS)
def test_nothing_replaces_an_unreadable_profile(tmp_path, name, sql, reason):
    path = make_data(tmp_path)
    before = spoil(path, *sql)
    new = Profile(date(2026, 3, 5))
    writes = [
        lambda repo: repo.save_profile(new),
        lambda repo: repo.import_history(History(profile=new)),
        lambda repo: repo.import_new(History(profile=new, runs=(Run(date(2026, 3, 14), 3.0),))),
    ]
    for write in writes:
        repo = _open(tmp_path)
        try:
            with pytest.raises(ProfileUnreadable) as caught:
                write(repo)
        finally:
            repo.close()
        message = str(caught.value)
        assert reason in message
        assert "Nothing was changed" in message
        assert str(tmp_path) in message
        assert "restore" in message
    assert digest(path) == before


def test_writes_without_a_profile_still_work_beside_an_unreadable_one(tmp_path):
    path = make_data(tmp_path)
    spoil(path, "UPDATE profile SET injury_start = '2026-02-30'")
    repo = _open(tmp_path)
    try:
        repo.import_history(History(runs=(Run(date(2026, 3, 14), 3.0),)))
        assert len(repo.load_history().runs) == 3
    finally:
        repo.close()


def test_the_sentence_names_the_newest_backup(tmp_path):
    from datetime import datetime

    path = make_data(tmp_path)
    info = make_backup(path, kind="manual", now=datetime(2026, 3, 15, 8, 0))
    spoil(path, "UPDATE profile SET injury_start = '2026-02-30'")
    repo = _open(tmp_path)
    try:
        with pytest.raises(ProfileUnreadable) as caught:
            repo.save_profile(Profile(date(2026, 3, 5)))
    finally:
        repo.close()
    message = str(caught.value)
    assert info.path.name in message
    assert "hamstring-app restore" in message


def test_no_backup_yet_is_said_plainly(tmp_path):
    path = make_data(tmp_path)
    spoil(path, "UPDATE profile SET injury_start = '2026-02-30'")
    repo = _open(tmp_path)
    try:
        with pytest.raises(ProfileUnreadable) as caught:
            repo.save_profile(Profile(date(2026, 3, 5)))
    finally:
        repo.close()
    assert "no backup" in str(caught.value)
