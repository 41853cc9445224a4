"""The report's layout: strength sessions read as separate marks on any range (a tick a
day on a short one; on a long one, a bar a week or a month whose height is the count), and
a last text page with too little room for both graphs takes the pain graph, the distance
graph starting the next page, rather than leaving its bottom empty."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from datetime import date, timedelta
from itertools import pairwise

import pytest
from PySide6.QtCore import QRectF

from hamstring_app.core.demo import build_demo_history
from hamstring_app.core.report import build_report
from hamstring_app.ui.report_graphs import TICK_PT, graph_shapes
from hamstring_app.ui.report_pdf import write_pdf

TODAY = date(2026, 6, 30)
RECT = QRectF(0, 0, 510, 300)


def _report(days: int, years: int | None = None, signs_every: int = 0):
    history = build_demo_history(TODAY, years=years) if years else build_demo_history(
        TODAY, weeks=12)
    if signs_every:
        flagged = {c.day for c in history.checkins[-days::signs_every]}
        history = replace(history, checkins=tuple(
            replace(c, sharp_pain=True) if c.day in flagged else c for c in history.checkins))
    return build_report(history, start=TODAY - timedelta(days=days), end=TODAY)


@pytest.mark.parametrize(("days", "years", "bin_"), [(56, None, "day"), (365, 2, "week"),
                                                     (5 * 365, 5, "month")])
def test_strength_marks_stand_apart(qapp, days, years, bin_):
    report = _report(days, years)
    s = graph_shapes(report, RECT)
    assert s.strength_bin == bin_
    # as drawn: each mark is TICK_PT wider than its x0..x1
    edges = [(x0 - TICK_PT / 2, x1 + TICK_PT / 2) for x0, x1, _h in s.ticks]
    gaps = [b[0] - a[1] for a, b in pairwise(edges)]
    assert gaps and min(gaps) >= TICK_PT / 2, min(gaps)
    sessions = [day for day, _sets in report.sessions if report.start <= day <= report.end]
    if bin_ == "day":
        assert len(s.ticks) == len(sessions)
    else:  # the counts are told by the heights: a fuller week or month stands taller
        assert len(s.ticks) < len(sessions) and len({h for *_x, h in s.ticks}) > 1
    assert all(s.pain_plot.left() - TICK_PT <= a and b <= s.pain_plot.right() + TICK_PT
               for a, b in edges)


def test_five_years_of_sessions_are_not_one_band(qapp):
    """The case that was drawn as a solid band: 505 ticks merged into a few bars."""
    s = graph_shapes(_report(5 * 365, 5), RECT)
    widest = max(x1 - x0 for x0, x1, _h in s.ticks)
    assert widest < s.pain_plot.width() / 40


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")
def test_the_pain_graph_fills_the_first_page_when_both_do_not_fit(qapp, tmp_path):
    report = _report(56, signs_every=14)  # five signs: the text ends about 70% down page 1
    pdf = tmp_path / "split.pdf"
    assert write_pdf(pdf, report) == 2

    def text(page: int) -> str:
        return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout

    first, second = text(1), text(2)
    assert "Pain (0-10, worst of the day)" in first and "Weekly running distance" in second
    assert "Pain (0-10, worst of the day)" not in second
    assert "Weekly running distance" not in first
