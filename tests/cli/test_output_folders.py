"""README's rows for `export --csv DIR`, `backup --out FILE` and `export --json FILE`: the
first two make the folders on the way that do not exist yet; the JSON export needs its
folder to exist, and says so."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from hamstring_app.cli import main
from hamstring_app.core.models import CheckIn, History, Profile
from hamstring_app.store.repository import open_repository


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    repo = open_repository(folder, today=lambda: date(2026, 3, 10), app_version="test")
    try:
        repo.import_history(History(profile=Profile(injury_start=date(2026, 3, 1)),
                                    checkins=(CheckIn(day=date(2026, 3, 5), pain_rest=2),)))
    finally:
        repo.close()
    return folder


@pytest.mark.parametrize(
    ("command", "written"),
    [
        (["export", "--csv", "{new}"], "{new}/checkins.csv"),
        (["backup", "--out", "{new}/copy.sqlite3"], "{new}/copy.sqlite3"),
    ],
)
def test_missing_folders_on_the_way_are_made(data_dir, tmp_path, capsys, command, written):
    new = tmp_path / "not" / "there" / "yet"
    argv = ["--data-dir", str(data_dir), *(a.format(new=new) for a in command)]
    assert main(argv) == 0, capsys.readouterr().err
    assert Path(written.format(new=new)).is_file()


def test_the_json_export_needs_its_folder(data_dir, tmp_path, capsys):
    new = tmp_path / "not" / "there"
    target = new / "all.json"
    assert main(["--data-dir", str(data_dir), "export", "--json", str(target)]) == 1
    err = capsys.readouterr().err
    assert "No such file or directory" in err and "Nothing was written" in err
    assert "Traceback" not in err
    assert not new.exists()
