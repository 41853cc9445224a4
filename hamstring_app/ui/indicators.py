"""Check boxes and radio buttons whose edge shows on the dark palette.

Fusion outlines an indicator in the window colour made darker: on the dark palette
(#1f1f1f) that is #181818, about 1.1:1, and the box itself (#2a2a2a) is hardly lighter, so
an unticked box or an unchosen radio button could not be seen (WCAG asks 3:1 for a
control's edge). :class:`IndicatorStyle` draws Fusion's indicator, then, where the window
is dark, an outline in :data:`OUTLINE` round it (5:1 on the dark window).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)

OUTLINE = QColor("#8c8c8c")
_BOX = QStyle.PrimitiveElement.PE_IndicatorCheckBox
_RADIO = QStyle.PrimitiveElement.PE_IndicatorRadioButton


class IndicatorStyle(QProxyStyle):
    """Fusion, with an indicator edge that shows on a dark window."""

    def name(self) -> str:  # the style it draws with ("fusion"), as -style names it
        return self.baseStyle().name()

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption,
                      painter: QPainter, widget: QWidget | None = None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element not in (_BOX, _RADIO):
            return
        if option.palette.color(QPalette.ColorRole.Window).lightness() >= 128:
            return  # the light palette's edge is plain already
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, element == _RADIO)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(OUTLINE, 1.5 if element == _RADIO else 1))  # smoothed: wider
        rect = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
        if element == _RADIO:
            painter.drawEllipse(rect.adjusted(0.5, 0.5, -0.5, -0.5))
        else:
            painter.drawRect(rect)
        painter.restore()


def install_indicator_outline(app: QApplication) -> None:
    """Use :class:`IndicatorStyle` when the app draws with Fusion (not another style
    chosen with -style, or a desktop's own)."""
    style = app.style()
    if isinstance(style, IndicatorStyle) or style.name().lower() != "fusion":
        return
    base = QStyleFactory.create("fusion")
    if base is not None:
        app.setStyle(IndicatorStyle(base))
