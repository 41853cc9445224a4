"""Small widgets for the session screen: the huge countdown.

Pain is entered with ui/widgets/pain.py's PainScale, the same as in the check-in."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget


def format_seconds(remaining_s: float) -> str:
    """What the countdown shows: whole seconds, rounded up, as 45 or 1:30."""
    whole = max(0, int(-(-remaining_s // 1)))  # ceil without float surprises at .0
    if whole >= 60:
        return f"{whole // 60}:{whole % 60:02d}"
    return str(whole)


class BigCountdown(QWidget):
    """Very large text, sized from the widget, repainted only when the text changes.

    Readable from two metres: the glyphs fill most of the widget's height, whatever the
    window size. The font family and weight follow the application font.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._font = QFont(self.font())
        self._font.setBold(True)
        self._font.setStyleHint(QFont.StyleHint.SansSerif)
        self._fitted_for: tuple[int, int, int] | None = None
        self.paints = 0  # how many times it painted (the idle-cost test reads it)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(160, 80))
        self.setAccessibleName(self.tr("Time left"))

    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> bool:
        """Show ``text``; True when it changed (and so a repaint was requested)."""
        if text == self._text:
            return False
        old_len = len(self._text)
        self._text = text
        self.setAccessibleDescription(text)
        if len(text) != old_len:
            self._fitted_for = None
        self.update()
        return True

    def sizeHint(self) -> QSize:
        return QSize(480, 240)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fitted_for = None
        super().resizeEvent(event)

    def _fit_font(self) -> QFont:
        key = (self.width(), self.height(), max(len(self._text), 2))
        if self._fitted_for == key:
            return self._font
        # Size the font so that a string of this many wide digits fills the box.
        sample = "8" * key[2] if ":" not in self._text else "8:88"[: max(key[2], 3)]
        probe = QFont(self._font)
        probe.setPointSizeF(100.0)
        metrics = QFontMetricsF(probe)
        width_at_100 = max(metrics.horizontalAdvance(sample), 1.0)
        height_at_100 = max(metrics.capHeight() * 1.25, 1.0)
        scale = min(self.width() * 0.92 / width_at_100, self.height() * 0.9 / height_at_100)
        self._font.setPointSizeF(max(8.0, 100.0 * scale))
        self._fitted_for = key
        return self._font

    def paintEvent(self, event: QPaintEvent) -> None:
        self.paints += 1
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(self._fit_font())
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        metrics = QFontMetricsF(painter.font())
        # Centre on the cap height so digits sit in the visual middle.
        box = QRectF(self.rect())
        baseline = box.center().y() + metrics.capHeight() / 2
        width = metrics.horizontalAdvance(self._text)
        painter.drawText(int(box.center().x() - width / 2), int(baseline), self._text)
        painter.end()
