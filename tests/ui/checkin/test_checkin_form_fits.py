"""The Today tab's check-in form fits the width of a small screen with a 150% font: no
sideways scrolling, and every 0-10 pain button (the "10" too) wholly inside the view."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from hamstring_app.ui.widgets.pain import PainScale


@pytest.mark.parametrize("editor", [False, True], ids=["form", "run-editor"])
@pytest.mark.parametrize("font_scale", [1.0, 1.5], indirect=True)
@pytest.mark.parametrize("size", [(1280, 800), (1024, 640)])
def test_the_form_needs_no_sideways_scrolling(env, qtbot, size, font_scale, editor):
    window = env.session.window
    window.resize(*size)
    env.tab.refresh_now()
    if editor:  # a new run's form, with its own pain scale, under the day's runs
        env.tab.runs.add_button.click()
    qtbot.wait(80)
    area = env.tab.left_scroll
    viewport = area.viewport()
    page = area.widget()
    wide = [
        f"{type(w).__name__} {w.accessibleName()!r} {w.minimumSizeHint().width()}"
        for w in page.findChildren(QWidget)
        if w.isVisible() and w.minimumSizeHint().width() > viewport.width() - 40
    ]
    assert area.horizontalScrollBar().maximum() == 0, wide
    assert area.widget().width() <= viewport.width()
    scales = [s for s in area.widget().findChildren(PainScale) if s.isVisible()]
    assert scales
    for scale in scales:
        for button in scale.buttons:
            left = button.mapTo(viewport, button.rect().topLeft()).x()
            right = button.mapTo(viewport, button.rect().topRight()).x()
            assert left >= 0 and right < viewport.width(), (
                scale.accessibleName(), button.text(), right, viewport.width()
            )
            assert button.width() >= button.fontMetrics().horizontalAdvance(button.text())
        for label in scale.band_labels:  # "moderate" spans only two numbers
            assert label.width() >= label.fontMetrics().horizontalAdvance(label.text())
