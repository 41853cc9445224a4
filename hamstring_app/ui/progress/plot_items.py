"""Building the graphs once: the four plots, each under its legend row, their axes, series,
bands and marks, and the rows' heights in the app's font.

A mixin for :class:`~hamstring_app.ui.progress.plots.RecoveryPlots` (a GraphicsLayoutWidget).
Every item is made here once; later changes only feed them new data.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QFontMetrics

from hamstring_app.core.models import Verdict
from hamstring_app.ui.progress.axis import CalendarAxis, ValueAxis
from hamstring_app.ui.progress.colours import BAND_ALPHA, PAIN_BANDS, series_colour
from hamstring_app.ui.progress.days import DAY_S
from hamstring_app.ui.progress.legend import FlowLegend
from hamstring_app.ui.progress.plan_line import PlanLine
from hamstring_app.ui.theme import VERDICT_COLOURS
from hamstring_app.ui.verdicts import verdict_word

ACWR_RANGE = (0.0, 2.5)
PAIN_Y_RANGE = (-0.4, 10.6)
ROW_STRETCH = (5, 4, 3, 0)  # pain, running, strength, the verdict strip
PREFERRED_LINES = (5.0, 3.0, 2.5, 0)
LEAST_LINES = (3.0, 2.0, 1.6, 0)
BAND_WORD_YS = (1.5, 4.5, 8.0)  # where each band's word stands on the right axis
#: the pain axis' labelled values, the first that has room (every second point wanted)
PAIN_TICKS = ((0, 2, 4, 6, 8, 10), (0, 5, 10), (0, 10))
VERDICT_BAR_WIDTH = 0.85 * DAY_S


def number_gap(metrics: QFontMetrics) -> float:
    """The least distance between two labelled values on a value axis for them to read
    apart: the digits' own height (they have no descenders, so less than a text line)
    and a sixth of a line between them."""
    return metrics.tightBoundingRect("0123456789").height() + max(3.0, metrics.height() / 6)


class PlotItems:
    """Makes the plots and their items, and sizes them after the font."""

    if TYPE_CHECKING:
        def __getattr__(self, name: str) -> Any: ...  # a GraphicsLayoutWidget

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
        the most) down to a least height; with room to spare each grows by its stretch.
        The verdict strip has one line and a bit. The widget asks for the least height of
        the whole (the tab scrolls when the window is shorter)."""
        for plot, lines, least in zip(self.plots, PREFERRED_LINES, LEAST_LINES, strict=True):
            if lines:
                plot.setPreferredHeight(lines * self._em)
                plot.setMinimumHeight(least * self._em + plot.getAxis("bottom").height())
        # the pain plot keeps room for a value at every second point (the tab scrolls for it)
        span = PAIN_Y_RANGE[1] - PAIN_Y_RANGE[0]
        axis = self.pain.getAxis("left")
        values = span / 2 * number_gap(QFontMetrics(axis.style.get("tickFont") or axis.font()))
        self.pain.setMinimumHeight(max(self.pain.minimumHeight(), math.ceil(values) + 8
                                       + self.pain.getAxis("bottom").height()))
        height = max(self._em * 1.2, 24) + self.strip.getAxis("bottom").height()
        self.strip.setMinimumHeight(height)
        self.strip.setMaximumHeight(height)
        self._ask_least_height()

    def _ask_least_height(self) -> None:
        least = self.ci.effectiveSizeHint(Qt.SizeHint.MinimumSize).height()
        self.setMinimumHeight(math.ceil(least))

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
            self._ask_least_height()
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
                brush=series_colour(VERDICT_COLOURS[verdict], BAND_ALPHA), pen=pg.mkPen(None),
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
            (self.pain_rest, QCoreApplication.translate("RecoveryPlots", "At rest")),
            (self.pain_run, QCoreApplication.translate("RecoveryPlots", "During the run")),
            (self.pain_waking, QCoreApplication.translate("RecoveryPlots", "On waking")),
            (self.pain_mean, QCoreApplication.translate("RecoveryPlots", "7-day average")),
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
        text = QCoreApplication.translate("RecoveryPlots", "A:C (trend)")
        self.acwr_view = self._add_side_view(p, text)
        self.acwr_view.setYRange(*ACWR_RANGE, padding=0)
        self.acwr = pg.PlotDataItem(connect="finite")
        self.acwr_view.addItem(self.acwr)
        text = QCoreApplication.translate("RecoveryPlots", "Weekly distance")
        legend.addItem(self.week_bars, text)
        text = QCoreApplication.translate("RecoveryPlots", "Run (size: distance)")
        legend.addItem(self.runs, text)
        legend.addItem(self.spikes, QCoreApplication.translate("RecoveryPlots", "Single-run spike"))
        text = QCoreApplication.translate("RecoveryPlots", "Other load warning")
        legend.addItem(self.load_marks, text)
        text = QCoreApplication.translate("RecoveryPlots", "A:C ratio (trend only)")
        legend.addItem(self.acwr, text)
        self.run_plan = PlanLine(p, legend)  # the week ahead, from today's prescription

    def _build_strength(self) -> None:
        p = self.strength
        legend = p.legend_item
        self.session_bars = pg.BarGraphItem(x=[], height=[], width=6 * DAY_S, pen=pg.mkPen(None))
        p.addItem(self.session_bars)
        self.plan_line = pg.InfiniteLine(angle=0, movable=False)
        p.addItem(self.plan_line, ignoreBounds=True)
        self.plan_sample = pg.PlotDataItem()
        text = QCoreApplication.translate("RecoveryPlots", "Sessions a week")
        legend.addItem(self.session_bars, text)
        legend.addItem(self.plan_sample, QCoreApplication.translate("RecoveryPlots", "Plan"))
        text = QCoreApplication.translate("RecoveryPlots", "Reps")
        self.volume_view = self._add_side_view(p, text)
        self.volume_view.enableAutoRange(axis=pg.ViewBox.YAxis)
        self.volume_view.setAutoVisible(y=True)
        self.volume_view.setLimits(yMin=0)
        self.volume = pg.PlotDataItem(connect="finite", symbol="o", symbolSize=5)
        self.volume_view.addItem(self.volume)
        text = QCoreApplication.translate("RecoveryPlots", "Nordic reps a week")
        legend.addItem(self.volume, text)
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
        legend.addItem(self.flags, QCoreApplication.translate("RecoveryPlots", "Red flag"))

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
        text = QCoreApplication.translate("RecoveryPlots", "Onset")
        self.onset_label = pg.TextItem(text, anchor=(0, 0))
        self.pain.addItem(self.onset_label, ignoreBounds=True)
        # the window is named on the pain plot's legend row, where it covers no point; its
        # sample is drawn with the window's shading (the item itself is not on any plot)
        self.window_sample = pg.BarGraphItem(x=[], height=[], width=1, pen=pg.mkPen(None))
