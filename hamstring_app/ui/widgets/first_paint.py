"""Run something once a widget has been painted, on a later turn of the event loop.

A window that builds, lays out and paints a big view in one go holds the event loop up
for longer than a frame. Split in two, the cheap frame is painted first; what comes next
(the view's rows) starts only once that paint has returned and the events waiting behind
it (input, the next frame) have had their turn, so the two never add up in one gap.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

#: the pause after the paint: a real timer, so the event loop goes round at least once
#: (input and other timers get their turn) before ``then`` runs
AFTER_MS = 1


class AfterFirstPaint(QObject):
    """Calls ``then()`` a turn after ``widget``'s next paint; once, then it is done.
    Nothing runs if the widget is hidden by then (a dialog closed at once)."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)

    @property
    def waiting(self) -> bool:
        return self._then is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            QTimer.singleShot(AFTER_MS, self, self._run)
        return False

    def run_now(self) -> None:
        """Do it now, shown and painted or not (a dialog used without being shown)."""
        self._widget.removeEventFilter(self)
        then, self._then = self._then, None
        if then is not None:
            then()

    def _run(self) -> None:
        if self._widget.isVisible():
            self.run_now()
