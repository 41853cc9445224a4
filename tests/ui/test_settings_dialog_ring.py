"""The Settings dialog's scroll area is plain: the focus ring round a setting at its edges
is drawn whole inside it, not cut into a blue line along the area's top and side."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QFrame

from hamstring_app.core.settings import Settings
from hamstring_app.ui.focus_ring import install_focus_ring
from hamstring_app.ui.settings_dialog import SettingsDialog


@pytest.mark.parametrize("font_scale", [1.0, 1.5], indirect=True)
def test_the_ring_round_the_first_setting_is_whole(qtbot, font_scale):
    ring = install_focus_ring(QApplication.instance())
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    area = dialog.scroll_area
    assert area.frameShape() == QFrame.Shape.NoFrame
    for widget in (dialog.reminder_check, dialog.watch_clear):  # top edge, right edge
        area.ensureWidgetVisible(widget)
        widget.setFocus()
        qtbot.waitUntil(lambda w=widget: ring.widget is w, timeout=2000)
        qtbot.wait(10)
        viewport = area.viewport()
        outline = QRect(ring.ring.mapTo(viewport, ring.ring.rect().topLeft()), ring.ring.size())
        assert viewport.rect().contains(outline), (type(widget).__name__, outline,
                                                   viewport.rect())
