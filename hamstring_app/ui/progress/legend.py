"""A plot's legend and axis titles on a row of their own, above the plot.

pyqtgraph's LegendItem lays its entries out in a grid of fixed columns and draws their text
at 9 pt whatever the app's font. This one puts the entries side by side over the plot's
data area, as many to a line as fit, and starts a new line for the rest; the row is then as
tall as its lines. The text is drawn in the font it is given (the app's, so a 150% system
font makes it 150% too).

The axes' titles stand on the same row, level, over their axes: the left one ends where the
data begins (or starts at the row's edge when it is wider than the axis), the right one
starts where the data ends. Written along a short plot's axis, a title was taller than it.
With no right title, the first line runs on over the right axis.

An entry may have a shorter form (``add_entry(..., short=...)``), used when the full one
would start a line of its own.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF
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
    width, so that they start over the data), wrapping before ``right`` px from the end.
    Emits ``height_changed`` when the entries take another number of lines."""

    height_changed = Signal()

    def __init__(self, font: QFont, *, left: float, right: float) -> None:
        super().__init__(size=None, offset=None, labelTextSize=css_size(font))
        self.left_inset = left
        self.right_inset = right
        self._font = QFont(font)
        self._line_px = self._line_height()
        self._lines = 1
        self.left_title: pg.LabelItem | None = None
        self.right_title: pg.LabelItem | None = None
        self._forms: dict[pg.LabelItem, tuple[str, str]] = {}  # label: (full, short)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(0)
        self._set_height(self._line_px)

    # ---------------------------------------------------------------- the font

    def set_font(self, font: QFont, *, left: float, right: float) -> None:
        """Draw the text in ``font`` (after a change of the app's font)."""
        self._font = QFont(font)
        self.left_inset, self.right_inset = left, right
        self.setLabelTextSize(css_size(font))
        for label in self._labels():
            label.item.setFont(self._font)
            label.setAttr("size", css_size(font))
            label.setText(label.text)
        self._line_px = self._line_height()
        self.reflow()

    def set_text_colour(self, colour: QColor) -> None:
        """Draw the entries' text and the titles in ``colour``."""
        self.setLabelTextColor(colour)
        for label in self._labels():
            label.setText(label.text, color=colour)

    def add_entry(self, item, text: str, *, short: str | None = None) -> None:
        """Add an entry; with ``short``, that text stands in for ``text`` when the entry
        would otherwise take a line of its own."""
        self.addItem(item, text)
        if short is not None:
            label = self.items[-1][1]
            self._forms[label] = (text, short)
            self.reflow()

    def entry_text(self, item) -> str | None:
        """The full text of ``item``'s entry (None: it has none)."""
        for sample, label in self.items:
            if sample.item is item:
                return self._forms.get(label, (label.text,))[0]
        return None

    def remove_entry(self, item) -> None:
        """Take ``item``'s entry out (nothing happens when it has none)."""
        for sample, label in self.items:
            if sample.item is item:
                self._forms.pop(label, None)
                self.removeItem(item)
                return

    def _labels(self) -> list[pg.LabelItem]:
        titles = [t for t in (self.left_title, self.right_title) if t is not None]
        return [label for _sample, label in self.items] + titles

    # ---------------------------------------------------------------- the titles

    def set_title(self, side: str, text: str | None) -> None:
        """Name the plot's ``"left"`` or ``"right"`` axis (None: no title on that side)."""
        name = f"{side}_title"
        setattr(self, name, self._title(getattr(self, name), text))
        self.reflow()

    def _title(self, label: pg.LabelItem | None, text: str | None) -> pg.LabelItem | None:
        if text is None:
            if label is not None:
                self._removeItemFromLayout(label)
            return None
        if label is None:
            label = pg.LabelItem(text, justify="left", size=css_size(self._font), bold=True,
                                 color=self.opts["labelTextColor"])
            label.setParentItem(self)
            label.item.document().setDocumentMargin(TEXT_MARGIN)
            label.item.setFont(self._font)
        if label.text != text or label.item.document().documentMargin() != TEXT_MARGIN:
            label.setText(text)
        return label

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
        """Place the titles and entries for the current width and fit the row's height."""
        if not hasattr(self, "_font"):
            return  # pyqtgraph's constructor, before ours has run
        # rect(), not size(): LegendItem keeps its constructor's ``size`` in an attribute
        width = self.rect().width()
        line = self._line_px
        gap = QFontMetricsF(self._font).horizontalAdvance("M") * 1.2
        start, end = self.left_inset, max(width - self.right_inset, self.left_inset + 1)
        first_start, first_end = start, end  # the first line shares the titles' room
        if self.left_title is not None:
            size = self._text_size(self.left_title)
            x = max(0.0, start - gap / 2 - size.width())
            self._place(self.left_title, x, 0, size)
            first_start = max(start, x + size.width() + gap)
        if self.right_title is not None:
            size = self._text_size(self.right_title)
            x = max(min(end + gap / 2, width - size.width()), 0.0)
            self._place(self.right_title, x, 0, size)
            first_end = min(end, x - gap)
        else:
            first_end = max(width - TEXT_MARGIN, first_start + 1)
        x, row = first_start, 0
        for sample, label in self.items:
            line_start, line_end = (first_start, first_end) if row == 0 else (start, end)
            self._pick_form(label, x, line_end, starts_line=x <= line_start)
            size = self._text_size(label)
            entry = SAMPLE_PX + TEXT_GAP + size.width()
            if x > line_start and x + entry > line_end:
                x, row = start, row + 1
            sample.setPos(x, row * line + (line - SAMPLE_PX) / 2)
            self._place(label, x + SAMPLE_PX + TEXT_GAP, row, size)
            x += entry + gap
        self._lines = row + 1
        self._set_height(self._lines * line)

    def _pick_form(self, label: pg.LabelItem, x: float, line_end: float, *,
                   starts_line: bool) -> None:
        """The full text when the entry fits from ``x`` to ``line_end`` or starts its line,
        else the short one if that fits."""
        forms = self._forms.get(label)
        if forms is None:
            return
        full, short = forms
        metrics = QFontMetricsF(self._font)

        def fits(text: str) -> bool:
            width = metrics.horizontalAdvance(text) + 2 * TEXT_MARGIN + 1
            return starts_line or x + SAMPLE_PX + TEXT_GAP + width <= line_end

        text = full if fits(full) or not fits(short) else short
        if label.text != text:
            label.setText(text)

    @staticmethod
    def _text_size(label: pg.LabelItem) -> QSizeF:
        return label.sizeHint(Qt.SizeHint.PreferredSize, QSizeF())

    def _place(self, label: pg.LabelItem, x: float, row: int, size: QSizeF) -> None:
        top = row * self._line_px + (self._line_px - size.height()) / 2
        label.setGeometry(QRectF(x, top, size.width(), size.height()))

    def _set_height(self, height: float) -> None:
        if self.minimumHeight() != height or self.maximumHeight() != height:
            self.setMinimumHeight(height)
            self.setMaximumHeight(height)
            self.setPreferredHeight(height)
            self.height_changed.emit()

    def lines(self) -> int:
        """How many lines the entries take at the current width."""
        return self._lines
