"""How many integrity checks a restore makes, and of what: the backup before anything is
written, the candidate once it is in the current format, and (when the database file
could not be opened) the copy that takes its place. The page-for-page copy of the backup
in the scratch folder is not checked on its own: the backup was checked just before, and
the candidate made from that copy is checked next."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from store_samples import TODAY

from hamstring_app.core.models import CheckIn
from hamstring_app.paths import DB_NAME
from hamstring_app.store import backup_copy
from hamstring_app.store import backups as b
from hamstring_app.store import restore as r

NOW = datetime(2026, 3, 15, 9, 30)


def spy_on_checks(monkeypatch) -> list[Path]:
    """Every ``PRAGMA integrity_check`` the store runs, as the path of the file checked."""
    checked: list[Path] = []
    real_check = backup_copy.integrity_problems

    def spy(conn):
        checked.append(Path(conn.execute("PRAGMA database_list").fetchone()[2]))
        return real_check(conn)

    monkeypatch.setattr(backup_copy, "integrity_problems", spy)
    monkeypatch.setattr(b, "integrity_problems", spy)
    return checked


def in_scratch(checked: list[Path], data_dir: Path) -> list[str]:
    return [p.name for p in checked if p.parent.name.startswith(".restore-")
            and p.parent.parent == data_dir]


def test_a_restore_checks_the_backup_and_the_candidate_once_each(repo, data_dir, monkeypatch):
    repo.save_checkin(CheckIn(TODAY, pain_rest=2))
    backup = b.make_backup(data_dir / DB_NAME, now=NOW).path
    repo.save_checkin(CheckIn(TODAY, pain_rest=7))
    checked = spy_on_checks(monkeypatch)
    done = r.restore_backup(data_dir, backup, now=NOW + timedelta(hours=1), app_version="t")
    assert checked[0] == backup  # first, before anything is written
    assert in_scratch(checked, data_dir) == [DB_NAME]  # the candidate, once
    # the third is the before-restore backup's own check, made while that copy is written
    assert done.previous is not None
    assert [p.parent for p in checked[1:]].count(done.previous.path.parent) == 1
    assert len(checked) == 3
    assert repo.get_checkin(TODAY).pain_rest == 2


def test_a_restore_over_an_unreadable_file_also_checks_the_file_it_puts_in_place(
    repo, data_dir, monkeypatch
):
    repo.save_checkin(CheckIn(TODAY, pain_rest=3))
    backup = b.make_backup(data_dir / DB_NAME, now=NOW).path
    repo.close()
    live = data_dir / DB_NAME
    for suffix in ("-wal", "-shm"):
        live.with_name(live.name + suffix).unlink(missing_ok=True)
    live.write_bytes(b"not a database any more\n" * 200)
    checked = spy_on_checks(monkeypatch)
    r.restore_backup(data_dir, backup, now=NOW + timedelta(hours=1), app_version="t")
    assert checked[0] == backup
    assert in_scratch(checked, data_dir) == [DB_NAME]
    assert checked[-1].parent == data_dir and checked[-1].name.endswith(".restoring.part")
    assert len(checked) == 3
    assert r.check_backup(live).checkins == 1
