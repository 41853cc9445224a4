"""A plot's legend on a row of its own, above the plot.

pyqtgraph's LegendItem lays its entries out in a grid of fixed columns and draws their text
at 9 pt whatever the app's font. This one puts the entries side by side over the plot's
data area, as many to a line as fit, and starts a new line for the rest; the row is then as
tall as its lines. The text is drawn in the font it is given (the app's, so a 150% system
font makes it 150% too).
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QSizePolicy

SAMPLE_PX = 20.0  # pyqtgraph's ItemSample draws into a 20 x 20 square
TEXT_GAP = 3.0  # between a sample and its text
TEXT_MARGIN = 1.0  # around the text, instead of Qt's 4 px


def css_size(font: QFont) -> str:
    """The font's size as CSS, for pyqtgraph's labels."""
    if font.pointSizeF() > 0:
        return f"{font.pointSizeF():g}pt"
    return f"{font.pixelSize()}px"


class FlowLegend(pg.LegendItem):
    """The legend of one plot: entries left to right from ``left`` (the plot's left axis
    width, so that they start over the data), wrapping before ``right`` px from the end."""

    def __init__(self, font: QFont, *, left: float, right: float) -> None:
        super().__init__(size=None, offset=None, labelTextSize=css_size(font))
        self.left_inset = left
        self.right_inset = right
        self._font = QFont(font)
        self._line_px = self._line_height()
        self._lines = 1
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(0)
        self._set_height(self._line_px)

    # ---------------------------------------------------------------- the font

    def set_font(self, font: QFont, *, left: float, right: float) -> None:
        """Draw the text in ``font`` (after a change of the app's font)."""
        self._font = QFont(font)
        self.left_inset, self.right_inset = left, right
        self.setLabelTextSize(css_size(font))
        for _sample, label in self.items:
            label.item.setFont(self._font)
            label.setText(label.text)
        self._line_px = self._line_height()
        self.reflow()

    def _line_height(self) -> float:
        return max(SAMPLE_PX, QFontMetricsF(self._font).height() + 2 * TEXT_MARGIN)

    # ---------------------------------------------------------------- pyqtgraph's hooks

    def _addItemToLayout(self, sample, label) -> None:
        for item in (sample, label):
            item.setParentItem(self)
        label.item.document().setDocumentMargin(TEXT_MARGIN)
        label.item.setFont(self._font)
        label.setText(label.text)  # sized again with the margin and font
        self.reflow()

    def _removeItemFromLayout(self, *items) -> None:
        for item in items:
            scene = item.scene()
            item.setParentItem(None)
            if scene is not None:
                scene.removeItem(item)

    def setColumnCount(self, columnCount: int) -> None:
        """Columns follow the width here."""

    def updateSize(self) -> None:
        self.reflow()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.reflow()

    # ---------------------------------------------------------------- layout

    def reflow(self) -> None:
        """Place the entries for the current width and fit the row's height to them."""
        if not hasattr(self, "_font"):
            return  # pyqtgraph's constructor, before ours has run
        start = self.left_inset
        # rect(), not size(): LegendItem keeps its constructor's ``size`` in an attribute
        end = max(self.rect().width() - self.right_inset, start + 1)
        gap = QFontMetricsF(self._font).horizontalAdvance("M") * 1.2
        line = self._line_px
        x, row = start, 0
        for sample, label in self.items:
            text = label.sizeHint(Qt.SizeHint.PreferredSize, QSizeF())
            width = SAMPLE_PX + TEXT_GAP + text.width()
            if x > start and x + width > end:
                x, row = start, row + 1
            top = row * line
            sample.setPos(x, top + (line - SAMPLE_PX) / 2)
            label.setGeometry(QRectF(x + SAMPLE_PX + TEXT_GAP, top + (line - text.height()) / 2,
                                     text.width(), text.height()))
            x += width + gap
        self._lines = row + 1
        self._set_height(self._lines * line)

    def _set_height(self, height: float) -> None:
        if self.minimumHeight() != height or self.maximumHeight() != height:
            self.setMinimumHeight(height)
            self.setMaximumHeight(height)
            self.setPreferredHeight(height)

    def lines(self) -> int:
        """How many lines the entries take at the current width."""
        return self._lines
