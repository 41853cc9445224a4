"""The help window shows the pictures its pages name (relative to the page's folder)."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QPixmap, QTextDocument

from hamstring_app.ui.help_window import HelpWindow

PICTURE = "screenshots/checkin-ladder-1280x800.png"


def test_the_guides_screenshot_is_found(qtbot, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # not from the folder the app was started in
    window = HelpWindow()
    qtbot.addWidget(window)
    window.show_page("guide", "Today's run, the ladder and the week ahead")
    image = window.browser.document().resource(
        QTextDocument.ResourceType.ImageResource.value, QUrl(PICTURE)
    )
    assert isinstance(image, QImage | QPixmap) and not image.isNull()
    assert image.width() >= 1000
