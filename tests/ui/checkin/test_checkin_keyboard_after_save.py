"""After a save the keyboard stays in the Today tab (Alt+Left/Right and Ctrl+D keep
working); Delete in the history never removes a second entry by itself; the reminder
banner goes once today's check-in exists (saved, or brought back by Undo)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hamstring_app.core.models import CheckIn
from hamstring_app.ui.events import Changes, Kind


def _active(qtbot, env):
    window = env.session.window
    window.activateWindow()
    qtbot.waitActive(window)
    return window


def test_after_saving_a_run_the_day_keys_still_work(qtbot, env):
    _active(qtbot, env)
    runs, form = env.tab.runs, env.tab.form
    qtbot.mouseClick(runs.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(runs.distance, "5")
    qtbot.keyClick(runs.distance, Qt.Key.Key_Return)
    focus = QApplication.focusWidget()
    assert focus is not None and env.tab.isAncestorOf(focus)
    assert runs.isAncestorOf(focus)  # on the day's runs, where the new one is
    qtbot.keyClick(focus, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert form.day() == env.today - timedelta(days=1)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert form.date_edit.hasFocus()


def test_after_saving_the_check_in_the_day_keys_still_work(qtbot, env, urgent_calls):
    _active(qtbot, env)
    form = env.tab.form
    form.focus_first()
    qtbot.keyClick(form.pain_rest, Qt.Key.Key_1)
    qtbot.keyClick(form.pain_rest, Qt.Key.Key_Return)
    assert env.repo.get_checkin(env.today) is not None
    focus = QApplication.focusWidget()
    assert focus is not None and form.isAncestorOf(focus)
    qtbot.keyClick(focus, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert form.day() == env.today - timedelta(days=1)


def test_delete_twice_in_the_history_removes_one_entry(qtbot, env):
    for days in (1, 2, 3):
        env.repo.save_checkin(CheckIn(day=env.today - timedelta(days=days), pain_rest=1))
    env.reload()
    history = env.tab.history
    history.select(env.today - timedelta(days=2))
    history.table.setFocus()
    qtbot.keyClick(history.table, Qt.Key.Key_Delete)
    qtbot.keyClick(history.table, Qt.Key.Key_Delete)
    assert len(env.repo.list_checkins()) == 2
    assert history.selected_row() is None
    assert not history.delete_button.isEnabled()
    qtbot.keyClick(history.table, Qt.Key.Key_Up)  # the keyboard carries on from there
    assert history.selected_row() is not None


def test_the_reminder_banner_goes_when_the_check_in_exists(qtbot, env):
    banner = env.session.window.banner
    reminder = env.session.reminder
    env.clock.advance(31 * 60)
    assert reminder.check() and banner.isVisible()
    env.repo.save_checkin(CheckIn(day=env.today, pain_rest=1))
    env.session.ctx.ops.announce(Changes.of(Kind.CHECKIN, days=(env.today,)))
    assert not banner.isVisible()
