"""A backup is checked before it is kept: a copy of damaged data fails integrity_check
and nothing is left behind; a copy that passes is whole and self-contained, and the
contents the backup reports are those read back from the kept file."""

from __future__ import annotations

import errno
import os
import sqlite3
import threading
from datetime import datetime, timedelta

import pytest
from store_samples import TODAY

from hamstring_app.core.models import CheckIn, Run
from hamstring_app.paths import DB_NAME
from hamstring_app.store import backups as b
from hamstring_app.store.errors import StorageUnavailable

NOW = datetime(2026, 3, 15, 9, 30)


def test_a_copy_of_damaged_data_fails_its_check_and_is_not_kept(tmp_path):
    db = tmp_path / DB_NAME
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)")
    conn.execute("CREATE INDEX t_v ON t (v)")
    conn.executemany("INSERT INTO t (v) VALUES (?)", [(f"value {n:05}",) for n in range(3000)])
    conn.commit()
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 't_v'").fetchone()[0]
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(db.read_bytes())
    end = root * page  # the index's root page ends with its cells (they grow from the end)
    data[end - 64 : end] = b"\x00" * 64
    db.write_bytes(bytes(data))
    check = sqlite3.connect(db)
    assert check.execute("SELECT count(*) FROM t").fetchone()[0] == 3000  # still opens
    assert check.execute("PRAGMA integrity_check").fetchall() != [("ok",)]
    check.close()
    out = tmp_path / "copy.sqlite3"
    with pytest.raises(b.BackupFailed, match="failed its check"):
        b.make_backup(db, now=NOW, target=out)
    assert sorted(p.name for p in tmp_path.iterdir()) == [DB_NAME]  # no copy, no leftovers


def test_the_reported_contents_are_those_of_the_kept_file(repo, data_dir):
    for n in range(40):
        repo.save_checkin(CheckIn(TODAY - timedelta(days=n), pain_rest=n % 10))
    repo.add_run(Run(TODAY - timedelta(days=70), 6.0))
    info = b.make_backup(data_dir / DB_NAME, now=NOW)
    again = b.describe(info.path)
    assert (info.checkins, info.runs, info.sessions) == (40, 1, 0)
    assert (info.first_day, info.last_day) == (TODAY - timedelta(days=70), TODAY)
    assert info == b.BackupInfo(again.path, info.taken, info.kind, again.size, again.checkins,
                                again.runs, again.sessions, again.first_day, again.last_day)
    assert sorted(p.name for p in info.path.parent.iterdir()) == [info.path.name]  # no -wal
    header = info.path.read_bytes()[18:20]
    assert header == b"\x01\x01"  # rollback journal: the file stands alone


def test_a_copy_that_cannot_be_flushed_to_disk_is_not_kept(repo, data_dir, monkeypatch):
    """The flush runs beside the check, on a thread of its own: its failure still stops the
    backup, and the thread is finished before make_backup returns."""
    repo.save_checkin(CheckIn(TODAY, pain_rest=2))

    def fails(fd):
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "fsync", fails)
    out = data_dir / "out.sqlite3"
    with pytest.raises(StorageUnavailable):
        b.make_backup(data_dir / DB_NAME, now=NOW, target=out)
    assert not [p for p in data_dir.iterdir() if p.name.startswith((".out", "out"))]
    assert not [t for t in threading.enumerate() if t.name == "backup-flush"]


def test_each_step_of_a_backup_can_be_timed(repo, data_dir):
    repo.save_checkin(CheckIn(TODAY, pain_rest=2))
    steps: dict[str, float] = {}
    b.make_backup(data_dir / DB_NAME, now=NOW, steps=steps)
    assert set(steps) == {"copy", "check", "count", "flush", "name"}
    assert all(seconds >= 0 for seconds in steps.values())
