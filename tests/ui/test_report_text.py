"""The PDF's text, read back with pdftotext, against the data it was made from: the version
and date range, each warning sign with its date and whether it was assessed, the phase, the
last doses, the adherence and the personal triggers."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, timedelta

import pytest

from hamstring_app import __version__
from hamstring_app.core.episodes import ProfessionalAssessment
from hamstring_app.core.models import (
    CheckIn,
    History,
    Profile,
    Run,
    RunType,
    SetLog,
    StrengthSession,
)
from hamstring_app.core.report import build_report
from hamstring_app.ui.dates import day_text
from hamstring_app.ui.report_pdf import write_pdf

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")
END = date(2026, 6, 30)
START = END - timedelta(days=80)


def _history() -> History:
    """Eleven weeks: intervals every Tuesday with a sore next morning, easy runs otherwise;
    a sharp pain that was then assessed, and a later nerve sign that was not."""
    checkins, runs = [], []
    for k in range(81):
        day = START + timedelta(days=k)
        after_intervals = day.weekday() == 2
        checkins.append(CheckIn(day, pain_rest=1, pain_next_morning=4 if after_intervals else 1,
                                sharp_pain=True if k == 20 else None,
                                nerve_signs=True if k == 70 else None))
        if day.weekday() == 1:
            runs.append(Run(day, 6.0, 36.0, RunType.INTERVALS, rpe=7))
        elif day.weekday() in (4, 6):
            runs.append(Run(day, 6.0, 36.0, RunType.EASY, rpe=3))
    sessions = tuple(
        StrengthSession(END - timedelta(days=d), sets=(
            SetLog("bridge", 1, reps=10), SetLog("bridge", 2, reps=10),
            SetLog("bridge", 3, reps=10)), phase=2)
        for d in (1, 4, 8, 11, 15)
    )
    return History(
        profile=Profile(injury_start=START + timedelta(days=10)),
        checkins=tuple(checkins), runs=tuple(runs), strength_sessions=sessions,
        assessments=(ProfessionalAssessment(START + timedelta(days=23)),),
    )


def test_the_pdf_text_matches_the_data(qapp, tmp_path):
    report = build_report(_history(), start=START, end=END, names={"bridge": "Bridge"})
    assert report.triggers  # the history reaches the triggers' branch
    out = tmp_path / "r.pdf"
    write_pdf(out, report)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = " ".join(text.split())
    assert f"Hamstring Coach {__version__}" in flat
    assert f"{day_text(START)} to {day_text(END)}" in flat
    sharp, nerve = START + timedelta(days=20), START + timedelta(days=70)
    assessed = START + timedelta(days=23)
    assert f"{day_text(sharp)} sharp pain yes, {day_text(assessed)}" in flat
    assert f"{day_text(nerve)} tingling, numbness or pain below the knee (urgent) not yet" in flat
    assert f"Phase {report.assessment.phase}." in flat
    assert "Bridge: 3 x 10 reps" in flat
    assert "5 strength sessions in the last 4 weeks, against 12 planned (3 a week)." in flat
    assert "Personal triggers:" in flat
    for trigger in report.triggers:
        assert " ".join(trigger.split())[:40] in flat
