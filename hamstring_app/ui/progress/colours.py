"""The graphs' colours: the series' own, readable on light and dark backgrounds, and the
palette's text and base colours for everything else.

A mixin for :class:`~hamstring_app.ui.progress.plots.RecoveryPlots`, which builds the items
(ui/progress/plot_items.py) that :meth:`Colours.apply_palette` paints.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from hamstring_app.core.models import Verdict
from hamstring_app.ui.theme import VERDICT_COLOURS, is_dark, verdict_colour

# Series colours: distinct in hue and lightness, readable on light and dark backgrounds.
PAIN_COLOURS = {"rest": "#8e44ad", "run": "#e67e22", "waking": "#16a085"}
BAR_COLOUR = "#5c8fd6"
STRENGTH_COLOUR = "#7f8c8d"
VOLUME_COLOUR = "#c0392b"
ACWR_COLOUR = "#9b59b6"
WINDOW_COLOUR = "#2e86c1"
BAND_ALPHA = 26
PAIN_BANDS = ((-0.5, 3.5, Verdict.CONTINUE), (3.5, 5.5, Verdict.HOLD), (5.5, 10.5, Verdict.STOP))


def series_colour(hex_colour: str, alpha: int = 255) -> QColor:
    colour = QColor(hex_colour)
    if is_dark():
        colour = colour.lighter(135)
    colour.setAlpha(alpha)
    return colour


class Colours:
    """Follows the system light or dark palette."""

    if TYPE_CHECKING:
        def __getattr__(self, name: str) -> Any: ...  # the items of plot_items.PlotItems

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
            band.setBrush(pg.mkBrush(series_colour(VERDICT_COLOURS[verdict], BAND_ALPHA)))
        self.pain_rest.setBrush(pg.mkBrush(series_colour(PAIN_COLOURS["rest"])))
        self.pain_run.setBrush(pg.mkBrush(series_colour(PAIN_COLOURS["run"])))
        self.pain_waking.setBrush(pg.mkBrush(series_colour(PAIN_COLOURS["waking"])))
        self.pain_mean.setPen(pg.mkPen(foreground, width=2))
        self.week_bars.setOpts(brush=pg.mkBrush(series_colour(BAR_COLOUR, 110)))
        self.runs.setBrush(pg.mkBrush(series_colour(BAR_COLOUR, 220)))
        self.runs.setPen(pg.mkPen(background, width=1))
        self.spikes.setBrush(pg.mkBrush(series_colour(VERDICT_COLOURS[Verdict.STOP])))
        self.spikes.setPen(pg.mkPen(foreground, width=1))
        self.load_marks.setBrush(pg.mkBrush(series_colour(VERDICT_COLOURS[Verdict.HOLD])))
        self.load_marks.setPen(pg.mkPen(foreground, width=1))
        self.acwr.setPen(pg.mkPen(series_colour(ACWR_COLOUR), width=1))
        self.session_bars.setOpts(brush=pg.mkBrush(series_colour(STRENGTH_COLOUR, 150)))
        plan_pen = pg.mkPen(foreground, width=1, style=Qt.PenStyle.DashLine)
        self.plan_line.setPen(plan_pen)
        self.plan_sample.setPen(plan_pen)
        self.volume.setPen(pg.mkPen(series_colour(VOLUME_COLOUR), width=1.5))
        self.volume.setSymbolBrush(pg.mkBrush(series_colour(VOLUME_COLOUR)))
        self.volume.setSymbolPen(None)
        for verdict, bars in self.verdict_bars.items():
            bars.setOpts(brush=pg.mkBrush(verdict_colour(verdict)))
        self.flags.setPen(pg.mkPen(series_colour(VERDICT_COLOURS[Verdict.STOP]), width=2.5))
        self.flags.setBrush(pg.mkBrush(series_colour(VERDICT_COLOURS[Verdict.STOP])))
        window_brush = pg.mkBrush(series_colour(WINDOW_COLOUR, 34))
        for region in self.windows:
            region.setBrush(window_brush)
        # its legend sample: the same colour, a little stronger, as it has no band under it
        self.window_sample.setOpts(brush=pg.mkBrush(series_colour(WINDOW_COLOUR, 70)))
        self.pain.legend_item.update()
        onset_pen = pg.mkPen(foreground, width=1.5, style=Qt.PenStyle.DashLine)
        for line in self.onset_lines:
            line.setPen(onset_pen)
        self.onset_label.setColor(foreground)
        hover_pen = pg.mkPen(foreground, width=1, style=Qt.PenStyle.DotLine)
        for line in self.hover_lines:
            line.setPen(hover_pen)
