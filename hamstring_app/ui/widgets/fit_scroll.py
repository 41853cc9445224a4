"""A scroll area whose page always gets the height its wrapped text needs.

QScrollArea works out a resizable page's height-for-width from the viewport's width
before a vertical scroll bar appears; when the bar then narrows the viewport, the page
keeps the shorter height and its word-wrapped labels and cards are squeezed over one
another. This area asks the page again whenever the viewport or the page changes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class FitScrollArea(QScrollArea):
    def __init__(self, page: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(page)
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.fit)
        page.installEventFilter(self)
        self.viewport().installEventFilter(self)

    def fit(self) -> None:
        page = self.widget()
        if page is None or not page.hasHeightForWidth():
            return
        needed = page.heightForWidth(self.viewport().width())
        if needed > 0 and page.minimumHeight() != needed:
            page.setMinimumHeight(needed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self.fit()
            self._later.start()  # again once a scroll bar has come or gone
        return super().eventFilter(watched, event)
