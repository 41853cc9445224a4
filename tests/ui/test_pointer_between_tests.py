"""A hover test sees its mouse move even when the test before it left the pointer on the
same spot: tests/ui/conftest.py parks the pointer before each test."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtWidgets import QWidget
from ui_pointer import park_the_cursor


class _Moves(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, _watched, event) -> bool:
        if event.type() == QEvent.Type.MouseMove:
            self.count += 1
        return False


def _window(qtbot) -> tuple[QWidget, _Moves]:
    widget = QWidget()
    widget.setMouseTracking(True)
    qtbot.addWidget(widget)
    widget.setGeometry(100, 100, 300, 200)
    widget.show()
    qtbot.waitExposed(widget)
    moves = _Moves()
    widget.installEventFilter(moves)
    return widget, moves


def test_a_move_to_where_the_last_test_left_the_pointer_arrives(qtbot, qapp):
    first, _ = _window(qtbot)
    qtbot.mouseMove(first, QPoint(50, 50))  # as a hover test ends
    first.close()
    park_the_cursor()  # what the autouse fixture does before the next test
    second, moves = _window(qtbot)
    qtbot.mouseMove(second, QPoint(50, 50))
    qtbot.waitUntil(lambda: moves.count > 0, timeout=2000)
