"""The Welcome dialog (first run) says why a value is refused, next to its field, for every
bad field at once; cancelling says that nothing was saved and how to come back."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from hamstring_app.core.models import Units
from hamstring_app.ui.profile_dialog import ProfileDialog

TODAY = date(2026, 3, 18)


@pytest.fixture
def welcome(qtbot) -> ProfileDialog:
    dialog = ProfileDialog(TODAY, None, first_run=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _start(dialog: ProfileDialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()


def _next_to(dialog: ProfileDialog, name: str, widget) -> str:
    """The message shown under ``widget``, in the same form row; empty if none."""
    label = dialog.errors.labels[name]
    assert label.parentWidget().isAncestorOf(widget)  # in the field's own row
    return label.text() if label.isVisibleTo(dialog) else ""


def test_every_refused_value_says_why_next_to_its_field_at_once(welcome):
    welcome.start_edit.line.setText("2031-03-18")
    welcome.weekly_edit.setText("-5")
    welcome.cadence_edit.setText("50")
    _start(welcome)
    assert welcome.profile() is None and welcome.isVisible()
    start = _next_to(welcome, "injury_start", welcome.start_edit)
    weekly = _next_to(welcome, "usual_weekly_km", welcome.weekly_edit)
    cadence = _next_to(welcome, "usual_cadence_spm", welcome.cadence_edit)
    assert "future" in start and "2031" in start
    assert "-5" in weekly and "0" in weekly and "empty" in weekly
    assert "50" in cadence and "100" in cadence and "260" in cadence
    assert "double" in cadence  # 50 is what counting one foot gives
    assert welcome.start_edit.hasFocus()  # the first bad field


def test_a_distance_too_large_or_not_a_number_says_so(welcome):
    welcome.weekly_edit.setText("5000")
    welcome.cadence_edit.setText("fast")
    _start(welcome)
    assert "1000" in _next_to(welcome, "usual_weekly_km", welcome.weekly_edit)
    assert "fast" in _next_to(welcome, "usual_cadence_spm", welcome.cadence_edit)
    assert _next_to(welcome, "injury_start", welcome.start_edit) == ""
    assert welcome.weekly_edit.hasFocus()


def test_the_limit_is_said_in_the_units_chosen(welcome):
    welcome.units_combo.setCurrentIndex(welcome.units_combo.findData(Units.MILES))
    welcome.weekly_edit.setText("900")
    _start(welcome)
    message = _next_to(welcome, "usual_weekly_km", welcome.weekly_edit)
    assert "621 mi" in message and "km" not in message


def test_leaving_a_field_says_why_and_fixing_it_clears_the_message(welcome, qtbot):
    welcome.cadence_edit.setFocus()
    welcome.cadence_edit.setText("300")
    welcome.weekly_edit.setFocus()  # leaving the field reads it
    assert "260" in _next_to(welcome, "usual_cadence_spm", welcome.cadence_edit)
    welcome.cadence_edit.setFocus()
    welcome.cadence_edit.setText("170")
    welcome.weekly_edit.setFocus()
    assert _next_to(welcome, "usual_cadence_spm", welcome.cadence_edit) == ""


def test_good_values_are_kept_and_empty_ones_mean_not_known(welcome):
    welcome.start_edit.line.setText("2026-02-20")
    welcome.weekly_edit.setText("30")
    welcome.cadence_edit.setText("")
    _start(welcome)
    profile = welcome.profile()
    assert profile is not None and not welcome.isVisible()
    assert profile.injury_start == date(2026, 2, 20)
    assert profile.usual_weekly_km == 30.0 and profile.usual_cadence_spm is None


def _leave_box(dialog: ProfileDialog) -> tuple[QMessageBox, str]:
    box = dialog.leave_box
    assert box is not None and box.isVisible()
    return box, box.text() + "\n" + box.informativeText()


def _click(box: QMessageBox, text: str) -> None:
    [button] = [b for b in box.buttons() if b.text().replace("&", "") == text]
    button.click()


def test_cancel_on_the_welcome_says_nothing_was_saved_and_how_to_come_back(welcome):
    welcome.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()
    box, said = _leave_box(welcome)
    assert welcome.isVisible()  # not gone yet
    assert "Nothing" in said and "saved" in said
    assert "next time you open Hamstring Coach" in said
    _click(box, "Leave")
    assert not welcome.isVisible() and welcome.result() == 0 and welcome.profile() is None


def test_going_back_from_the_cancel_question_keeps_what_was_typed(welcome, qtbot):
    welcome.weekly_edit.setText("25")
    welcome.reject()  # Esc or the window's close button
    box, _ = _leave_box(welcome)
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # Esc on the question goes back
    assert not box.isVisible() and welcome.isVisible()
    assert welcome.weekly_edit.text() == "25"
    welcome.reject()
    _click(_leave_box(welcome)[0], "Go back")
    assert welcome.isVisible()


def test_cancel_on_the_profile_dialog_asks_nothing(qtbot):
    from hamstring_app.core.models import Profile

    dialog = ProfileDialog(TODAY, Profile(injury_start=TODAY))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reject()
    assert dialog.findChild(QMessageBox) is None and not dialog.isVisible()


def test_at_150_percent_font_the_welcome_fits_the_screen_and_scrolls(qtbot):
    original = QApplication.font()
    bigger = QApplication.font()
    bigger.setPointSizeF(bigger.pointSizeF() * 1.5)
    QApplication.setFont(bigger)
    try:
        dialog = ProfileDialog(TODAY, None, first_run=True)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.start_edit.line.setText("2031-03-18")
        dialog.cadence_edit.setText("50")
        _start(dialog)
        room = dialog.screen().availableGeometry().height()
        assert dialog.height() <= room
        assert dialog.findChild(QDialogButtonBox).isVisible()  # Start and Cancel stay on show
        # the widest row fits beside the scroll bar: nothing is cut at the side
        assert dialog.body.minimumSizeHint().width() <= dialog.scroll.viewport().width()
        dialog.done(0)
    finally:
        QApplication.setFont(original)
