"""The Recovery graphs' text at 1024x640 with a 150% font (and at 1280x800): the onset's
words stand inside the pain plot, and the pain axis labels stand at least a line of text
apart. (The recovery window's words: test_recovery_window_words.py.)"""

from __future__ import annotations

from itertools import pairwise

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QFontMetrics

SIZES = [(1280, 800), (1024, 640)]


def _plots(open_env, qtbot, size):
    from recovery_samples import known_history

    env = open_env(known_history())
    env.session.window.resize(*size)
    qtbot.wait(100)
    plots = env.tab.plots
    assert plots.onset_label.isVisible()
    assert plots.pain.legend_item.entry_text(plots.window_sample) is not None
    return plots


@pytest.mark.parametrize("font_scale", [1.0, 1.5], indirect=True)
@pytest.mark.parametrize("size", SIZES)
def test_the_onset_words_stand_inside_the_pain_plot(open_env, qtbot, size, font_scale):
    plots = _plots(open_env, qtbot, size)
    onset = plots.onset_label.sceneBoundingRect()
    area = plots.pain.vb.sceneBoundingRect()
    assert area.contains(onset.center()), (onset, area)
    assert onset.left() >= area.left() - 0.5 and onset.right() <= area.right() + 0.5


@pytest.mark.parametrize("font_scale", [1.0, 1.5], indirect=True)
@pytest.mark.parametrize("size", SIZES)
def test_the_pain_axis_labels_stand_apart(open_env, qtbot, size, font_scale):
    """Every second point is labelled at all four sizes (the pain plot keeps the height it
    takes, the tab scrolls for it), and the numbers stand clear of each other: their own
    height and a few pixels apart."""
    plots = _plots(open_env, qtbot, size)
    axis = plots.pain.getAxis("left")
    shown = [v for v, text in axis._tickLevels[0] if text]
    assert shown == [0, 2, 4, 6, 8, 10]
    vb = plots.pain.vb
    ys = sorted(vb.mapViewToScene(QPointF(0, v)).y() for v in shown)
    digits = QFontMetrics(axis.style.get("tickFont") or axis.font()).tightBoundingRect("10")
    gaps = [b - a for a, b in pairwise(ys)]
    assert min(gaps) >= digits.height() + 3, (shown, gaps, digits.height())


@pytest.mark.parametrize("font_scale", [1.0, 1.5], indirect=True)
@pytest.mark.parametrize("size", SIZES)
def test_value_axis_labels_stand_a_line_apart(open_env, qtbot, size, font_scale):
    """Distance, sessions, A:C and reps: the labelled ticks pyqtgraph draws are at least a
    text line apart on screen."""
    plots = _plots(open_env, qtbot, size)
    side = {plots.running: plots.acwr_view, plots.strength: plots.volume_view}
    for plot in (plots.running, plots.strength):
        for name, view in (("left", plot.vb), ("right", side[plot])):
            axis = plot.getAxis(name)
            low, high = view.viewRange()[1]
            px = view.height()
            spacing = axis.tickSpacing(low, high, px)
            step_px = spacing[0][0] * px / (high - low)
            line = QFontMetrics(axis.style.get("tickFont") or axis.font()).height()
            assert step_px >= line, (axis.labelText, spacing, step_px, line)
