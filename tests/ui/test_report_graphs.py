"""The report graphs' merged shapes draw what the one-per-day shapes drew: every day's
pain dot is inside a dot or line of its pain, a line only joins dots that overlap almost
whole, and the simplified mean never strays from the daily points."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QRectF

from hamstring_app.core.demo import build_demo_history
from hamstring_app.core.report import build_report
from hamstring_app.ui.report_graphs import DOT_GAP_PT, LINE_TOLERANCE_PT, graph_shapes, simplify

TODAY = date(2026, 6, 30)
RECT = QRectF(0, 0, 510, 300)


def shapes_for(years: int = 0, days: int = 0):
    history = build_demo_history(TODAY, years=years) if years else build_demo_history(
        TODAY, weeks=max(8, days // 7 + 2))
    report = build_report(history, start=TODAY - timedelta(days=years * 365 or days), end=TODAY)
    return report, graph_shapes(report, RECT)


def test_every_pain_day_is_drawn_and_lines_join_only_near_dots():
    report, s = shapes_for(years=5)
    plot = s.pain_plot
    step = plot.width() / (report.end - report.start).days
    marks = [(x, x, y) for x, y in s.pain_dots] + [(a[0], b[0], a[1]) for a, b in s.pain_runs]
    assert len(marks) < sum(w is not None for _d, w, _m in report.pain) / 2  # merged
    xs_by_y: dict[float, list[float]] = {}
    for k, (_day, worst, _mean) in enumerate(report.pain):
        if worst is None:
            continue
        x, y = plot.left() + step * k, plot.bottom() - plot.height() / 10 * worst
        xs_by_y.setdefault(y, []).append(x)
        assert any(abs(my - y) < 1e-9 and x0 - 1e-9 <= x <= x1 + 1e-9 for x0, x1, my in marks)
    for x0, x1, y in marks:  # inside a line, that pain's days are never further apart
        inside = [x for x in xs_by_y[y] if x0 - 1e-9 <= x <= x1 + 1e-9]
        assert inside[0] == x0 and inside[-1] == x1
        assert all(b - a <= DOT_GAP_PT + 1e-9 for a, b in pairwise(inside))


def test_a_short_range_keeps_one_dot_per_day():
    report, s = shapes_for(days=60)
    assert s.pain_runs == []
    assert len(s.pain_dots) == sum(w is not None for _d, w, _m in report.pain)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(0, 10, allow_nan=False), min_size=0, max_size=80),
       st.floats(0.1, 6))
def test_the_simplified_line_stays_within_its_tolerance(ys, step):
    line = [(k * step, y * 11.0) for k, y in enumerate(ys)]
    kept = simplify(line)
    assert kept[:1] == line[:1] and kept[-1:] == line[-1:]
    assert set(kept) <= set(line)
    for x, y in line:  # each dropped point is close to the segment drawn over it
        if len(kept) < 2:
            continue
        (ax, ay), (bx, by) = next((a, b) for a, b in pairwise(kept) if a[0] <= x <= b[0])
        y_on = ay + (by - ay) * (x - ax) / (bx - ax)
        length = ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5
        assert abs(y - y_on) * (bx - ax) / length <= LINE_TOLERANCE_PT + 1e-6


def test_the_weekly_bars_stay_inside_their_plot_and_apart():
    # a range from a Wednesday to a Tuesday: its first and last weeks are cut by the range
    end = date(2026, 6, 30)
    history = build_demo_history(end, weeks=12)
    report = build_report(history, start=date(2026, 4, 22), end=end)
    s = graph_shapes(report, RECT)
    plot = s.km_plot
    assert len(s.bars) == len(report.weekly_km)
    for x, w, _h, _warned in s.bars:
        assert plot.left() - 1e-9 <= x and x + w <= plot.right() + 1e-9 and w > 0
    for (x0, w0, *_), (x1, *_rest) in pairwise(s.bars):
        assert x0 + w0 < x1  # a gap between weeks


def test_both_graphs_have_dates_along_their_time_axis():
    for years, days in ((5, 0), (0, 60), (0, 1)):
        report, s = shapes_for(years=years, days=days)
        for plot, ticks in ((s.pain_plot, s.pain_dates), (s.km_plot, s.km_dates)):
            assert 2 <= len(ticks) <= 8
            xs = [x for x, _day in ticks]
            assert xs == sorted(xs) and all(plot.left() <= x <= plot.right() for x in xs)
            assert all(b - a >= 60 for a, b in pairwise(xs))  # room for a label each
            assert all(report.start <= day <= report.end for _x, day in ticks)
            assert ticks[0][1] == report.start and ticks[-1][1] == report.end
