"""A window too short for the Recovery graphs (1024x640 with a 150% font, under a window
manager's title bar and a larger system font) scrolls them instead of squeezing the plots
to nothing: each plot keeps room for a couple of text lines."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication


@pytest.mark.parametrize("font_scale", [1.5], indirect=True)
def test_a_short_window_scrolls_the_graphs(open_env, qtbot, font_scale):
    from recovery_samples import known_history

    env = open_env(known_history())
    env.session.window.resize(1024, 520)
    qtbot.wait(100)
    plots = env.tab.plots
    line = QFontMetrics(QApplication.font()).height()
    heights = [plot.vb.height() for plot in plots.plots[:3]]  # pain, running, strength
    assert min(heights) >= 1.5 * line, (heights, line)
    bar = env.tab.view_scroll.verticalScrollBar()
    assert bar.maximum() > 0
