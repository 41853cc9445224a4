"""Moving about the graphs: range presets, zoom, the day under the pointer, clicks and keys.

A mixin for :class:`~hamstring_app.ui.progress.plots.RecoveryPlots`, which owns the items
it moves (the linked plots, the hover lines) and the signals it emits.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QKeyEvent

from hamstring_app.core.rules import thresholds as T
from hamstring_app.ui.progress.data import RecoveryData
from hamstring_app.ui.progress.days import DAY_S, day_start_x, day_x, x_day


class Preset:
    FOUR_WEEKS = "4w"
    TWELVE_WEEKS = "12w"
    SINCE_ONSET = "onset"
    ALL = "all"


def preset_start(preset: str, today: date, onset: date | None, first_day: date) -> date:
    """The first day a preset shows (known before any data is built)."""
    if preset == Preset.FOUR_WEEKS:
        return today - timedelta(days=27)
    if preset == Preset.TWELVE_WEEKS:
        return today - timedelta(days=83)
    if preset == Preset.SINCE_ONSET and onset is not None:
        return onset - timedelta(days=3)
    # all: from the onset or the first record, whichever came first
    return (first_day if onset is None else min(first_day, onset)) - timedelta(days=3)


def days_to_build(first_shown: date, today: date) -> date:
    """The first day to build for a view from ``first_shown`` on: as far again before it
    as it is from today and the week ahead, on a Monday. The graphs hold the points one
    view's width either side of the view, so a small pan needs nothing new, and going
    further back builds twice the days each time (the whole history after a few)."""
    span = max(today - first_shown, timedelta(days=T.WEEK_DAYS)) + timedelta(
        days=T.WEEK_PLAN_DAYS)
    before = first_shown - span
    return before - timedelta(days=before.weekday())


def last_day(data: RecoveryData) -> date:
    """The last day worth showing: today, or the end of the recovery window if later."""
    last = data.today
    if data.window is not None and data.window[1] > last:
        last = data.window[1]
    return last


class Navigation:
    """Ranges, zoom, hover, click and keyboard for the stacked plots."""

    if TYPE_CHECKING:
        data: RecoveryData | None
        cursor_day: date | None
        pain: pg.PlotItem
        plots: tuple[pg.PlotItem, ...]
        hover_lines: list[pg.InfiniteLine]
        day_hovered: Any
        day_clicked: Any

        def hasFocus(self) -> bool: ...

    # ---------------------------------------------------------------- ranges

    def preset_range(self, preset: str) -> tuple[float, float]:
        """The X range (Unix seconds) a preset shows, for the data last set."""
        data = self.data
        assert data is not None
        # the week ahead (the plan line) stays in view: today and the 6 days after
        end = day_start_x(data.today + timedelta(days=T.WEEK_PLAN_DAYS)) + 0.5 * DAY_S
        start = day_start_x(preset_start(preset, data.today, data.onset, data.first_day))
        if preset not in (Preset.FOUR_WEEKS, Preset.TWELVE_WEEKS):
            end = max(end, day_start_x(last_day(data) + timedelta(days=2)))
        return start - 0.5 * DAY_S, end

    def show_preset(self, preset: str) -> None:
        if self.data is None:
            return
        self.pain.setXRange(*self.preset_range(preset), padding=0)

    def x_range(self) -> tuple[float, float]:
        low, high = self.pain.vb.viewRange()[0]
        return float(low), float(high)

    def zoom(self, factor: float) -> None:
        """Zoom the time axis about its centre (factor < 1 zooms in)."""
        low, high = self.x_range()
        centre, half = (low + high) / 2, (high - low) / 2 * factor
        self.pain.setXRange(centre - half, centre + half, padding=0)

    # ---------------------------------------------------------------- hover and click

    def day_at(self, scene_pos: QPointF) -> date | None:
        """The day under a scene position inside one of the plots, or None."""
        for plot in self.plots:
            if plot.vb.sceneBoundingRect().contains(scene_pos):
                return x_day(plot.vb.mapSceneToView(scene_pos).x())
        return None

    def scene_pos_of(self, day: date, plot: pg.PlotItem | None = None) -> QPointF:
        """Where ``day``'s noon is drawn, half-way up ``plot`` (scene coordinates)."""
        plot = plot or self.pain
        (_, _), (y_low, y_high) = plot.vb.viewRange()
        return plot.vb.mapViewToScene(QPointF(day_x(day), (y_low + y_high) / 2))

    def set_cursor(self, day: date | None) -> None:
        """Show the hover line on ``day`` (None hides it) and say which day it is."""
        if day == self.cursor_day:
            return
        self.cursor_day = day
        for line in self.hover_lines:
            line.setVisible(day is not None)
            if day is not None:
                line.setValue(day_x(day))
        self.day_hovered.emit(day)

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        day = self.day_at(scene_pos)
        if day is not None:
            self.set_cursor(day)

    def _on_mouse_clicked(self, event: object) -> None:
        if event.button() != Qt.MouseButton.LeftButton or event.double():  # type: ignore[attr-defined]
            return
        day = self.day_at(event.scenePos())  # type: ignore[attr-defined]
        if day is not None and self.data is not None and day <= self.data.today:
            self.set_cursor(day)
            self.day_clicked.emit(day)

    def leaveEvent(self, event: object) -> None:
        super().leaveEvent(event)
        if not self.hasFocus():
            self.set_cursor(None)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        data = self.data
        key = event.key()
        if data is None:
            super().keyPressEvent(event)
            return
        step = 7 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1
        current = self.cursor_day or data.today
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            day = current + timedelta(days=step if key == Qt.Key.Key_Right else -step)
            day = min(max(day, data.first_day), data.today)
            self.set_cursor(day)
            self._keep_visible(day)
        elif key == Qt.Key.Key_Home:
            self.set_cursor(data.first_day)
            self._keep_visible(data.first_day)
        elif key == Qt.Key.Key_End:
            self.set_cursor(data.today)
            self._keep_visible(data.today)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.set_cursor(current)
            self.day_clicked.emit(current)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(0.7)
        elif key == Qt.Key.Key_Minus:
            self.zoom(1 / 0.7)
        else:
            super().keyPressEvent(event)

    def _keep_visible(self, day: date) -> None:
        low, high = self.x_range()
        x = day_x(day)
        if low <= x <= high:
            return
        width = high - low
        if x < low:
            self.pain.setXRange(x - 0.1 * width, x + 0.9 * width, padding=0)
        else:
            self.pain.setXRange(x - 0.9 * width, x + 0.1 * width, padding=0)
