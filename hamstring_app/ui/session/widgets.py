"""Small widgets for the session screen: the huge countdown and the pain entry."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QSpinBox, QWidget

from hamstring_app.core.models import Verdict
from hamstring_app.ui.theme import verdict_colour


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


PAIN_BANDS = ((0, 3, Verdict.CONTINUE), (4, 5, Verdict.HOLD), (6, 10, Verdict.STOP))


def pain_band(pain: int) -> tuple[Verdict, str]:
    """The band a pain score falls in (0-3 fine, 4-5 acceptable, 6+ too much), in words."""
    for low, high, verdict in PAIN_BANDS:
        if low <= pain <= high:
            return verdict, _band_words(verdict)
    raise ValueError(f"pain out of range: {pain}")


def _band_words(verdict: Verdict) -> str:
    tr = QCoreApplication.translate
    if verdict is Verdict.CONTINUE:
        return tr("PainBand", "0-3 fine")
    if verdict is Verdict.HOLD:
        return tr("PainBand", "4-5 acceptable, no more")
    return tr("PainBand", "6+ too much")


class PainEntry(QWidget):
    """Pain on the 0-10 scale with its anchors and the band the number falls in."""

    valueChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.spin = QSpinBox()
        self.spin.setRange(0, 10)
        self.spin.setAccessibleName(self.tr("Pain during the set, 0 to 10"))
        self.spin.setToolTip(self.tr("0 is no pain, 10 is the worst pain you can imagine."))
        self.band = QLabel()
        self.band.setAccessibleName(self.tr("Pain band"))
        self.band.setTextFormat(Qt.TextFormat.RichText)
        anchors = QLabel(self.tr("0 no pain · 10 worst imaginable"))
        anchors.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(self.spin)
        layout.addWidget(self.band)
        layout.addSpacing(12)
        layout.addWidget(anchors)
        self.spin.valueChanged.connect(self._changed)
        self._changed(self.spin.value())

    def value(self) -> int:
        return self.spin.value()

    def setValue(self, value: int) -> None:
        self.spin.setValue(value)

    def _changed(self, value: int) -> None:
        verdict, words = pain_band(value)
        marks = {Verdict.CONTINUE: "✓", Verdict.HOLD: "!", Verdict.STOP: "✕"}
        colour = verdict_colour(verdict).name()
        self.band.setText(f"<span style='color:{colour}'><b>{marks[verdict]} {words}</b></span>")
        self.valueChanged.emit(value)
