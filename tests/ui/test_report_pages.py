"""The report's pages: one page when it fits, two when it does not, "Page N of M" on each,
and no line cut across a page (read back with pdftotext, page by page)."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from datetime import date, timedelta

import pytest

from hamstring_app.core.demo import build_demo_history
from hamstring_app.core.report import SECTIONS, build_report
from hamstring_app.ui.dates import day_text
from hamstring_app.ui.report_pdf import write_pdf

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")
TODAY = date(2026, 6, 30)


def page_text(pdf, page: int) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True, text=True, check=True,
    ).stdout


def with_signs(history, every: int):
    days = {c.day for c in history.checkins[-400::every]}
    return replace(history, checkins=tuple(
        replace(c, sharp_pain=True) if c.day in days else c for c in history.checkins))


def test_a_short_report_is_one_page_with_its_graphs(qapp, tmp_path):
    history = build_demo_history(TODAY, weeks=12)
    report = build_report(history, start=TODAY - timedelta(days=100), end=TODAY)
    pdf = tmp_path / "one.pdf"
    assert write_pdf(pdf, report) == 1
    text = page_text(pdf, 1)
    assert "Page 1 of 1" in text and "Weekly running distance" in text
    flat = " ".join(text.split())
    assert f"report, {day_text(report.start)} to {day_text(TODAY)}" in flat


def test_a_long_report_is_two_pages_numbered_and_nothing_is_lost(qapp, tmp_path):
    history = with_signs(build_demo_history(TODAY, years=5), every=20)
    report = build_report(history, start=TODAY - timedelta(days=5 * 365), end=TODAY)
    assert len(report.warning_signs) >= 15
    pdf = tmp_path / "two.pdf"
    assert write_pdf(pdf, report) == 2
    first, second = page_text(pdf, 1), page_text(pdf, 2)
    assert "Page 1 of 2" in first and "Page 2 of 2" in second
    both = first + second
    lines = [" ".join(line.split()) for line in both.splitlines()]
    for sign in report.warning_signs:  # every sign with its date, on one page or the other
        assert any(line.startswith(f"{day_text(sign.day)} sharp") for line in lines)
    for row in report.last_days:  # each row of the 14-day table whole on one page
        assert sum(line.startswith(day_text(row.day) + " ") for line in lines) >= 1
    assert "not a diagnosis" in both


def test_without_graphs_the_report_has_no_graph_page(qapp, tmp_path):
    history = build_demo_history(TODAY, weeks=12)
    report = build_report(history, start=TODAY - timedelta(days=100), end=TODAY)
    sections = tuple(s for s in SECTIONS if s != "graphs")
    pdf = tmp_path / "text.pdf"
    assert write_pdf(pdf, report, sections) == 1
    assert "Weekly running distance" not in page_text(pdf, 1)
