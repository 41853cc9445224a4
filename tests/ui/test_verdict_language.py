"""One language for verdicts: every place that shows a verdict shows the same word, colour
and icon for it, and dates are written one way, from the locale."""

from __future__ import annotations

import dataclasses
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QImage

from hamstring_app import ui as ui_package
from hamstring_app.assets import resource_path
from hamstring_app.core.models import CheckIn, Profile, Verdict
from hamstring_app.core.report import build_report
from hamstring_app.ui.checkin.verdict_panel import LEVEL_ICON, LEVEL_VERDICT, VerdictPanel
from hamstring_app.ui.dates import day_month_text, day_text, localise_dates
from hamstring_app.ui.events import Changes, Kind
from hamstring_app.ui.progress.dayinfo import DayInfo
from hamstring_app.ui.progress.hover import describe_day
from hamstring_app.ui.report_pdf import report_html
from hamstring_app.ui.session.plan_view import PlanSummary, PlanView
from hamstring_app.ui.theme import VERDICT_COLOURS, verdict_colour
from hamstring_app.ui.verdicts import verdict_pixmap, verdict_word, verdict_word_plain

TODAY = date(2026, 3, 18)


def _fill(name: str) -> str:
    """The first fill colour of a shipped icon: its background shape."""
    text = resource_path("icons", f"{name}.svg").read_text()
    return re.search(r'fill="(#[0-9a-fA-F]{6})"', text)[1].lower()


def _image(pixmap) -> QImage:
    return pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32)


@pytest.mark.parametrize("verdict", list(Verdict))
def test_each_verdict_icon_is_drawn_in_the_verdicts_colour(verdict):
    assert _fill(verdict.value) == VERDICT_COLOURS[verdict]


@pytest.mark.parametrize("level", list(LEVEL_ICON))
def test_advice_level_icons_share_the_colour_of_their_verdict(level):
    assert _fill(LEVEL_ICON[level]) == VERDICT_COLOURS[LEVEL_VERDICT[level]]


def test_the_hold_icon_is_not_a_pause_sign():
    # a pause sign is two vertical bars; the hold icon is an hourglass
    text = resource_path("icons", "hold.svg").read_text()
    vertical_bars = re.findall(r'<line x1="([\d.]+)" y1="[\d.]+" x2="\1"', text)
    assert len(vertical_bars) < 2


def test_the_four_icons_differ(qapp):
    images = [_image(verdict_pixmap(v, 32)) for v in Verdict]
    assert len({bytes(i.constBits()) for i in images}) == 4


@pytest.fixture
def app(session_factory, qtbot, home):
    session = session_factory()
    repo = session.ctx.repo
    repo.save_profile(Profile(injury_start=TODAY - timedelta(days=20)))
    repo.save_checkin(CheckIn(day=TODAY, pain_rest=1, pain_run=2))
    session.ctx.ops.announce(Changes.of(Kind.PROFILE, Kind.CHECKIN))
    session.window.show()
    qtbot.waitExposed(session.window)
    return session


def _assessment(app):
    today_tab = app.window.tabs.widget(0)
    today_tab.refresh_now()
    assessment = today_tab.verdict.assessment
    assert assessment is not None
    return assessment


@pytest.mark.parametrize("verdict", list(Verdict))
def test_every_place_shows_the_same_word_colour_and_icon(app, qtbot, verdict):
    word, colour = verdict_word(verdict), verdict_colour(verdict).name()
    icon = _image(verdict_pixmap(verdict, 32))
    assessment = dataclasses.replace(_assessment(app), verdict=verdict)

    # Today: the verdict panel
    panel = VerdictPanel()
    qtbot.addWidget(panel)
    panel.show_assessment(assessment)
    assert panel.verdict_label.text() == word
    assert colour in panel.verdict_label.styleSheet()
    size = panel.verdict_label.fontMetrics().height() * 2
    assert _image(panel.icon_label.pixmap()) == _image(verdict_pixmap(verdict, size))
    assert word in panel.header.accessibleName()

    # Strength: the plan view's running line
    view = PlanView()
    qtbot.addWidget(view)
    summary = PlanSummary(verdict=verdict, phase=1, programme_name="Phase 1",
                          programme_summary="", minutes=20)
    view.show_plan(summary, [], [], swapped=False)
    assert f"color:{colour}" in view.summary_label.text()
    assert f"Running today: {word}." in view.summary_label.text()
    assert _image(view.verdict_icon.pixmap()) == icon

    # Recovery: the verdict strip's legend and bars, and the hover read-out
    recovery = app.window.tabs.widget(2)
    app.window.tabs.setCurrentIndex(2)
    recovery.refresh_now()
    plots = recovery.plots
    legend = [label.text for _sample, label in plots.strip.legend_item.items]
    assert word in legend
    bars = plots.verdict_bars[verdict]
    assert bars.opts["brush"].color().name() == colour
    hover = describe_day(DayInfo(day=TODAY, verdict=verdict), assessment_unit(app))
    assert f"verdict: {word}" in hover

    # The report for a professional
    report = build_report(app.ctx.history.get(), start=TODAY - timedelta(days=13), end=TODAY)
    report = dataclasses.replace(report, assessment=assessment)
    assert f"<b>{verdict_word_plain(verdict)}</b>" in report_html(report)


def assessment_unit(app):
    return app.window.tabs.widget(2).data.unit


def test_pain_bands_use_the_same_words_on_the_graph_and_the_scale(app):
    from hamstring_app.ui.widgets.pain import band_word

    recovery = app.window.tabs.widget(2)
    app.window.tabs.setCurrentIndex(2)
    recovery.refresh_now()
    ticks = recovery.plots.pain.getAxis("right")._tickLevels[0]
    assert [text for _pos, text in ticks] == [band_word(0), band_word(1), band_word(2)]


@pytest.mark.parametrize(
    ("name", "full", "short"),
    [
        ("en_GB", "Tue, 3 Mar 2026", "Tue, 3 Mar"),
        ("en_US", "Tue, Mar 3, 2026", "Tue, Mar 3"),
        ("de_DE", "Di., 3. März 2026", "Di., 3. März"),
    ],
)
def test_one_date_format_from_the_locale(name, full, short):
    locale = QLocale(name)
    assert day_text(date(2026, 3, 3), locale) == full
    assert day_month_text(date(2026, 3, 3), locale) == short


def test_dates_in_the_rules_text_are_shown_in_the_local_format():
    locale = QLocale("en_GB")
    assert localise_dates("pain on 2026-03-01 was 4", locale) == "pain on Sun, 1 Mar 2026 was 4"
    assert localise_dates("not a day 2026-02-30", locale) == "not a day 2026-02-30"


def test_no_tab_writes_a_date_its_own_way():
    """Every date on screen goes through ui/dates.py: no strftime or ISO date in ui/."""
    root = Path(ui_package.__file__).parent
    allowed = {"dates.py", "screenshots.py"}
    offenders = []
    for path in root.rglob("*.py"):
        if path.name in allowed:
            continue
        text = path.read_text()
        for pattern in (r"\.strftime\(", r'f"\{[^}]*:%[aAbBdY]', r"day\.isoformat\(\)"):
            if re.search(pattern, text):
                offenders.append(f"{path.relative_to(root)}: {pattern}")
    assert offenders == []
