"""A focus ring that is always visible: a 2-pixel outline in the highlight colour around
whichever control has the keyboard focus, on every style and palette.

Qt's styles draw focus faintly or not at all (Fusion marks a push button with a thin
dotted line; a table or a graph shows nothing), so one QFocusFrame follows the focus
through the whole app. A widget that draws its own ring sets the ``drawsFocusRing``
property (the pain scale does).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QApplication, QFocusFrame, QMenu, QMenuBar, QWidget

RING_WIDTH = 2


class _Ring(QFocusFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight))
        pen.setWidth(RING_WIDTH)
        painter.setPen(pen)
        half = RING_WIDTH / 2
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(half, half, -half, -half), 3, 3)


def wants_ring(widget: QWidget | None) -> bool:
    """Whether the shared ring should go round ``widget``."""
    if widget is None or not widget.isVisible():
        return False
    if isinstance(widget, QMenu | QMenuBar) or widget.isWindow():
        return False
    return not widget.property("drawsFocusRing")


class FocusRing(QObject):
    """Follows QApplication.focusChanged and keeps the ring round the focused control."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.ring = _Ring()
        self.widget: QWidget | None = None
        app.focusChanged.connect(self._moved)

    def _moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        if not shiboken6.isValid(self.ring):  # it went with the window it was last in
            self.ring = _Ring()
            self.widget = None
        target = new.focusProxy() or new if new is not None else None
        if not wants_ring(target):
            self.ring.setWidget(None)
            self.ring.hide()
            self.widget = None
            return
        self.ring.setWidget(target)
        if self.ring.parentWidget() is None:  # Qt refused it (e.g. inside a sub-window)
            self.ring.hide()
            self.widget = None
            return
        self.widget = target
        self.ring.show()
        self.ring.raise_()


_installed: FocusRing | None = None


def install_focus_ring(app: QApplication) -> FocusRing:
    """The app's one focus ring (installed once)."""
    global _installed
    if _installed is None or _installed.parent() is not app:
        _installed = FocusRing(app)
    return _installed
