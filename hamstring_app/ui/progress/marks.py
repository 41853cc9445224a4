"""The marks on the time axis: the onset, the usual recovery window, and where each earlier
injury episode began and ended.

A mixin for :class:`~hamstring_app.ui.progress.plots.RecoveryPlots`, which owns the lines,
regions and labels (built in ui/progress/plot_items.py).
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette

from hamstring_app.ui.dates import day_text
from hamstring_app.ui.progress.data import RecoveryData
from hamstring_app.ui.progress.days import day_start_x
from hamstring_app.ui.progress.plot_items import PAIN_Y_RANGE


class Marks:
    """Onset, recovery window and episode lines on every plot."""

    if TYPE_CHECKING:
        def __getattr__(self, name: str) -> Any: ...  # the items of plot_items.PlotItems

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
                text = QCoreApplication.translate("RecoveryPlots", "Episode %d began")
                label = text % number if plot is self.pain else None
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
            text = QCoreApplication.translate("RecoveryPlots", "Episode %d ended: recovered")
            words = (text if recovered
                     else QCoreApplication.translate("RecoveryPlots", "Episode %d closed")) % number
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
                QCoreApplication.translate("RecoveryPlots", "Onset %s") % day_text(data.onset)
            )
            self._onset_x = day_start_x(data.onset)
            self.onset_label.setPos(self._onset_x, PAIN_Y_RANGE[1])
        self._set_episodes(data)
        for region in self.windows:
            region.setVisible(data.window is not None)
            if data.window is not None:
                region.setRegion((day_start_x(data.window[0]), day_start_x(data.window[1])))
        # named on the legend row (in short when the row is full), never over the points
        text = None
        if data.window is not None and data.window_weeks is not None:
            text = QCoreApplication.translate("RecoveryPlots", "Expected recovery: %d-%d weeks")
            text %= data.window_weeks
        legend = self.pain.legend_item
        if legend.entry_text(self.window_sample) != text:
            legend.remove_entry(self.window_sample)
            if text is not None:
                short = QCoreApplication.translate("RecoveryPlots", "Expected recovery")
                legend.add_entry(self.window_sample, text, short=short)
        if data.onset is None:
            self._onset_x = None
        self._on_x_range_changed()
