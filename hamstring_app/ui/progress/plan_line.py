"""The plan line on the running graph: the most each planned run may be, for the week ahead.

Drawn from today's prescription (core.runplan): a dashed step line at the distance cap of
each planned run, down to 0 on rest days. Ladder days are capped in minutes, not distance,
so they show as a gap with a marker at the bottom.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from hamstring_app.core.models import KM_PER_MILE, Units, Verdict
from hamstring_app.core.rules import Assessment
from hamstring_app.ui.progress.days import DAY_S, day_start_x
from hamstring_app.ui.theme import verdict_colour


def plan_points(assessment: Assessment | None, unit: Units) -> tuple[np.ndarray, np.ndarray]:
    """(x, y) of the step line: each planned day from its start to its end, in ``unit``.

    y is NaN where the day has no distance cap (ladder days, runs with no cap)."""
    p = assessment.prescription if assessment is not None else None
    if p is None:
        return np.array([]), np.array([])
    scale = 1.0 / KM_PER_MILE if unit is Units.MILES else 1.0
    xs: list[float] = []
    ys: list[float] = []
    for d in p.week:
        y = 0.0
        if d.running:
            capped = d.max_distance_km and d.run_kind != "ladder"
            y = d.max_distance_km * scale if capped else math.nan
        start = day_start_x(d.day)
        xs += [start, start + DAY_S]
        ys += [y, y]
    return np.array(xs, dtype=float), np.array(ys, dtype=float)


class PlanLine:
    """The plan line and its legend entry on a plot; ``set_plan`` updates it."""

    def __init__(self, plot: pg.PlotItem, legend: pg.LegendItem) -> None:
        colour = QColor(verdict_colour(Verdict.MODIFY))
        self.item = pg.PlotDataItem(
            connect="finite", pen=pg.mkPen(colour, width=2, style=Qt.PenStyle.DashLine)
        )
        plot.addItem(self.item)
        legend.addItem(
            self.item, QCoreApplication.translate("PlanLine", "Plan: most per run, next 7 days")
        )
        self.x = np.array([])
        self.y = np.array([])

    def set_plan(self, assessment: Assessment | None, unit: Units) -> None:
        self.x, self.y = plan_points(assessment, unit)
        self.item.setData(self.x, self.y)

    def top(self) -> float:
        finite = self.y[np.isfinite(self.y)] if len(self.y) else self.y
        return float(finite.max()) if len(finite) else 0.0
