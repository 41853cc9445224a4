"""The report writes dates as the app does everywhere: the locale's format (ui/dates.py)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from hamstring_app.core.demo import build_demo_history
from hamstring_app.core.report import build_report
from hamstring_app.ui.dates import ISO_DATE, day_text
from hamstring_app.ui.report_pdf import report_html

TODAY = date(2026, 6, 30)
UI = Path(__file__).resolve().parents[2] / "hamstring_app" / "ui"


@pytest.fixture
def report():
    history = build_demo_history(TODAY, weeks=12)
    sign_day = TODAY - timedelta(days=4)
    history = replace(history, checkins=tuple(
        replace(c, sharp_pain=True) if c.day == sign_day else c for c in history.checkins))
    return build_report(history, start=TODAY - timedelta(days=100), end=TODAY)


@pytest.fixture
def locale():
    before = QLocale()

    def use(name: str) -> None:
        QLocale.setDefault(QLocale(name))

    yield use
    QLocale.setDefault(before)


@pytest.mark.parametrize("name", ["en_GB", "en_US", "de_DE"])
def test_no_iso_date_in_the_report(qapp, report, locale, name):
    locale(name)
    text = report_html(report)
    assert ISO_DATE.findall(text) == []
    assert day_text(report.end) in text and day_text(report.start) in text
    assert day_text(report.onset) in text
    assert all(day_text(w.day) in text for w in report.warning_signs)
    assert all(day_text(row.day) in text for row in report.last_days)


def test_the_format_follows_the_locale(qapp, report, locale):
    locale("en_GB")
    british = report_html(report)
    locale("en_US")
    american = report_html(report)
    assert "Tue, 30 Jun 2026" in british and "Tue, Jun 30, 2026" in american


def test_the_report_code_writes_no_date_its_own_way():
    for name in ("report_pdf.py", "report_graphs.py"):
        source = (UI / name).read_text(encoding="utf-8")
        assert not re.search(r"\.isoformat\(\)|\.strftime\(", source), name
