"""Work shown in parts, one part per turn of the event loop.

After a big change (an import of hundreds of runs) a tab that redrew everything in one go
would freeze the window for longer than a frame. ``Steps`` runs the first part now and
each next one once the events waiting behind it (painting, input) have had their turn.
Starting again drops the parts still waiting: they would show an older state.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class Steps(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._waiting: deque[Callable[[], None]] = deque()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._next)
        self.running = False  # True while one of the parts runs

    @property
    def pending(self) -> int:
        """Parts still waiting for their turn."""
        return len(self._waiting)

    def start(self, *parts: Callable[[], None]) -> None:
        """Drop what waits and run ``parts``, the first on the next turn."""
        self._waiting.clear()
        self._waiting.extend(parts)
        self._timer.start()

    def then(self, part: Callable[[], None]) -> None:
        """Run ``part`` on a turn of its own after the ones waiting."""
        self._waiting.append(part)
        if not self.running:
            self._timer.start()

    def clear(self) -> None:
        self._waiting.clear()
        self._timer.stop()

    def finish(self) -> None:
        """Run every waiting part now (for tests and for closing)."""
        self._timer.stop()
        while self._waiting:
            self._run(self._waiting.popleft())

    def _next(self) -> None:
        if self._waiting:
            self._run(self._waiting.popleft())
        if self._waiting:
            self._timer.start()

    def _run(self, part: Callable[[], None]) -> None:
        self.running = True
        try:
            part()
        finally:
            self.running = False
