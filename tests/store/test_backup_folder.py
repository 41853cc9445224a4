"""Backups in a folder the person chose (the ``backup_folder`` setting)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from store_samples import TODAY

from hamstring_app.core.models import CheckIn
from hamstring_app.paths import DB_NAME
from hamstring_app.store import backups as b

NOW = datetime(2026, 3, 15, 9, 30)


def test_a_manual_backup_goes_to_the_chosen_folder(repo, data_dir, tmp_path):
    repo.save_checkin(CheckIn(TODAY, pain_rest=1))
    chosen = tmp_path / "usb"
    chosen.mkdir()
    info = b.make_backup(data_dir / DB_NAME, now=NOW, where=str(chosen))
    assert info.path.parent == chosen and info.checkins == 1
    assert not (data_dir / "backups").exists()
    listed = b.list_backups(data_dir, chosen)
    assert [i.path for i in listed] == [info.path]


def test_a_missing_chosen_folder_is_never_made_and_the_backup_fails_plainly(repo, data_dir,
                                                                            tmp_path):
    repo.save_checkin(CheckIn(TODAY, pain_rest=1))
    gone = tmp_path / "unplugged drive" / "backups"
    with pytest.raises(b.BackupFailed, match="is not there"):
        b.make_backup(data_dir / DB_NAME, now=NOW, where=gone)
    assert not gone.parent.exists()
    assert b.list_backups(data_dir, gone) == []  # listing does not fail for it either


def test_daily_backups_and_their_rotation_happen_in_the_chosen_folder(repo, data_dir,
                                                                      tmp_path):
    repo.save_checkin(CheckIn(TODAY, pain_rest=1))
    chosen = tmp_path / "synced"
    chosen.mkdir()
    in_data_folder = b.make_backup(data_dir / DB_NAME, now=NOW - timedelta(days=400))
    for day in range(12):
        moment = NOW + timedelta(days=day)
        assert b.daily_backup_due(data_dir, moment.date(), chosen)
        assert b.daily_backup(data_dir, now=moment, daily_kept=3, weekly_kept=1,
                              where=chosen) is not None
        assert not b.daily_backup_due(data_dir, moment.date(), chosen)
    assert len(b.daily_backups(chosen)) == 3 + 1
    assert b.daily_backups(data_dir / "backups") == []
    listed = b.list_backups(data_dir, chosen)
    assert len(listed) == 5 and listed[-1].path == in_data_folder.path  # both folders
