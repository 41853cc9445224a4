"""The daily check-in reminder.

At the time chosen in settings, if today's check-in is not done yet, remind the runner once:
with the in-window banner, and (unless turned off in Settings) with a desktop notification,
through the tray icon or the desktop's notification service. Whether today's check-in is
done is read from the store, so it is right after a restart too. A single-shot timer waits
for the next reminder time (:func:`next_reminder_at`), looking again at least every few
minutes so a changed clock or a sleeping computer cannot make it miss the day. Time comes
from the app's clock, so tests move it by hand.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, QTimer

from hamstring_app.core.reminder import next_reminder_at, reminder_due
from hamstring_app.ui.context import AppContext
from hamstring_app.ui.events import Changes, Kind

__all__ = ["CheckInReminder", "next_reminder_at", "reminder_due"]

log = logging.getLogger(__name__)

Notify = Callable[[str, str, Callable[[], None]], None]
"""Shows a reminder in the window: (text, action text, action)."""

DesktopNotify = Callable[[str, str], str]
"""Shows a desktop notification (title, text); returns how ("tray", "desktop") or ""."""

CHECK_INTERVAL_MS = 5 * 60_000  # the longest wait before looking again


class CheckInReminder(QObject):
    """Waits for the reminder time (and looks again whenever data changes)."""

    def __init__(
        self,
        ctx: AppContext,
        notify: Notify,
        parent: QObject | None = None,
        *,
        desktop: DesktopNotify | None = None,
        interval_ms: int = CHECK_INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.notify = notify
        self.desktop = desktop
        #: takes the in-window reminder down again (set by the app with the banner)
        self.dismiss: Callable[[], None] | None = None
        self._banner_up = False
        self.reminded_on: date | None = None
        self.last_channel: str = ""  # "banner", or "banner+tray" / "banner+desktop"
        self.interval_ms = interval_ms
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._tick)
        self._running = False
        ctx.events.data_changed.connect(self._on_changed)

    def start(self) -> None:
        self._running = True
        self.check()
        self._arm()

    def stop(self) -> None:
        self._running = False
        self.timer.stop()

    def done_today(self) -> bool:
        """Today's check-in exists in the store."""
        return self.ctx.repo.get_checkin(self.ctx.clock.today()) is not None

    def wait_ms(self) -> int | None:
        """How long the timer waits before looking again (None: reminders are off)."""
        now = self.ctx.clock.now()
        at = next_reminder_at(now, self.ctx.repo.get_settings(), self.done_today(),
                              self.reminded_on)
        if at is None:
            return None
        return max(0, min(self.interval_ms, int((at - now).total_seconds() * 1000)))

    def _arm(self) -> None:
        if not self._running:
            return
        try:
            wait = self.wait_ms()
        except Exception:  # a reminder must never take the app down
            log.exception("Could not plan the next reminder")
            wait = None
        # off: still look now and then, in case the setting comes back on elsewhere
        self.timer.start(self.interval_ms if wait is None else wait)

    def _tick(self) -> None:
        self.check()
        self._arm()

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
        self._show(settings.reminder_notification)
        return True

    def _on_changed(self, changes: Changes) -> None:
        if Kind.SETTINGS in changes.kinds and self._running:
            self.check()  # a new reminder time may already have passed
            self._arm()
        if Kind.CHECKIN in changes.kinds:
            if self.done_today():
                if self._banner_up and self.dismiss is not None:
                    self.dismiss()  # saved, or brought back by Undo: nothing to remind of
                self._banner_up = False
            self._arm()

    def _text(self) -> str:
        return self.tr(
            "Time for today's check-in: about 30 seconds on how your hamstring feels."
        )

    def open_today(self) -> None:
        self.ctx.events.open_day.emit(self.ctx.clock.today())

    def _show(self, desktop_too: bool) -> None:
        text = self._text()
        self.notify(text, self.tr("Check in now"), self.open_today)
        self._banner_up = True
        self.last_channel = "banner"
        if desktop_too and self.desktop is not None:
            how = self.desktop(self.tr("Hamstring Coach"), text)
            if how:
                self.last_channel += "+" + how
        log.info("Check-in reminder shown (%s)", self.last_channel)
