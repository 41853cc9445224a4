"""Tab order that follows the page: the order of the layouts, top to bottom and left to
right as they are drawn, not the order the widgets happened to be made in.

Qt chains focus in creation order, so a piece of advice made after the history table comes
after it, though it sits above it. :func:`apply_tab_order` walks the layouts (into scroll
areas, splitters and stacked pages) and chains the controls in that order.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLayout, QScrollArea, QSplitter, QStackedWidget, QWidget


def _takes_tab(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.focusProxy() is None


def _from_layout(layout: QLayout) -> Iterator[QWidget]:
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item.widget() is not None:
            yield from layout_order(item.widget())
        elif item.layout() is not None:
            yield from _from_layout(item.layout())


def layout_order(widget: QWidget) -> Iterator[QWidget]:
    """``widget`` (if it takes Tab) and the controls inside it, in the order drawn."""
    if _takes_tab(widget):
        yield widget
    if isinstance(widget, QScrollArea):
        if widget.widget() is not None:
            yield from layout_order(widget.widget())
        return
    if isinstance(widget, QSplitter | QStackedWidget):
        for index in range(widget.count()):
            yield from layout_order(widget.widget(index))
        return
    if widget.layout() is not None:
        yield from _from_layout(widget.layout())


def apply_tab_order(root: QWidget) -> list[QWidget]:
    """Chain the controls inside ``root`` in page order; returns that order."""
    order = list(dict.fromkeys(layout_order(root)))
    for first, second in itertools.pairwise(order):
        QWidget.setTabOrder(first, second)
    return order
