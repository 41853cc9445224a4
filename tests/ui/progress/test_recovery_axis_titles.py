"""The Recovery graphs' axis titles at 1280x800 and 1024x640, with the usual and a 150%
font: each title stands whole over its own axis, on its plot's legend row, and covers no
other title, legend entry or plot."""

from __future__ import annotations

from itertools import combinations

import pytest
from PySide6.QtCore import QRectF

SIZES = [(1280, 800), (1024, 640)]


def _plots(open_env, qtbot, size):
    from recovery_samples import known_history

    env = open_env(known_history())
    env.session.window.resize(*size)
    qtbot.wait(100)
    return env.tab.plots


def _titles(plots):
    """(side, text, scene rect, plot) of every axis title on show: a rotated axis label,
    or a title on the legend row above the plot."""
    out = []
    for plot in plots.plots:
        for side in ("left", "right"):
            axis = plot.getAxis(side)
            if axis.label.isVisible():
                out.append((side, axis.labelText, axis.label.sceneBoundingRect(), plot))
        legend = plot.legend_item
        for side in ("left", "right"):
            title = getattr(legend, f"{side}_title", None)
            if title is not None and title.isVisible():
                out.append((side, title.text, title.mapRectToScene(title.itemRect()), plot))
    return out


@pytest.mark.parametrize("font_scale", [1.0, 1.5], indirect=True)
@pytest.mark.parametrize("size", SIZES)
def test_each_axis_title_fits_over_its_axis(open_env, qtbot, size, font_scale):
    plots = _plots(open_env, qtbot, size)
    titles = _titles(plots)
    names = {text for _, text, _, _ in titles}
    assert {"Pain (0-10)", "Distance (km)", "A:C (trend)", "Sessions", "Reps",
            "Verdict"} <= names
    shown = QRectF(plots.viewport().rect())
    above = None
    for side, text, rect, plot in titles:
        area = plot.vb.sceneBoundingRect()
        assert shown.contains(rect), (text, rect)
        # beside the data, on its own axis' side, and no lower than the plot's bottom
        if side == "left":
            assert rect.right() <= area.left() + 0.5 or rect.bottom() <= area.top() + 0.5
            assert rect.left() < area.left(), (text, rect, area)
        else:
            assert rect.left() >= area.right() - 0.5 or rect.bottom() <= area.top() + 0.5
            assert rect.right() > area.right(), (text, rect, area)
        assert rect.bottom() <= area.bottom() + 0.5
        index = plots.plots.index(plot)
        above = plots.plots[index - 1].vb.sceneBoundingRect() if index else None
        assert above is None or rect.top() >= above.bottom() - 0.5, (text, rect, above)
    shrunk = [(text, rect.adjusted(0.5, 0.5, -0.5, -0.5)) for _, text, rect, _ in titles]
    assert [(a, b) for (a, ra), (b, rb) in combinations(shrunk, 2) if ra.intersects(rb)] == []
    others = [plot.vb.sceneBoundingRect() for plot in plots.plots]
    for legend in plots.legends():
        for sample, label in legend.items:
            others += [sample.sceneBoundingRect(), label.mapRectToScene(label.itemRect())]
    covering = [text for text, rect in shrunk for other in others if rect.intersects(other)]
    assert covering == []
