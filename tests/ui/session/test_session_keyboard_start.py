"""Keyboard only: Alt+2 lands on the Strength tab with the focus on Start session, and
Enter starts it (a button in a main window takes Space only, unless told otherwise)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hamstring_app.core.models import Profile


def test_alt_2_then_enter_starts_the_session(session_factory, qtbot):
    from hamstring_app.ui.checkin.tab import CheckInTab
    from hamstring_app.ui.session.tab import SessionTab

    session = session_factory(tab_factories=[CheckInTab, SessionTab])
    session.ctx.repo.save_profile(Profile(injury_start=date(2026, 2, 20)))
    window = session.window
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitActive(window)
    tab = window.tabs.widget(1)
    try:
        window.tab_actions[1].trigger()  # View > Strength, Alt+2
        assert window.tabs.currentWidget() is tab
        start = tab.plan_view.start_button
        qtbot.waitUntil(lambda: QApplication.focusWidget() is start, timeout=2000)
        qtbot.keyClick(start, Qt.Key.Key_Return)
        assert tab.stack.currentWidget() is tab.runner and tab.record is not None
    finally:
        if getattr(tab, "runner", None) is not None:  # never leave a session running
            tab.runner.stop()
            tab.record = None
            tab.stack.setCurrentWidget(tab.overview)
