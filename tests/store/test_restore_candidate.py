"""What restore puts in place is checked, on a read-only connection, before anything is
touched: the backup brought up to the current format in a scratch folder. A candidate that
fails its check is refused; the database, the backups folder and the backup stay as they
were."""

from __future__ import annotations

import hashlib
import types
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from store_samples import TODAY

from hamstring_app.core.models import CheckIn
from hamstring_app.paths import DB_NAME
from hamstring_app.store import backups as b
from hamstring_app.store import restore as r

NOW = datetime(2026, 3, 15, 9, 30)


def digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith(("-shm", ".lock"))
    }


def test_a_candidate_damaged_while_brought_up_to_date_is_refused_before_anything_changes(
    repo, data_dir, tmp_path, monkeypatch
):
    for n in range(300):
        repo.save_checkin(CheckIn(TODAY - timedelta(days=n), pain_rest=n % 10, note="x" * 50))
    backup = b.make_backup(data_dir / DB_NAME, now=NOW, target=tmp_path / "kept.sqlite3").path
    repo.save_checkin(CheckIn(TODAY, pain_rest=9))  # the live data now differs from the backup
    real_open = r.open_database
    damaged: list[Path] = []

    def bring_up_to_date_then_damage(path: Path, **kwargs):
        real_open(path, **kwargs).close()
        data = bytearray(Path(path).read_bytes())
        data[2 * 4096 : 3 * 4096] = b"\xa5" * 4096  # a b-tree page overwritten
        Path(path).write_bytes(bytes(data))
        damaged.append(Path(path))
        return types.SimpleNamespace(close=lambda: None)

    monkeypatch.setattr(r, "open_database", bring_up_to_date_then_damage)
    backup_bytes = backup.read_bytes()
    before = digest(data_dir)
    with pytest.raises(r.BackupRefused, match="failed its check") as refused:
        r.restore_backup(data_dir, backup, now=NOW + timedelta(hours=1), app_version="t")
    assert damaged and damaged[0].parent != data_dir  # the candidate, in a scratch folder
    assert "your data was not changed" in str(refused.value)
    assert digest(data_dir) == before  # database unchanged, no before-restore copy, no scratch
    assert backup.read_bytes() == backup_bytes  # the backup left as it is
    assert repo.get_checkin(TODAY).pain_rest == 9


def test_the_live_database_is_not_what_restore_checks(repo, data_dir, monkeypatch):
    """integrity_check runs on the backup and on the candidate, each through a read-only
    connection of its own, never on the live database through the connection that writes."""
    repo.save_checkin(CheckIn(TODAY, pain_rest=2))
    backup = b.make_backup(data_dir / DB_NAME, now=NOW).path
    checked: list[Path] = []
    real_check = b.integrity_problems

    def spy(conn):
        checked.append(Path(conn.execute("PRAGMA database_list").fetchone()[2]))
        return real_check(conn)

    monkeypatch.setattr(b, "integrity_problems", spy)
    r.restore_backup(data_dir, backup, now=NOW + timedelta(hours=1), app_version="t")
    assert checked and (data_dir / DB_NAME).resolve() not in {p.resolve() for p in checked}
    assert repo.get_checkin(TODAY).pain_rest == 2
