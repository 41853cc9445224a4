"""The Strength tab's text fits at 1280x800, 1024x640 and with a 150% font: the session
summary's columns hold their text whole (nothing elided, no sideways scrolling), and the
"Your sessions" week heads never break inside a date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTableWidget

from hamstring_app.core.models import SetLog, StrengthSession

SIZES = [(1280, 800), (1024, 640)]


def _cut_cells(table: QTableWidget) -> list[str]:
    """Columns narrower than their text (Qt's own measure of a cell or head with its
    margins): such text shows elided."""
    header = table.horizontalHeader()
    cut = []
    for col in range(table.columnCount()):
        width = table.columnWidth(col)
        head = table.horizontalHeaderItem(col).text()
        if header.sectionSizeHint(col) > width:
            cut.append(f"head {head!r}: {header.sectionSizeHint(col)} in {width}")
        if table.sizeHintForColumn(col) > width:
            cut.append(f"column {head!r}: {table.sizeHintForColumn(col)} in {width}")
    return cut


def _worst_sets() -> list[SetLog]:
    """The longest things a summary row says: a loaded set stopped early, a long hold."""
    return [
        SetLog("romanian_deadlift", 1, reps=12, load_kg=22.5, pain=3),
        SetLog("romanian_deadlift", 2, reps=7, load_kg=22.5, pain=4, completed=False),
        SetLog("single_leg_bridge_hold", 1, hold_s=45, pain=2),
        SetLog("nordic_curl", 10, reps=10, pain=10),
    ]


@pytest.mark.parametrize("font_scale", [1.0, 1.5], indirect=True)
@pytest.mark.parametrize("size", SIZES)
def test_the_session_summary_columns_hold_their_text(strength_app, qtbot, size, font_scale):
    session, tab = strength_app()
    session.window.resize(*size)
    tab._preview("summary")
    summary = tab.runner.summary
    names = {s.exercise_id: tab.library.exercise(s.exercise_id).name for s in _worst_sets()}
    summary.show_sets(_worst_sets(), names, planned=12, ended_early=True)
    qtbot.wait(50)
    table = summary.table
    assert table.rowCount() == 4 and table.isVisible()
    assert _cut_cells(table) == []
    assert not table.horizontalScrollBar().isVisible()


def _soft_breaks(label) -> list[str]:
    """Lines the label's rich text breaks by itself, inside a table cell."""
    doc = QTextDocument()
    doc.setDefaultFont(label.font())
    doc.setDocumentMargin(0)
    doc.setHtml(label.text())
    doc.setTextWidth(label.contentsRect().width())
    doc.documentLayout().documentSize()  # lays the text out
    broken = []
    block = doc.begin()
    while block.isValid():
        cell_text = block.text()
        written_lines = cell_text.count("\u2028") + 1
        if block.layout().lineCount() > written_lines and _in_table(doc, block):
            broken.append(cell_text.replace("\u2028", " / "))
        block = block.next()
    return broken


def _in_table(doc, block) -> bool:
    from PySide6.QtGui import QTextCursor

    return QTextCursor(block).currentTable() is not None


def _sessions(today: date) -> list[StrengthSession]:
    days = [today - timedelta(days=d) for d in range(2, 60, 3)]
    return [StrengthSession(day=d, sets=(SetLog("nordic_curl", 1, reps=5),)) for d in days]


@pytest.mark.parametrize("font_scale", [1.0, 1.5], indirect=True)
@pytest.mark.parametrize("size", SIZES)
def test_the_week_heads_never_break_inside_a_date(strength_app, qtbot, size, font_scale):
    session, tab = strength_app()
    session.window.resize(*size)
    qtbot.wait(20)
    view = tab.history_view
    today = session.ctx.clock.today()
    view.show_history(_sessions(today), today, 3, lambda e: e)
    qtbot.wait(50)
    label = view.adherence_label
    assert "now" in label.text()
    assert _soft_breaks(label) == []
    doc = QTextDocument()
    doc.setDefaultFont(label.font())
    doc.setHtml(label.text())
    doc.setTextWidth(label.contentsRect().width())
    assert doc.idealWidth() <= label.contentsRect().width() + 1  # no cut-off columns


@pytest.mark.parametrize("font_scale", [1.0, 1.5], indirect=True)
@pytest.mark.parametrize("size", SIZES)
def test_the_plan_cards_fit_without_sideways_scrolling(strength_app, qtbot, size, font_scale):
    session, tab = strength_app(demo=True)  # phase 4: the longest doses, a full history
    session.window.resize(*size)
    qtbot.wait(100)
    plan = tab.plan_view
    assert plan.rows
    viewport = plan.list_area.viewport()
    assert plan.list_area.widget().width() <= viewport.width()  # nothing to scroll sideways
    assert plan.list_area.horizontalScrollBar().maximum() == 0
    for row in plan.rows:
        for button in (row.easier_button, row.harder_button):
            right = button.mapTo(viewport, button.rect().topRight()).x()
            assert right <= viewport.width(), (row.name_label.text(), right, viewport.width())


@pytest.mark.parametrize("font_scale", [1.0, 1.5], indirect=True)
@pytest.mark.parametrize("size", SIZES)
def test_the_history_table_fits_without_sideways_scrolling(strength_app, qtbot, size, font_scale):
    session, tab = strength_app()
    session.window.resize(*size)
    qtbot.wait(20)
    view = tab.history_view
    today = session.ctx.clock.today()
    sets = tuple(
        SetLog(e, 1, reps=5, pain=3)
        for e in ("nordic_curl", "romanian_deadlift", "single_leg_bridge_hold")
    )
    sessions = [StrengthSession(day=today - timedelta(days=d), sets=sets) for d in range(29, 1, -3)]
    view.show_history(sessions, today, 3, lambda e: tab.library.exercise(e).name)
    qtbot.wait(50)
    table = view.table
    assert table.isVisible() and table.rowCount() > 0
    header = table.horizontalHeader()
    assert table.horizontalScrollBar().maximum() == 0
    assert header.length() <= table.viewport().width()
    for col in (0, 2, 3, 4):  # the short columns shown hold their text whole
        if not table.isColumnHidden(col):
            assert table.columnWidth(col) >= table.sizeHintForColumn(col), col
    assert table.columnWidth(1) >= table.fontMetrics().averageCharWidth() * 6
    if size == (1280, 800) and font_scale == 1.0:
        assert not table.isColumnHidden(2)  # every column where there is room
