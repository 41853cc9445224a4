"""The Recovery tab: is it getting better? Words first, then the graphs."""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hamstring_app.core.models import History
from hamstring_app.core.rules import Assessment
from hamstring_app.ui.context import AppContext
from hamstring_app.ui.events import Kind
from hamstring_app.ui.progress.hover import describe_day
from hamstring_app.ui.widgets.stale_tab import StaleTab
from hamstring_app.ui.widgets.steps import Steps

if TYPE_CHECKING:
    from hamstring_app.ui.progress.data import RecoveryData
    from hamstring_app.ui.progress.fit_scroll import FitScroll
    from hamstring_app.ui.progress.plots import RecoveryPlots
    from hamstring_app.ui.progress.summary import SummaryHeader

log = logging.getLogger(__name__)

PRESET_KEYS = ("Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4")  # the presets in order, left to right
EXPORT_SHORTCUT = "Ctrl+E"


RANGE_STYLE = (
    "QPushButton { padding: 3px 10px; border: 1px solid palette(mid); border-radius: 3px;"
    " background: palette(button); color: palette(button-text); }"
    "QPushButton:hover { border-color: palette(highlight); }"
    "QPushButton:checked { background: palette(highlight); color: palette(highlighted-text);"
    " border-color: palette(highlight); }"
)
"""The range buttons: the chosen one filled in the selection colour (white on it, 4.6:1
or more on both palettes)."""

def _no_collector(work: Callable[[], None]) -> None:
    """Loading years of history makes tens of thousands of small objects; the cyclic
    garbage collector would scan the whole heap several times meanwhile (a third of the
    time). Nothing here makes cycles that need it, so it waits until the end."""
    paused = gc.isenabled()
    gc.disable()
    try:
        work()
    finally:
        if paused:
            gc.enable()


