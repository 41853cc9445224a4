"""The Recovery tab's top row (the range buttons, the hint, Export...) at 1280x800 and
1024x640 with the usual and a 150% font: every text shows whole, none cut at the edge."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

SIZES = [(1280, 800), (1024, 640)]


@pytest.mark.parametrize("font_scale", [1.0, 1.5], indirect=True)
@pytest.mark.parametrize("size", SIZES)
def test_the_top_row_shows_every_text_whole(open_env, qtbot, size, font_scale):
    from recovery_samples import known_history

    env = open_env(known_history())
    env.session.window.resize(*size)
    qtbot.wait(100)
    controls = env.tab.controls
    shown = [w for kind in (QLabel, QPushButton) for w in controls.findChildren(kind)
             if w.isVisible()]
    assert any(w.objectName() == "recoveryHint" for w in shown)
    for widget in shown:
        rect = widget.geometry()
        assert controls.rect().contains(rect), (widget.text(), rect, controls.rect())
        metrics = widget.fontMetrics()
        if isinstance(widget, QLabel) and widget.wordWrap():  # all its lines in view
            assert widget.heightForWidth(rect.width()) <= rect.height() + 1, widget.text()
        elif isinstance(widget, QLabel):
            assert rect.width() >= metrics.horizontalAdvance(widget.text()), widget.text()
        else:
            assert rect.width() >= widget.sizeHint().width(), widget.text()
