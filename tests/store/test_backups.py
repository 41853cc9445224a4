"""Backups while the app writes, checked copies, rotation, and restore (refusing damage)."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from store_samples import TODAY

from hamstring_app.core.demo import build_demo_history
from hamstring_app.core.models import CheckIn, Run
from hamstring_app.paths import DB_NAME
from hamstring_app.store import backups as b
from hamstring_app.store.db import HEAD_REVISION, MIGRATIONS_DIR, _open
from hamstring_app.store.db import _backup as pre_migration_copy
from hamstring_app.store.repository import open_repository
from hamstring_app.store.restore import BackupRefused, check_backup, restore_backup

NOW = datetime(2026, 3, 15, 9, 30)


def rows(path: Path, table: str) -> int:
    conn = b.open_backup_read_only(path)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith(("-shm", ".lock"))
    }


def test_backup_while_a_writer_thread_commits(repo, data_dir):
    repo.import_history(build_demo_history(TODAY, years=1))  # enough for the copy to take time
    committed: list[int] = []
    stop = threading.Event()
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            n = 0
            while not stop.is_set():
                n += 1
                repo.add_run(Run(TODAY - timedelta(days=n % 300), 1.0 + n % 50, note=f"w{n}"))
                committed.append(n)
        except BaseException as exc:  # pragma: no cover - shown by the assert below
            errors.append(exc)

    thread = threading.Thread(target=writer)
    thread.start()
    made = []  # (backup, commits before it began); until one overlapped a commit
    try:
        while len(committed) < 200:
            stop.wait(0.01)
        # on a loaded machine the writer may not be scheduled during one quick backup:
        # back up again (up to 20 times) until a commit landed while one was being made
        for k in range(20):
            before = len(committed)  # every one of these was committed before it began
            made.append((b.make_backup(data_dir / DB_NAME, now=NOW + timedelta(seconds=k)),
                         before))
            if len(committed) > before:
                break
            stop.wait(0.005)
        overlapped = len(committed) > before
    finally:
        stop.set()
        thread.join(30)
    assert not errors
    assert overlapped  # the writer really was running during the last backup
    for info, before in made:
        conn = b.open_backup_read_only(info.path)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            notes = {r[0] for r in conn.execute("SELECT note FROM run WHERE note LIKE 'w%'")}
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        finally:
            conn.close()
        assert {f"w{n}" for n in committed[:before]} <= notes
        assert len(notes) >= before and info.runs is not None and info.runs > len(notes)
        assert info.path.stat().st_mode & 0o077 == 0
    assert made[0][0].path.name == "backup-20260315-093000-manual.sqlite3"
    assert not list(made[0][0].path.parent.glob(".*part*"))


def test_listing_shows_dates_and_contents(repo, data_dir):
    repo.save_checkin(CheckIn(TODAY, pain_rest=1))
    repo.add_run(Run(TODAY - timedelta(days=3), 5.0))
    b.make_backup(data_dir / DB_NAME, now=NOW)
    b.make_backup(data_dir / DB_NAME, now=NOW)  # same second: a second name, not a clash
    (data_dir / "backups" / "notes.txt").write_text("not a backup")
    listed = b.list_backups(data_dir)
    assert {x.path.name for x in listed} == {
        "backup-20260315-093000-manual-2.sqlite3",
        "backup-20260315-093000-manual.sqlite3",
    }
    assert listed[0].contents() == (
        "1 check-in, 1 run, 0 strength sessions (2026-03-12 to 2026-03-15)"
    )
    assert listed[0].taken == NOW


def test_rotation_keeps_seven_daily_and_four_weekly(repo, data_dir):
    repo.save_checkin(CheckIn(TODAY, pain_rest=1))
    # a pre-update copy and a manual backup: another rotation, never touched by this one
    old = pre_migration_copy(data_dir / DB_NAME, "0001", datetime(2025, 1, 1))
    manual = b.make_backup(data_dir / DB_NAME, now=datetime(2025, 1, 2)).path
    start = datetime(2026, 1, 1, 8, 0)
    for day in range(60):
        moment = start + timedelta(days=day)
        assert b.daily_backup_due(data_dir, moment.date())
        taken = b.daily_backup(data_dir, now=moment, daily_kept=7, weekly_kept=4)
        assert taken is not None
        assert not b.daily_backup_due(data_dir, moment.date())
        later = moment + timedelta(hours=2)
        assert b.daily_backup(data_dir, now=later, daily_kept=7, weekly_kept=4) is None
    kept = sorted(t for t, _ in b.daily_backups(data_dir / "backups"))
    assert len(kept) == 7 + 4
    last = start + timedelta(days=59)
    assert kept[-7:] == [last - timedelta(days=d) for d in range(6, -1, -1)]
    weeks = [t.isocalendar()[:2] for t in kept[:4]]
    assert len(set(weeks)) == 4  # one a week
    assert all(t.weekday() == 6 for t in kept[:4])  # the last backup of each week: Sunday
    assert old.exists() and manual.exists()


def test_rotation_follows_the_settings():
    taken = [datetime(2026, 1, 1) + timedelta(days=d) for d in range(40)]
    assert len(b.to_keep(taken, 3, 0)) == 3
    assert len(b.to_keep(taken, 1, 2)) == 3
    assert len(b.to_keep(taken[:5], 7, 4)) == 5


def test_pre_migration_rotation_leaves_app_backups_alone(repo, data_dir):
    repo.save_checkin(CheckIn(TODAY, pain_rest=1))
    ours = b.make_backup(data_dir / DB_NAME, now=NOW, kind=b.DAILY).path
    for n in range(8):
        pre_migration_copy(data_dir / DB_NAME, "0001", datetime(2025, 1, 1 + n))
    assert ours.exists()
    assert len(list((data_dir / "backups").glob("hamstring-coach-*-rev*.sqlite3"))) == 5


def damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) >= 4 * page
    data[2 * page : 3 * page] = b"\xa5" * page  # a b-tree page overwritten
    path.write_bytes(bytes(data))


def test_a_damaged_backup_is_refused_and_nothing_changes(repo, data_dir):
    for n in range(300):
        repo.save_checkin(CheckIn(TODAY - timedelta(days=n), pain_rest=n % 10, note="x" * 50))
    backup = b.make_backup(data_dir / DB_NAME, now=NOW).path
    damage(backup)
    repo.save_checkin(CheckIn(TODAY, pain_rest=9))
    before = digest(data_dir)
    with pytest.raises(BackupRefused, match="cannot be restored: it is damaged"):
        restore_backup(data_dir, backup, now=NOW + timedelta(hours=1), app_version="t")
    assert digest(data_dir) == before  # database, backups and the backup itself unchanged
    assert repo.get_checkin(TODAY).pain_rest == 9


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"hello, not a database", "not an SQLite database"), (b"", "not an SQLite database")],
)
def test_files_that_are_not_backups_are_refused(tmp_path, content, reason):
    path = tmp_path / "x.sqlite3"
    path.write_bytes(content)
    with pytest.raises(BackupRefused, match=reason):
        check_backup(path)


def test_another_programs_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(BackupRefused, match="not Hamstring Coach data"):
        check_backup(path)


def test_restore_puts_the_backup_back_while_the_repository_stays_open(repo, data_dir):
    repo.save_checkin(CheckIn(TODAY, pain_rest=2))
    backup = b.make_backup(data_dir / DB_NAME, now=NOW).path
    repo.save_checkin(CheckIn(TODAY, pain_rest=8))
    repo.add_run(Run(TODAY, 10.0))
    done = restore_backup(data_dir, backup, now=NOW + timedelta(hours=1), app_version="t")
    assert repo.get_checkin(TODAY).pain_rest == 2  # the open repository sees it at once
    assert repo.list_runs() == ()
    assert done.previous is not None and done.previous.kind == b.BEFORE_RESTORE
    assert done.previous.runs == 1  # the state before the restore was kept
    # and that backup restores in turn: a restore can be undone
    restore_backup(data_dir, done.previous.path, now=NOW + timedelta(hours=2), app_version="t")
    assert repo.get_checkin(TODAY).pain_rest == 8
    assert not list(data_dir.glob(".restore-*"))


def test_restore_of_an_older_format_is_migrated_on_a_copy(repo, data_dir, tmp_path):
    repo.save_checkin(CheckIn(TODAY, pain_rest=3))
    old_folder = tmp_path / "old"
    old_folder.mkdir()
    _open(
        old_folder / DB_NAME, app_version="t", now=None, migrations=MIGRATIONS_DIR, target="0001"
    ).close()
    conn = sqlite3.connect(old_folder / DB_NAME)
    conn.execute("INSERT INTO checkin (day, pain_rest, note) VALUES ('2026-03-01', 4, '')")
    conn.commit()
    conn.close()
    old_bytes = (old_folder / DB_NAME).read_bytes()
    restore_backup(data_dir, old_folder / DB_NAME, now=NOW, app_version="t")
    assert (old_folder / DB_NAME).read_bytes() == old_bytes  # the backup itself untouched
    assert [c.day for c in repo.list_checkins()] == [date(2026, 3, 1)]
    assert repo.meta().schema_revision == HEAD_REVISION != "0001"


def test_restore_replaces_a_database_too_damaged_to_open(tmp_path):
    folder = tmp_path / "data"
    repo = open_repository(folder, today=lambda: TODAY, app_version="t")
    repo.save_checkin(CheckIn(TODAY, pain_rest=5))
    backup = b.make_backup(folder / DB_NAME, now=NOW).path
    repo.close()
    (folder / DB_NAME).write_bytes(b"garbage" * 100)
    done = restore_backup(folder, backup, now=NOW, app_version="t")
    assert done.previous is not None and done.previous.problem is not None
    assert done.previous.path.read_bytes() == b"garbage" * 100  # kept byte for byte
    repo = open_repository(folder, today=lambda: TODAY, app_version="t")
    assert repo.get_checkin(TODAY).pain_rest == 5
    repo.close()
