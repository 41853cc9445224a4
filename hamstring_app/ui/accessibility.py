"""Telling screen readers what changed: a new verdict, the next step of a session.

Qt passes an announcement event to the platform's accessibility bridge (AT-SPI on Linux,
UI Automation on Windows, NSAccessibility on macOS); with no screen reader running it costs
nothing. Every announcement is also kept in :data:`recent` (the last few), so what was said
can be checked.
"""

from __future__ import annotations

from collections import deque

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget

recent: deque[str] = deque(maxlen=20)
"""The latest announcements, newest last."""


def announce(widget: QWidget, text: str, *, urgent: bool = False) -> None:
    """Have a screen reader say ``text`` now, on behalf of ``widget``. ``urgent``
    interrupts what it is saying (for a warning); otherwise it waits its turn."""
    text = text.strip()
    if not text:
        return
    recent.append(text)
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive
        if urgent
        else QAccessible.AnnouncementPoliteness.Polite
    )
    QAccessible.updateAccessibility(event)
