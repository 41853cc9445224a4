"""The command line gives the true cause of a storage problem in a sentence: a disk that
reports errors while ``assess --db`` reads, a data folder given as a file, a read-only
folder with unfinished changes beside the data file. Never a traceback."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reliability"))

from bad_data import digest, make_data

from hamstring_app.cli import main
from hamstring_app.store import db_check, db_failures, reader

DISK_ERROR = sqlite3.OperationalError("disk I/O error")
DISK_ERROR.sqlite_errorcode = 10  # type: ignore[attr-defined]  # SQLITE_IOERR, as SQLite sets it


def _assess_db(folder: Path, capsys) -> tuple[int, str, str]:
    code = main(["assess", "--db", "--data-dir", str(folder), "--today", "2026-03-16"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _plain(err: str) -> None:
    assert "Traceback" not in err
    assert "disk I/O error" not in err and "Errno" not in err


@pytest.mark.parametrize("where", ["opening", "reading"])
def test_assess_db_on_a_disk_error_says_so_and_exits_1(tmp_path, capsys, monkeypatch, where):
    path = make_data(tmp_path)
    before = digest(path)

    def failing(*args, **kwargs):
        raise DISK_ERROR

    if where == "opening":
        monkeypatch.setattr(db_check, "_read_only", failing)
    else:
        monkeypatch.setattr(reader, "history", failing)
    code, out, err = _assess_db(tmp_path, capsys)
    assert code == 1
    assert out == ""
    _plain(err)
    assert "the disk reported an error" in err and str(path) in err
    assert "damaged" not in err
    assert "left exactly as it was" in err
    assert digest(path) == before


def test_assess_db_on_an_os_error_the_store_did_not_name(tmp_path, capsys, monkeypatch):
    import errno

    make_data(tmp_path)

    def failing(*args, **kwargs):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(db_check, "_check_header", failing)
    code, out, err = _assess_db(tmp_path, capsys)
    assert code == 1 and out == ""
    _plain(err)
    assert "the disk reported an error" in err and "Nothing was changed" in err


def test_a_damaged_file_is_still_called_damaged(tmp_path, capsys, monkeypatch):
    make_data(tmp_path)
    damage = sqlite3.DatabaseError("database disk image is malformed")
    damage.sqlite_errorcode = 11  # type: ignore[attr-defined]  # SQLITE_CORRUPT

    def failing(*args, **kwargs):
        raise damage

    monkeypatch.setattr(reader, "history", failing)
    code, _, err = _assess_db(tmp_path, capsys)
    assert code == 1 and "damaged" in err and "Traceback" not in err


def test_a_read_only_folder_with_unfinished_changes_is_not_called_damaged(
    tmp_path, capsys, monkeypatch
):
    path = make_data(tmp_path)
    wal = path.with_name(path.name + "-wal")
    wal.write_bytes(b"\0" * 4096)  # changes SQLite has not copied into the file yet
    before = digest(path), digest(wal)
    cannot_open = sqlite3.OperationalError("unable to open database file")
    cannot_open.sqlite_errorcode = 14  # type: ignore[attr-defined]  # SQLITE_CANTOPEN

    def failing(*args, **kwargs):  # what SQLite does with no way to make the -shm file
        raise cannot_open

    monkeypatch.setattr(db_check, "_read_only", failing)
    monkeypatch.setattr(db_failures, "folder_is_read_only", lambda folder: folder == tmp_path)
    code, out, err = _assess_db(tmp_path, capsys)
    assert code == 1 and out == ""
    assert "damaged" not in err.replace("not damaged", "")
    assert "read-only" in err and "-wal" in err and "not damaged" in err
    assert (digest(path), digest(wal)) == before


ALL_COMMANDS = [
    [],
    ["assess", "--db"],
    ["import", "nothing.gpx"],
    ["export", "--json", "out.json"],
    ["report", "--out", "out.pdf"],
    ["backup"],
    ["restore", "some.sqlite3"],
]


@pytest.mark.parametrize("command", ALL_COMMANDS, ids=lambda c: c[0] if c else "gui")
@pytest.mark.parametrize("inside", [False, True], ids=["the file", "inside the file"])
def test_a_data_dir_that_is_a_file_is_a_usage_error(tmp_path, capsys, command, inside):
    afile = tmp_path / "notes.txt"
    afile.write_text("my notes\n")
    given = afile / "data" if inside else afile
    with pytest.raises(SystemExit) as leaving:
        main(["--data-dir", str(given), *command])
    assert leaving.value.code == 2
    err = capsys.readouterr().err
    assert f"{afile} is a file, not a folder" in err
    assert "File exists" not in err and "Traceback" not in err
    assert afile.read_text() == "my notes\n"


def test_the_environment_variable_naming_a_file_is_a_usage_error(tmp_path, capsys, monkeypatch):
    afile = tmp_path / "notes.txt"
    afile.write_text("")
    monkeypatch.setenv("HAMSTRING_COACH_DATA", str(afile))
    with pytest.raises(SystemExit) as leaving:
        main(["assess", "--db"])
    assert leaving.value.code == 2
    err = capsys.readouterr().err
    assert "HAMSTRING_COACH_DATA" in err and "is a file, not a folder" in err


def test_assessing_a_file_does_not_look_at_the_data_folder(tmp_path, capsys, monkeypatch):
    afile = tmp_path / "notes.txt"
    afile.write_text("")
    monkeypatch.setenv("HAMSTRING_COACH_DATA", str(afile))
    doc = tmp_path / "in.json"
    doc.write_text('{"today": "2026-03-16"}')
    assert main(["assess", str(doc)]) == 0
