"""`hamstring-app export` and `import`: files written, records added once, the folder lock."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from hamstring_app.cli import main
from hamstring_app.core.demo import build_demo_history
from hamstring_app.folder_lock import FolderInUse, folder_in_use, hold_folder
from hamstring_app.paths import LOCK_NAME
from hamstring_app.store.repository import open_repository


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    repo = open_repository(folder, today=date.today, app_version="test")
    repo.import_history(build_demo_history(date.today()))
    repo.close()
    return folder


def test_export_json_then_import_into_an_empty_folder(tmp_path, saved, capsys):
    out = tmp_path / "export.json"
    assert main(["export", "--json", str(out), "--data-dir", str(saved)]) == 0
    said = capsys.readouterr().out
    assert said.startswith("Wrote ") and str(out) in said
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["today"] == date.today().isoformat()

    fresh = tmp_path / "fresh"
    assert main(["--data-dir", str(fresh), "import", str(out), "--dry-run"]) == 0
    assert "Would import from export.json" in capsys.readouterr().out
    assert main(["import", str(out), "--data-dir", str(fresh)]) == 0
    said = capsys.readouterr().out
    assert f"New: {len(doc['checkins'])} check-ins" in said
    assert main(["import", str(out), "--data-dir", str(fresh)]) == 0
    assert "New: 0 check-ins, 0 runs, 0 strength sessions." in capsys.readouterr().out

    again = tmp_path / "again.json"
    assert main(["export", "--json", str(again), "--data-dir", str(fresh)]) == 0
    assert again.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")


def test_export_csv(tmp_path, saved, capsys):
    assert main(["export", "--csv", str(tmp_path / "csv"), "--data-dir", str(saved)]) == 0
    with (tmp_path / "csv" / "checkins.csv").open(encoding="utf-8-sig", newline="") as f:
        header = next(csv.reader(f))
    assert header[:4] == ["date", "pain_rest", "pain_run", "pain_next_morning"]


def test_export_without_data_says_so(tmp_path, capsys):
    assert main(["export", "--json", str(tmp_path / "x.json"), "--data-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("hamstring-app export: There is no saved data")
    assert "Traceback" not in err


def test_bad_files_are_refused_and_change_nothing(tmp_path, saved, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text('{"runs": [{"date": "2026-03-01", "distance_km": -1}]}', encoding="utf-8")
    assert main(["import", str(bad), "--data-dir", str(saved)]) == 2
    err = capsys.readouterr().err
    assert "runs[0].distance_km" in err and "Nothing was imported." in err
    assert "Traceback" not in err
    assert main(["import", str(tmp_path / "missing.json"), "--data-dir", str(saved)]) == 2
    assert "no such file" in capsys.readouterr().err


def test_import_json_reports_as_json(tmp_path, saved, capsys):
    out = tmp_path / "export.json"
    assert main(["export", "--json", str(out), "--data-dir", str(saved)]) == 0
    capsys.readouterr()
    assert main(["import", str(out), "--json", "--data-dir", str(tmp_path / "new")]) == 0
    report = json.loads(capsys.readouterr().out)["json"][0]
    assert report["added"]["checkins"] > 50 and report["added"]["profile"] is True
    assert report["dry_run"] is False


def test_import_is_refused_while_the_folder_is_held(tmp_path, saved, capsys):
    out = tmp_path / "export.json"
    assert main(["export", "--json", str(out), "--data-dir", str(saved)]) == 0
    with hold_folder(saved / LOCK_NAME):
        assert folder_in_use(saved / LOCK_NAME)
        assert main(["import", str(out), "--data-dir", str(saved)]) == 2
        assert "Close the app first" in capsys.readouterr().err
    assert not (saved / LOCK_NAME).exists()
    assert not folder_in_use(saved / LOCK_NAME)


def test_a_stale_lock_file_is_taken_over(tmp_path):
    lock = tmp_path / LOCK_NAME
    lock.write_text("999999\nold\nhost\n")
    with hold_folder(lock):
        assert lock.read_text().startswith(str(os.getpid()))
    assert not lock.exists()


QT_LOCK = """
import sys, time
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1]); lock.setStaleLockTime(0)
print(lock.tryLock(100), flush=True)
sys.stdin.readline()
"""


def test_the_apps_qt_lock_and_this_lock_exclude_each_other(tmp_path):
    lock = tmp_path / LOCK_NAME
    app = subprocess.Popen(
        [sys.executable, "-c", QT_LOCK, str(lock)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert app.stdout.readline().strip() == "True"
        with pytest.raises(FolderInUse, match="Close the app first"), hold_folder(lock):
            pass
    finally:
        app.communicate("\n", timeout=30)
    with hold_folder(lock):
        second = subprocess.run(
            [sys.executable, "-c", QT_LOCK, str(lock)],
            input="\n",
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert second.stdout.strip() == "False"  # the app would refuse to start


def test_backup_and_restore_commands(tmp_path, saved, capsys):
    assert main(["backup", "--data-dir", str(saved)]) == 0
    said = capsys.readouterr().out
    assert said.startswith("Backed up to ") and "check-ins" in said
    made = list((saved / "backups").glob("backup-*-manual.sqlite3"))
    assert len(made) == 1
    out = tmp_path / "elsewhere" / "copy.sqlite3"
    assert main(["backup", "--out", str(out), "--data-dir", str(saved)]) == 0
    assert out.exists()
    capsys.readouterr()
    assert main(["backup", "--out", str(out), "--data-dir", str(saved)]) == 1
    assert "already exists" in capsys.readouterr().err

    repo = open_repository(saved, today=date.today, app_version="test")
    first = repo.list_checkins()[0].day
    repo.delete_checkin(first)
    repo.close()
    with hold_folder(saved / LOCK_NAME):  # the app is open: refused, nothing changes
        assert main(["restore", str(out), "--data-dir", str(saved)]) == 1
        assert "Close the app first" in capsys.readouterr().err
    assert main(["restore", str(out), "--data-dir", str(saved)]) == 0
    said = capsys.readouterr().out
    assert said.startswith("Restored copy.sqlite3") and "as it was before is kept" in said
    repo = open_repository(saved, today=date.today, app_version="test")
    assert repo.get_checkin(first) is not None
    repo.close()


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path, saved, capsys):
    bad = tmp_path / "bad.sqlite3"
    bad.write_text("not a database")
    before = sorted(p.name for p in saved.rglob("*"))
    assert main(["restore", str(bad), "--data-dir", str(saved)]) == 1
    err = capsys.readouterr().err
    assert "cannot be restored: it is not an SQLite database" in err
    assert "Traceback" not in err
    assert sorted(p.name for p in saved.rglob("*")) == before


def test_backup_without_data_says_so(tmp_path, capsys):
    assert main(["backup", "--data-dir", str(tmp_path)]) == 1
    assert "no saved data" in capsys.readouterr().err
