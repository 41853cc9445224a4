"""The daily check-in reminder.

At the time chosen in settings, if today's check-in is not done yet, remind the runner once:
through the system tray where there is one, otherwise with the in-window banner. Whether
today's check-in is done is read from the store (a check-in exists for today), so it is
right after a restart too. Time comes from the app's clock, so tests move it by hand.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime, time

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QSystemTrayIcon

from hamstring_app.core.settings import Settings
from hamstring_app.ui.context import AppContext
from hamstring_app.ui.events import Changes, Kind
from hamstring_app.ui.theme import icon

log = logging.getLogger(__name__)

Notify = Callable[[str, str, Callable[[], None]], None]
"""Shows a reminder in the window: (text, action text, action)."""

CHECK_INTERVAL_MS = 30_000


def reminder_due(now: datetime, settings: Settings, done_today: bool, reminded_on: date | None
                 ) -> bool:
    """Pure decision: is it time to remind, and not already done or reminded today?"""
    if not settings.reminder_enabled or done_today:
        return False
    if reminded_on == now.date():
        return False
    hour, minute = settings.reminder_hour_minute
    return now.time().replace(tzinfo=None) >= time(hour, minute)


class CheckInReminder(QObject):
    """Checks every 30 seconds (and whenever data changes) whether to remind."""

    def __init__(
        self,
        ctx: AppContext,
        notify: Notify,
        parent: QObject | None = None,
        *,
        tray_available: Callable[[], bool] = QSystemTrayIcon.isSystemTrayAvailable,
        interval_ms: int = CHECK_INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.notify = notify
        #: takes the in-window reminder down again (set by the app with the banner)
        self.dismiss: Callable[[], None] | None = None
        self._banner_up = False
        self._tray_available = tray_available
        self.reminded_on: date | None = None
        self.last_channel: str = ""  # "tray" or "banner", for the log and tests
        self.tray: QSystemTrayIcon | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        ctx.events.data_changed.connect(self._on_changed)

    def start(self) -> None:
        self.timer.start()
        self.check()

    def stop(self) -> None:
        self.timer.stop()
        if self.tray is not None:
            self.tray.hide()

    def done_today(self) -> bool:
        """Today's check-in exists in the store."""
        return self.ctx.repo.get_checkin(self.ctx.clock.today()) is not None

    def check(self) -> bool:
        """Remind now if it is due. True when a reminder was shown."""
        try:
            settings = self.ctx.repo.get_settings()
        except Exception:  # a reminder must never take the app down
            log.exception("Could not read the reminder settings")
            return False
        now = self.ctx.clock.now()
        if not reminder_due(now, settings, self.done_today(), self.reminded_on):
            return False
        self.reminded_on = now.date()
        self._show()
        return True

    def _on_changed(self, changes: Changes) -> None:
        if Kind.SETTINGS in changes.kinds and self.timer.isActive():
            self.check()  # a new reminder time may already have passed
        if Kind.CHECKIN in changes.kinds and self.done_today():
            if self.tray is not None:
                self.tray.hide()
            if self._banner_up and self.dismiss is not None:
                self.dismiss()  # saved, or brought back by Undo: nothing to remind of
            self._banner_up = False

    def _text(self) -> str:
        return self.tr(
            "Time for today's check-in: about 30 seconds on how your hamstring feels."
        )

    def open_today(self) -> None:
        self.ctx.events.open_day.emit(self.ctx.clock.today())

    def _show(self) -> None:
        text = self._text()
        if self._tray_available():
            if self.tray is None:
                self.tray = QSystemTrayIcon(icon("hamstring-coach"), self)
                self.tray.setToolTip(self.tr("Hamstring Coach"))
                self.tray.messageClicked.connect(self.open_today)
                self.tray.activated.connect(lambda _reason: self.open_today())
            self.tray.show()
            self.tray.showMessage(
                self.tr("Hamstring Coach"), text, QSystemTrayIcon.MessageIcon.Information
            )
            self.last_channel = "tray"
        else:
            self.notify(text, self.tr("Check in now"), self.open_today)
            self._banner_up = True
            self.last_channel = "banner"
        log.info("Check-in reminder shown (%s)", self.last_channel)
