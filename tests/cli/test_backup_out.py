"""`hamstring-app backup --out`: a folder takes the backup under its usual name, and a
place that cannot be written is named as the place given, never as the data folder."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from hamstring_app.cli import main
from hamstring_app.core.demo import build_demo_history
from hamstring_app.paths import DB_NAME
from hamstring_app.store.repository import open_repository


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    repo = open_repository(folder, today=date.today, app_version="test")
    repo.import_history(build_demo_history(date.today(), weeks=8))
    repo.close()
    return folder


def _rows(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM checkin").fetchone()[0]


def test_out_onto_a_folder_puts_the_backup_in_it(tmp_path, saved, capsys):
    stick = tmp_path / "usb stick"
    stick.mkdir()
    assert main(["backup", "--out", str(stick), "--data-dir", str(saved)]) == 0
    (made,) = stick.iterdir()
    assert made.name.startswith("backup-") and made.name.endswith("-manual.sqlite3")
    assert capsys.readouterr().out.startswith(f"Backed up to {made}: ")
    assert _rows(made) == _rows(saved / DB_NAME)
    assert main(["backup", "--out", str(stick), "--data-dir", str(saved)]) == 0
    assert len(list(stick.iterdir())) == 2  # a second one beside it, never over it


def test_out_onto_a_file_refuses_and_leaves_it(tmp_path, saved, capsys):
    old = tmp_path / "old.sqlite3"
    old.write_bytes(b"keep me")
    assert main(["backup", "--out", str(old), "--data-dir", str(saved)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert old.read_bytes() == b"keep me"


def test_a_place_that_cannot_be_written_is_named_as_given(tmp_path, saved, capsys):
    out = Path("/proc/hamstring-no-such-place/b.sqlite3")
    assert main(["backup", "--out", str(out), "--data-dir", str(saved)]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert str(out.parent) in err and "data folder" not in err and "--data-dir" not in err
    assert "Your data was not changed." in err


def test_restore_of_a_folder_says_it_is_a_folder(tmp_path, saved, capsys):
    before = sorted(p.name for p in saved.rglob("*"))
    assert main(["restore", str(tmp_path), "--data-dir", str(saved)]) == 1
    err = capsys.readouterr().err
    assert f"{tmp_path} is a folder, not a backup file. Nothing was changed." in err
    assert sorted(p.name for p in saved.rglob("*")) == before
