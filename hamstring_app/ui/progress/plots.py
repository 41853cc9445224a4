"""The stacked recovery graphs: pain, running, strength and a strip of daily verdicts.

Four plots share one time axis (linked X; the date labels show under the bottom plot).
Every graph item is created once (ui/progress/plot_items.py); :meth:`RecoveryPlots.set_data`
only feeds new arrays to them, so a refresh after one new check-in stays cheap even with
years of history. The colours are in colours.py, the onset and window marks in marks.py,
what follows the view in view_fit.py, and moving about in navigation.py.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from hamstring_app.core.models import Verdict
from hamstring_app.ui.progress.clipped import ClippedFeed
from hamstring_app.ui.progress.colours import Colours
from hamstring_app.ui.progress.data import RED_FLAG_Y, VERDICT_HEIGHTS, RecoveryData
from hamstring_app.ui.progress.days import DAY_S, Series, day_start_x
from hamstring_app.ui.progress.legend import FlowLegend
from hamstring_app.ui.progress.marks import Marks
from hamstring_app.ui.progress.navigation import Navigation, last_day
from hamstring_app.ui.progress.plot_items import ROW_STRETCH, VERDICT_BAR_WIDTH, PlotItems
from hamstring_app.ui.progress.view_fit import ViewFit, marker_sizes
from hamstring_app.ui.verdicts import stop_legend_word


def _same_series(a: Series, b: Series) -> bool:
    return a.x.shape == b.x.shape and bool(
        np.array_equal(a.x, b.x) and np.array_equal(a.y, b.y, equal_nan=True)
    )


def _set_bars(item: pg.BarGraphItem, series: Series, width: float) -> None:
    item.setOpts(x=series.x, height=series.y, width=width)


class RecoveryPlots(Navigation, ViewFit, Marks, Colours, PlotItems,
                    pg.GraphicsLayoutWidget):
    """The graphs. Emits ``day_hovered(date | None)`` and ``day_clicked(date)``, and
    ``days_wanted(date)`` when the view comes near the first day the data was built from
    (``RecoveryData.since``): the days from that date on should be built (see
    ``wanted_since``)."""

    day_hovered = Signal(object)
    day_clicked = Signal(object)
    days_wanted = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._feed = ClippedFeed()  # the day-by-day items get the points near the view
        self.setAccessibleName(self.tr("Recovery graphs"))
        self.setAccessibleDescription(
            self.tr(
                "Pain, running, strength and daily verdicts over time. Left and right arrows "
                "move a day, Shift moves a week, Enter opens the day, plus and minus zoom."
            )
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.data: RecoveryData | None = None
        self._marker_scale = 1.0
        self._onset_x: float | None = None
        self.cursor_day: date | None = None
        self._legends: list[FlowLegend] = []
        self._refit_queued = False

        self.ci.setContentsMargins(4, 4, 4, 4)
        self.ci.setSpacing(2)
        self._measure_font()

        self.pain = self._add_plot(0, self.tr("Pain (0-10)"))
        self.running = self._add_plot(1, self.tr("Distance"))
        self.strength = self._add_plot(2, self.tr("Sessions"))
        self.strip = self._add_plot(3, self.tr("Verdict"), bottom=True)
        self.plots = (self.pain, self.running, self.strength, self.strip)
        layout = self.ci.layout
        for row, stretch in enumerate(ROW_STRETCH):  # each plot below its legend's row
            layout.setRowStretchFactor(2 * row, 0)
            layout.setRowStretchFactor(2 * row + 1, stretch)
        self._fit_rows()

        self._build_pain()
        self._build_running()
        self._build_strength()
        self._build_strip()
        self._build_shared()

        scene = self.scene()
        scene.sigMouseMoved.connect(self._on_mouse_moved)
        scene.sigMouseClicked.connect(self._on_mouse_clicked)
        self.pain.vb.sigXRangeChanged.connect(self._on_x_range_changed)
        self.pain.vb.sigResized.connect(self._on_x_range_changed)
        self.apply_palette(self.palette())

    # ---------------------------------------------------------------- data

    def set_data(self, data: RecoveryData) -> None:
        """Feed new arrays to the existing items (nothing is rebuilt; series that are
        the very same objects as last time are left alone)."""
        previous, self.data = self.data, data
        feed = self._feed
        feed.view(*self.x_range())
        feed.scatter(self.pain_rest, data.pain_rest.x - 0.2 * DAY_S, data.pain_rest.y)
        feed.scatter(self.pain_run, data.pain_run.x, data.pain_run.y)
        feed.scatter(self.pain_waking, data.pain_waking.x + 0.2 * DAY_S, data.pain_waking.y)
        if previous is None or not _same_series(data.pain_mean, previous.pain_mean):
            self.pain_mean.setData(data.pain_mean.x, data.pain_mean.y)

        if previous is None or data.running is not previous.running:
            _set_bars(self.week_bars, data.weekly_distance, 6 * DAY_S)
            self.runs.setData(data.runs.x, data.runs.y, size=marker_sizes(data, self._marker_scale))
            self.spikes.setData(data.spikes.x, data.spikes.y)
            self.load_marks.setData(data.other_load_events.x, data.other_load_events.y)
            self.acwr.setData(data.acwr.x, data.acwr.y)
        distance_label = self.tr("Distance (%s)") % data.unit.value
        legend = self.running.legend_item
        if legend.left_title is None or legend.left_title.text != distance_label:
            legend.set_title("left", distance_label)

        if previous is None or data.sessions_per_week is not previous.sessions_per_week:
            _set_bars(self.session_bars, data.sessions_per_week, 6 * DAY_S)
            self.volume.setData(data.eccentric_volume.x, data.eccentric_volume.y)
            self._set_volume_label(data.eccentric_label)
        self.plan_line.setValue(data.plan_per_week)
        top = max(float(data.plan_per_week), float(np.max(data.sessions_per_week.y, initial=0)))
        self.strength.setYRange(0, top + 0.6, padding=0)

        for verdict, bars in self.verdict_bars.items():
            series = data.verdicts.get(verdict, Series())
            feed.bars(bars, series.x, np.full(len(series), VERDICT_HEIGHTS[verdict]),
                      VERDICT_BAR_WIDTH)
        feed.scatter(self.flags, data.red_flags.x, np.full(len(data.red_flags), RED_FLAG_Y))
        professional = sum(dv.professional for dv in data.day_verdicts)
        stops = len(data.verdicts.get(Verdict.STOP, Series()))
        word = stop_legend_word(regular=stops > professional, professional=professional > 0)
        if self._stop_label.text != word:
            self._stop_label.setText(word)

        self._set_window(data)
        # room for the 12-week preset and the onset, even with a short history
        earliest = min(data.first_day, data.today - timedelta(days=84), data.onset or data.today)
        first = day_start_x(earliest - timedelta(days=7))
        last = day_start_x(last_day(data) + timedelta(days=14))
        self.pain.vb.setLimits(xMin=first, xMax=last, minXRange=5 * DAY_S)

    def _set_volume_label(self, label: str) -> None:
        legend = self.strength.legend_item
        if label == "nordic" or not label:
            text = self.tr("Nordic reps a week")
        else:
            text = self.tr("%s reps a week") % label.replace("_", " ").capitalize()
        _, sample_label = legend.items[self._volume_legend_index]
        sample_label.setText(text)
