"""The main window fits the screen it opens on: a first start is no bigger than the
screen's free area with the window manager's frame around it, and a saved geometry is
used only when it lies on a screen that is there."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMargins, QPoint, QRect, QSize

from hamstring_app.ui.app import window_settings
from hamstring_app.ui.main_window import MainWindow
from hamstring_app.ui.window_size import (
    DEFAULT_SIZE,
    MINIMUM_SIZE,
    fitted_size,
    inside,
    on_a_screen,
)

OPENBOX = QMargins(1, 20, 1, 5)  # left, top, right, bottom, as openbox reports them


def test_a_first_start_fits_the_free_area_of_the_screen(session_factory, qtbot, home):
    session = session_factory()
    window = session.window
    window.show()
    qtbot.waitExposed(window)
    free = window.screen().availableGeometry()  # 800x800 off screen
    assert free.width() < DEFAULT_SIZE.width()
    assert free.contains(window.frameGeometry()), (window.frameGeometry(), free)
    assert window.minimumWidth() <= free.width()


@pytest.mark.parametrize(
    ("free", "frame", "expected"),
    [
        (QRect(0, 0, 1280, 800), OPENBOX, QSize(1278, 775)),
        (QRect(0, 0, 1024, 640), OPENBOX, QSize(1022, 615)),
        (QRect(0, 0, 1920, 1080), OPENBOX, DEFAULT_SIZE),  # room to spare: the usual size
        (QRect(0, 0, 800, 800), QMargins(), QSize(800, 800)),
    ],
)
def test_the_size_leaves_room_for_the_frame(free, frame, expected):
    assert fitted_size(DEFAULT_SIZE, free, frame) == expected


def test_the_size_never_goes_below_what_the_screen_cannot_hold_anyway():
    free = QRect(0, 0, 1024, 560)  # a netbook under a panel: less than the minimum
    size = fitted_size(DEFAULT_SIZE, free, OPENBOX)
    assert size.height() == 560 - 25
    assert fitted_size(MINIMUM_SIZE, free, OPENBOX).height() == 560 - 25


def test_a_frame_that_spills_over_is_moved_back_inside():
    free = QRect(0, 0, 1024, 640)
    assert inside(QRect(40, 30, 1024, 640), free) == QRect(0, 0, 1024, 640)
    assert inside(QRect(-20, -5, 400, 300), free).topLeft() == QPoint(0, 0)
    assert inside(QRect(900, 500, 400, 300), free).topLeft() == QPoint(624, 340)
    assert inside(QRect(10, 10, 400, 300), free) == QRect(10, 10, 400, 300)


def test_a_rectangle_is_on_a_screen_only_when_its_middle_is():
    screens = [QRect(0, 0, 1280, 800)]
    assert on_a_screen(QRect(100, 100, 800, 600), screens)
    assert not on_a_screen(QRect(3000, 100, 800, 600), screens)  # a monitor unplugged
    assert not on_a_screen(QRect(1270, 790, 800, 600), screens)  # a corner of 10 px


def test_a_saved_geometry_off_every_screen_is_not_used(session_factory, qtbot, home):
    session = session_factory()
    window = session.window
    window.show()
    qtbot.waitExposed(window)
    window.move(5000, 4000)  # where a second monitor was
    window.save_geometry()
    again = MainWindow(session.ctx, window_settings(session.ctx.paths), [])
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    free = again.screen().availableGeometry()
    assert free.contains(again.frameGeometry()), (again.frameGeometry(), free)


def test_a_saved_geometry_on_the_screen_is_kept(session_factory, qtbot, home):
    session = session_factory()
    window = session.window
    window.show()
    qtbot.waitExposed(window)
    width = window.minimumWidth()  # the offscreen screen is only 800 px wide
    window.resize(width, 620)
    window.move(0, 40)
    window.save_geometry()
    again = MainWindow(session.ctx, window_settings(session.ctx.paths), [])
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert (again.width(), again.height()) == (width, 620)
    assert (again.x(), again.y()) == (0, 40)
