"""A new window keeps room for every line of its wrapped text.

Qt sizes a new window's height for its preferred width, then narrows the window to two
thirds of the screen (a small screen, a large font): its word-wrapped labels then need
more lines than the height leaves, and are cut. :func:`grow_for_wrapped_text`, called when
the window is shown, gives it the height its layout needs at the width it got (no more
than the screen's free height).
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FRAME_ROOM = 40  # px left for a window manager's title bar and borders


def grow_for_wrapped_text(window: QWidget) -> None:
    layout = window.layout()
    if layout is None or not layout.hasHeightForWidth():
        return
    needed = layout.totalHeightForWidth(window.width())
    if needed <= window.height():
        return
    screen = window.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry().height() - FRAME_ROOM if screen is not None else needed
    window.resize(window.width(), max(window.height(), min(needed, room)))
