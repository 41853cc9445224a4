"""The Strength tab: today's planned session, the guided runner, and the session history.

Running a session (and the screenshots' previews) is :mod:`~hamstring_app.ui.session.running`'s.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hamstring_app.core.library import LibraryError, load_library
from hamstring_app.core.library_model import Library
from hamstring_app.core.models import StrengthSession, ValidationError
from hamstring_app.core.planning import TodayPlan, plan_today, swap_choices
from hamstring_app.core.settings import Settings
from hamstring_app.store import operations as op
from hamstring_app.ui.context import AppContext
from hamstring_app.ui.dates import day_text, localise_dates
from hamstring_app.ui.events import Kind
from hamstring_app.ui.session.commands import DiscardSessionCommand
from hamstring_app.ui.session.running import RunningTab
from hamstring_app.ui.texts import counted
from hamstring_app.ui.verdicts import sentence_for, word_for
from hamstring_app.ui.widgets.steps import Steps

if TYPE_CHECKING:
    from hamstring_app.ui.session.audio import Cues
    from hamstring_app.ui.session.history import HistoryView
    from hamstring_app.ui.session.plan_view import PlanView
    from hamstring_app.ui.session.resume_banner import ResumeBanner
    from hamstring_app.ui.session.runner_view import RunnerView

log = logging.getLogger(__name__)


class SessionTab(RunningTab):
    title = "Strength"
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

    # Built on first show (or first refresh): the app starts on another tab, and the
    # library, the plan view, the history and the guided runner take a while to make.
    stack: QStackedWidget
    overview: QWidget
    problem_label: QLabel
    resume_banner: ResumeBanner
    plan_view: PlanView
    history_view: HistoryView
    cues: Cues
    runner: RunnerView

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("session")
        self.title = self.tr("Strength")
        self.library: Library | None = None
        self.library_error = ""
        self.settings = Settings()
        self.swaps: dict[str, str] = {}
        self.today_plan: TodayPlan | None = None
        self.steps = Steps(self)  # a refresh in parts (see refresh)
        self.record: StrengthSession | None = None  # the session being run, in the store
        self.unfinished: StrengthSession | None = None
        self._screenshot_mode = False
        self._running_phase: int | None = None
        self.undo_stack = QUndoStack(self)
        undo = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        undo.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(undo)
        QVBoxLayout(self)

    def _build(self) -> None:
        from hamstring_app.ui.session.audio import Cues
        from hamstring_app.ui.session.history import HistoryView
        from hamstring_app.ui.session.plan_view import PlanView
        from hamstring_app.ui.session.resume_banner import ResumeBanner
        from hamstring_app.ui.session.runner_view import RunnerView

        try:
            self.library = load_library()
        except LibraryError as exc:
            log.error("Exercise library could not be loaded: %s", exc)
            self.library_error = str(exc)

        self.stack = QStackedWidget()

        self.overview = QWidget()
        over = QVBoxLayout(self.overview)
        over.setContentsMargins(0, 0, 0, 0)
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setVisible(False)
        over.addWidget(self.problem_label)
        self.resume_banner = ResumeBanner()
        self.resume_banner.setVisible(False)
        self.resume_banner.resume_button.clicked.connect(self.resume_unfinished)
        self.resume_banner.finish_button.clicked.connect(self.finish_unfinished)
        self.resume_banner.discard_button.clicked.connect(self.discard_unfinished)
        over.addWidget(self.resume_banner)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.plan_view = PlanView()
        self.plan_view.start_requested.connect(self.start_session)
        self.plan_view.swap_requested.connect(self.swap)
        self.plan_view.reset_swaps.connect(self.reset_swaps)
        self.history_view = HistoryView()
        split.addWidget(self.plan_view)
        split.addWidget(self.history_view)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        over.addWidget(split, 1)
        self.stack.addWidget(self.overview)

        self.cues = Cues(sound_enabled=True, speech_enabled=False, parent=self)
        self.runner = RunnerView(self.cues)
        self.runner.easier_for = self._easier_for
        self.runner.set_logged.connect(self._commit_set)
        self.runner.finished.connect(self._finish_running)
        self.runner.left.connect(self._leave_running)
        self.stack.addWidget(self.runner)

        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        outer.addWidget(self.stack)
        self.stack.show()  # added while the tab may be showing: show it now, not later

    # -- state -------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._built and self.stack.currentWidget() is self.runner

    def refresh(self) -> None:
        self.ensure_built()
        if self._big_change:  # after an import: the history, then today's plan, a turn each
            self.steps.start(self._show_history, self._show_plan)
            return
        self.steps.clear()  # this refresh shows all of it
        self._show_history()
        self._show_plan()

    def _show_history(self) -> None:
        self.settings = self.ctx.repo.get_settings()
        self.cues.sound_enabled = self.settings.sound_enabled
        self.cues.speech_enabled = self.settings.speech_enabled
        history = self.ctx.history.get()
        names = self.library.exercises if self.library else {}
        self.history_view.show_history(
            history.strength_sessions,
            self.ctx.clock.today(),
            self.settings.sessions_per_week,
            lambda ex_id: names[ex_id].name if ex_id in names else ex_id.replace("_", " "),
        )

    def _show_plan(self) -> None:
        from hamstring_app.ui.session.plan_view import PlanSummary

        repo = self.ctx.repo
        today = self.ctx.clock.today()
        history = self.ctx.history.get()
        self.unfinished = repo.unfinished_strength_session()
        if self.running:
            return  # never rebuild the screen under a session in progress
        self._show_unfinished(today)
        if self.library is None:
            self.problem_label.setText(
                self.tr(
                    "The exercise list that comes with the app could not be read, so no "
                    "session can be planned. Your saved sessions are safe. Reinstalling the "
                    "app should fix it.\n\nDetails: {error}"
                ).format(error=self.library_error)
            )
            self.problem_label.setVisible(True)
            self.plan_view.setEnabled(False)
            return
        assessment = self.ctx.ops.assessment()
        today_plan = plan_today(self.library, history, assessment, self.swaps)
        if today_plan.swaps != self.swaps:
            log.info("Dropping swaps that no longer fit today's plan: %s", self.swaps)
            self.swaps = dict(today_plan.swaps)
        blocked_message = pause_message = ""
        pause = assessment.strength_pause
        reason = localise_dates(assessment.referral_reason)  # dates as on the Today tab
        if today_plan.blocked:
            blocked_message = self.tr(
                "Strength work waits until you have been assessed. A warning sign you "
                "reported needs a qualified health professional (a physiotherapist or "
                "doctor) first. {reason}"
            ).format(reason=reason)
            if pause is not None:  # a possible tear: nothing at all until checked
                blocked_message = self.tr(
                    "Strength work waits until you have been assessed. A sign you reported "
                    "can mean a tear, so please do no strength exercises at all until a "
                    "qualified health professional has checked it. {reason}"
                ).format(reason=reason)
        elif today_plan.paused:
            pause_message = self.tr(
                "Strength work is paused until a qualified health professional has checked "
                "you: only the gentle holds of phase 1 are offered. Stop them if they bring "
                "on your symptoms. {reason}"
            ).format(reason=reason)
        note = self.tr("Sessions this week: {done} of {planned}.").format(
            done=today_plan.done_this_week, planned=self.settings.sessions_per_week
        )
        programme = today_plan.programme
        summary = PlanSummary(
            verdict=assessment.verdict,
            phase=today_plan.phase,
            programme_name=programme.name,
            programme_summary=programme.summary,
            minutes=today_plan.minutes,
            blocked_message=blocked_message,
            pause_message=pause_message,
            note=note,
            checked_in=today_plan.checked_in,
            sentence=sentence_for(assessment),
            word=word_for(assessment),
        )
        plan = today_plan.plan
        choices = [swap_choices(self.library, plan, i) for i in range(len(plan))]
        self.plan_view.show_plan(summary, plan, choices, swapped=bool(self.swaps))
        self.today_plan = today_plan

    def _show_unfinished(self, today: date) -> None:
        session = self.unfinished
        if session is None:
            self.resume_banner.setVisible(False)
            return
        count = len(session.sets)
        if count == 0:  # started and left before a set: nothing to pick up or keep
            self.resume_banner.setVisible(False)
            return
        same_day = session.day == today
        when = self.tr("today") if same_day else day_text(session.day)
        saved = counted(count, self.tr("1 set saved"), self.tr("%n sets saved", "", count))
        self.resume_banner.label.setText(
            self.tr(
                "You have an unfinished session from {when}, with {saved}. "
                "Pick it up where you left off, finish it as it is, or discard it."
            ).format(when=when, saved=saved)
            if same_day
            else self.tr(
                "You have an unfinished session from {when}, with {saved}. "
                "It is kept as it is when you finish it or start today's, unless you discard it."
            ).format(when=when, saved=saved)
        )
        self.resume_banner.resume_button.setVisible(same_day)
        self.resume_banner.setVisible(True)

    # -- plan actions ------------------------------------------------------------------

    def swap(self, base_id: str, target_id: str) -> None:
        unswapped = self.today_plan.unswapped if self.today_plan else {}
        if unswapped.get(base_id) == target_id:  # back to the plan's own choice
            self.swaps.pop(base_id, None)
        else:
            self.swaps[base_id] = target_id
        self.refresh_now()

    def reset_swaps(self) -> None:
        self.swaps.clear()
        self.refresh_now()

    def start_session(self) -> None:
        """Start today's session (finishing any older unfinished one as it is)."""
        plan = self.today_plan
        if plan is None or plan.blocked or not plan.plan:
            return
        clock = self.ctx.clock
        outcome = self.ctx.ops.run(
            op.start_session,
            StrengthSession(
                day=clock.today(),
                phase=plan.phase,
                programme_id=plan.programme.id,
                started_at=clock.now(),
            ),
            now=clock.now(),
        )
        if not outcome.ok:
            self._store_problem(self.tr("The session could not be started."), outcome.message)
            return
        self.record = outcome.value
        self._running_phase = plan.phase
        self._run(self._session(plan.plan, clock))

    def resume_unfinished(self) -> None:
        record = self.unfinished
        if record is None or self.library is None:
            return
        today_plan = plan_today(
            self.library, self.ctx.history.get(), self.ctx.ops.assessment(), resuming=record
        )
        try:
            session = self._session(today_plan.plan, self.ctx.clock, record.sets)
        except (ValueError, ValidationError) as exc:
            log.warning("Could not resume session %s: %s", record.id, exc)
            QMessageBox.information(
                self,
                self.tr("Cannot resume"),
                counted(
                    len(record.sets),
                    self.tr("That session cannot be picked up again, because today's plan no "
                            "longer matches it. Its saved set is kept: finish it as it is, "
                            "then start today's session."),
                    self.tr("That session cannot be picked up again, because today's plan no "
                            "longer matches it. Its %n saved sets are kept: finish it as it "
                            "is, then start today's session.", "", len(record.sets)),
                ),
            )
            return
        self.record = record
        self._running_phase = today_plan.phase
        self._run(session)

    def finish_unfinished(self) -> None:
        if self.unfinished is None:
            return
        outcome = self.ctx.ops.run(op.close_session, self.unfinished, now=self.ctx.clock.now())
        if not outcome.ok:
            self._store_problem(self.tr("The session could not be finished."), outcome.message)
            return
        self.ctx.events.status_message.emit(self.tr("Session finished with the sets you saved."))
        self.refresh_now()

    def discard_unfinished(self) -> None:
        """Delete the unfinished session and its sets; Ctrl+Z brings it back."""
        if self.unfinished is None or self.unfinished.id is None:
            return
        command = DiscardSessionCommand(self.ctx, self.unfinished)
        self.undo_stack.push(command)
        if command.error:
            self._store_problem(self.tr("The session could not be discarded."), command.error)
        self.refresh_now()

    # -- focus -------------------------------------------------------------------------

    def first_focus(self) -> QWidget | None:
        """Start session, when the plan is on show: then Enter starts it."""
        if getattr(self, "stack", None) is None or self.stack.currentWidget() is not self.overview:
            return None
        return self.plan_view.start_button
