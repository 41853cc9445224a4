"""The system tray icon, desktop notifications, and starting at login.

Where the desktop has a system tray (and Settings keeps the icon on), the app shows an icon
there with "Check in now", "Open" and "Quit". Closing the window then hides it to the tray
(said once), so the daily reminder still comes; Quit really quits. Without a tray, closing
the window quits as before.

A desktop notification goes through the tray icon where there is one, else through the
freedesktop Notifications service (:mod:`hamstring_app.desktop_notify`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, QSocketNotifier
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QSystemTrayIcon, QWidget

from hamstring_app import APP_NAME
from hamstring_app.autostart import Autostart, launch_command
from hamstring_app.desktop_notify import DesktopNotifier
from hamstring_app.ui.context import AppContext
from hamstring_app.ui.events import Changes, Kind
from hamstring_app.ui.theme import icon

log = logging.getLogger(__name__)

TOLD_KEY = "tray/told_still_running"
NO_DESKTOP_PLATFORMS = ("offscreen", "minimal")  # nobody could see a notification there


class AppTray(QObject):
    """The tray icon of one app window. ``window`` needs ``bring_back()``."""

    def __init__(
        self,
        ctx: AppContext,
        window: QWidget,
        told: QSettings,
        *,
        available: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self._told = told
        #: is there a system tray? (asked each time: a panel can come and go)
        self._available = available or QSystemTrayIcon.isSystemTrayAvailable
        self.icon: QSystemTrayIcon | None = None
        #: the notification service, where there is no tray (made on first use)
        self.desktop: DesktopNotifier | None = None
        self._bus_watch: QSocketNotifier | None = None
        #: really quit the app (set by the app; the Quit entry and File > Quit call it)
        self.quit: Callable[[], None] = QApplication.quit
        ctx.events.data_changed.connect(self._on_changed)
        self.sync()

    # -- the icon -----------------------------------------------------------------------

    def wanted(self) -> bool:
        try:
            on = self.ctx.repo.get_settings().tray_icon
        except Exception:  # a tray icon must never take the app down
            log.exception("Could not read the tray setting")
            on = False
        return on and self._available()

    def active(self) -> bool:
        """The icon is in the tray: closing the window hides it there."""
        return self.icon is not None and self.icon.isVisible()

    def sync(self) -> None:
        """Show or hide the icon as the setting and the desktop allow."""
        if self.wanted():
            if self.icon is None:
                self.icon = self._make_icon()
            self.icon.show()
        elif self.icon is not None:
            self.icon.hide()
        app = QApplication.instance()
        if isinstance(app, QApplication):  # with the icon, only Quit ends the app
            app.setQuitOnLastWindowClosed(not self.active())

    def _make_icon(self) -> QSystemTrayIcon:
        tray = QSystemTrayIcon(icon("hamstring-coach"), self)
        tray.setToolTip(APP_NAME)
        menu = QMenu(self.window)
        self.check_in_action = QAction(self.tr("Check in now"), menu)
        self.check_in_action.triggered.connect(self.check_in_now)
        self.open_action = QAction(self.tr("Open"), menu)
        self.open_action.triggered.connect(self.open_window)
        self.quit_action = QAction(self.tr("Quit"), menu)
        self.quit_action.triggered.connect(lambda: self.quit())
        menu.addAction(self.check_in_action)
        menu.addAction(self.open_action)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        tray.setContextMenu(menu)
        self.menu = menu
        tray.activated.connect(self._activated)
        tray.messageClicked.connect(self.check_in_now)
        return tray

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger,
                      QSystemTrayIcon.ActivationReason.DoubleClick):
            self.open_window()

    def _on_changed(self, changes: Changes) -> None:
        if Kind.SETTINGS in changes.kinds:
            self.sync()

    def hide(self) -> None:
        """Take the icon away (the app is closing): closing a window quits again."""
        if self.icon is not None:
            self.icon.hide()
        self._stop_watching_bus()
        if self.desktop is not None:
            self.desktop.close()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(True)

    # -- what it does -------------------------------------------------------------------

    def open_window(self) -> None:
        self.window.bring_back()  # type: ignore[attr-defined]

    def check_in_now(self) -> None:
        self.open_window()
        self.ctx.events.open_day.emit(self.ctx.clock.today())

    def notify(self, title: str, text: str) -> str:
        """A desktop notification: "tray", "desktop" (the notification service) or ""."""
        if self.active():
            assert self.icon is not None
            self.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information)
            return "tray"
        if self.desktop is None:
            if QGuiApplication.platformName() in NO_DESKTOP_PLATFORMS:
                return ""
            self.desktop = DesktopNotifier()
        if not self.desktop.notify(title, text, self.tr("Check in now")):
            return ""
        self._watch_bus()
        return "desktop"

    def _watch_bus(self) -> None:
        """Hear a click on the notification: the service says so on the same connection."""
        fd = self.desktop.fileno() if self.desktop is not None else None
        if fd is None or (self._bus_watch is not None and self._bus_watch.socket() == fd):
            return
        self._stop_watching_bus()
        self._bus_watch = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
        self._bus_watch.activated.connect(self._bus_readable)

    def _bus_readable(self) -> None:
        if self.desktop is not None and self.desktop.clicked():
            self.check_in_now()
        if self.desktop is None or self.desktop.fileno() is None:
            self._stop_watching_bus()  # the bus went away

    def _stop_watching_bus(self) -> None:
        if self._bus_watch is not None:
            self._bus_watch.setEnabled(False)
            self._bus_watch.deleteLater()
            self._bus_watch = None

    def tell_still_running_once(self) -> None:
        """The first time the window hides to the tray, say where the app went."""
        if self._told.value(TOLD_KEY, False, type=bool):
            return
        self._told.setValue(TOLD_KEY, True)
        self._told.sync()
        if self.icon is not None:
            self.icon.showMessage(
                self.tr("Hamstring Coach is still running"),
                self.tr("It stays here in the tray to remind you to check in. "
                        "To close it, choose Quit from this icon's menu."),
                QSystemTrayIcon.MessageIcon.Information,
            )


# --------------------------------------------------------------------------- login


def apply_start_at_login(
    parent: QWidget, entry: Autostart, wanted: bool, data_dir: str
) -> bool:
    """Write or remove the start-at-login entry; say so when that fails. True when done."""
    try:
        if wanted:
            entry.enable(launch_command(data_dir))
        else:
            entry.disable()
    except OSError as exc:
        log.error("Start at login could not be changed at %s: %s", entry.where(), exc)
        QMessageBox.warning(
            parent,
            AppTray.tr("Start at login"),
            (AppTray.tr("Start at login could not be turned on: {where} could not be written "
                       "({reason}). Your other settings were saved.") if wanted else
             AppTray.tr("Start at login could not be turned off: {where} could not be removed "
                       "({reason}). Your other settings were saved.")).format(
                where=entry.where(), reason=exc.strerror or exc
            ),
        )
        return False
    return True
