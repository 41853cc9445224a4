"""One key answers No to all eleven warning signs, the less common ones too ("None of
these"), and the keyboard moves on to the next question; a Yes can still be given to any one
after it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def test_none_of_these_answers_no_to_every_warning_sign(env, qtbot):
    form = env.tab.form
    button = form.no_flags_button
    assert button.isVisibleTo(env.tab)
    form.settled.setFocus()
    qtbot.keyClick(form.settled, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is button  # right after the pain questions
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert all(flag.value() is False for flag in form.red_flags.values())
    assert QApplication.focusWidget() is form.fatigue  # on past the warning signs
    assert form.dirty


def test_a_yes_after_none_of_these_is_kept(env, qtbot):
    form = env.tab.form
    form.no_flags_button.click()
    first = next(iter(form.red_flags.values()))
    first.setValue(True)
    assert first.value() is True
    assert sum(flag.value() is False for flag in form.red_flags.values()) == 10
