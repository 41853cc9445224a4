"""The stacked recovery graphs: pain, running, strength and a strip of daily verdicts.

Four plots share one time axis (linked X; the date labels show under the bottom plot).
Every graph item is created once; :meth:`RecoveryPlots.set_data` only feeds new arrays to
them, so a refresh after one new check-in stays cheap even with years of history.
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPalette
from PySide6.QtWidgets import QWidget

from hamstring_app.core.models import Verdict
from hamstring_app.ui.dates import day_text
from hamstring_app.ui.progress.axis import CalendarAxis, ValueAxis
from hamstring_app.ui.progress.clipped import ClippedFeed
from hamstring_app.ui.progress.data import RED_FLAG_Y, VERDICT_HEIGHTS, RecoveryData
from hamstring_app.ui.progress.days import DAY_S, Series, day_start_x, x_day
from hamstring_app.ui.progress.legend import FlowLegend
from hamstring_app.ui.progress.navigation import Navigation, days_to_build, last_day
from hamstring_app.ui.progress.plan_line import PlanLine
from hamstring_app.ui.theme import VERDICT_COLOURS, is_dark, verdict_colour
from hamstring_app.ui.verdicts import stop_legend_word, verdict_word
from hamstring_app.ui.widgets.pain import band_word

# Series colours: distinct in hue and lightness, readable on light and dark backgrounds.
PAIN_COLOURS = {"rest": "#8e44ad", "run": "#e67e22", "waking": "#16a085"}
BAR_COLOUR = "#5c8fd6"
STRENGTH_COLOUR = "#7f8c8d"
VOLUME_COLOUR = "#c0392b"
ACWR_COLOUR = "#9b59b6"
WINDOW_COLOUR = "#2e86c1"
BAND_ALPHA = 26
PAIN_BANDS = ((-0.5, 3.5, Verdict.CONTINUE), (3.5, 5.5, Verdict.HOLD), (5.5, 10.5, Verdict.STOP))
ACWR_RANGE = (0.0, 2.5)
PAIN_Y_RANGE = (-0.4, 10.6)
ROW_STRETCH = (5, 4, 3, 0)  # pain, running, strength, the verdict strip
PREFERRED_LINES = (5.0, 3.0, 2.5, 0)
BAND_WORD_YS = (1.5, 4.5, 8.0)  # where each band's word stands on the right axis


def _colour(hex_colour: str, alpha: int = 255) -> QColor:
    colour = QColor(hex_colour)
    if is_dark():
        colour = colour.lighter(135)
    colour.setAlpha(alpha)
    return colour


def _sizes(data: RecoveryData, scale: float) -> np.ndarray:
    """Run marker sizes in whole pixels: few distinct sizes keep the symbol cache small."""
    return np.round(data.run_sizes * scale)


VERDICT_BAR_WIDTH = 0.85 * DAY_S


def _same_series(a: Series, b: Series) -> bool:
    return a.x.shape == b.x.shape and bool(
        np.array_equal(a.x, b.x) and np.array_equal(a.y, b.y, equal_nan=True)
    )


def _set_bars(item: pg.BarGraphItem, series: Series, width: float) -> None:
    item.setOpts(x=series.x, height=series.y, width=width)


class RecoveryPlots(Navigation, pg.GraphicsLayoutWidget):
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
        self._window_x: float | None = None
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

    # ---------------------------------------------------------------- building

    def _add_plot(self, row: int, label: str, *, bottom: bool = False) -> pg.PlotItem:
        axis = CalendarAxis()
        axes = {"bottom": axis, "left": ValueAxis("left"), "right": ValueAxis("right")}
        legend = FlowLegend(self.font(), left=self._left_width + 1, right=self._right_width + 1)
        legend.height_changed.connect(self._legend_height_changed)
        self.addItem(legend, row=2 * row, col=0)
        self._legends.append(legend)
        plot = self.addPlot(row=2 * row + 1, col=0, axisItems=axes, enableMenu=False)
        plot.hideButtons()
        plot.setMouseEnabled(x=True, y=False)
        plot.showAxis("right")
        left, right = plot.getAxis("left"), plot.getAxis("right")
        left.setWidth(self._left_width)
        right.setWidth(self._right_width)
        right.setStyle(showValues=False)
        legend.set_title("left", label)
        if not bottom:
            axis.setStyle(showValues=False)
            axis.setHeight(6)
        plot.showGrid(x=True, y=False, alpha=0.15)
        if row:
            plot.setXLink(self.pain)
        plot.legend_item = legend  # type: ignore[attr-defined]
        return plot

    def _measure_font(self) -> None:
        """Axis and legend sizes from the current font's line height."""
        em = QFontMetrics(self.font()).height()
        self._em = em
        self._left_width = int(em * 2.6)  # the values; the titles stand above the plot
        self._right_width = int(em * 4.6)

    def _fit_rows(self) -> None:
        """The plots' heights in text lines. Short of room each gives up some of its
        preferred height (the pain plot, with the onset's and the window's words, keeps
        the most); with room to spare each grows by its stretch. The verdict strip has one
        line and a bit."""
        for plot, lines in zip(self.plots, PREFERRED_LINES, strict=True):
            if lines:
                plot.setPreferredHeight(lines * self._em)
        height = max(self._em * 1.2, 24) + self.strip.getAxis("bottom").height()
        self.strip.setMinimumHeight(height)
        self.strip.setMaximumHeight(height)

    def _legend_height_changed(self) -> None:
        """A legend took more or fewer lines: fit the plots to the view again. (The layout
        grows past the view when its rows need more than it has, as they do before the
        legends know their width, and nothing shrinks it back but a resize of the view.)"""
        if not self._refit_queued:
            self._refit_queued = True
            QTimer.singleShot(0, self, self._refit)  # not after the view is gone

    def _refit(self) -> None:
        self._refit_queued = False
        if not self.closed:
            self.ci.setGeometry(self.range)

    def legends(self) -> list[FlowLegend]:
        """Each plot's legend, top to bottom."""
        return list(self._legends)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "plots"):
            self._follow_font()

    def _follow_font(self) -> None:
        """Size the axes and the legends' text after the app's font."""
        self._measure_font()
        for plot, legend in zip(self.plots, self._legends, strict=True):
            plot.getAxis("left").setWidth(self._left_width)
            plot.getAxis("right").setWidth(self._right_width)
            legend.set_font(self.font(), left=self._left_width + 1, right=self._right_width + 1)
        self._fit_rows()

    def _add_side_view(self, plot: pg.PlotItem, label: str) -> pg.ViewBox:
        """A second view box drawn over ``plot`` with its own right axis (shared X)."""
        view = pg.ViewBox(enableMenu=False)
        plot.scene().addItem(view)
        right = plot.getAxis("right")
        right.linkToView(view)
        right.setStyle(showValues=True)
        plot.legend_item.set_title("right", label)
        view.setXLink(plot)
        view.setMouseEnabled(x=True, y=False)

        def follow() -> None:
            view.setGeometry(plot.vb.sceneBoundingRect())
            view.linkedViewChanged(plot.vb, view.XAxis)

        plot.vb.sigResized.connect(follow)
        return view

    def _build_pain(self) -> None:
        p = self.pain
        p.setYRange(*PAIN_Y_RANGE, padding=0)
        self._pain_ticks: tuple[int, ...] = ()
        self._band_ticks: tuple[float, ...] = ()
        self._fit_pain_ticks()
        self.bands = []
        for low, high, verdict in PAIN_BANDS:
            band = pg.LinearRegionItem(
                (low, high), orientation="horizontal", movable=False,
                brush=_colour(VERDICT_COLOURS[verdict], BAND_ALPHA), pen=pg.mkPen(None),
            )
            band.setZValue(-30)
            p.addItem(band, ignoreBounds=True)
            self.bands.append(band)
        # the bands' words sit on the right axis, clear of the points
        right = p.getAxis("right")
        right.setStyle(showValues=True, tickLength=0)
        legend = p.legend_item
        self.pain_rest = pg.ScatterPlotItem(symbol="o", size=7, pen=None)
        self.pain_run = pg.ScatterPlotItem(symbol="t1", size=9, pen=None)
        self.pain_waking = pg.ScatterPlotItem(symbol="s", size=6, pen=None)
        self.pain_mean = pg.PlotDataItem(connect="finite", clipToView=True)
        for item, name in (
            (self.pain_rest, self.tr("At rest")),
            (self.pain_run, self.tr("During the run")),
            (self.pain_waking, self.tr("On waking")),
            (self.pain_mean, self.tr("7-day average")),
        ):
            p.addItem(item)
            legend.addItem(item, name)

    def _build_running(self) -> None:
        p = self.running
        legend = p.legend_item
        self.week_bars = pg.BarGraphItem(x=[], height=[], width=6 * DAY_S, pen=pg.mkPen(None))
        self.runs = pg.ScatterPlotItem(symbol="o", pen=None)
        self.spikes = pg.ScatterPlotItem(symbol="star", size=18)
        self.load_marks = pg.ScatterPlotItem(symbol="d", size=12)
        p.addItem(self.week_bars)
        p.addItem(self.runs)
        p.addItem(self.spikes)
        p.addItem(self.load_marks)
        p.vb.disableAutoRange(axis=pg.ViewBox.YAxis)  # fitted to the visible weeks instead
        p.vb.setLimits(yMin=0)
        self.acwr_view = self._add_side_view(p, self.tr("A:C (trend)"))
        self.acwr_view.setYRange(*ACWR_RANGE, padding=0)
        self.acwr = pg.PlotDataItem(connect="finite")
        self.acwr_view.addItem(self.acwr)
        legend.addItem(self.week_bars, self.tr("Weekly distance"))
        legend.addItem(self.runs, self.tr("Run (size: distance)"))
        legend.addItem(self.spikes, self.tr("Single-run spike"))
        legend.addItem(self.load_marks, self.tr("Other load warning"))
        legend.addItem(self.acwr, self.tr("A:C ratio (trend only)"))
        self.run_plan = PlanLine(p, legend)  # the week ahead, from today's prescription

    def _build_strength(self) -> None:
        p = self.strength
        legend = p.legend_item
        self.session_bars = pg.BarGraphItem(x=[], height=[], width=6 * DAY_S, pen=pg.mkPen(None))
        p.addItem(self.session_bars)
        self.plan_line = pg.InfiniteLine(angle=0, movable=False)
        p.addItem(self.plan_line, ignoreBounds=True)
        self.plan_sample = pg.PlotDataItem()
        legend.addItem(self.session_bars, self.tr("Sessions a week"))
        legend.addItem(self.plan_sample, self.tr("Plan"))
        self.volume_view = self._add_side_view(p, self.tr("Reps"))
        self.volume_view.enableAutoRange(axis=pg.ViewBox.YAxis)
        self.volume_view.setAutoVisible(y=True)
        self.volume_view.setLimits(yMin=0)
        self.volume = pg.PlotDataItem(connect="finite", symbol="o", symbolSize=5)
        self.volume_view.addItem(self.volume)
        legend.addItem(self.volume, self.tr("Nordic reps a week"))
        self._volume_legend_index = len(legend.items) - 1

    def _build_strip(self) -> None:
        p = self.strip
        p.setYRange(0, 1.5, padding=0)
        left = p.getAxis("left")
        left.setStyle(showValues=False)
        legend = p.legend_item
        self.verdict_bars: dict[Verdict, pg.BarGraphItem] = {}
        for verdict in Verdict:
            bars = pg.BarGraphItem(x=[], height=[], width=VERDICT_BAR_WIDTH, pen=pg.mkPen(None))
            p.addItem(bars)
            legend.addItem(bars, verdict_word(verdict))
            self.verdict_bars[verdict] = bars
        self._stop_label = legend.items[-1][1]  # the stop bars' name, after the stops shown
        self.flags = pg.ScatterPlotItem(symbol="x", size=11)
        p.addItem(self.flags)
        legend.addItem(self.flags, self.tr("Red flag"))

    def _build_shared(self) -> None:
        """The recovery window, the onset line and the hover line, on every plot."""
        self.windows: list[pg.LinearRegionItem] = []
        self.onset_lines: list[pg.InfiniteLine] = []
        self.hover_lines: list[pg.InfiniteLine] = []
        for plot in self.plots:
            region = pg.LinearRegionItem((0, 1), movable=False, pen=pg.mkPen(None))
            region.setZValue(-20)
            plot.addItem(region, ignoreBounds=True)
            self.windows.append(region)
            line = pg.InfiniteLine(angle=90, movable=False)
            plot.addItem(line, ignoreBounds=True)
            self.onset_lines.append(line)
            hover = pg.InfiniteLine(angle=90, movable=False)
            hover.setZValue(50)
            hover.hide()
            plot.addItem(hover, ignoreBounds=True)
            self.hover_lines.append(hover)
        # earlier episodes' onsets: a dotted line on every plot, named on the pain plot
        self.episode_lines: list[tuple[pg.PlotItem, pg.InfiniteLine]] = []
        self.onset_label = pg.TextItem(self.tr("Onset"), anchor=(0, 0))
        self.window_label = pg.TextItem("", anchor=(0, 0))
        for label in (self.onset_label, self.window_label):
            self.pain.addItem(label, ignoreBounds=True)

    # ---------------------------------------------------------------- palette

    def apply_palette(self, palette: QPalette) -> None:
        """Follow the system light or dark palette."""
        background = palette.color(QPalette.ColorRole.Base)
        foreground = palette.color(QPalette.ColorRole.Text)
        muted = QColor(foreground)
        muted.setAlpha(150)
        self.setBackground(background)
        for legend in self._legends:
            legend.set_text_colour(foreground)
            legend.setPen(pg.mkPen(None))
            legend.setBrush(pg.mkBrush(None))
        for plot in self.plots:
            for name in ("left", "bottom", "right"):
                plot.getAxis(name).setPen(pg.mkPen(muted))
                plot.getAxis(name).setTextPen(pg.mkPen(foreground))
        for band, (_, _, verdict) in zip(self.bands, PAIN_BANDS, strict=True):
            band.setBrush(pg.mkBrush(_colour(VERDICT_COLOURS[verdict], BAND_ALPHA)))
        self.pain_rest.setBrush(pg.mkBrush(_colour(PAIN_COLOURS["rest"])))
        self.pain_run.setBrush(pg.mkBrush(_colour(PAIN_COLOURS["run"])))
        self.pain_waking.setBrush(pg.mkBrush(_colour(PAIN_COLOURS["waking"])))
        self.pain_mean.setPen(pg.mkPen(foreground, width=2))
        self.week_bars.setOpts(brush=pg.mkBrush(_colour(BAR_COLOUR, 110)))
        self.runs.setBrush(pg.mkBrush(_colour(BAR_COLOUR, 220)))
        self.runs.setPen(pg.mkPen(background, width=1))
        self.spikes.setBrush(pg.mkBrush(_colour(VERDICT_COLOURS[Verdict.STOP])))
        self.spikes.setPen(pg.mkPen(foreground, width=1))
        self.load_marks.setBrush(pg.mkBrush(_colour(VERDICT_COLOURS[Verdict.HOLD])))
        self.load_marks.setPen(pg.mkPen(foreground, width=1))
        self.acwr.setPen(pg.mkPen(_colour(ACWR_COLOUR), width=1))
        self.session_bars.setOpts(brush=pg.mkBrush(_colour(STRENGTH_COLOUR, 150)))
        plan_pen = pg.mkPen(foreground, width=1, style=Qt.PenStyle.DashLine)
        self.plan_line.setPen(plan_pen)
        self.plan_sample.setPen(plan_pen)
        self.volume.setPen(pg.mkPen(_colour(VOLUME_COLOUR), width=1.5))
        self.volume.setSymbolBrush(pg.mkBrush(_colour(VOLUME_COLOUR)))
        self.volume.setSymbolPen(None)
        for verdict, bars in self.verdict_bars.items():
            bars.setOpts(brush=pg.mkBrush(verdict_colour(verdict)))
        self.flags.setPen(pg.mkPen(_colour(VERDICT_COLOURS[Verdict.STOP]), width=2.5))
        self.flags.setBrush(pg.mkBrush(_colour(VERDICT_COLOURS[Verdict.STOP])))
        window_brush = pg.mkBrush(_colour(WINDOW_COLOUR, 34))
        for region in self.windows:
            region.setBrush(window_brush)
        onset_pen = pg.mkPen(foreground, width=1.5, style=Qt.PenStyle.DashLine)
        for line in self.onset_lines:
            line.setPen(onset_pen)
        self.onset_label.setColor(foreground)
        self.window_label.setColor(foreground)
        hover_pen = pg.mkPen(foreground, width=1, style=Qt.PenStyle.DotLine)
        for line in self.hover_lines:
            line.setPen(hover_pen)

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
            self.runs.setData(data.runs.x, data.runs.y, size=_sizes(data, self._marker_scale))
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

    def _set_episodes(self, data: RecoveryData) -> None:
        """Mark where each earlier injury episode began (the current one is the onset) and
        where each ended episode ended."""
        for plot, line in self.episode_lines:
            plot.removeItem(line)
        self.episode_lines = []
        colour = self.palette().color(QPalette.ColorRole.WindowText)
        pen = pg.mkPen(colour, width=1.2, style=Qt.PenStyle.DotLine)
        for number, day in enumerate(data.episode_onsets, start=1):
            if day == data.onset:
                continue
            for plot in self.plots:
                label = self.tr("Episode %d began") % number if plot is self.pain else None
                line = pg.InfiniteLine(
                    day_start_x(day),
                    angle=90,
                    movable=False,
                    pen=pen,
                    label=label,
                    labelOpts={"position": 0.9, "color": colour},
                )
                plot.addItem(line, ignoreBounds=True)
                self.episode_lines.append((plot, line))
        ended = pg.mkPen(colour, width=1.2, style=Qt.PenStyle.DashDotLine)
        for number, day, recovered in data.episode_ends:
            words = (self.tr("Episode %d ended: recovered") if recovered
                     else self.tr("Episode %d closed")) % number
            for plot in self.plots:
                line = pg.InfiniteLine(
                    day_start_x(day + timedelta(days=1)),  # after its last day
                    angle=90,
                    movable=False,
                    pen=ended,
                    label=words if plot is self.pain else None,
                    labelOpts={"position": 0.7, "color": colour},
                )
                plot.addItem(line, ignoreBounds=True)
                self.episode_lines.append((plot, line))

    def _set_window(self, data: RecoveryData) -> None:
        visible = data.onset is not None
        for line in self.onset_lines:
            line.setVisible(visible)
            if data.onset is not None:
                line.setValue(day_start_x(data.onset))
        self.onset_label.setVisible(visible)
        if data.onset is not None:
            self.onset_label.setText(
                self.tr("Onset %s") % day_text(data.onset)
            )
            self._onset_x = day_start_x(data.onset)
            self.onset_label.setPos(self._onset_x, PAIN_Y_RANGE[1])
        self._set_episodes(data)
        for region in self.windows:
            region.setVisible(data.window is not None)
            if data.window is not None:
                region.setRegion((day_start_x(data.window[0]), day_start_x(data.window[1])))
        if data.window is not None and data.window_weeks is not None:
            lo, hi = data.window_weeks
            self.window_label.setText(self.tr("Expected recovery: %d-%d weeks") % (lo, hi))
            self._window_x = day_start_x(data.window[0])
            self.window_label.setPos(self._window_x, 9.5)
            self.window_label.show()
        else:
            self._window_x = None
            self.window_label.hide()
        if data.onset is None:
            self._onset_x = None
        self._on_x_range_changed()

    # ---------------------------------------------------------------- view

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
            self.runs.setSize(_sizes(data, scale))
        self._fit_pain_ticks()
        px_per_x = width_px / max(high - low, 1e-9)
        # the window's words one text line under the onset's, however tall the font
        top = PAIN_Y_RANGE[1]
        px_per_y = max(self.pain.vb.height(), 1.0) / (PAIN_Y_RANGE[1] - PAIN_Y_RANGE[0])
        below = top - (self.onset_label.boundingRect().height() + 2) / px_per_y
        for label, x, y in ((self.onset_label, self._onset_x, top),
                            (self.window_label, self._window_x, below)):
            if x is None:
                continue
            room = (high - x) * px_per_x
            fits = room >= label.boundingRect().width() + 4
            label.setAnchor((0, 0) if fits else (1, 0))
            label.setPos(x, y)

    def _fit_pain_ticks(self) -> None:
        """Pain values on the left axis and the bands' words on the right, as many as
        stand a text line apart."""
        axis = self.pain.getAxis("left")
        line = QFontMetrics(axis.style.get("tickFont") or axis.font()).height()
        px_per_y = self.pain.vb.height() / (PAIN_Y_RANGE[1] - PAIN_Y_RANGE[0])

        def fits(ticks: tuple[float, ...]) -> bool:
            return all((b - a) * px_per_y >= line for a, b in pairwise(ticks))

        ticks = next(t for t in ((0, 3, 5, 10), (0, 5, 10), (0, 10)) if fits(t) or t == (0, 10))
        if ticks != self._pain_ticks:
            self._pain_ticks = ticks
            axis.setTicks([[(v, str(v)) for v in ticks], [(v, "") for v in range(11)]])
        # short of room the middle band's word goes: its colour between the other two tells it
        bands = next(t for t in (BAND_WORD_YS, BAND_WORD_YS[::2]) if fits(t) or len(t) < 3)
        if bands != self._band_ticks:
            self._band_ticks = bands
            words = [(y, band_word(BAND_WORD_YS.index(y))) for y in bands]
            self.pain.getAxis("right").setTicks([words, []])
