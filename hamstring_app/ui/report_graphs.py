"""The report's graphs, drawn with QPainter straight into the PDF (see ui/report_pdf.py).

Vectors, in colours that print (dark lines on white), with a legend. A five-year range
puts a day every ~0.3 pt, so the shapes are merged where merging changes nothing on
paper (the PDF stays small and quick to write):

- the daily pain dots: dots of the same pain that overlap almost whole (days in a row,
  or two days apart on a long range) are one line with round ends; others stay dots;
- the 7-day mean: one point per day, less those in the middle of a straight stretch;
- strength sessions: a tick a day while days are far enough apart for ticks to stand
  apart; on a longer range a bar a week, or a month, as tall as its count of sessions
  (505 ticks in five years had merged into one band);
- the weekly bars: one call per colour.

The shapes come from :func:`graph_shapes` (plain numbers, tested in tests/ui) and are
painted by :func:`draw_graphs`, both graphs in one rectangle or each in its own (the pain
graph can end a page, and the distance graph start the next).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF

from hamstring_app.core.report import Report
from hamstring_app.ui.dates import day_text

INK = QColor("#1a1a1a")
PAIN = QColor("#b2182b")  # dark red
MEAN = QColor("#2166ac")  # dark blue
KM = QColor("#4d4d4d")
WARN = QColor("#e08214")  # orange
STRENGTH = QColor("#1b7837")  # dark green
GRID = QColor("#bdbdbd")
LABEL = QColor("#4d4d4d")  # axis numbers and dates: mid grey, still plain on paper
DOT_PT = 2.6  # a pain dot's width
TICK_PT = 1.2  # a strength tick's width
MEAN_PT = 1.4
# Merging tolerances, far below what ink on paper shows (a point is 0.35 mm):
STRAIGHT_PT = 1e-6  # how far from its line a point of the mean may be and still be dropped
LINE_TOLERANCE_PT = 0.05  # what all the dropped points together may stray (tested)
DOT_GAP_PT = DOT_PT / 4  # dots this close are one line (its edge dips < 0.05 pt between)
DATE_LABELS = 5  # dates along each time axis, the first and last days included
BAR_GAP = 0.15  # of a week's width, left empty on each side of its bar
MARK_ROOM_PT = 3 * TICK_PT  # the least room for each strength mark, its gap included
MARK_PT = (4.0, 16.0)  # a strength mark's least and greatest height
PAIN_GRAPH, KM_GRAPH = "pain", "km"  # the two graphs
BOTH = (PAIN_GRAPH, KM_GRAPH)
PAIN_EXTRA_PT = 64.0  # the pain graph's title, dates and legend, around its plot
KM_EXTRA_PT = 34.0  # ... and the distance graph's

Point = tuple[float, float]


@dataclass
class Shapes:
    """What the graphs draw, in points inside their rectangle."""

    pain_dots: list[Point] = field(default_factory=list)
    pain_runs: list[tuple[Point, Point]] = field(default_factory=list)  # same pain, days in a row
    mean_lines: list[list[Point]] = field(default_factory=list)  # broken where unknown
    ticks: list[tuple[float, float, float]] = field(default_factory=list)  # x0, x1, height
    bars: list[tuple[float, float, float, bool]] = field(default_factory=list)  # x, w, h, warned
    pain_plot: QRectF = field(default_factory=QRectF)
    km_plot: QRectF = field(default_factory=QRectF)
    km_top: float = 10.0
    pain_dates: list[tuple[float, date]] = field(default_factory=list)  # x, the day there
    km_dates: list[tuple[float, date]] = field(default_factory=list)
    strength_bin: str = "day"  # what each strength mark counts: "day", "week" or "month"


def simplify(line: list[Point]) -> list[Point]:
    """``line`` less the points in the middle of a straight stretch (its ends stay).

    A point goes when it lies on the line from the last point kept to the next one (to a
    millionth of a point, so the dropped points add up to no visible error: collinearity
    carries over, a, b, c and a, c, d on one line put b on a-d)."""
    if len(line) < 3:
        return line
    out = [line[0]]
    ax, ay = line[0]
    for k in range(1, len(line) - 1):
        bx, by = line[k]
        cx, cy = line[k + 1]
        if abs((bx - ax) * (cy - ay) - (by - ay) * (cx - ax)) > STRAIGHT_PT * (cx - ax):
            out.append(line[k])
            ax, ay = bx, by
    out.append(line[-1])
    return out


def graph_shapes(report: Report, rect: QRectF, parts: tuple[str, ...] = BOTH) -> Shapes:
    """The shapes of the graphs ``parts`` (both, or one of PAIN_GRAPH, KM_GRAPH) for ``report`` in
    ``rect`` (points). The plot of a graph not drawn has no height."""
    days = (report.end - report.start).days or 1
    if parts == BOTH:
        height = (rect.height() - 100) / 2  # two plots, their titles, dates, legends, gaps
        km_height, km_top = height - 10, rect.top() + 18 + height + 62
    else:
        height = rect.height() - PAIN_EXTRA_PT if PAIN_GRAPH in parts else 0.0
        km_height = rect.height() - KM_EXTRA_PT if KM_GRAPH in parts else 0.0
        km_top = rect.top() + 18
    plot = QRectF(rect.left() + 30, rect.top() + 18, rect.width() - 40, height)
    left, step = plot.left(), plot.width() / days
    first = report.start.toordinal()
    bottom, per_pain = plot.bottom(), plot.height() / 10
    shapes = Shapes(pain_plot=plot)

    # dots of the same pain closer than DOT_GAP_PT (days in a row, or nearly, on a long
    # range) become one line: the last open line for each pain value
    open_runs: dict[int, list[float]] = {}  # pain -> [first x, last x]
    mean_line: list[Point] = []
    for day, worst, mean in report.pain:
        x = left + step * (day.toordinal() - first)
        if worst is not None:
            run = open_runs.get(worst)
            if run is not None and x - run[1] <= DOT_GAP_PT:
                run[1] = x
            else:
                if run is not None:
                    _close_run(shapes, run, bottom - per_pain * worst)
                open_runs[worst] = [x, x]
        if mean is None:
            if mean_line:
                shapes.mean_lines.append(simplify(mean_line))
                mean_line = []
        else:
            mean_line.append((x, bottom - per_pain * mean))
    for worst, run in open_runs.items():
        _close_run(shapes, run, bottom - per_pain * worst)
    if mean_line:
        shapes.mean_lines.append(simplify(mean_line))
    shapes.mean_lines = [line for line in shapes.mean_lines if len(line) > 1]

    _strength_marks(shapes, report, left, step)

    km_plot = QRectF(plot.left(), km_top, plot.width(), km_height)
    top = max([km for _m, km, _w in report.weekly_km] + [10.0])
    shapes.km_top = top = float(math.ceil(top / 10) * 10)
    shapes.km_plot = km_plot
    # a week's bar covers its days inside the range (the first and last weeks may be
    # cut by it), less a gap on each side, so bars never overlap nor leave the plot
    for monday, km, warned in report.weekly_km:
        if km > 0:
            x0 = left + step * (max(monday, report.start).toordinal() - first)
            x1 = left + step * (min(monday + timedelta(days=7), report.end).toordinal() - first)
            x1 = min(max(x1, x0 + step), km_plot.right())  # a last week of one day
            gap = min(BAR_GAP * 7 * step, (x1 - x0) / 4)
            shapes.bars.append((x0 + gap, x1 - x0 - 2 * gap, km_plot.height() * km / top,
                                warned))
    shapes.pain_dates = _date_ticks(report, plot)
    shapes.km_dates = _date_ticks(report, km_plot)
    return shapes


def _bin_start(day: date, bin_: str) -> date:
    if bin_ == "week":
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


def _next_bin(start: date, bin_: str) -> date:
    if bin_ == "week":
        return start + timedelta(days=7)
    return (start.replace(day=28) + timedelta(days=4)).replace(day=1)


def _strength_marks(shapes: Shapes, report: Report, left: float, step: float) -> None:
    """A tick a day with a session (taller for more sets) where days stand MARK_ROOM_PT
    apart; else a bar a week, or a month, from its first day in the range to its last, as
    tall as its count of sessions against the fullest one's."""
    first = report.start.toordinal()
    sessions = [(day, sets) for day, sets in report.sessions
                if report.start <= day <= report.end]
    if step >= MARK_ROOM_PT:
        shapes.strength_bin = "day"
        for day, sets in sessions:
            x = left + step * (day.toordinal() - first)
            shapes.ticks.append((x, x, MARK_PT[0] + min(sets, 12)))
        return
    bin_ = shapes.strength_bin = "week" if step * 7 >= MARK_ROOM_PT else "month"
    counts: dict[date, int] = {}
    for day, _sets in sessions:
        start = _bin_start(day, bin_)
        counts[start] = counts.get(start, 0) + 1
    most = max(counts.values(), default=1)
    for start, count in sorted(counts.items()):
        x0 = left + step * (max(start, report.start).toordinal() - first)
        x1 = left + step * (min(_next_bin(start, bin_), report.end).toordinal() - first)
        inner = max(x1 - x0 - 2 * TICK_PT, 0.0)  # drawn TICK_PT wider than x0..x1
        middle = (x0 + x1) / 2
        h = MARK_PT[0] + (MARK_PT[1] - MARK_PT[0]) * (count - 1) / max(most - 1, 1)
        shapes.ticks.append((middle - inner / 2, middle + inner / 2, h))


