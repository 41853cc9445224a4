"""The Strength tab's guided runner: a session's record in the store, each set saved the
moment it is logged, finishing or leaving, and the previews the screenshots show.

:class:`~hamstring_app.ui.session.tab.SessionTab` builds the widgets used here (``stack``,
``overview``, ``runner``) and keeps the plan (``library``, ``settings``, ``today_plan``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QMessageBox

from hamstring_app.core.clock import Clock, FakeClock
from hamstring_app.core.library_model import PlannedExercise, SessionPlan
from hamstring_app.core.models import PainSite, SetLog, StrengthSession
from hamstring_app.core.planning import easier_version, plan_session
from hamstring_app.core.session import GuidedSession
from hamstring_app.store import operations as op
from hamstring_app.ui.widgets.stale_tab import StaleTab

log = logging.getLogger("hamstring_app.ui.session.tab")

GET_READY_S = 5


class RunningTab(StaleTab):
    """What the Strength tab does while (and around) a guided session."""

    def _session(self, plan: SessionPlan, clock: Clock, done: tuple[SetLog, ...] = ()):
        threshold = self.settings.set_pain_threshold
        if done:
            return GuidedSession.resume(
                plan, clock, done, get_ready_s=GET_READY_S, pain_threshold=threshold
            )
        return GuidedSession(plan, clock, get_ready_s=GET_READY_S, pain_threshold=threshold)

    # -- running -----------------------------------------------------------------------

    def _easier_for(self, item: PlannedExercise) -> PlannedExercise | None:
        if self.library is None:
            return None
        phase = self._running_phase or 1
        return easier_version(self.library, item, phase)

    def _run(self, session: GuidedSession) -> None:
        self.stack.setCurrentWidget(self.runner)
        self.runner.begin(session)
        self.runner.setFocus()

    def _commit_set(self, set_log: SetLog) -> None:
        """Each set is saved the moment it is logged: a crash loses at most the set in hand."""
        if self.record is None or self.record.id is None:
            return  # a preview (screenshots): nothing to save
        outcome = self.ctx.ops.run(op.log_set, self.record, set_log)
        if not outcome.ok:
            self.runner.show_problem(
                self.tr("That set could not be saved ({error}). The sets before it are safe.")
                .format(error=outcome.message)
            )

    def _nothing_logged(self) -> bool:
        session = self.runner.session
        return session is not None and not any(s.completed for s in session.completed_sets)

    def _drop_empty(self, record: StrengthSession) -> None:
        """A session left before its first set is not a session: nothing is kept."""
        if record.id is not None:
            outcome = self.ctx.ops.run(op.discard_session, record.id)
            if not outcome.ok:
                log.warning("Could not drop the empty session: %s", outcome.message)
        self.ctx.events.status_message.emit(
            self.tr("No set was logged, so no session was saved.")
        )

    def _stop_runner(self) -> StrengthSession | None:
        """Stop the runner and let go of its session; one left before its first set is
        dropped (then None)."""
        record = self.record
        empty = self._nothing_logged() and record is not None and not record.sets
        self.runner.stop()
        self.record = None
        if record is not None and empty:
            self._drop_empty(record)
            return None
        return record

    def _finish_running(self) -> None:
        record = self._stop_runner()
        if record is not None and record.id is not None:
            outcome = self.ctx.ops.run(op.finish_session, record.id, self.ctx.clock.now())
            if outcome.ok:
                self.ctx.events.status_message.emit(self.tr("Session saved. Well done."))
            else:  # its sets are saved; the resume banner offers to finish or discard it
                self._store_problem(
                    self.tr("The session could not be marked as finished."), outcome.message
                )
        self._back_to_overview()

    def _leave_running(self) -> None:
        record = self._stop_runner()
        if record is not None:  # each set was saved (and announced) as it was logged
            self.ctx.events.status_message.emit(
                self.tr("Your sets are saved. You can resume the session from this tab.")
            )
        self._back_to_overview()

    def _back_to_overview(self) -> None:
        self._screenshot_mode = False
        self.stack.setCurrentWidget(self.overview)
        self.refresh_now()

    def _store_problem(self, what: str, why: str) -> None:
        """Say that a write failed (the runner has logged it)."""
        QMessageBox.warning(
            self,
            self.tr("Not saved"),
            what
            + "\n\n"
            + why
            + "\n\n"
            + self.tr("Everything saved before this is safe. Please try again."),
        )

    def can_close(self) -> bool:
        """Asked by the main window before the app closes."""
        if not self.running or self.record is None:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Session in progress"),
            self.tr(
                "A session is in progress. The sets you logged are saved, and you can resume "
                "it next time. Close anyway?"
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    # -- screenshots -------------------------------------------------------------------

    def screenshot_states(self) -> list[tuple[str, Callable[[], None]]]:
        return [
            ("hold", lambda: self._preview("hold")),
            ("rest", lambda: self._preview("rest")),
            ("summary", lambda: self._preview("summary")),
        ]

    def _preview_plan(self) -> SessionPlan:
        plan = self.today_plan.plan if self.today_plan else ()
        if any(item.is_hold for item in plan) or self.library is None:
            return plan
        return plan_session(self.library, 1, {}, {}, PainSite.MID_THIGH.value, None)

    def _preview(self, state: str) -> None:
        """Put the runner in a given state on a fake clock, saving nothing."""
        from hamstring_app.ui.session.preview import drive_to

        self.runner.stop()
        self.record = None
        self._screenshot_mode = True
        clock = FakeClock(self.ctx.clock.now())
        session = self._session(self._preview_plan(), clock)
        self.stack.setCurrentWidget(self.runner)
        self.runner.begin(session, live=False)
        drive_to(session, clock, state, self.runner)
        self.runner.render()


    def hideEvent(self, event: QHideEvent) -> None:
        if self._screenshot_mode:
            self.runner.stop()
            self._back_to_overview()
        super().hideEvent(event)
