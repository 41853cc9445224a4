"""A long history with many warning signs still makes a report of at most two pages: the
most recent signs are listed, the earlier ones are summed up in one line (how many, from
when to when, how many urgent and how many not assessed since), so none goes unmentioned."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from datetime import date, timedelta

import pytest

from hamstring_app.core.demo import build_demo_history
from hamstring_app.core.report import WARNING_ROWS, build_report
from hamstring_app.ui.dates import day_text
from hamstring_app.ui.report_pdf import write_pdf

TODAY = date(2026, 6, 30)


def _report(signs: int):
    history = build_demo_history(TODAY, years=5)
    every = len(history.checkins) // signs
    checkins = tuple(
        dataclasses.replace(c, sharp_pain=True, gait_changed=True) if k % every == 0 else c
        for k, c in enumerate(history.checkins)
    )
    history = dataclasses.replace(history, checkins=checkins)
    start = history.profile.injury_start - timedelta(days=14)
    return build_report(history, start=start, end=TODAY)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")
def test_many_signs_fit_two_pages_and_the_earlier_ones_are_summed_up(qapp, tmp_path):
    report = _report(60)
    signs = sorted(report.warning_signs, key=lambda w: w.day)
    assert len(signs) > WARNING_ROWS
    out = tmp_path / "r.pdf"
    assert write_pdf(out, report) <= 2
    flat = " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())
    earlier = signs[:-WARNING_ROWS]
    shown = signs[-WARNING_ROWS:]
    assert f"{day_text(shown[0].day)} " in flat and f"{day_text(shown[-1].day)} " in flat
    not_seen = sum(1 for w in earlier if w.assessed_on is None)
    urgent = sum(1 for w in earlier if w.urgent)
    assert (f"Before these: {len(earlier)} earlier warning signs, reported from "
            f"{day_text(earlier[0].day)} to {day_text(earlier[-1].day)}, {urgent} of them "
            f"urgent and {not_seen} of them not assessed since.") in flat


def test_a_few_signs_are_all_listed_with_no_summary(qapp):
    from hamstring_app.ui.report_pdf import report_html

    report = _report(3)
    assert 0 < len(report.warning_signs) <= WARNING_ROWS
    html = report_html(report)
    assert "earlier warning signs" not in html
    assert html.count("sharp pain") >= len(
        [w for w in report.warning_signs if w.sign == "sharp pain"])