def _date_ticks(report: Report, plot: QRectF) -> list[tuple[float, date]]:
    """DATE_LABELS days spread evenly from the first day to the last (fewer on a range
    of fewer days), with their x."""
    days = (report.end - report.start).days
    count = min(DATE_LABELS, days + 1)
    if count < 2:
        return [(plot.left(), report.start)]
    out = []
    for k in range(count):
        offset = round(k * days / (count - 1))
        out.append((plot.left() + plot.width() * offset / days,
                    report.start + timedelta(days=offset)))
    return out


def _close_run(shapes: Shapes, run: list[float], y: float) -> None:
    if run[0] == run[1]:
        shapes.pain_dots.append((run[0], y))
    else:
        shapes.pain_runs.append(((run[0], y), (run[1], y)))


def _axes(painter: QPainter, rect: QRectF, title: str, top: float, unit: str) -> None:
    painter.setPen(QPen(INK, 0.8))
    painter.drawText(QRectF(rect.left(), rect.top() - 16, rect.width(), 14), title)
    for k in range(5):
        y = rect.bottom() - rect.height() * k / 4
        painter.setPen(QPen(GRID, 0.4))
        painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
        painter.setPen(QPen(LABEL, 0.8))
        painter.drawText(QPointF(rect.left() - 28, y + 3), f"{top * k / 4:g}{unit}")
    painter.setPen(QPen(INK, 0.8))
    painter.drawLine(rect.bottomLeft(), rect.bottomRight())
    painter.drawLine(rect.bottomLeft(), rect.topLeft())


