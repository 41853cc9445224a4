"""The tray icon: its menu, hiding to the tray on close (said once), Quit, the setting, and
desktop notifications through it. The offscreen platform has no tray, so the tests give
the icon a stand-in answer to "is there a system tray?"."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from hamstring_app.core.models import Profile
from hamstring_app.ui.checkin.reminder import CheckInReminder
from hamstring_app.ui.checkin.tab import CheckInTab
from hamstring_app.ui.events import Changes, Kind
from hamstring_app.ui.tray import TOLD_KEY, AppTray


@pytest.fixture
def window(qtbot, session_factory, clock, home):
    session = session_factory(tab_factories=[CheckInTab])
    session.ctx.repo.save_profile(Profile(injury_start=clock.today() - timedelta(days=20)))
    session.ctx.ops.announce(Changes.of(Kind.PROFILE))
    window = session.window
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def tray(window, monkeypatch):
    messages: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QSystemTrayIcon, "showMessage", lambda self, title, text, *a: messages.append(
            (title, text)
        )
    )
    tray = AppTray(window.ctx, window, window._settings, available=lambda: True)
    tray.messages = messages
    window.tray = tray
    yield tray
    tray.hide()


def test_without_a_system_tray_there_is_no_icon_and_closing_quits(window):
    assert window.tray is not None  # launch() made one; offscreen has no tray
    assert not window.tray.active() and window.tray.icon is None
    assert QApplication.instance().quitOnLastWindowClosed()
    window.close()
    assert not window.isVisible()


def test_the_icon_and_its_menu(tray):
    assert tray.active()
    assert [a.text() for a in tray.menu.actions() if not a.isSeparator()] == [
        "Check in now", "Open", "Quit"
    ]
    assert not QApplication.instance().quitOnLastWindowClosed()  # only Quit ends it


def test_closing_the_window_hides_it_to_the_tray_and_says_so_once(qtbot, window, tray):
    assert not window.close()  # the close is turned into a hide
    assert not window.isVisible()
    assert len(tray.messages) == 1 and "still running" in tray.messages[0][0]
    assert "Quit" in tray.messages[0][1]
    assert window._settings.value(TOLD_KEY, False, type=bool)
    tray.open_action.trigger()
    qtbot.waitExposed(window)
    assert window.isVisible()
    window.close()
    assert not window.isVisible()
    assert len(tray.messages) == 1  # said once, also across restarts (window.ini)


def test_check_in_now_opens_todays_check_in(qtbot, window, tray):
    tab = window.tabs.widget(0)
    tab.form.set_day(window.ctx.clock.today() - timedelta(days=3))
    window.close()
    tray.check_in_action.trigger()
    qtbot.waitExposed(window)
    assert window.isVisible()
    assert tab.form.day() == window.ctx.clock.today()


def test_quit_really_quits(window, tray, monkeypatch):
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(True))
    tray.quit = window.quit_app
    tray.quit_action.trigger()
    assert not window.isVisible()
    assert quits == [True]
    assert tray.messages == []  # not "still running": it is not


def test_the_setting_takes_the_icon_away(window, tray):
    ctx = window.ctx
    ctx.ops.run(_save_tray, False)
    assert not tray.active()
    assert QApplication.instance().quitOnLastWindowClosed()
    window.close()
    assert not window.isVisible() and tray.messages == []  # closed, not hidden
    ctx.ops.run(_save_tray, True)
    assert tray.active()


def _save_tray(repo, on):
    from hamstring_app.store import operations as op

    return op.save_settings(repo, replace(repo.get_settings(), tray_icon=on))


def test_the_reminder_notifies_through_the_tray(window, tray):
    reminder = CheckInReminder(window.ctx, window.banner.show_message, desktop=tray.notify)
    window.ctx.clock.advance(60 * 60)
    assert reminder.check()
    assert reminder.last_channel == "banner+tray"
    assert tray.messages[-1][0] == "Hamstring Coach"
    assert "check-in" in tray.messages[-1][1]
    tray.hide()
    # no tray and no desktop to show on (offscreen): the banner alone
    assert tray.notify("Hamstring Coach", "text") == ""


def test_clicking_the_notification_opens_todays_check_in(qtbot, window, tray):
    tab = window.tabs.widget(0)
    tab.form.set_day(window.ctx.clock.today() - timedelta(days=2))
    window.close()
    tray.icon.messageClicked.emit()
    qtbot.waitExposed(window)
    assert tab.form.day() == window.ctx.clock.today()


@pytest.mark.parametrize("tray_there", [True, False])
def test_started_minimised_from_login(qapp, tmp_path, clock, home, monkeypatch, tray_there):
    """--minimized: only the tray icon where there is a tray, else a minimised window."""
    from PySide6.QtCore import QTimer

    from hamstring_app.ui import app as app_module

    data = tmp_path / "data"
    first = app_module.launch(data_dir=data, clock=clock)
    first.ctx.repo.save_profile(Profile(injury_start=clock.today() - timedelta(days=9)))
    first.close()
    from hamstring_app.ui import main_window

    # the start's own delayed steps (warming up tabs, preparing writes) are done before
    # the app quits, so none is left to fire into a later test
    for module, name in ((main_window, "WARM_UP_DELAY_MS"), (main_window, "WARM_UP_GAP_MS"),
                         (app_module, "PREPARE_WRITES_DELAY_MS")):
        monkeypatch.setattr(module, name, 5)
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", lambda: tray_there)
    monkeypatch.setattr(QSystemTrayIcon, "showMessage", lambda *a: None)
    seen = {}

    def look():
        window = next(w for w in QApplication.topLevelWidgets()
                      if type(w).__name__ == "MainWindow" and w.ctx.paths.root == data)
        seen.update(visible=window.isVisible(), minimized=window.isMinimized(),
                    tray=window.tray.active())
        window.quit_app()  # File > Quit

    QTimer.singleShot(600, look)
    assert app_module.run_gui(data_dir=str(data), minimized=True) == 0
    if tray_there:
        assert seen == {"visible": False, "minimized": False, "tray": True}
    else:
        assert seen["visible"] and seen["minimized"] and not seen["tray"]
    assert QApplication.instance().quitOnLastWindowClosed()  # put back on the way out



def test_without_a_tray_a_click_on_the_desktop_notification_opens_the_check_in(qtbot, window):
    from fake_bus import FakeBus, action_invoked

    from hamstring_app.desktop_notify import DesktopNotifier

    tray = AppTray(window.ctx, window, window._settings, available=lambda: False)
    bus = FakeBus()
    tray.desktop = DesktopNotifier(lambda: bus)
    tab = window.tabs.widget(0)
    tab.form.set_day(window.ctx.clock.today() - timedelta(days=2))
    assert tray.notify("Hamstring Coach", "Time for today's check-in") == "desktop"
    assert bus.sent[-1][0].body[5] == ["default", "Check in now"]
    bus.arrive(action_invoked(7))
    qtbot.waitUntil(lambda: tab.form.day() == window.ctx.clock.today(), timeout=3000)
    tray.hide()
    assert bus.closed
