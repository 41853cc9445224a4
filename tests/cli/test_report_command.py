"""`hamstring-app report`: a PDF whose text matches the data (read back with pdftotext)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, timedelta

import pytest

from hamstring_app.cli import main
from hamstring_app.core.demo import build_demo_history
from hamstring_app.core.models import CheckIn
from hamstring_app.store.repository import open_repository
from hamstring_app.ui.dates import day_text

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")


def test_report_text_matches_the_data(tmp_path, capsys):
    today = date.today()
    folder = tmp_path / "data"
    repo = open_repository(folder, today=lambda: today, app_version="t")
    repo.import_history(build_demo_history(today))
    sign_day = today - timedelta(days=5)
    old = repo.get_checkin(sign_day)
    note = old.note if old else ""
    repo.save_checkin(CheckIn(sign_day, pain_rest=4, sharp_pain=True, note=note))
    history = repo.load_history()
    repo.close()
    out = tmp_path / "report.pdf"
    assert main(["report", "--out", str(out), "--data-dir", str(folder)]) == 0
    said = capsys.readouterr().out
    assert "Wrote the report (" in said
    pages = int(said.split("(")[1].split()[0])
    assert 1 <= pages <= 2
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    assert "report for a health professional" in flat
    # dates as the locale writes them (ui/dates.py), as on every tab
    assert f"Onset {day_text(history.profile.injury_start)}" in flat
    assert f"{day_text(sign_day)} sharp pain" in flat
    assert "Verdict today" in text
    for k in range(14):  # the 14-day table, each day with its pain at rest
        day = today - timedelta(days=k)
        c = next((c for c in history.checkins if c.day == day), None)
        lines = [" ".join(x.split()) for x in text.splitlines()]
        line = [x for x in lines if x.startswith(day_text(day) + " ")][-1]  # the table
        if c is not None and c.pain_rest is not None:
            assert line.split()[len(day_text(day).split())] == str(c.pain_rest)
    assert "not a diagnosis" in flat


def test_report_refuses_bad_dates(tmp_path, capsys):
    args = ["report", "--out", str(tmp_path / "x.pdf"), "--from", "2026-02-30"]
    assert main([*args, "--data-dir", str(tmp_path)]) == 2
    assert "--from" in capsys.readouterr().err


def test_a_report_that_cannot_be_written_says_so_and_exits_1(tmp_path, capfd):
    today = date.today()
    folder = tmp_path / "data"
    repo = open_repository(folder, today=lambda: today, app_version="t")
    repo.import_history(build_demo_history(today, weeks=8))
    repo.close()
    out = tmp_path / "no such folder" / "report.pdf"
    assert main(["report", "--out", str(out), "--data-dir", str(folder)]) == 1
    said = capfd.readouterr()
    assert "Wrote the report" not in said.out
    assert said.err.startswith(f"hamstring-app report: Could not write {out}")
    assert "Painter not active" not in said.err and len(said.err.splitlines()) == 1
    assert not out.parent.exists()


@pytest.fixture
def eight_weeks(tmp_path):
    today = date.today()
    folder = tmp_path / "data"
    repo = open_repository(folder, today=lambda: today, app_version="t")
    repo.import_history(build_demo_history(today, weeks=8))
    repo.close()
    return folder


def _refused(args, folder, tmp_path, capfd) -> str:
    out = tmp_path / "r.pdf"
    assert main(["report", "--out", str(out), *args, "--data-dir", str(folder)]) == 2
    said = capfd.readouterr()
    assert said.out == "" and len(said.err.strip().splitlines()) == 1
    assert not out.exists()
    return said.err


def test_a_report_refuses_days_that_have_not_come_yet(eight_weeks, tmp_path, capfd):
    today = date.today()
    soon = (today + timedelta(days=30)).isoformat()
    later = (today + timedelta(days=60)).isoformat()
    err = _refused(["--from", soon, "--to", later], eight_weeks, tmp_path, capfd)
    assert f"--to {later} is after today ({today.isoformat()})" in err
    err = _refused(["--from", soon], eight_weeks, tmp_path, capfd)  # --to is today then
    assert f"--from {soon} is after today ({today.isoformat()})" in err
    err = _refused(["--to", later], eight_weeks, tmp_path, capfd)
    assert "--to" in err and "after today" in err


def test_a_report_of_a_range_with_nothing_recorded_is_refused(eight_weeks, tmp_path, capfd):
    err = _refused(["--from", "2019-01-01", "--to", "2019-02-01"], eight_weeks, tmp_path, capfd)
    assert "nothing is recorded from 2019-01-01 to 2019-02-01" in err


def test_a_report_that_ends_before_today_names_the_day_of_its_verdict(eight_weeks, tmp_path,
                                                                      capsys):
    end = date.today() - timedelta(days=10)
    out = tmp_path / "r.pdf"
    args = ["report", "--out", str(out), "--to", end.isoformat(), "--data-dir", str(eight_weeks)]
    assert main(args) == 0
    flat = " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())
    assert f"Verdict on {day_text(end)}" in flat and "Verdict today" not in flat
