"""The report's print preview opens no bigger than the screen's free area with room for the
window manager's frame: at 900x1000 it ran off a 1024x640 (and the test's 800x800) screen,
its bottom edge out of reach."""

from __future__ import annotations

from hamstring_app.ui.data_out.report_ui import make_preview, printer_for_report
from hamstring_app.ui.window_size import FRAME_GUESS, free_area


def test_the_preview_fits_the_screen(qtbot):
    dialog = make_preview(printer_for_report(), None)
    qtbot.addWidget(dialog)
    free = free_area(dialog)
    size = dialog.size()
    assert size.height() + FRAME_GUESS.top() + FRAME_GUESS.bottom() <= free.height(), (size, free)
    assert size.width() + FRAME_GUESS.left() + FRAME_GUESS.right() <= free.width(), (size, free)
    assert size.height() >= min(600, free.height() - 40)  # still a page's worth to read
