"""The Recovery graphs' legends at 1280x800 and 1024x640, with the usual and a 150% font:
each plot's legend has a row of its own, so no entry covers another, a plot's data area or
the verdict strip, and every entry shows whole; the legend text is in the app's font."""

from __future__ import annotations

from itertools import combinations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication

SIZES = [(1280, 800), (1024, 640)]


def _plots(open_env, qtbot, size, colours="light"):
    from recovery_samples import known_history

    from hamstring_app.ui.menus import set_colours

    env = open_env(known_history())
    set_colours(env.session.window, colours)
    env.session.window.resize(*size)
    qtbot.wait(100)
    return env.tab.plots


def _entries(plots) -> list[tuple[str, QRectF]]:
    """Every legend entry's sample and text, as drawn (scene coordinates)."""
    out = []
    for legend in (plot.legend_item for plot in plots.plots):
        for sample, label in legend.items:
            out.append((f"sample of {label.text}", sample.sceneBoundingRect()))
            text = label.mapRectToScene(label.itemRect())
            out.append((label.text, text))
    return out


@pytest.mark.parametrize("font_scale", [1.0, 1.5], indirect=True)
@pytest.mark.parametrize("size", SIZES)
def test_legend_entries_cover_nothing(open_env, qtbot, size, font_scale):
    plots = _plots(open_env, qtbot, size)
    entries = _entries(plots)
    assert len(entries) >= 2 * 17
    # shrunk by half a pixel: rectangles that only touch do not cover each other
    shrunk = [(name, rect.adjusted(0.5, 0.5, -0.5, -0.5)) for name, rect in entries]
    overlaps = [(a, b) for (a, ra), (b, rb) in combinations(shrunk, 2) if ra.intersects(rb)]
    assert overlaps == []
    areas = [plot.vb.sceneBoundingRect() for plot in plots.plots]
    covering = [(name, i) for name, rect in shrunk for i, area in enumerate(areas)
                if rect.intersects(area)]
    assert covering == []
    shown = QRectF(plots.viewport().rect())
    cut = [name for name, rect in entries if not shown.contains(rect)]
    assert cut == []


@pytest.mark.parametrize("size", SIZES)
def test_each_legend_sits_just_above_its_plot(open_env, qtbot, size):
    plots = _plots(open_env, qtbot, size, colours="dark")
    for plot in plots.plots:
        legend = plot.legend_item
        rect, area = legend.sceneBoundingRect(), plot.vb.sceneBoundingRect()
        assert rect.bottom() <= area.top() + 0.5
        assert area.top() - rect.bottom() < 20, (legend.items[0][1].text, rect, area)
        assert rect.left() <= area.left() + 0.5 and rect.right() >= area.right() - 0.5


@pytest.mark.parametrize("font_scale", [1.0, 1.5], indirect=True)
def test_legend_text_follows_the_app_font(open_env, qtbot, font_scale):
    plots = _plots(open_env, qtbot, (1280, 800))
    metrics = QFontMetricsF(QApplication.font())
    for legend in (plot.legend_item for plot in plots.plots):
        for _sample, label in legend.items:
            drawn = label.item.document().idealWidth() - 2 * label.item.document().documentMargin()
            wanted = metrics.horizontalAdvance(label.item.toPlainText())
            assert abs(drawn - wanted) <= 0.08 * wanted + 2, (label.text, drawn, wanted)
