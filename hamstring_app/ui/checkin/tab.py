"""The "Today" tab: the check-in form and the day's runs on the left, today's verdict and
the history on the right."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QMainWindow,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from hamstring_app.core.models import CheckIn, History, Referral, Units
from hamstring_app.core.rules import Assessment
from hamstring_app.ui.checkin.form import CheckInForm
from hamstring_app.ui.checkin.history import HistoryPanel
from hamstring_app.ui.checkin.plan_panel import PlanPanel
from hamstring_app.ui.checkin.runs import RunsPanel
from hamstring_app.ui.checkin.safety_bar import SafetyBar
from hamstring_app.ui.checkin.urgent import confirm_urgent
from hamstring_app.ui.checkin.verdict_panel import VerdictPanel
from hamstring_app.ui.context import AppContext
from hamstring_app.ui.events import Kind
from hamstring_app.ui.importing.prompt import NewRunsPrompt
from hamstring_app.ui.tab_order import apply_tab_order
from hamstring_app.ui.widgets.fit_scroll import FitScrollArea
from hamstring_app.ui.widgets.stale_tab import StaleTab
from hamstring_app.ui.widgets.steps import Steps

log = logging.getLogger(__name__)


def _scroll(widget: QWidget, name: str) -> QScrollArea:
    area = FitScrollArea(widget)
    area.setObjectName(name)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    return area


class CheckInTab(StaleTab):
    title = "Today"
    watches = frozenset(
        {
            Kind.PROFILE,
            Kind.EPISODE,
            Kind.ASSESSMENT,
            Kind.CHECKIN,
            Kind.RUN,
            Kind.STRENGTH,
        }
    )

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.snapshot = ctx.history
        self.setObjectName("checkin")
        self.title = self.tr("Today")
        self._today_seen = ctx.clock.today()
        self.undo_stack = QUndoStack(self)
        # after a big change (an import of hundreds of runs) the tab is redrawn in parts,
        # one per turn of the event loop, so the window never freezes for long
        self.steps = Steps(self)

        self.form = CheckInForm(ctx)
        self.runs = RunsPanel(ctx, self.undo_stack)
        self.verdict = VerdictPanel()
        self.safety = SafetyBar()
        self.safety.assessed_clicked.connect(self.record_assessment)
        self.safety.new_episode_clicked.connect(self.start_new_episode)
        self.safety.recovered_clicked.connect(self.end_episode)
        self.plan = PlanPanel(ctx)  # today's run, the ladder, the week: after the verdict
        self.verdict.metronome = self.plan.metronome  # beside the cadence advice too
        box = self.verdict.layout()
        box.insertWidget(box.indexOf(self.verdict.referral) + 1, self.plan)
        # an open warning sign (and "I have been assessed") right under the referral
        box.insertWidget(box.indexOf(self.verdict.referral) + 1, self.safety)
        self.history = HistoryPanel(ctx, self.undo_stack)

        left = QWidget()
        left.setObjectName("checkinLeft")
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 8, 8)
        self.new_runs = NewRunsPrompt(ctx)  # runs from the watched folder, to review
        left_layout.addWidget(self.new_runs)
        left_layout.addWidget(self.form)
        left_layout.addWidget(self.runs)
        left_layout.addStretch(1)
        self.left_scroll = _scroll(left, "checkinFormScroll")
        self.left_scroll.setAccessibleName(self.tr("Check-in"))

        self.right = QSplitter(Qt.Orientation.Vertical)
        self.verdict_scroll = _scroll(self.verdict, "verdictScroll")
        self.verdict_scroll.setAccessibleName(self.tr("Verdict and plan"))
        self.right.addWidget(self.verdict_scroll)
        history_box = QWidget()
        history_layout = QVBoxLayout(history_box)
        history_layout.setContentsMargins(4, 4, 8, 8)
        history_layout.addWidget(self.history)
        self.right.addWidget(history_box)
        self.right.setStretchFactor(0, 3)
        self.right.setStretchFactor(1, 2)
        self.right.setChildrenCollapsible(False)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.left_scroll)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 11)
        self.splitter.setStretchFactor(1, 10)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self._sized = False
        self._sized_by_hand = False
        self.splitter.splitterMoved.connect(self._split_by_hand)
        self.form.install_day_shortcuts(self)  # from the runs and the history too
        self._build_actions()
        self.form.day_changed.connect(self._day_changed)
        self.form.saved.connect(self._after_save)
        self.history.edit_requested.connect(self.open_entry)
        self.runs.editor_opened.connect(self._show_run_editor)
        self.runs.editor_opened.connect(self._offer_run_pain)
        self.runs.saved.connect(self._run_saved)
        ctx.events.open_day.connect(self.show_day)

    def _build_actions(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.save_action = QAction(self.tr("Save"), self)
        self.save_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.save_action.setShortcutContext(context)
        self.save_action.triggered.connect(self.save_current)
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.undo_action.setShortcutContext(context)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Redo))
        self.redo_action.setShortcutContext(context)
        for action in (self.save_action, self.undo_action, self.redo_action):
            self.addAction(action)

    def _fit_splitter(self) -> None:
        """Give the form what it needs and the verdict and history the rest."""
        bar = self.left_scroll.verticalScrollBar().sizeHint().width()
        wanted = self.left_scroll.widget().sizeHint().width() + bar + 4
        left = min(wanted, int(self.width() * 0.58))
        self.splitter.setSizes([left, max(1, self.width() - left)])

    def _split_by_hand(self) -> None:
        self._sized_by_hand = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # until the runner drags the divider, a new window size goes to the right side
        if self._sized and not self._sized_by_hand and self.isVisible():
            self._fit_splitter()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized and self.width() > 0:
            self._fit_splitter()
            self._sized = True
        # a check-in starts at its first question, not seven Tabs away
        focus = self.focusWidget()
        if focus is None or not self.isAncestorOf(focus) or self.form.date_edit.hasFocus():
            self.form.focus_first()

    # ------------------------------------------------------------------ refresh

    def refresh(self) -> None:
        today = self.ctx.clock.today()
        if today != self._today_seen:
            # the app stayed open past midnight: follow "today" unless mid-edit
            if self.form.day() == self._today_seen and not self.form.dirty:
                self.form.set_day(today, ask=False, focus=False)
            self._today_seen = today
        if not self.form.dirty:
            self.form.load()
        self.runs.load()
        self.new_runs.load()
        if self._big_change:
            self.steps.start(lambda: self.history.load(self.snapshot.get()),
                             self.refresh_verdict)
            return
        self.steps.clear()  # this refresh shows all of it
        history = self.snapshot.get()
        self.history.load(history)
        self.refresh_verdict(history)

    def refresh_verdict(self, history: History | None = None) -> Assessment | None:
        """Evaluate today's verdict from everything stored and show it."""
        history = history if history is not None else self.snapshot.get()
        today = self.ctx.clock.today()
        waiting = self.form.dirty and self.form.day() == today
        self.verdict.set_pending(waiting)
        if waiting:  # a verdict without the answers being typed would mislead: it waits
            return self.verdict.assessment
        episodes = history.episodes
        self.safety.set_episode(episodes[-1] if episodes else None)
        if not history.checkins and not history.runs:
            self.verdict.show_empty()
            self.safety.show_assessment(None)
            self.plan.clear()
            apply_tab_order(self.right)
            return None
        assessment = self.ctx.ops.assessment()
        units = history.profile.units if history.profile is not None else Units.KM
        later = self.steps.then if self.steps.running else None
        self.verdict.show_assessment(assessment, units, later=later)
        self.safety.show_assessment(assessment)  # an open warning sign, every day till assessed
        if later is not None:  # in parts: the plan on a turn of its own
            later(lambda: self._show_plan(assessment, units))
        else:
            self._show_plan(assessment, units)
        return assessment

    def _show_plan(self, assessment: Assessment, units: Units) -> None:
        later = self.steps.then if self.steps.running else None
        self.plan.show_assessment(assessment, units, later=later)
        # new advice items take their place in the Tab order (after the week, in parts)
        if later is None:
            apply_tab_order(self.right)
        else:
            later(lambda: apply_tab_order(self.right))

    def record_assessment(self) -> None:
        """"I have been assessed": ask, save through the op runner (which refreshes)."""
        from hamstring_app.ui.episode_dialogs import record_assessment

        if record_assessment(self.ctx, self):
            window = self.window()
            if isinstance(window, QMainWindow):
                window.statusBar().showMessage(self.tr("Assessment recorded."), 4000)

    def start_new_episode(self) -> None:
        from hamstring_app.ui.episode_dialogs import start_new_episode

        start_new_episode(self.ctx, self)

    def end_episode(self) -> None:
        """"I have recovered": confirm, then close the current episode (Ctrl+Z undoes)."""
        from hamstring_app.ui.episode_dialogs import close_episode

        close_episode(self.ctx, self, self.verdict.assessment, self.undo_stack)

    # ------------------------------------------------------------------ actions

    def show_day(self, day: date) -> None:
        """Show ``day`` in the form (the recovery graphs ask for this)."""
        self.form.set_day(day)

    def open_entry(self, day: date, run_id: int | None) -> None:
        if not self.form.set_day(day):
            return
        if run_id is not None:
            self.runs.edit_run(run_id)
        else:
            self.form.pain_rest.setFocus()

    def _show_run_editor(self) -> None:
        # after the layout has made room for the editor
        QTimer.singleShot(0, lambda: self.left_scroll.ensureWidgetVisible(self.runs.editor, 0, 0))

    def _offer_run_pain(self) -> None:
        """A new run on a day with no other run starts with the check-in's run pain."""
        pain = self.form.pain_run.value()
        if self.runs.editing_new and pain is not None and self.runs.list.count() == 0:
            self.runs.pain.setValue(pain)

    def _run_saved(self, run: object) -> None:
        # mid-check-in, the answer being typed takes the run's pain; a form with nothing
        # typed was just reloaded, and took it then (without becoming "unsaved")
        if self.form.dirty:
            self.form.take_run_pain([run])  # type: ignore[list-item]

    def save_current(self) -> None:
        """Ctrl+S: save the run being edited if the focus is there, else the check-in."""
        focus = self.focusWidget()
        if self.runs.editing and focus is not None and self.runs.isAncestorOf(focus):
            self.runs.save()
        else:
            self.form.save()

    def _day_changed(self, day: date) -> None:
        self.runs.set_day(day)
        self.history.select(day)
        if not self.verdict.pending_label.isHidden():  # the unsaved answers were let go
            self.refresh_verdict()

    def _after_save(self, checkin: CheckIn) -> None:
        if self.stale:
            self.refresh_now()
        assessment = self.verdict.assessment
        if assessment is not None and assessment.referral == Referral.URGENT and checkin.red_flags:
            self.urgent_dialog(assessment.referral_reason)

    def urgent_dialog(self, reason: str) -> None:
        self._settle_layout()  # the cards behind the warning are drawn at their full height
        confirm_urgent(self, reason)

    def _settle_layout(self) -> None:
        """Lay the new verdict out now: a modal dialog opened mid-save would otherwise
        show the cards at the height they had before, drawn over one another."""
        for _ in range(3):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            self.verdict_scroll.fit()
            layout = self.verdict.layout()
            layout.invalidate()
            layout.activate()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Reached when the shortcut machinery did not take the key (e.g. no active window).
        if event.matches(QKeySequence.StandardKey.Save):
            self.save_current()
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo_stack.undo()
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.Redo):
            self.undo_stack.redo()
            event.accept()
            return
        super().keyPressEvent(event)

    # ------------------------------------------------------------------ screenshots

    def screenshot_states(self) -> list[tuple[str, Callable[[], None]]]:
        """Extra views for the screenshots; the last one leaves the tab at its top."""

        def run_editor() -> None:
            self.runs.start_new()

        def why_open() -> None:
            self.runs.cancel()
            self.left_scroll.verticalScrollBar().setValue(0)
            for item in self.verdict.advice_items[:2]:
                item.why_button.setChecked(True)

        return [("run-editor", run_editor), ("why", why_open)]
