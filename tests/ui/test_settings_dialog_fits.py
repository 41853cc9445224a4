"""With a 150% font the Settings dialog is taller than a small screen: it opens no taller
than the screen's free height, its contents scroll, and Save/Cancel stay in view."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from hamstring_app.core.settings import Settings
from hamstring_app.ui import settings_dialog
from hamstring_app.ui.settings_dialog import SettingsDialog


@pytest.fixture
def big_font(qapp):
    original = QApplication.font()
    bigger = QApplication.font()
    bigger.setPointSizeF(bigger.pointSizeF() * 1.5)
    QApplication.setFont(bigger)
    yield
    QApplication.setFont(original)


@pytest.mark.parametrize("font", ["normal", "big"])
def test_the_settings_fit_the_screen_height_with_the_buttons_in_view(
    qtbot, request, monkeypatch, font
):
    if font == "big":
        request.getfixturevalue("big_font")
    free = 600  # a 1024x640 screen less a 40 px panel
    monkeypatch.setattr(settings_dialog, "free_screen_height", lambda _widget: free, raising=False)
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.wait(30)
    assert dialog.frameGeometry().height() <= free
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons.isVisible()
    bottom = buttons.mapTo(dialog, buttons.rect().bottomLeft()).y()
    assert bottom <= dialog.height()
    page = dialog.scroll_area.widget()
    if page.height() > dialog.scroll_area.viewport().height():  # the rest is a scroll away
        assert dialog.scroll_area.verticalScrollBar().maximum() > 0
    # the last setting can be scrolled to and is then wholly in view
    dialog.scroll_area.ensureWidgetVisible(dialog.backups)
    qtbot.wait(10)
    assert dialog.backups.visibleRegion().boundingRect().height() == dialog.backups.height()
    assert not dialog.scroll_area.horizontalScrollBar().isVisible()
