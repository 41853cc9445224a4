"""Typing a date: day, month and year as people write them, and no day loads until the
date is complete (Enter or leaving the box)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt

from hamstring_app.ui.widgets.date_field import parse_typed_date


def _typed(env, day: date) -> str:
    """The text a person types for ``day`` in the box's own format."""
    edit = env.tab.form.date_edit
    return QDate(day.year, day.month, day.day).toString(edit.displayFormat())


def test_the_date_box_has_no_weekday(env):
    fmt = env.tab.form.date_edit.displayFormat()
    assert "ddd" not in fmt and "yyyy" in fmt


def test_typing_a_date_loads_one_day_after_enter(qtbot, env):
    form = env.tab.form
    target = env.today - timedelta(days=9)
    loads = form._loads
    qtbot.keyClick(form, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert form.date_edit.hasFocus()
    qtbot.keyClicks(form.date_edit.line, _typed(env, target))
    assert form.date_edit.text() == _typed(env, target)  # every digit was taken
    assert form.day() == env.today  # nothing loads while typing
    assert form._loads == loads
    qtbot.keyClick(form.date_edit.line, Qt.Key.Key_Return)
    assert form.day() == target
    assert form._loads == loads + 1
    assert form.pain_rest.hasFocus()  # Enter goes on to the first question


def test_backspace_in_the_date_loads_nothing(qtbot, env):
    form = env.tab.form
    loads = form._loads
    qtbot.keyClick(form, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(form.date_edit.line, Qt.Key.Key_End)
    for _ in range(3):
        qtbot.keyClick(form.date_edit.line, Qt.Key.Key_Backspace)
    assert form.day() == env.today
    assert form._loads == loads


def test_a_date_that_is_not_one_says_so_and_loads_nothing(qtbot, env):
    form = env.tab.form
    loads = form._loads
    qtbot.keyClick(form, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(form.date_edit.line, "31/31")
    qtbot.keyClick(form.date_edit.line, Qt.Key.Key_Return)
    assert form.day() == env.today and form._loads == loads
    assert form.date_error.isVisible()
    assert "not a date" in form.date_error.text()
    assert form.date_edit.hasFocus()  # still there to correct it


@pytest.mark.parametrize(
    ("text", "fmt", "expected"),
    [
        ("09/03/2026", "dd/MM/yyyy", date(2026, 3, 9)),
        ("9/3/26", "dd/MM/yyyy", date(2026, 3, 9)),
        ("03/09/2026", "MM/dd/yyyy", date(2026, 3, 9)),
        ("2026-03-09", "dd.MM.yyyy", date(2026, 3, 9)),
        ("9.3", "dd.MM.yyyy", date(2026, 3, 9)),
        ("2026/03/09", "yyyy/MM/dd", date(2026, 3, 9)),
        ("30/02/2026", "dd/MM/yyyy", None),
        ("yesterday", "dd/MM/yyyy", None),
        ("1/2/3/4", "dd/MM/yyyy", None),
    ],
)
def test_typed_dates_are_read_in_the_locale_order(text, fmt, expected):
    assert parse_typed_date(text, fmt, date(2026, 3, 18)) == expected
