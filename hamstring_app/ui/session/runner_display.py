"""What the guided session screen shows: read back from the session's state each tick.

:class:`~hamstring_app.ui.session.runner_view.RunnerView` drives the session and keeps the
attributes read here (``session``, ``timer``, ``cues`` and the last shown state).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette

from hamstring_app.core.session import GuidedSession, State
from hamstring_app.ui.accessibility import announce
from hamstring_app.ui.session.plan_view import illustration_path
from hamstring_app.ui.session.runner_layout import PROGRESS_STEPS, RunnerLayout
from hamstring_app.ui.session.widgets import format_seconds
from hamstring_app.ui.texts import counted


class RunnerDisplay(RunnerLayout):
    """The countdown, the labels, the progress and the spoken steps; no actions."""

    @property
    def offer_open(self) -> bool:
        """The pain offer waits for an answer; nothing else moves until it has one."""
        return not self.offer.isHidden()

    def _show_countdown(self, session, item) -> None:
        remaining = session.remaining_s
        if remaining is not None:
            self.countdown.set_text(format_seconds(remaining))
        elif item is not None and not item.is_hold:
            target = session.target_reps or 0
            tempo = session.tempo_phase
            if tempo is not None:
                self.countdown.set_text(f"{min(tempo.rep, target)}/{target}")
            else:
                self.countdown.set_text(str(target))

    def render(self) -> None:
        session = self.session
        if session is None:
            return
        state = session.state
        item = session.current
        if state is not self._shown_state or (item and item.exercise_id != self._shown_exercise):
            self._state_changed(session)
        if state is State.SUMMARY:
            return
        # while a set is logged its form covers the countdown: the last digits stay
        if state is not State.SET_DONE:
            self._show_countdown(session, item)
        beat = self._beat_text(session)
        if beat != self.beat_label.text():
            self.beat_label.setText(beat)
        value = round(session.progress_fraction * PROGRESS_STEPS)
        if value != self.progress.value():
            self.progress.setValue(value)
        paused_text = self.tr("Resume (Space)") if session.paused else self.tr("Pause (Space)")
        if self.pause_button.text() != paused_text:
            self.pause_button.setText(paused_text)
            self._set_state_text(session)

    def _beat_text(self, session: GuidedSession) -> str:
        if session.state is not State.WORK or session.paused:
            return ""
        tempo = session.tempo_phase
        if tempo is None:
            return ""
        if tempo.name == "lower":
            return self.tr("Lower slowly… {beat} of {beats}").format(
                beat=tempo.beat, beats=tempo.beats
            )
        return self.tr("Lift")

    def _state_changed(self, session: GuidedSession) -> None:
        state = session.state
        item = session.current
        self._shown_state = state
        self._shown_exercise = item.exercise_id if item else ""
        if state is State.SUMMARY:
            self.timer.stop()
            done = sum(1 for s in session.completed_sets if s.completed)
            planned = max(session.planned_sets, done)
            complete = done >= planned and not session.ended_early
            self.exercise_label.setText(
                self.tr("Session complete") if complete else self.tr("Session ended")
            )
            self.set_label.setText("")
            self.state_label.setText(self.tr("Well done.") if complete else "")
            self.next_label.setText("")
            self.progress.setValue(round(PROGRESS_STEPS * done / planned) if planned else 0)
            self.progress.setFormat(
                self.tr("Session %p% done")
                if complete
                else self.tr("{done} of {planned} sets done").format(done=done, planned=planned)
            )
            self.summary.show_sets(
                session.completed_sets,
                self._names(),
                planned=planned,
                ended_early=session.ended_early,
            )
            self.pages.setCurrentWidget(self.summary)
            for button in (*self._step_buttons(), self.done_button, self.leave_button):
                button.setVisible(False)  # the summary has its own Finish button
            self.summary.finish_button.setFocus()
            headline = self.summary.headline.text()
            self.cues.say(self.tr("Session complete. Well done.") if complete else headline)
            return
        for button in (*self._step_buttons(), self.done_button, self.leave_button):
            button.setVisible(True)
        self.progress.setFormat(self.tr("Session %p% done"))
        if state is State.SET_DONE:
            self.done_button.setText(self.tr("Save set (Enter)"))
        elif state in (State.GET_READY, State.REST):
            self.done_button.setText(self.tr("Start now (Enter)"))
        else:
            self.done_button.setText(self.tr("Done (Enter)"))
        if item is not None:
            self.exercise_label.setText(item.exercise.name)
            self.picture.load(illustration_path(item.exercise))
            self.picture.renderer().setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
            self.cue_label.setText(item.exercise.cues[0] if item.exercise.cues else "")
        self.set_label.setText(self.set_text(session))
        self.next_label.setText(session.next_up)
        self._set_state_text(session)
        if state is State.SET_DONE:
            self._prepare_log(session)
            self.pages.setCurrentWidget(self.log_panel)
        else:
            self.pages.setCurrentWidget(self.pages.widget(0))
            if self.pages.currentWidget() is not self.log_panel and self.focusWidget() is None:
                self.setFocus()
        self._announce(session)

    def set_text(self, session: GuidedSession) -> str:
        """E.g. "Set 2 of 3: 8 reps each side": the dose of this set, both sides counted."""
        text = self.tr("Set {n} of {total}").format(n=session.set_index, total=session.sets_total)
        item = session.current
        if item is None:
            return text
        if item.is_hold:
            dose = self.tr("{s} s hold").format(s=item.hold_s)
        elif session.target_reps:
            reps = session.target_reps
            dose = counted(reps, self.tr("1 rep"), self.tr("%n reps", "", reps))
        else:
            return text
        if item.per_side:
            dose = self.tr("{dose} each side").format(dose=dose)
        return self.tr("{set}: {dose}").format(set=text, dose=dose)

    def _set_state_text(self, session: GuidedSession) -> None:
        state = session.state
        item = session.current
        if self.offer_open:
            text = self.tr("Waiting for your answer below.")
        elif session.paused:
            text = self.tr("Paused. Press Space to carry on.")
        elif state is State.GET_READY:
            text = self.tr("Get ready")
        elif state is State.WORK and item is not None and item.is_hold:
            text = self.tr("Hold")
        elif state is State.WORK:
            text = self.tr("Go: press Enter when the set is done")
        elif state is State.SET_DONE:
            text = self.tr("Log the set")
        elif state is State.REST:
            text = self.tr("Rest")
        else:
            text = ""
        self.state_label.setText(text)
        self.state_label.setForegroundRole(
            QPalette.ColorRole.Highlight if state is State.WORK else QPalette.ColorRole.WindowText
        )

    def _announce(self, session: GuidedSession) -> None:
        item = session.current
        if item is None:
            return
        if session.state is State.GET_READY:
            text = self.tr("{name}. {set}.").format(
                name=item.exercise.name, set=self.set_text(session)
            )
        elif session.state is State.REST:
            text = self.tr("Rest.")
        elif session.state is State.WORK:  # for screen readers only: the beeps say it
            text = self.state_label.text() + "."
        else:
            return
        if text == self._last_said:
            return
        self._last_said = text
        if session.state is not State.WORK:
            self.cues.say(text)
        announce(self, text)

    def _names(self) -> dict[str, str]:
        names: dict[str, str] = {}
        session = self.session
        if session is not None:
            for item in session.plan:
                names[item.exercise_id] = item.exercise.name
        return names

    def _prepare_log(self, session: GuidedSession) -> None:
        item = session.current
        if item is None:
            return
        previous = [s for s in session.completed_sets if s.exercise_id == item.exercise_id]
        last = previous[-1] if previous else None
        target = round(session.work_elapsed_s) if item.is_hold else session.target_reps or 0
        self.log_panel.prepare(
            is_hold=item.is_hold,
            target=target,
            load_kg=last.load_kg if last else None,
            title=self.tr("{name}, set {n}: how did it go?").format(
                name=item.exercise.name, n=session.set_index
            ),
        )
