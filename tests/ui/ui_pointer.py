"""The mouse pointer between UI tests."""

from __future__ import annotations


def park_the_cursor() -> None:
    """Qt drops a mouse move to where the pointer already is, so a hover test failed when an
    earlier test had left the pointer on the same spot (the same day at the same window
    size). Each UI test starts with it in the corner instead."""
    from PySide6.QtGui import QCursor
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is not None:
        # two steps: QCursor.setPos skips a spot the platform cursor is already on, and
        # QTest's moves never move the platform cursor, so (0, 0) alone worked only once
        QCursor.setPos(1, 1)
        QCursor.setPos(0, 0)
