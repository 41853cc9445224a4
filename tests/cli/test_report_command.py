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
