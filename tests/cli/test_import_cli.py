"""``hamstring-app import PATH... [--dry-run] [--json]``: exit 0, or 2 with a message."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "importer"))
from activity_files import RunSpec, fit_bytes, gpx_bytes, zip_bytes

from hamstring_app import import_cli
from hamstring_app.cli import main
from hamstring_app.store.repository import open_repository

START = datetime(2026, 11, 20, 7, 0, tzinfo=UTC)


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a.fit").write_bytes(fit_bytes(RunSpec(start=START, step_s=60), rpe=5))
    (folder / "walk.gpx").write_bytes(
        gpx_bytes(RunSpec(start=START + timedelta(days=1), step_s=60, km=4), sport="walking")
    )
    (folder / "garmin.zip").write_bytes(zip_bytes({"9_ACTIVITY.fit": fit_bytes(
        RunSpec(start=START + timedelta(days=2), step_s=60, km=6, minutes=33))}))
    return folder


def saved_runs(data: Path):
    repo = open_repository(data, today=lambda: START.date() + timedelta(days=30),
                           app_version="t")
    try:
        return repo.list_runs()
    finally:
        repo.close()


def test_dry_run_prints_and_writes_nothing(inbox, tmp_path, capsys):
    data = tmp_path / "data"
    assert main(["import", str(inbox), "--dry-run", "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert "new        2026-11-20   10.00 km    50:00  easy" in out
    assert "skipped" in out and "not a run (walking)" in out
    assert "Would add 2 runs" in out and "Nothing was written" in out
    assert saved_runs(data) == ()


def test_import_writes_then_a_second_import_finds_duplicates(inbox, tmp_path, capsys):
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "import", str(inbox)]) == 0
    assert "Added 2 runs" in capsys.readouterr().out
    runs = saved_runs(data)
    assert sorted(r.distance_km for r in runs) == [6.0, 10.0]
    assert main(["import", str(inbox), "--json", "--data-dir", str(data)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["added"], report["duplicates"], report["skipped"]) == (0, 2, 1)
    row = next(r for r in report["rows"] if r["source"].endswith("a.fit"))
    assert row["status"] == "duplicate" and row["rpe"] == 5 and row["cadence_spm"] == 168
    assert len(saved_runs(data)) == 2


def test_missing_path_exits_2_with_a_message(tmp_path, capsys):
    assert main(["import", str(tmp_path / "nope.fit"), "--data-dir", str(tmp_path)]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_json_goes_to_the_registered_app_export_reader(inbox, tmp_path, capsys, monkeypatch):
    export = tmp_path / "hamstring-export.json"
    export.write_text("{}")
    seen = []

    def fake(path, repo, dry_run):
        seen.append((path, dry_run))
        return {"checkins": 3}, "Would add 3 check-ins from the export."

    monkeypatch.setattr(import_cli, "JSON_IMPORT", fake)
    assert main(["import", str(export), str(inbox), "--dry-run", "--json",
                 "--data-dir", str(tmp_path / "d")]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["json"] == [{"checkins": 3}] and report["added"] == 2
    assert seen == [(export, True)]


def test_the_installed_command_runs_headless(inbox, tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "hamstring_app", "import", str(inbox), "--dry-run",
         "--data-dir", str(tmp_path / "data")],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Would add 2 runs" in proc.stdout


def test_import_is_refused_while_the_app_has_the_folder_open(inbox, tmp_path, capsys):
    from hamstring_app.folder_lock import hold_folder
    from hamstring_app.paths import DataPaths

    data = tmp_path / "data"
    data.mkdir()
    lock = DataPaths(data).lock_file
    with hold_folder(lock):  # the app (same kind of lock) has the folder open
        assert main(["import", str(inbox), "--data-dir", str(data)]) == 2
        err = capsys.readouterr().err
        assert "Close the app first" in err and "Nothing was changed" in err
        # a dry run only reads: it still works, and says what would be imported
        assert main(["import", str(inbox), "--dry-run", "--data-dir", str(data)]) == 0
        assert "Would add 2 runs" in capsys.readouterr().out
    assert saved_runs(data) == ()
    assert not lock.exists()  # the command left no lock behind
    assert main(["import", str(inbox), "--data-dir", str(data)]) == 0  # closed: it works
    assert len(saved_runs(data)) == 2
    assert not lock.exists()


def test_a_garmin_summary_json_is_watch_data_not_the_app_export(tmp_path, capsys,
                                                                monkeypatch):
    monkeypatch.setattr(import_cli, "JSON_IMPORT", None)
    start = int(START.timestamp() * 1000)
    summary = tmp_path / "runner_0_summarizedActivities.json"
    summary.write_text(json.dumps([{"summarizedActivitiesExport": [{
        "activityId": 77, "activityType": "running", "startTimeGmt": start,
        "startTimeLocal": start + 3_600_000, "distance": 750_000.0,
        "movingDuration": 2_400_000.0,
    }]}]))
    data = tmp_path / "data"
    assert main(["import", str(summary), "--data-dir", str(data)]) == 0
    assert "Added 1 run," in capsys.readouterr().out
    (run,) = saved_runs(data)
    assert (run.distance_km, run.duration_min) == (7.5, 40.0)
    assert main(["import", str(summary), "--data-dir", str(data)]) == 0  # found again
    assert "Added 0 runs" in (out := capsys.readouterr().out) and "1 already saved" in out
    assert len(saved_runs(data)) == 1


def documented_keys(heading: str) -> list[set[str]]:
    """The key columns of each table under ``heading`` in docs/data-formats.md."""
    import re

    doc = (Path(__file__).resolve().parents[2] / "docs" / "data-formats.md").read_text()
    section = doc.split(heading, 1)[1].split("\n## ", 1)[0]
    tables = re.split(r"\n\n(?=\| key)", section)[1:]
    return [set(re.findall(r"^\| `([a-z_]+)` \|", t, re.M)) for t in tables]


def test_every_key_import_json_prints_is_documented(inbox, tmp_path, capsys):
    data, other = tmp_path / "data", tmp_path / "other"
    assert main(["import", str(inbox), "--data-dir", str(data)]) == 0
    export = tmp_path / "export.json"
    assert main(["export", "--json", str(export), "--data-dir", str(data)]) == 0
    capsys.readouterr()
    assert main(["import", str(export), str(inbox), "--dry-run", "--json",
                 "--data-dir", str(other)]) == 0
    report = json.loads(capsys.readouterr().out)
    top, row, activity, per_file = documented_keys("## What `hamstring-app import --json` prints")
    assert set(report) == top
    unread = [r for r in report["rows"] if "distance_km" not in r]
    read = [r for r in report["rows"] if "distance_km" in r]
    assert unread and read  # the walk is skipped as a file; the runs are read
    assert all(set(r) == row for r in unread)
    assert all(set(r) == row | activity for r in read)
    assert [set(f) for f in report["json"]] == [per_file]
