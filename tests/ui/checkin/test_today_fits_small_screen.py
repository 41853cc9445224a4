"""The Today tab's right column on a small screen with a large font: the history table
needs no sideways scrolling, and today's run shows without scrolling the verdict.

Sizes: 1280x800 and 1024x640 as the window's inside, and 1022x615, what the window gets on
a 1024x640 screen under openbox (its frame is 1, 20, 1, 5 px)."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QStyleOptionViewItem

from hamstring_app.core.clock import FakeClock
from hamstring_app.ui.checkin.history_columns import WARNINGS, fit_widths
from hamstring_app.ui.checkin.tab import CheckInTab
from hamstring_app.ui.dates import day_text

SIZES = [(1280, 800), (1024, 640), (1022, 615)]


@pytest.fixture
def demo_env(qtbot, session_factory, home, font_scale):
    """The Today tab of the demo (``--demo``): a verdict, an open injury episode (so all
    three episode buttons), today's run, the week, and years of history rows. Built after
    the font is scaled, as the app starts under a large system font."""
    clock = FakeClock(datetime(2026, 12, 1, 19, 30))  # the day the pictures were taken
    session = session_factory(demo=True, tab_factories=[CheckInTab], clock=clock)
    window = session.window
    window.show()
    qtbot.waitExposed(window)
    tab = window.tabs.widget(0)
    # not conftest's Env: `from conftest import` finds whichever test folder's conftest
    # was imported last, so collecting tests/store first broke this module
    return SimpleNamespace(session=session, tab=tab, repo=session.ctx.repo, clock=clock)


def _settle(qtbot, env, size):
    env.session.window.resize(*size)
    env.tab.refresh_now()
    qtbot.wait(80)


@pytest.mark.parametrize("font_scale", [1.0, 1.5], indirect=True)
@pytest.mark.parametrize("size", SIZES)
def test_the_history_needs_no_sideways_scrolling(demo_env, qtbot, size, font_scale):
    _settle(qtbot, demo_env, size)
    table = demo_env.tab.history.table
    assert table.isVisible() and table.model().rowCount() > 100
    widths = [table.columnWidth(c) for c in range(table.model().columnCount())]
    assert table.horizontalScrollBar().maximum() == 0, (widths, table.viewport().width())
    assert sum(widths) <= table.viewport().width()
    metrics = table.fontMetrics()
    # the date keeps its day, month and year (a narrow column drops the weekday first)
    longest = max((day_text(QDate(2026, m, 30 if m != 2 else 28).toPython())
                   for m in range(1, 13)), key=metrics.horizontalAdvance)
    without_weekday = longest.split(", ", 1)[-1]
    assert widths[0] >= metrics.horizontalAdvance(without_weekday)
    # entry kind and pain whole; the details keep some room to read
    assert widths[1] >= metrics.horizontalAdvance("Check-in")
    assert widths[2] >= metrics.horizontalAdvance("10/10")
    assert widths[4] >= metrics.averageCharWidth() * 8
    # too narrow for the warnings column: a check-in's warning sign shows beside its pain
    columns = demo_env.tab.history.columns
    assert columns.pains.marks == table.isColumnHidden(WARNINGS)
    if font_scale == 1.0:
        assert not table.isColumnHidden(WARNINGS)


def _drawn_date(table, row):
    """The text the date cell is drawn with (its delegate may shorten it)."""
    index = table.model().index(row, 0)
    option = QStyleOptionViewItem()
    option.initFrom(table.viewport())
    option.rect = table.visualRect(index)
    table.itemDelegateForColumn(0).initStyleOption(option, index)
    return option.text


@pytest.mark.parametrize(("size", "font_scale", "weekday"),
                         [((1280, 800), 1.0, True), ((1022, 615), 1.5, False)],
                         indirect=["font_scale"])
def test_the_date_drops_its_weekday_only_when_it_must(demo_env, qtbot, size, font_scale,
                                                      weekday):
    _settle(qtbot, demo_env, size)
    table = demo_env.tab.history.table
    full = table.model().index(0, 0).data()
    drawn = _drawn_date(table, 0)
    assert (drawn == full) is weekday, (drawn, full)
    assert drawn in full  # the same day, month and year either way


def test_columns_give_up_room_in_turn():
    natural, minimum = [170, 110, 75, 95], [125, 90, 64, 95]
    assert fit_widths(natural, minimum, 500) == natural  # room enough
    assert fit_widths(natural, minimum, 420) == [140, 110, 75, 95]  # the weekday first
    assert fit_widths(natural, minimum, 400) == [125, 105, 75, 95]  # then the entry kind
    assert fit_widths(natural, minimum, 300) == minimum  # no further than the minimum


@pytest.mark.parametrize("font_scale", [1.0, 1.5], indirect=True)
@pytest.mark.parametrize("size", SIZES)
def test_todays_run_shows_without_scrolling(demo_env, qtbot, size, font_scale):
    _settle(qtbot, demo_env, size)
    tab = demo_env.tab
    viewport = tab.verdict_scroll.viewport()
    assert tab.verdict_scroll.verticalScrollBar().value() == 0
    for label in (tab.plan.caption, tab.plan.summary):  # "Today's run" and its headline
        assert label.isVisible() and label.text()
        bottom = label.mapTo(viewport, label.rect().bottomLeft()).y()
        assert bottom < viewport.height(), (label.text(), bottom, viewport.height())


@pytest.mark.parametrize("font_scale", [1.5], indirect=True)
def test_the_episode_actions_stay_at_hand_when_they_fold(demo_env, qtbot, font_scale):
    """Too narrow for the three buttons side by side: one button opens them as a menu."""
    _settle(qtbot, demo_env, (1022, 615))
    bar = demo_env.tab.safety
    assert bar.more_button.isVisible()
    assert not bar.record_button.isVisible() and not bar.new_episode_button.isVisible()
    texts = [a.text() for a in bar.more_button.menu().actions() if a.isVisible()]
    assert texts[0] == bar.record_button.text() and texts[-1] == bar.new_episode_button.text()
    seen = []
    bar.new_episode_clicked.disconnect()  # the tab's own dialog is tested elsewhere
    bar.new_episode_clicked.connect(lambda: seen.append("new"))
    bar.more_button.menu().actions()[-1].trigger()
    assert seen == ["new"]
    _settle(qtbot, demo_env, (1900, 900))  # room for all three again
    assert not bar.more_button.isVisible() and bar.record_button.isVisible()
