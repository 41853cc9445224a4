"""The words for the usual recovery window ("Expected recovery: 2-6 weeks") at 1280x800 and
1024x640, with the usual and a 150% font: they show whole and cover no pain point and no
part of the 7-day average line, whatever the pain was during the window, and they take no
height from the pain plot."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPointF, QRectF, Qt

SIZES = [(1280, 800), (1024, 640)]
WORDS = "Expected recovery"


def _history(kind: str):
    from recovery_samples import known_history

    history = known_history()
    if kind == "high":  # pain up at the top of the scale through the window's first weeks
        checkins = tuple(replace(c, pain_rest=9 - k % 3, pain_next_morning=8)
                         for k, c in enumerate(history.checkins))
        history = replace(history, checkins=checkins)
    return history


def _words(plots) -> list[tuple[str, QRectF]]:
    """Every text on show that names the recovery window, with its scene rectangle: a
    text item in the pain plot or an entry of a legend row."""
    found = []
    for item in plots.pain.items:
        text = getattr(item, "toPlainText", None)
        if text is not None and WORDS in text() and item.isVisible():
            found.append((text(), item.sceneBoundingRect()))
    for plot in plots.plots:
        for _sample, label in plot.legend_item.items:
            if WORDS in label.text and label.isVisible():
                found.append((label.text, label.mapRectToScene(label.itemRect())))
    return found


def _point_rects(plots) -> list[QRectF]:
    """The pain points as drawn (each symbol's square) inside the pain plot."""
    vb = plots.pain.vb
    area = vb.sceneBoundingRect()
    rects = []
    for item in (plots.pain_rest, plots.pain_run, plots.pain_waking):
        for point in item.points():
            if not point.isVisible():
                continue
            centre = vb.mapViewToScene(point.pos())
            half = point.size() / 2
            rect = QRectF(centre.x() - half, centre.y() - half, 2 * half, 2 * half)
            if rect.intersects(area):
                rects.append(rect)
    return rects


def _line_points(plots) -> list[QPointF]:
    """Points along the 7-day average line, a pixel or so apart, inside the pain plot."""
    vb = plots.pain.vb
    area = vb.sceneBoundingRect()
    xs, ys = plots.pain_mean.getData()
    out = []
    for x0, y0, x1, y1 in zip(xs[:-1], ys[:-1], xs[1:], ys[1:], strict=True):
        if not np.isfinite([x0, y0, x1, y1]).all():
            continue
        a, b = vb.mapViewToScene(QPointF(x0, y0)), vb.mapViewToScene(QPointF(x1, y1))
        steps = max(2, int((b - a).manhattanLength()))
        for t in np.linspace(0.0, 1.0, steps):
            p = a + (b - a) * float(t)
            if area.contains(p):
                out.append(p)
    return out


@pytest.mark.parametrize("kind", ["known", "high"])
@pytest.mark.parametrize("font_scale", [1.0, 1.5], indirect=True)
@pytest.mark.parametrize("size", SIZES)
def test_the_window_words_cover_no_pain_data(open_env, qtbot, size, font_scale, kind):
    env = open_env(_history(kind))
    env.session.window.resize(*size)
    qtbot.wait(100)
    plots = env.tab.plots
    words = _words(plots)
    assert len(words) == 1
    text, rect = words[0]
    # in full, or short where the row has no room for it (the headline gives the weeks)
    assert text in ("Expected recovery: 2-6 weeks", "Expected recovery")
    assert plots.pain.legend_item.lines() == 1  # the plot keeps its height
    assert QRectF(plots.viewport().rect()).contains(rect), rect
    points = _point_rects(plots)
    assert len(points) >= 20  # the check-ins are in view
    covered = [p for p in points if p.intersects(rect)]
    assert covered == []
    line = _line_points(plots)
    assert len(line) > 50
    assert [p for p in line if rect.contains(p)] == []


def test_the_window_words_name_the_shaded_colour(env):
    """The words' sample in the legend is drawn in the window's own colour."""
    plots = env.tab.plots
    entries = [(sample, label) for sample, label in plots.pain.legend_item.items
               if WORDS in label.text]
    assert len(entries) == 1
    sample = entries[0][0]
    brush = sample.item.opts["brush"]
    assert brush.color().rgb() == plots.windows[0].brush.color().rgb()
    # no pen: pyqtgraph would draw it as a line through the middle of the square
    assert pg.mkPen(sample.item.opts["pen"]).style() == Qt.PenStyle.NoPen


def test_no_window_no_words(open_env, qtbot):
    """Without an onset there is no window, and nothing names one."""
    env = open_env(replace(_history("known"), profile=None))
    qtbot.wait(50)
    assert len(_point_rects(env.tab.plots)) >= 20
    assert _words(env.tab.plots) == []


@pytest.mark.parametrize("kind", ["known", "high"])
@pytest.mark.parametrize("font_scale", [1.0, 1.5], indirect=True)
@pytest.mark.parametrize("size", SIZES)
def test_the_onset_words_stand_where_the_points_are_not(open_env, qtbot, size, font_scale,
                                                        kind):
    """The onset's words go on whichever side of its line is clear of points (before the
    onset there are none here), even when the pain right after it was high."""
    env = open_env(_history(kind))
    env.session.window.resize(*size)
    qtbot.wait(100)
    plots = env.tab.plots
    label = plots.onset_label
    assert label.isVisible()
    rect = label.sceneBoundingRect()
    assert plots.pain.vb.sceneBoundingRect().contains(rect.center())
    assert [p for p in _point_rects(plots) if p.intersects(rect)] == []
    assert [p for p in _line_points(plots) if rect.contains(p)] == []