def _dates(painter: QPainter, ticks: list[tuple[float, date]], plot: QRectF, y: float) -> None:
    """The dates under a time axis: a short mark on the axis and the day below it, the
    first label starting at the axis's left end, the last ending at its right end."""
    metrics = painter.fontMetrics()
    for k, (x, day) in enumerate(ticks):
        painter.setPen(QPen(INK, 0.6))
        painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 2))
        painter.setPen(QPen(LABEL, 0.8))
        text = day_text(day)
        width = metrics.horizontalAdvance(text)
        if k == 0:
            left = x
        elif k == len(ticks) - 1:
            left = x - width
        else:
            left = x - width / 2
        painter.drawText(QPointF(left, y), text)


def _legend(painter: QPainter, x: float, y: float, items: list[tuple[QColor, str]]) -> None:
    for color, label in items:
        painter.setPen(QPen(color, 2))
        painter.drawLine(QPointF(x, y - 3), QPointF(x + 14, y - 3))
        painter.setPen(QPen(INK, 0.8))
        painter.drawText(QPointF(x + 18, y), label)
        x += 22 + painter.fontMetrics().horizontalAdvance(label) + 14


STRENGTH_WORDS = {
    "day": "strength session (tick)",
    "week": "strength sessions a week (bar)",
    "month": "strength sessions a month (bar)",
}


def draw_graphs(painter: QPainter, report: Report, rect: QRectF,
                parts: tuple[str, ...] = BOTH) -> None:
    """Pain with its 7-day mean and the strength sessions; weekly distance with its load
    warnings: the graphs ``parts``, in ``rect`` (points)."""
    s = graph_shapes(report, rect, parts)
    if PAIN_GRAPH in parts:
        _draw_pain(painter, s)
    if KM_GRAPH in parts:
        _draw_km(painter, s)


def _draw_pain(painter: QPainter, s: Shapes) -> None:
    plot = s.pain_plot
    _axes(painter, plot, "Pain (0-10, worst of the day) and its 7-day mean", 10, "")
    dots = QPen(PAIN, DOT_PT)
    dots.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(dots)
    if s.pain_dots:
        painter.drawPoints(QPolygonF([QPointF(x, y) for x, y in s.pain_dots]))
    if s.pain_runs:
        painter.drawLines([QLineF(a[0], a[1], b[0], b[1]) for a, b in s.pain_runs])
    painter.setPen(QPen(MEAN, MEAN_PT))
    for line in s.mean_lines:
        painter.drawPolyline(QPolygonF([QPointF(x, y) for x, y in line]))
    # a mark is TICK_PT wider than its x0..x1, down from the axis
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(STRENGTH)
    half, bottom = TICK_PT / 2, plot.bottom()
    painter.drawRects([QRectF(x0 - half, bottom, x1 - x0 + TICK_PT, h) for x0, x1, h in s.ticks])
    painter.setBrush(Qt.BrushStyle.NoBrush)
    _dates(painter, s.pain_dates, plot, plot.bottom() + 25)
    _legend(
        painter,
        plot.left(),
        plot.bottom() + 37,
        [(PAIN, "pain"), (MEAN, "7-day mean"), (STRENGTH, STRENGTH_WORDS[s.strength_bin])],
    )


def _draw_km(painter: QPainter, s: Shapes) -> None:
    km_plot = s.km_plot
    _axes(painter, km_plot, "Weekly running distance (km)", s.km_top, "")
    painter.setPen(Qt.PenStyle.NoPen)
    for color, warned in ((KM, False), (WARN, True)):
        rects = [QRectF(x, km_plot.bottom() - h, w, h) for x, w, h, warn in s.bars
                 if warn is warned]
        if rects:
            painter.setBrush(color)
            painter.drawRects(rects)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    _dates(painter, s.km_dates, km_plot, km_plot.bottom() + 10)
    _legend(
        painter,
        km_plot.left(),
        km_plot.bottom() + 22,
        [(KM, "km in the week"), (WARN, "week with a load warning")],
    )
