"""The urgent warning needs its button; the pain anchors are readable text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette

from hamstring_app.ui.checkin.urgent import UrgentBox
from hamstring_app.ui.widgets.pain import PainScale


def test_escape_and_close_do_not_dismiss_the_urgent_warning(qtbot, env):
    box = UrgentBox(env.tab, "Sudden pain with weakness.")
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.isVisible()
    box.reject()
    assert box.isVisible()
    box.close()
    assert box.isVisible()
    assert box.ok_button.hasFocus() or box.focusWidget() is box.ok_button
    qtbot.mouseClick(box.ok_button, Qt.MouseButton.LeftButton)
    assert not box.isVisible()


def test_pain_anchors_are_normal_text(qtbot):
    scale = PainScale("Pain")
    qtbot.addWidget(scale)
    for anchor in (scale.low_anchor, scale.high_anchor):
        assert anchor.isEnabled()  # not the greyed-out disabled colour
        assert anchor.foregroundRole() == QPalette.ColorRole.WindowText
