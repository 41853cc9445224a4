"""A calendar time axis with labels a person reads at a glance.

pyqtgraph's DateAxisItem mixes two label levels that can overlap ("Jan" on top of "02").
This one picks a single level for the visible span, spaced to fit the axis width: days,
Mondays, months or years. X values are Unix seconds in UTC (see data.day_x).
"""

from __future__ import annotations

import math
from datetime import date, timedelta

import pyqtgraph as pg
from PySide6.QtGui import QFontMetrics

from hamstring_app.ui.dates import axis_text
from hamstring_app.ui.progress.days import DAY_S, day_start_x, x_day

_WEEK_STEPS = (1, 2, 4)
_MONTH_STEPS = (1, 2, 3, 4, 6, 12)
_YEAR_STEPS = (1, 2, 5, 10)


def _months(first: date, last: date, step: int) -> list[date]:
    out = []
    year, month = first.year, first.month
    month = ((month - 1) // step) * step + 1
    while True:
        d = date(year, month, 1)
        if d > last:
            return out
        if d >= first:
            out.append(d)
        month += step
        while month > 12:
            month -= 12
            year += 1


class CalendarAxis(pg.DateAxisItem):
    """Bottom axis of calendar days (one label level, never overlapping)."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(orientation="bottom", utcOffset=0, **kwargs)
        self._fmt: str = "day"
        self._major_spacing = DAY_S

    def _label_px(self, sample: str) -> float:
        font = self.style.get("tickFont") or self.font()
        return QFontMetrics(font).horizontalAdvance(sample) * 1.6

    def tickValues(self, minVal: float, maxVal: float, size: float):
        if maxVal <= minVal or size <= 0:
            return []
        px_per_day = size / max((maxVal - minVal) / DAY_S, 1e-9)
        first, last = x_day(minVal), x_day(maxVal)
        day_px = self._label_px("Wed 28")
        week_px = self._label_px("28 Sep")
        month_px = self._label_px("Sep 2026")
        if px_per_day >= day_px:
            self._fmt = "day"
            self._major_spacing = DAY_S
            major = [day_start_x(first + timedelta(days=k)) + DAY_S / 2
                     for k in range((last - first).days + 1)]
            return [(DAY_S, major)]
        minor_days = [day_start_x(first + timedelta(days=k))
                      for k in range((last - first).days + 2)]
        for step in _WEEK_STEPS:
            if px_per_day * 7 * step >= week_px:
                self._fmt = "week"
                self._major_spacing = 7 * step * DAY_S
                monday = first - timedelta(days=first.weekday())
                weeks = [monday + timedelta(weeks=k) for k in
                         range(0, (last - monday).days // 7 + 2)]
                anchor = date(2000, 1, 3).toordinal()  # a Monday: steps stay put when panning
                major = [day_start_x(w) for w in weeks
                         if ((w.toordinal() - anchor) // 7) % step == 0]
                minor = minor_days if step == 1 and px_per_day >= 4 else []
                return [(7 * step * DAY_S, major), (DAY_S, minor)]
        for step in _MONTH_STEPS:
            if px_per_day * 30.4 * step >= month_px:
                self._fmt = "month"
                self._major_spacing = 30.4 * step * DAY_S
                major = [day_start_x(m) for m in _months(first, last, step)]
                minor = [day_start_x(m) for m in _months(first, last, 1)] if step > 1 else []
                return [(30.4 * step * DAY_S, major), (30.4 * DAY_S, minor)]
        for step in _YEAR_STEPS:
            if px_per_day * 365 * step >= self._label_px("2026"):
                break
        self._fmt = "year"
        self._major_spacing = 365 * step * DAY_S
        years = range(first.year - first.year % step, last.year + 1, step)
        major = [day_start_x(date(y, 1, 1)) for y in years]
        return [(365 * step * DAY_S, major)]

    def tickStrings(self, values: list[float], scale: float, spacing: float):
        if abs(spacing - self._major_spacing) > 1.0:
            return [""] * len(values)  # minor ticks carry no label
        out = []
        for value in values:
            d = x_day(value)
            if self._fmt == "day":
                out.append(axis_text(d, "day"))
            elif self._fmt == "week":
                out.append(axis_text(d, "week"))
            elif self._fmt == "month":
                out.append(axis_text(d, "month", with_year=d.month == 1 or len(values) <= 8))
            else:
                out.append(str(d.year))
        return out


class ValueAxis(pg.AxisItem):
    """A left or right value axis whose labelled ticks stand at least a text line and a
    half apart, so that a larger font gets fewer labels rather than overlapping ones."""

    def line_px(self) -> float:
        font = self.style.get("tickFont") or self.font()
        return float(QFontMetrics(font).height())

    def tickSpacing(self, minVal: float, maxVal: float, size: float):
        if self._tickSpacing is not None or size <= 0 or maxVal <= minVal:
            return super().tickSpacing(minVal, maxVal, size)
        span = maxVal - minVal
        wanted = span * self.line_px() * 1.5 / size  # the least step, in values
        step = major_step(wanted)
        automatic = super().tickSpacing(minVal, maxVal, size)
        if automatic and automatic[0][0] >= step:
            return automatic
        leading = round(step / 10.0 ** math.floor(math.log10(step)))
        return [(step, 0), (step / (4 if leading == 2 else 5), 0)]


def major_step(least: float) -> float:
    """The smallest 1, 2 or 5 times a power of ten that is at least ``least``."""
    power = 10.0 ** math.floor(math.log10(least))
    for factor in (1, 2, 5, 10):
        if factor * power >= least * (1 - 1e-9):
            return factor * power
    return 10 * power
