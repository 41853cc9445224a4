"""A scroll area that scrolls only a widget taller than its least height.

QScrollArea's own fitting (``widgetResizable``) gives a widget with word-wrapped text its
preferred height for the width, so the Recovery view scrolled as soon as its graphs had
less than their preferred room. This one gives the widget the viewport's height, or its
least height for the width when that is more, and so scrolls only when the graphs would
otherwise be squeezed below their least height.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class FitScroll(QScrollArea):
    def __init__(self, widget: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(widget)
        widget.installEventFilter(self)
        self.viewport().installEventFilter(self)

    def least_height(self, width: int) -> int:
        """The widget's least height at ``width``."""
        widget = self.widget()
        layout = widget.layout()
        if layout is not None and layout.hasHeightForWidth():
            return layout.totalMinimumHeightForWidth(width)
        return widget.minimumSizeHint().height()

    def fit(self) -> None:
        widget = self.widget()
        if widget is None:
            return
        width = self.viewport().width()
        height = max(self.viewport().height(), self.least_height(width))
        if widget.size().width() != width or widget.size().height() != height:
            widget.resize(width, height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest) and (
            watched is self.viewport() or event.type() == QEvent.Type.LayoutRequest
        ):
            self.fit()
        return super().eventFilter(watched, event)
