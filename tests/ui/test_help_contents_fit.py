"""The help window's list of sections with a 150% font on a 1024x640 screen: every
heading shows whole (wrapped onto a second line where it is long), with no sideways
scrolling; it was cut ("When a professional has c")."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt


@pytest.mark.parametrize("font_scale", [1.0, 1.5], indirect=True)
def test_every_section_heading_shows_whole(qtbot, font_scale):
    from hamstring_app.ui.help_window import HelpWindow

    window = HelpWindow(None)
    qtbot.addWidget(window)
    window.resize(902 - 2, 605 - 25)  # what it gets under openbox on a 1024x640 screen
    window.show_page("guide")
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)
    contents = window.contents
    assert contents.count() > 10
    assert contents.horizontalScrollBar().maximum() == 0
    metrics = contents.fontMetrics()
    for row in range(contents.count()):
        item = contents.item(row)
        rect = contents.visualItemRect(item)
        needed = metrics.boundingRect(QRect(0, 0, rect.width() - 6, 10_000),
                                      Qt.TextFlag.TextWordWrap, item.text())
        assert needed.width() <= rect.width() and needed.height() <= rect.height(), (
            item.text(), rect, needed)
