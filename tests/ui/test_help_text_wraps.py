"""The help window's text pane never scrolls sideways (a 150% font on a 1024x640 screen, or
the usual font): a picture wider than the pane is drawn at the pane's width, keeping its
proportions, and follows the pane when the window is resized."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextDocument


def _pictures(browser):
    """(name, drawn width, drawn height) of every picture in the page."""
    out = []
    block = browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                image = fmt.toImageFormat()
                out.append((image.name(), image.width(), image.height()))
            it += 1
        block = block.next()
    return out


@pytest.mark.parametrize("font_scale", [1.0, 1.5], indirect=True)
@pytest.mark.parametrize("page", ["guide", "learn"])
def test_the_text_pane_does_not_scroll_sideways(qtbot, font_scale, page):
    from hamstring_app.ui.help_window import HelpWindow

    window = HelpWindow(None)
    qtbot.addWidget(window)
    window.resize(902 - 2, 605 - 25)  # what it gets under openbox on a 1024x640 screen
    window.show_page(page)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)
    browser = window.browser
    assert browser.horizontalScrollBar().maximum() == 0
    assert browser.document().idealWidth() <= browser.viewport().width()


def test_a_wide_picture_fits_the_pane_and_keeps_its_shape(qtbot):
    from hamstring_app.ui.help_window import HelpWindow

    window = HelpWindow(None)
    qtbot.addWidget(window)
    window.resize(900, 580)
    window.show_page("guide")
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)
    browser = window.browser
    pictures = dict((name, (w, h)) for name, w, h in _pictures(browser))
    name = "screenshots/checkin-ladder-1280x800.png"
    width, height = pictures[name]
    room = browser.viewport().width()
    assert 0 < width <= room
    image = browser.document().resource(QTextDocument.ResourceType.ImageResource.value, name)
    assert abs(height / width - image.height() / image.width()) < 0.01
    window.resize(1200, 700)  # wider: it grows again, up to its own size
    qtbot.wait(50)
    grown = dict((n, w) for n, w, _h in _pictures(browser))[name]
    assert grown > width and grown <= min(image.width(), browser.viewport().width())
    assert browser.horizontalScrollBar().maximum() == 0
