"""README's command-line table, row by row: each command and option does what the row says,
and every mistake (an unknown word, a bad date, a missing file or folder) gets one clear
line on standard error and the exit code of its kind, never a traceback."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from hamstring_app import __version__
from hamstring_app.cli import main
from hamstring_app.core.models import CheckIn, History, Profile, Run
from hamstring_app.store.repository import open_repository

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = ("assess", "import", "report", "backup", "restore", "export")


def _run(argv: list[str], capsys) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse's own refusals
        code = exc.code if isinstance(exc.code, int) else 2
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _last_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines, "nothing was said on standard error"
    assert "Traceback" not in err
    return lines[-1]


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    repo = open_repository(folder, today=lambda: date(2026, 3, 10), app_version="test")
    try:
        repo.import_history(
            History(
                profile=Profile(injury_start=date(2026, 3, 1)),
                checkins=(CheckIn(day=date(2026, 3, 5), pain_rest=2),),
                runs=(Run(day=date(2026, 3, 4), distance_km=5.0),),
            )
        )
    finally:
        repo.close()
    return folder


def test_the_table_names_every_command_the_program_has():
    rows = re.findall(r"^\| `([a-z]+)[ `]", README, re.M)
    assert set(COMMANDS) <= set(rows)


def test_version_prints_the_version(capsys):
    code, out, _ = _run(["--version"], capsys)
    assert code == 0
    assert __version__ in out


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_exits_0_and_names_the_options_of_its_row(command, capsys):
    code, out, _ = _run([command, "--help"] if command else ["--help"], capsys)
    assert code == 0
    expected = {
        None: ["--data-dir", "--demo", "--demo-years", "--self-test", "--version"],
        "assess": ["FILE.json", "--db", "--today"],
        "import": ["PATH", "--dry-run", "--json"],
        "report": ["--out", "--from", "--to"],
        "backup": ["--out"],
        "restore": ["FILE"],
        "export": ["--json", "--csv"],
    }[command]
    for word in expected:
        assert word in out, word


@pytest.mark.parametrize(
    "argv, said",
    [
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["--bogus"], "unrecognized arguments: --bogus"),
        (["assess", "x.json", "--bogus"], "unrecognized arguments: --bogus"),
        (["assess"], "one of the arguments FILE.json --db is required"),
        (["assess", "x.json", "--db"], "not allowed with argument"),
        (["report"], "the following arguments are required: --out"),
        (["export"], "one of the arguments --json --csv is required"),
        (["restore"], "the following arguments are required: FILE"),
        (["import"], "the following arguments are required: PATH"),
        (["--demo-years", "5"], "--demo-years needs --demo"),
    ],
)
def test_usage_mistakes_exit_2_with_one_line(argv, said, capsys):
    code, out, err = _run(argv, capsys)
    assert code == 2
    assert out == ""
    assert said in _last_line(err)


@pytest.mark.parametrize(
    "argv, said",
    [
        (["assess", "{doc}", "--today", "2026-02-30"], "--today: '2026-02-30' is not a real"),
        (["assess", "{doc}", "--today", "tomorrow"], "--today: must be a date written YYYY-MM-DD"),
        (["assess", "--db", "--today", "2026-13-01"], "--today:"),
        (["report", "--out", "{tmp}/r.pdf", "--from", "2026-02-30"], "--from: '2026-02-30'"),
        (["report", "--out", "{tmp}/r.pdf", "--to", "03/10/2026"], "--to:"),
        (["report", "--out", "{tmp}/r.pdf", "--from", "2026-03-09", "--to", "2026-03-01"],
         "--from is after --to"),
    ],
)
def test_bad_dates_exit_2_naming_the_option(argv, said, saved, tmp_path, capsys):
    doc = tmp_path / "in.json"
    doc.write_text('{"profile": {"injury_start": "2026-03-01"}}', encoding="utf-8")
    args = [a.format(doc=doc, tmp=tmp_path) for a in argv] + ["--data-dir", str(saved)]
    code, out, err = _run(args, capsys)
    assert code == 2
    assert out == ""
    assert said in _last_line(err)


@pytest.mark.parametrize(
    "argv, code_, said",
    [
        (["assess", "{tmp}/missing.json"], 2, "cannot read"),
        (["import", "{tmp}/missing.fit"], 2, "no such file or folder"),
        (["restore", "{tmp}/missing.sqlite3"], 1, "There is no backup file at"),
        (["export", "--json", "{tmp}/no/such/folder/x.json"], 1, "Nothing was written"),
        (["report", "--out", "{tmp}/no/such/folder/r.pdf"], 1, "Could not write"),
    ],
)
def test_missing_files_and_folders_get_one_line_and_write_nothing(
    argv, code_, said, saved, tmp_path, capsys
):
    args = [a.format(tmp=tmp_path) for a in argv] + ["--data-dir", str(saved)]
    code, out, err = _run(args, capsys)
    assert code == code_
    assert "Wrote" not in out
    assert said in _last_line(err)
    assert not (tmp_path / "no").exists() or not any((tmp_path / "no").rglob("*.*"))


def test_report_says_page_in_the_singular_for_one_page(saved, tmp_path, capsys):
    out_file = tmp_path / "r.pdf"
    code, out, _ = _run(
        ["report", "--out", str(out_file), "--to", "2026-03-10", "--data-dir", str(saved)],
        capsys,
    )
    assert code == 0
    assert out_file.stat().st_size > 0
    pages = int(re.search(r"\((\d+) page", out).group(1))
    assert ("1 page," in out) == (pages == 1)
    assert "1 pages" not in out


def test_a_data_dir_that_does_not_exist_yet_is_made_for_a_backup(saved, tmp_path, capsys):
    code, out, _ = _run(["backup", "--data-dir", str(saved)], capsys)
    assert code == 0
    assert "Backed up to" in out
    assert any((saved / "backups").glob("*.sqlite3"))


def test_commands_take_no_qt_options(capsys):
    code, _, err = _run(["assess", "--db", "-style", "fusion"], capsys)
    assert code == 2
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "argv",
    [
        ["frobnicate"],
        ["assess", "/no/such/file.json"],
        ["assess", "--today", "2026-02-30", "-"],
        ["report", "--out", "/no/such/folder/r.pdf", "--from", "x"],
    ],
)
def test_the_installed_command_never_prints_a_traceback(argv, tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "hamstring_app", *argv, "--data-dir", str(tmp_path)],
        capture_output=True, text=True, input="{}", timeout=60, check=False,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip()


def test_csv_export_and_backup_out_make_the_folders_they_need(saved, tmp_path, capsys):
    csv_dir = tmp_path / "new" / "csv"
    code, out, _ = _run(["export", "--csv", str(csv_dir), "--data-dir", str(saved)], capsys)
    assert code == 0, out
    assert sorted(p.name for p in csv_dir.iterdir()) == [
        "checkins.csv", "runs.csv", "strength_sets.csv"
    ]
    copy = tmp_path / "stick" / "kept" / "copy.sqlite3"
    code, out, _ = _run(["backup", "--out", str(copy), "--data-dir", str(saved)], capsys)
    assert code == 0, out
    assert f"Backed up to {copy}" in out
    assert copy.read_bytes()[:16] == b"SQLite format 3\x00"
