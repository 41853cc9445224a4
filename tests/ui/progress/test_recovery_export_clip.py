"""The SVG export keeps every graph item inside its plot (bug 5: the recovery window's
shading and the bars ran across the legend, because the SVG had no clipping at all).

The exported file is read as geometry: each drawing element's box in the picture's own
coordinates (its transforms applied) and the clip paths around it. An element drawn in a
plot's data coordinates (days in seconds, so a tiny horizontal scale) must lie inside that
plot's area, or inside a clip path that does.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QRectF

from hamstring_app.ui.progress.navigation import Preset

NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
SHAPES = ("rect", "path", "polyline", "polygon", "line", "circle", "ellipse", "image")
TOLERANCE = 1.5  # px: the file writes six significant digits


def _tag(el: ET.Element) -> str:
    return el.tag.rsplit("}", 1)[-1]


def _matrix(el: ET.Element) -> np.ndarray:
    found = re.fullmatch(r"\s*matrix\(([^)]*)\)\s*", el.get("transform") or "")
    if not found:
        return np.identity(3)
    a, b, c, d, e, f = (float(v) for v in NUMBER.findall(found.group(1)))
    return np.array([[a, c, e], [b, d, f], [0.0, 0.0, 1.0]])


def _points(el: ET.Element) -> np.ndarray:
    tag = _tag(el)
    if tag in ("rect", "image"):
        x, y = float(el.get("x", 0)), float(el.get("y", 0))
        w, h = float(el.get("width", 0)), float(el.get("height", 0))
        values = [x, y, x + w, y + h]
    elif tag in ("circle", "ellipse"):
        cx, cy = float(el.get("cx", 0)), float(el.get("cy", 0))
        rx = float(el.get("rx", el.get("r", 0)))
        ry = float(el.get("ry", el.get("r", 0)))
        values = [cx - rx, cy - ry, cx + rx, cy + ry]
    elif tag == "line":
        values = [float(el.get(k, 0)) for k in ("x1", "y1", "x2", "y2")]
    else:
        values = [float(v) for v in NUMBER.findall(el.get("d") or el.get("points") or "")]
    pts = np.array(values[: len(values) // 2 * 2], dtype=float).reshape(-1, 2)
    return pts[np.all(np.isfinite(pts), axis=1)]


def _box(pts: np.ndarray, matrix: np.ndarray) -> QRectF | None:
    if len(pts) == 0:
        return None
    mapped = (matrix @ np.column_stack([pts, np.ones(len(pts))]).T)[:2].T
    (x0, y0), (x1, y1) = mapped.min(axis=0), mapped.max(axis=0)
    return QRectF(x0, y0, x1 - x0, y1 - y0)


def _inside(inner: QRectF, outer: QRectF) -> bool:
    return (  # QRectF.contains is false for a line's zero-width box
        inner.left() >= outer.left() - TOLERANCE and inner.right() <= outer.right() + TOLERANCE
        and inner.top() >= outer.top() - TOLERANCE
        and inner.bottom() <= outer.bottom() + TOLERANCE
    )


def _clipped(box: QRectF, clips: list[QRectF]) -> QRectF | None:
    """What of ``box`` the clips leave (None for nothing); lines have zero-width boxes."""
    left, top, right, bottom = box.left(), box.top(), box.right(), box.bottom()
    for clip in clips:
        left, top = max(left, clip.left()), max(top, clip.top())
        right, bottom = min(right, clip.right()), min(bottom, clip.bottom())
    if left > right or top > bottom:
        return None
    return QRectF(left, top, right - left, bottom - top)


def _drawn(root: ET.Element):
    """(element, box, clip boxes around it, its horizontal scale) for every shape drawn."""
    clips = {}
    for clip in root.iter():
        if _tag(clip) == "clipPath":
            shapes = [s for s in clip.iter() if _tag(s) in SHAPES]
            boxes = [_box(_points(s), _matrix(s)) for s in shapes]
            clips[clip.get("id")] = [b for b in boxes if b is not None]

    def walk(el, matrix, clip_boxes):
        if _tag(el) in ("defs", "clipPath"):
            return
        ref = re.fullmatch(r"url\(#([^)]*)\)", el.get("clip-path") or "")
        if ref:  # in the user space of the element that refers to it
            clip_boxes = [*clip_boxes, _box_of(clips.get(ref.group(1), []), matrix)]
        matrix = matrix @ _matrix(el)
        if _tag(el) in SHAPES:
            box = _box(_points(el), matrix)
            if box is not None:
                yield el, box, clip_boxes, abs(matrix[0, 0])
        for child in el:
            yield from walk(child, matrix, clip_boxes)

    yield from walk(root, np.identity(3), [])


def _box_of(boxes: list[QRectF], matrix: np.ndarray) -> QRectF:
    union = QRectF()
    for b in boxes:
        union = union.united(b)
    corners = np.array([[union.left(), union.top()], [union.right(), union.bottom()]])
    return _box(corners, matrix) or QRectF()


def _plot_areas(tab) -> list[QRectF]:
    """Each plot's data area in the exported widget's coordinates."""
    plots = tab.plots
    offset = plots.viewport().mapTo(tab.view, QPoint(0, 0))
    areas = []
    for plot in plots.plots:
        rect = plots.mapFromScene(plot.vb.sceneBoundingRect()).boundingRect()
        areas.append(QRectF(rect.translated(offset)))
    return areas


def _escapes(env, tmp_path) -> list[str]:
    path = env.tab.export_to(tmp_path / "recovery.svg")
    areas = _plot_areas(env.tab)
    bad, data_items = [], 0
    for el, box, clip_boxes, x_scale in _drawn(ET.parse(path).getroot()):
        if x_scale > 0.01:
            continue  # drawn in pixels: labels, legends, axes
        data_items += 1
        shown = _clipped(box, clip_boxes)
        if shown is None:
            continue  # clipped away entirely
        if not any(_inside(shown, area) for area in areas):
            bad.append(f"<{_tag(el)}> shown at {shown.getRect()}")
    assert data_items > 50, "the file should hold the graphs' own items"
    return bad


@pytest.mark.parametrize("preset", [Preset.FOUR_WEEKS, Preset.TWELVE_WEEKS, Preset.ALL])
def test_svg_export_keeps_the_graphs_inside_their_plots(env, tmp_path, preset):
    env.tab.show_preset(preset)  # on 4 and 12 weeks the recovery window runs past the view
    assert _escapes(env, tmp_path) == []
