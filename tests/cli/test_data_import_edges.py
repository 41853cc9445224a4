"""The edges of `hamstring-app import FILE.json` and `export --csv`: a file that cannot be
read changes nothing (not even an empty folder), several files are all checked before any
is imported, and the three CSV files are replaced together or not at all."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from hamstring_app.cli import main
from hamstring_app.core.demo import build_demo_history
from hamstring_app.store.repository import open_repository


@pytest.fixture
def export(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    repo = open_repository(folder, today=date.today, app_version="test")
    repo.import_history(build_demo_history(date.today(), weeks=8))
    repo.close()
    out = tmp_path / "export.json"
    assert main(["export", "--json", str(out), "--data-dir", str(folder)]) == 0
    return out


def _counts(folder: Path) -> tuple[int, int, int]:
    repo = open_repository(folder, today=date.today, app_version="test", read_only=True)
    try:
        h = repo.load_history()
    finally:
        repo.close()
    return len(h.checkins), len(h.runs), len(h.strength_sessions)


def test_a_json_import_says_nothing_about_watch_files(tmp_path, export, capsys):
    capsys.readouterr()
    assert main(["import", str(export), "--data-dir", str(tmp_path / "new")]) == 0
    said = capsys.readouterr().out
    assert said.startswith("Imported from export.json: New: ")
    assert "Added 0 runs" not in said and len(said.strip().splitlines()) == 1
    assert main(["import", str(export), "--dry-run", "--data-dir", str(tmp_path / "new")]) == 0
    said = capsys.readouterr().out
    assert said.startswith("Would import from export.json: ")
    assert said.rstrip().endswith("Nothing was written (--dry-run).")
    assert "Would add 0 runs" not in said


def test_a_bad_file_in_an_empty_folder_leaves_it_empty(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text('{"checkins": [', encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["import", str(bad), "--data-dir", str(empty)]) == 2
    assert "not valid JSON" in capsys.readouterr().err
    assert list(empty.iterdir()) == []


def test_every_file_is_checked_before_any_is_imported(tmp_path, export, capsys):
    bad = tmp_path / "second.json"
    bad.write_text('{"runs": [{"date": "2026-03-01", "distance_km": -1}]}', encoding="utf-8")
    into = tmp_path / "into"
    repo = open_repository(into, today=date.today, app_version="test")
    repo.close()
    capsys.readouterr()
    assert main(["import", str(export), str(bad), "--data-dir", str(into)]) == 2
    said = capsys.readouterr()
    assert "second.json" in said.err and "Nothing was imported." in said.err
    assert said.out == ""
    assert _counts(into) == (0, 0, 0)


def test_a_file_from_a_newer_version_says_so(tmp_path, export, capsys):
    doc = json.loads(export.read_text(encoding="utf-8"))
    doc["checkins"][0]["hip_drop"] = 2  # a field this version does not know
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps(doc), encoding="utf-8")
    capsys.readouterr()
    assert main(["import", str(newer), "--data-dir", str(tmp_path / "new")]) == 2
    err = capsys.readouterr().err
    assert "checkins[0].hip_drop" in err and "newer version of Hamstring Coach" in err
    assert len(err.strip().splitlines()) == 1


def test_the_csv_files_are_replaced_together_or_not_at_all(tmp_path, export, capsys):
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "checkins.csv").write_text("old check-ins\n", encoding="utf-8")
    (folder / "runs.csv").write_text("old runs\n", encoding="utf-8")
    (folder / "strength_sets.csv").mkdir()  # the last file cannot be written
    data = tmp_path / "data"
    assert main(["export", "--csv", str(folder), "--data-dir", str(data)]) == 1
    err = capsys.readouterr().err
    assert "strength_sets.csv" in err and "Nothing was written." in err
    assert (folder / "checkins.csv").read_text(encoding="utf-8") == "old check-ins\n"
    assert (folder / "runs.csv").read_text(encoding="utf-8") == "old runs\n"
    assert sorted(p.name for p in folder.iterdir()) == [
        "checkins.csv", "runs.csv", "strength_sets.csv"]  # no temporary file left


def test_csv_onto_a_file_says_it_is_a_file(tmp_path, export, capsys):
    target = tmp_path / "afile"
    target.write_text("x", encoding="utf-8")
    capsys.readouterr()
    assert main(["export", "--csv", str(target), "--data-dir", str(tmp_path / "data")]) == 1
    err = capsys.readouterr().err
    assert "is a file, not a folder" in err and "Nothing was written." in err
    assert target.read_text(encoding="utf-8") == "x"


def test_export_replaces_a_file_already_there(tmp_path, export, capsys):
    target = tmp_path / "old.json"
    target.write_text("old", encoding="utf-8")
    capsys.readouterr()
    assert main(["export", "--json", str(target), "--data-dir", str(tmp_path / "data")]) == 0
    assert json.loads(target.read_text(encoding="utf-8"))["checkins"]
