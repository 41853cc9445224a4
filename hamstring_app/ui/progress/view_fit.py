"""Keeping the graphs readable as the view moves: the distance axis fitted to the weeks in
view, run markers sized to the zoom, the pain axis' values and band words as many as stand a
line apart, the onset's words kept inside the plot, and the older days asked for
when a pan comes near them.

A mixin for :class:`~hamstring_app.ui.progress.plots.RecoveryPlots`.
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtGui import QFontMetrics

from hamstring_app.ui.progress.data import RecoveryData
from hamstring_app.ui.progress.days import DAY_S, day_start_x, x_day
from hamstring_app.ui.progress.navigation import days_to_build
from hamstring_app.ui.progress.plot_items import (
    BAND_WORD_YS,
    PAIN_TICKS,
    PAIN_Y_RANGE,
    number_gap,
)
from hamstring_app.ui.widgets.pain import band_word


def marker_sizes(data: RecoveryData, scale: float) -> np.ndarray:
    """Run marker sizes in whole pixels: few distinct sizes keep the symbol cache small."""
    return np.round(data.run_sizes * scale)


class ViewFit:
    """Fits the axes, markers and labels to the view."""

    if TYPE_CHECKING:
        def __getattr__(self, name: str) -> Any: ...  # the items of plot_items.PlotItems

    def _fit_running(self, data: RecoveryData, low: float, high: float) -> None:
        """Scale the distance axis to the weeks and runs in view."""
        top = 0.0
        for series, margin in ((data.weekly_distance, 3.5 * DAY_S), (data.runs, 0.5 * DAY_S)):
            if len(series):
                visible = (series.x >= low - margin) & (series.x <= high + margin)
                if visible.any():
                    top = max(top, float(series.y[visible].max()))
        top = max(top, self.run_plan.top())
        self.running.setYRange(0, max(top * 1.12, 5.0), padding=0)

    def wanted_since(self) -> date | None:
        """The first day the current view needs built, if the data does not reach it (the
        view and one view's width before it)."""
        data = self.data
        if data is None or data.whole or data.since is None:
            return None
        low, high = self.x_range()
        if low - (high - low) >= day_start_x(data.since):
            return None
        return days_to_build(x_day(max(low, 0.0)), data.today)

    def _on_x_range_changed(self, *_args: object) -> None:
        """Keep markers and labels readable at any zoom, and the points near the view
        in the day-by-day items."""
        low, high = self.x_range()
        self._feed.view(low, high)
        data = self.data
        if data is None:
            return
        wanted = self.wanted_since()
        if wanted is not None:
            self.days_wanted.emit(wanted)
        self._fit_running(data, low, high)
        width_px = max(self.pain.vb.width(), 1.0)
        px_per_day = width_px / max((high - low) / DAY_S, 1e-9)
        # in steps, so that small zooms do not redraw every marker
        scale = float(np.clip(np.round(px_per_day / 6.0 * 5) / 5, 0.4, 1.0))
        if scale != self._marker_scale:
            self._marker_scale = scale
            self.runs.setSize(marker_sizes(data, scale))
        self._fit_pain_ticks()
        px_per_x = width_px / max(high - low, 1e-9)
        if self._onset_x is not None:
            self._place_onset_words(data, low, high, px_per_x)

    def _place_onset_words(self, data: RecoveryData, low: float, high: float,
                           px_per_x: float) -> None:
        """The onset's words at the top of the pain plot, after its line where they fit and
        cover no point, else before it (where there are usually no check-ins yet) if that
        side has room and covers fewer."""
        label, x = self.onset_label, self._onset_x
        box = label.boundingRect()
        px_per_y = max(self.pain.vb.height(), 1.0) / (PAIN_Y_RANGE[1] - PAIN_Y_RANGE[0])
        margin = 6.0  # half the largest pain symbol, in pixels
        width = (box.width() + margin) / px_per_x
        bottom = PAIN_Y_RANGE[1] - (box.height() + margin) / px_per_y

        def covered(left: float) -> int:
            count = 0
            for series in (data.pain_rest, data.pain_run, data.pain_waking, data.pain_mean):
                if len(series):
                    inside = ((series.x >= left) & (series.x <= left + width)
                              & (series.y >= bottom))
                    count += int(np.count_nonzero(inside))
            return count

        room = box.width() + 4
        sides = [side for side, fits in (("after", (high - x) * px_per_x >= room),
                                         ("before", (x - low) * px_per_x >= room)) if fits]
        if len(sides) == 2:  # both have room: the one that covers fewer points
            sides.sort(key=lambda side: covered(x - width if side == "before" else x))
        side = sides[0] if sides else "before"
        label.setAnchor((0, 0) if side == "after" else (1, 0))
        label.setPos(x, PAIN_Y_RANGE[1])

    def _fit_pain_ticks(self) -> None:
        """Pain values on the left axis, every second point where they stand clear of each
        other (see :func:`number_gap`), and the bands' words on the right, as many as stand
        a text line apart."""
        axis = self.pain.getAxis("left")
        metrics = QFontMetrics(axis.style.get("tickFont") or axis.font())
        line, numbers = metrics.height(), number_gap(metrics)
        px_per_y = self.pain.vb.height() / (PAIN_Y_RANGE[1] - PAIN_Y_RANGE[0])

        def fits(ticks: tuple[float, ...], least: float = line) -> bool:
            return all((b - a) * px_per_y >= least for a, b in pairwise(ticks))

        ticks = next(t for t in PAIN_TICKS if fits(t, numbers) or t == PAIN_TICKS[-1])
        if ticks != self._pain_ticks:
            self._pain_ticks = ticks
            axis.setTicks([[(v, str(v)) for v in ticks], [(v, "") for v in range(11)]])
        # short of room the middle band's word goes: its colour between the other two tells it
        bands = next(t for t in (BAND_WORD_YS, BAND_WORD_YS[::2]) if fits(t) or len(t) < 3)
        if bands != self._band_ticks:
            self._band_ticks = bands
            words = [(y, band_word(BAND_WORD_YS.index(y))) for y in bands]
            self.pain.getAxis("right").setTicks([words, []])