class RecoveryTab(StaleTab):
    title = "Recovery"
    watches = frozenset(
        {
            Kind.PROFILE,
            Kind.EPISODE,
            Kind.ASSESSMENT,
            Kind.CHECKIN,
            Kind.RUN,
            Kind.STRENGTH,
            Kind.SETTINGS,
        }
    )

    # Built on first show (or first refresh), with the graphs and what they import:
    # pyqtgraph and numpy cost most of a second, and the app starts on another tab.
    header: SummaryHeader
    plots: RecoveryPlots
    readout: QLabel
    preset_buttons: dict[str, QPushButton]
    export_button: QPushButton
    view: QWidget
    view_scroll: FitScroll
    empty: QLabel
    empty_button: QPushButton
    empty_page: QWidget
    stack: QStackedWidget
    controls: QWidget

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("recovery")
        self.title = self.tr("Recovery")
        self.history: History | None = None
        self.assessment: Assessment | None = None
        self.data: RecoveryData | None = None
        self.preset = "12w"  # Preset.TWELVE_WEEKS, without importing the graphs' module
        self._ranged = False
        # the first day built: the range shown first needs only the last months; older
        # days are built when a range or a pan reaches them (None: not chosen yet)
        self._since: date | None = None
        self._wanted = False  # a check of the days the view needs is on its way
        # after a big change (an import read back on a worker) a visible tab is drawn in
        # parts, a turn of the event loop each: the figures, then the graphs
        self.steps = Steps(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(4)

    def _build(self) -> None:
        from hamstring_app.ui.progress.fit_scroll import FitScroll
        from hamstring_app.ui.progress.navigation import Preset
        from hamstring_app.ui.progress.plots import RecoveryPlots
        from hamstring_app.ui.progress.summary import SummaryHeader

        self.header = SummaryHeader()
        self.plots = RecoveryPlots()
        self.readout = QLabel()
        self.readout.setObjectName("recoveryReadout")
        self.readout.setAccessibleName(self.tr("Values for the day under the pointer"))
        self.readout.setWordWrap(True)
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.preset_group = QButtonGroup(self)
        self.preset_group.setExclusive(True)
        self.preset_buttons = {}
        bar = QHBoxLayout()
        bar.setSpacing(6)
        show = QLabel(self.tr("Show:"))
        bar.addWidget(show)
        names = {
            Preset.FOUR_WEEKS: self.tr("4 weeks"),
            Preset.TWELVE_WEEKS: self.tr("12 weeks"),
            Preset.SINCE_ONSET: self.tr("Since onset"),
            Preset.ALL: self.tr("All"),
        }
        for (preset, name), keys in zip(names.items(), PRESET_KEYS, strict=True):
            button = QPushButton(name)
            button.setCheckable(True)
            button.setStyleSheet(RANGE_STYLE)  # the selected range looks selected
            button.setShortcut(QKeySequence(keys))
            shortcut = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(self.tr("Show %s (%s)") % (name.lower(), shortcut))
            button.setAccessibleName(self.tr("Show %s") % name.lower())
            button.clicked.connect(lambda _=False, p=preset: self.show_preset(p))
            self.preset_group.addButton(button)
            self.preset_buttons[preset] = button
            bar.addWidget(button)
        bar.addStretch(1)
        # short, to fit beside the buttons at 1024 px with a large font; the line above
        # the graphs says the rest
        hint = QLabel(self.tr("Drag to pan, scroll to zoom."))
        hint.setObjectName("recoveryHint")
        bar.addWidget(hint)
        self.export_button = QPushButton(self.tr("Export..."))
        self.export_button.setShortcut(QKeySequence(EXPORT_SHORTCUT))
        self.export_button.setToolTip(self.tr("Save this view as a PNG or SVG picture (%s)")
                                      % EXPORT_SHORTCUT)
        self.export_button.setAccessibleName(self.tr("Export the graphs as a picture"))
        self.export_button.clicked.connect(self.export_dialog)
        bar.addWidget(self.export_button)

        # what is exported: the words and the graphs together
        self.view = QWidget()
        self.view.setObjectName("recoveryView")
        self.view.setAutoFillBackground(True)
        view_layout = QVBoxLayout(self.view)
        view_layout.setContentsMargins(12, 10, 12, 4)
        view_layout.setSpacing(6)
        view_layout.addWidget(self.header)
        view_layout.addWidget(self.readout)
        view_layout.addWidget(self.plots, 1)

        self.empty = QLabel()
        self.empty.setObjectName("recoveryEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setAccessibleName(self.tr("No recovery data yet"))
        font = self.empty.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.empty.setFont(font)
        self.empty_button = QPushButton(self.tr("Open today's check-in"))
        self.empty_button.setAccessibleName(self.tr("Open today's check-in"))
        self.empty_button.clicked.connect(lambda: self._open_day(self.ctx.clock.today()))
        self.empty_page = QWidget()
        empty_layout = QVBoxLayout(self.empty_page)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty)
        empty_layout.addWidget(self.empty_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(1)

        # a window too short for the graphs' least height scrolls them, rather than
        # squeezing the plots to nothing
        self.view_scroll = FitScroll(self.view)
        self.view_scroll.setObjectName("recoveryScroll")
        self.view_scroll.setAccessibleName(self.tr("Recovery summary and graphs"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_page)
        self.stack.addWidget(self.view_scroll)

        controls = QWidget()
        controls.setLayout(bar)
        bar.setContentsMargins(12, 0, 12, 0)
        self.controls = controls
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addWidget(controls)
        layout.addWidget(self.stack, 1)
        # added while the tab may be showing: show them now, not on the next event-loop turn
        controls.show()
        self.stack.show()

        self.plots.day_hovered.connect(self._show_day)
        self.plots.day_clicked.connect(self._open_day)
        self.plots.days_wanted.connect(self._want_days)
        self._show_day(None)
        self.plots.apply_palette(self.palette())  # the tab's, which may differ from the app's

    # ---------------------------------------------------------------- refresh

    def refresh(self) -> None:
        self.ensure_built()
        if self._big_change:  # the figures on the next turn, the graphs on the one after
            self.steps.start(lambda: _no_collector(self._refresh))
            return
        self.steps.clear()  # this refresh shows all of it
        _no_collector(self._refresh)

    def _refresh(self) -> None:
        from hamstring_app.ui.progress.data import build_recovery_data

        repo, today = self.ctx.repo, self.ctx.clock.today()
        history = self.ctx.history.get()
        plan = repo.get_settings().sessions_per_week
        assessment = self.ctx.ops.assessment(today)
        since = self._since if self._since is not None else self._first_built(history, today)
        data = build_recovery_data(history, assessment, today, plan, previous=self.data,
                                   since=since)
        if data.is_empty and not data.whole:  # nothing lately: is there anything before?
            data = build_recovery_data(history, assessment, today, plan)
        self._since = data.since
        self.history, self.assessment, self.data = history, assessment, data
        if data.is_empty:
            self.empty.setText(self._empty_text(history))
            self.header.set_empty()
            self.stack.setCurrentWidget(self.empty_page)
            self.controls.hide()
            return
        self.controls.show()
        self.header.set_summary(history, assessment, today, plan)
        if self.steps.running:  # in parts: the graphs on a turn of their own
            self.steps.then(lambda: _no_collector(lambda: self._show_graphs(data))
                            if self.data is data else None)
        else:
            self._show_graphs(data)

    def _show_graphs(self, data: RecoveryData) -> None:
        self.plots.run_plan.set_plan(self.assessment, data.unit)
        self.plots.set_data(data)
        if self.steps.running and self.stack.currentWidget() is not self.view_scroll:
            # the graphs' first show (laid out and painted) on a turn of its own
            self.steps.then(lambda: self._show_view() if self.data is data else None)
        else:
            self._show_view()

    def _show_view(self) -> None:
        self.stack.setCurrentWidget(self.view_scroll)
        if not self._ranged:
            self._ranged = True
            self.show_preset(self.preset)
        if self.plots.cursor_day is not None:
            self._show_day(self.plots.cursor_day)

    def _empty_text(self, history: History) -> str:
        if history.profile is None:
            return self.tr(
                "<p><b>Nothing to show yet.</b></p><p>Add when your pain started (File, "
                "Profile), then log your first check-in to see your trend.</p>"
            )
        return self.tr(
            "<p><b>Log your first check-in to see your trend.</b></p><p>Your pain, runs and "
            "strength sessions will show here, against the usual recovery time.</p>"
        )

    def _first_built(self, history: History, today: date) -> date:
        """The first day the range to be shown needs built."""
        from hamstring_app.core.episodes import episode_on
        from hamstring_app.ui.progress.data import first_day
        from hamstring_app.ui.progress.navigation import days_to_build, preset_start

        current = episode_on(history.episodes, history.profile, today)
        onset = current.onset if current is not None else None
        shown = preset_start(self.preset, today, onset, first_day(history, today))
        return days_to_build(min(shown, today), today)

    # ---------------------------------------------------------------- ranges

    def show_preset(self, preset: str) -> None:
        self.preset = preset
        self._ranged = True
        self.preset_buttons[preset].setChecked(True)
        data = self.data
        if data is not None and not data.whole:
            from hamstring_app.ui.progress.navigation import days_to_build, preset_start

            shown = preset_start(preset, data.today, data.onset, data.first_day)
            self._build_from(days_to_build(min(shown, data.today), data.today))
        self.plots.show_preset(preset)

    def _want_days(self, _day: date) -> None:
        """The view came near the first day built: build the days it needs once the
        current change of view is over (a range set while filling is not a wish)."""
        from PySide6.QtCore import QTimer

        if not self._wanted:
            self._wanted = True
            QTimer.singleShot(0, self._build_wanted)

    def _build_wanted(self) -> None:
        self._wanted = False
        day = self.plots.wanted_since() if self._ranged else None
        if day is not None:
            self._build_from(day)

    def _build_from(self, day: date) -> None:
        """Build the days from ``day`` on, if they are not yet."""
        data = self.data
        if data is None or data.whole or data.since is None or day >= data.since:
            return
        self._since = day
        if self.isVisible():
            self.refresh_now()
        else:
            self._stale = True

    # ---------------------------------------------------------------- hover and click

    def _show_day(self, day: date | None) -> None:
        if day is None or self.data is None:
            self.readout.setText(
                self.tr("Point at a day, or use the arrow keys, to see its values. Click a "
                        "day to open it.")
            )
            return
        self.readout.setText(describe_day(self.data.info(day), self.data.unit))

    def _open_day(self, day: date) -> None:
        self.ctx.events.open_day.emit(day)

    # ---------------------------------------------------------------- export

    def export_dialog(self) -> None:
        suggested = Path.home() / f"recovery-{self.ctx.clock.today().isoformat()}.png"
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the graphs"),
            str(suggested),
            self.tr("PNG picture (*.png);;SVG drawing (*.svg)"),
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> Path | None:
        """Save the summary and graphs as shown. PNG or SVG by the file's extension."""
        from hamstring_app.ui.progress.export import ExportError, export_view

        try:
            written = export_view(self.view, path, title=self.tr("Hamstring Coach: recovery"))
        except (ExportError, OSError) as exc:
            log.warning("Export to %s failed: %s", path, exc)
            QMessageBox.warning(
                self,
                self.tr("Could not export"),
                self.tr(
                    "The picture could not be saved to %s.\n\nNothing else was changed. Check "
                    "that the folder exists and that you can write to it, or choose another."
                ) % path,
            )
            return None
        self.ctx.events.status_message.emit(self.tr("Saved %s") % written)
        return written

    # ---------------------------------------------------------------- palette and shots

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._built:
            self.plots.apply_palette(self.palette())

    def screenshot_states(self) -> list[tuple[str, Callable[[], None]]]:
        from hamstring_app.ui.progress.navigation import Preset

        def hover() -> None:
            self.show_preset(Preset.SINCE_ONSET)
            if self.data is not None:
                self.plots.set_cursor(self.data.today)

        return [
            ("all", lambda: self.show_preset(Preset.ALL)),
            ("since-onset-hover", hover),
        ]
