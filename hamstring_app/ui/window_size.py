"""How big the main window opens, and where: inside the free area of a screen that is there
(the desktop's panels left out), with room for the window manager's frame.

Before the window is on screen its frame is not known, so a first start leaves room for a
usual one (:data:`FRAME_GUESS`). Once the window manager has put its frame around the
window, :class:`ScreenFit` shrinks and moves the window if the frame still spills over
(a saved geometry too). A window the runner drags partly off screen later is left where
they put it.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QByteArray, QEvent, QMargins, QObject, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

DEFAULT_SIZE = QSize(1280, 800)
MINIMUM_SIZE = QSize(960, 600)
#: a title bar and thin borders, until the window manager says (openbox: 1, 20, 1, 5)
FRAME_GUESS = QMargins(4, 28, 4, 8)


def fitted_size(wanted: QSize, free: QRect, frame: QMargins) -> QSize:
    """``wanted``, made no bigger than ``free`` can hold with ``frame`` around it."""
    room_w = free.width() - frame.left() - frame.right()
    room_h = free.height() - frame.top() - frame.bottom()
    return QSize(max(1, min(wanted.width(), room_w)), max(1, min(wanted.height(), room_h)))


def inside(outer: QRect, free: QRect) -> QRect:
    """``outer`` moved (not resized) so that it lies inside ``free``; the top left corner
    wins when it is bigger, so the title bar stays reachable."""
    x = max(free.left(), min(outer.left(), free.right() + 1 - outer.width()))
    y = max(free.top(), min(outer.top(), free.bottom() + 1 - outer.height()))
    return QRect(x, y, outer.width(), outer.height())


def on_a_screen(rect: QRect, screens: Iterable[QRect]) -> bool:
    """The middle of ``rect`` is on one of the ``screens`` (their free areas)."""
    middle = rect.center()
    return any(screen.contains(middle) for screen in screens)


def frame_of(window: QWidget) -> QMargins:
    """The window manager's frame around ``window`` (none before it is on screen)."""
    inner, outer = window.geometry(), window.frameGeometry()
    return QMargins(
        inner.left() - outer.left(),
        inner.top() - outer.top(),
        outer.right() - inner.right(),
        outer.bottom() - inner.bottom(),
    )


def free_area(window: QWidget) -> QRect:
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def _screens() -> list[QRect]:
    return [screen.availableGeometry() for screen in QGuiApplication.screens()]


def restore_or_default(window: QWidget, saved: QByteArray) -> None:
    """Put ``window`` where it was (``saved`` from saveGeometry) if that is on a screen
    that is there now; otherwise give it the first-start size."""
    window.setMinimumSize(fitted_size(MINIMUM_SIZE, free_area(window), FRAME_GUESS))
    if not saved.isEmpty() and window.restoreGeometry(saved):
        if on_a_screen(window.frameGeometry(), _screens()):
            return
        # from a screen that is gone: start afresh at the top left of this one
        window.setWindowState(Qt.WindowState.WindowNoState)
        window.move(free_area(window).topLeft())
    window.resize(fitted_size(DEFAULT_SIZE, free_area(window), FRAME_GUESS))


def fit_to_screen(window: QWidget) -> None:
    """Shrink and move ``window`` so that it and its frame lie inside its screen's free
    area (a maximised or full-screen window is the window manager's business)."""
    states = Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen
    if window.windowState() & states:
        return
    free, frame = free_area(window), frame_of(window)
    window.setMinimumSize(fitted_size(MINIMUM_SIZE, free, frame))
    size = fitted_size(window.size(), free, frame)
    if size != window.size():
        window.resize(size)
    outer = QRect(
        window.frameGeometry().topLeft(),
        QSize(
            size.width() + frame.left() + frame.right(),
            size.height() + frame.top() + frame.bottom(),
        ),
    )
    placed = inside(outer, free)
    if placed.topLeft() != outer.topLeft():
        window.move(placed.topLeft())


class ScreenFit(QObject):
    """Fits its window to the screen when the window manager's frame appears or changes
    (just after the window is shown, often without moving the window: so the first paints
    are watched as well as moves). Without a window manager (off screen) there is no
    frame, and a size the program sets stands."""

    WATCHED = (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Paint)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._frame = QMargins()
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self._window
            and event.type() in self.WATCHED
            and frame_of(self._window) != self._frame
        ):
            self._frame = frame_of(self._window)
            fit_to_screen(self._window)
        return False
