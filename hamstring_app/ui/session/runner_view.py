"""The guided session screen, readable from two metres.

A QTimer (precise) ticks the pure state machine; everything shown is read back from it,
so the countdown is always the clock's truth and never a count of ticks. The timer aims
each tick just past the moment the shown second changes (at most TICK_MS apart), and the
big digits repaint only when their text changes, so resting costs next to nothing.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QMessageBox,
    QWidget,
)

from hamstring_app.core.library_model import PlannedExercise
from hamstring_app.core.models import SetLog, ValidationError
from hamstring_app.core.session import Event, EventKind, GuidedSession, State
from hamstring_app.ui.accessibility import announce
from hamstring_app.ui.session.audio import Cues
from hamstring_app.ui.session.plan_view import illustration_path
from hamstring_app.ui.session.runner_layout import PROGRESS_STEPS, RunnerLayout
from hamstring_app.ui.session.widgets import format_seconds
from hamstring_app.ui.texts import counted

log = logging.getLogger(__name__)

TICK_MS = 100  # the slowest the screen is refreshed while a session runs


#: state machine event name -> sound cue name
EVENT_SOUNDS = {
    EventKind.CUE_GET_READY: "get_ready",
    EventKind.CUE_TICK: "tick",
    EventKind.CUE_GO: "go",
    EventKind.CUE_HALF_WAY: "half_way",
    EventKind.CUE_LAST_THREE: "last_three",
    EventKind.CUE_DONE: "done",
    EventKind.CUE_REST_OVER: "rest_over",
}

EasierFinder = Callable[[PlannedExercise], PlannedExercise | None]


class RunnerView(RunnerLayout):
    """The guided session. Emits each logged set at once, so the tab can save it."""

    set_logged = Signal(object)  # SetLog, the moment it is logged
    finished = Signal()  # the runner pressed Finish on the summary
    left = Signal()  # the runner left mid-way (asked first); the saved sets stay

    def __init__(self, cues: Cues, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cues = cues
        self.session: GuidedSession | None = None
        self._last_said = ""  # the last step announced (each is said once)
        self.live = True
        #: builds the easier version of a planned exercise (set by the tab)
        self.easier_for: EasierFinder = lambda _item: None
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.tick)
        self.ticks = 0  # how many ticks ran (the benchmark reads it)
        self._offer_easier: PlannedExercise | None = None
        self._offer_paused = False  # the offer paused the session; answering resumes it
        self._shown_state: object = None
        self._shown_exercise = ""
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Guided session"))
        self._build()
        self._connect()
        self._shortcuts()

    def _connect(self) -> None:
        self.log_panel.save_requested.connect(self.save_set)
        self.summary.finish_requested.connect(self.finish)
        self.easier_button.clicked.connect(self.switch_to_easier)
        self.stop_exercise_button.clicked.connect(self.stop_exercise)
        self.carry_on_button.clicked.connect(self.dismiss_offer)
        self.back_button.clicked.connect(self.back)
        self.skip_button.clicked.connect(self.skip)
        self.skip_exercise_button.clicked.connect(self.skip_exercise)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.done_button.clicked.connect(self.enter)
        self.end_button.clicked.connect(self.end_early)
        self.leave_button.clicked.connect(self.ask_leave)

    def _shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (
            ((Qt.Key.Key_Space,), self.toggle_pause),
            ((Qt.Key.Key_Return, Qt.Key.Key_Enter), self.enter),
            ((Qt.Key.Key_Escape,), self.ask_leave),
        ):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(context)
                shortcut.activated.connect(slot)
        # Space inside a number box is not "pause" while typing a set's numbers.
        self.log_panel.installEventFilter(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """The same keys when no shortcut caught them (e.g. the window is not active)."""
        key = event.key()
        if key == Qt.Key.Key_Space and self.pages.currentWidget() is not self.log_panel:
            self.toggle_pause()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter()
        elif key == Qt.Key.Key_Escape:
            self.ask_leave()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Space
            and self.pages.currentWidget() is self.log_panel
        ):
            event.accept()
            return True
        return super().eventFilter(watched, event)

    # -- driving -----------------------------------------------------------------------

    @property
    def active(self) -> bool:
        return self.session is not None

    def begin(self, session: GuidedSession, *, live: bool = True) -> None:
        """Show ``session``; ``live`` starts the timer (previews for screenshots do not)."""
        self.session = session
        self.live = live
        self._shown_state = None
        self._shown_exercise = ""
        self._last_said = ""
        self.offer.setVisible(False)
        self._offer_paused = False
        for button in (self.pause_button, self.done_button):
            button.setEnabled(True)
        self.problem_label.setVisible(False)
        self.render()
        if live:
            self._handle_events(session.tick())
            self._schedule()

    def stop(self) -> None:
        self.timer.stop()
        self.session = None

    def tick(self) -> None:
        session = self.session
        if session is None:
            return
        self.ticks += 1
        try:
            events = session.tick()
        except Exception:  # never let a timer error kill the app mid-session
            log.exception("Session tick failed")
            events = []
        self._handle_events(events)
        self.render()
        self._schedule()

    def _schedule(self) -> None:
        """Tick again just after the shown second changes, and at least every TICK_MS."""
        session = self.session
        if session is None or not self.live or session.state is State.SUMMARY:
            self.timer.stop()
            return
        remaining = session.remaining_s
        interval = TICK_MS
        if remaining is not None and remaining > 0 and not session.paused:
            to_change = remaining - math.floor(remaining)
            if to_change <= 1e-6:
                to_change = 1.0
            interval = min(TICK_MS, max(1, math.ceil(to_change * 1000) + 1))
        self.timer.start(interval)

    def _handle_events(self, events: list[Event]) -> None:
        # Several cues can fall due together after a late tick (a busy machine, a laptop
        # waking up): play only the latest one that is not stale.
        sounds = [EVENT_SOUNDS[e.kind] for e in events if e.kind in EVENT_SOUNDS and not e.late]
        if sounds:
            self.cues.play(sounds[-1])

    # -- what is shown -----------------------------------------------------------------

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
        remaining = session.remaining_s
        if state is State.SET_DONE:
            pass  # the log form covers the countdown; the last digits stay as they were
        elif remaining is not None:
            self.countdown.set_text(format_seconds(remaining))
        elif item is not None and not item.is_hold:
            target = session.target_reps or 0
            tempo = session.tempo_phase
            if tempo is not None:
                self.countdown.set_text(f"{min(tempo.rep, target)}/{target}")
            else:
                self.countdown.set_text(str(target))
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

    # -- actions -----------------------------------------------------------------------

    @property
    def offer_open(self) -> bool:
        """The pain offer waits for an answer; nothing else moves until it has one."""
        return not self.offer.isHidden()

    def _answer_offer(self) -> None:
        """Enter or Space while the offer is open: press its focused button."""
        focus = self.focusWidget()
        buttons = (self.easier_button, self.stop_exercise_button, self.carry_on_button)
        if focus in buttons and focus.isVisible():
            focus.click()  # type: ignore[union-attr]
        else:  # focus wandered off: bring it back, never skip the question
            self._focus_offer()

    def toggle_pause(self) -> None:
        session = self.session
        if session is None or session.state is State.SUMMARY:
            return
        if self.offer_open:
            self._answer_offer()
            return
        session.toggle_pause()
        self.tick()

    def enter(self) -> None:
        """Enter: the set is done, the set is saved, the rest is over, or the session ends."""
        session = self.session
        if session is None:
            return
        state = session.state
        if self.offer_open:
            self._answer_offer()
            return
        if state is State.SUMMARY:
            self.finish()
            return
        if state is State.SET_DONE:
            self.save_set()
            return
        if session.paused:
            session.resume_timer()
        if state is State.WORK:
            session.finish_work()
        else:
            session.skip_countdown()
        self.tick()

    def save_set(self) -> None:
        session = self.session
        if session is None or session.state is not State.SET_DONE:
            return
        if not self.log_panel.pain_ready():
            return
        values = self.log_panel.values()
        try:
            if values["hold_s"] is not None:
                set_log = session.log_set(
                    hold_done_s=values["hold_s"], load_kg=values["load_kg"], pain=values["pain"]
                )
            else:
                set_log = session.log_set(
                    reps_done=values["reps"], load_kg=values["load_kg"], pain=values["pain"]
                )
        except ValidationError as exc:
            self.log_panel.show_error(exc.message)
            return
        except (ValueError, RuntimeError) as exc:
            self.log_panel.show_error(str(exc))
            return
        self.set_logged.emit(set_log)
        self.setFocus()
        self.tick()
        if session.offer_stop_or_easier:
            self._show_offer(session, set_log)

    def _show_offer(self, session: GuidedSession, set_log: SetLog) -> None:
        item = session.current
        name = item.exercise.name if item else self.tr("this exercise")
        easier = self.easier_for(item) if item else None
        self._offer_easier = easier
        if easier is not None:
            question = self.tr(
                "That set hurt ({pain}/10). Pain above {limit} is a sign to ease off. Switch "
                "to an easier version of {name}, or stop it for today?"
            )
        else:
            question = self.tr(
                "That set hurt ({pain}/10). Pain above {limit} is a sign to ease off. "
                "{name} has no gentler version in this plan: stop it for today, or carry "
                "on as planned?"
            )
        self.offer_label.setText(
            question.format(pain=set_log.pain, limit=session.pain_threshold, name=name)
        )
        self.easier_button.setVisible(easier is not None)
        self.offer.setVisible(True)
        # the rest waits for the answer, so the next set cannot start under the question
        self._offer_paused = not session.paused
        if self._offer_paused:
            session.pause()
        for button in (self.pause_button, self.done_button):
            button.setEnabled(False)  # the answer comes first
        self.render()
        self._set_state_text(session)
        self._focus_offer()

    def _focus_offer(self) -> None:
        button = self.easier_button if self._offer_easier is not None else self.stop_exercise_button
        button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _hide_offer(self) -> None:
        self.offer.setVisible(False)
        self._offer_easier = None
        for button in (self.pause_button, self.done_button):
            button.setEnabled(True)
        session = self.session
        if self._offer_paused and session is not None and session.paused:
            session.resume_timer()
        self._offer_paused = False
        if session is not None and session.state is not State.SUMMARY:
            self._set_state_text(session)
        self.setFocus()

    def dismiss_offer(self) -> None:
        if self.session is not None:
            self.session.dismiss_offer()
        self._hide_offer()
        self.tick()

    def switch_to_easier(self) -> None:
        session, easier = self.session, self._offer_easier
        if session is not None and easier is not None and session.offer_stop_or_easier:
            try:
                session.switch_to_easier(easier)
            except RuntimeError as exc:
                log.info("Could not switch to the easier variant: %s", exc)
        self._hide_offer()
        self.tick()

    def stop_exercise(self) -> None:
        if self.session is not None:
            self.session.stop_exercise()
        self._hide_offer()
        self.tick()

    def skip(self) -> None:
        if self.session is not None and self.session.state is not State.SUMMARY:
            self.session.skip_set()
            self.tick()

    def skip_exercise(self) -> None:
        if self.session is not None and self.session.state is not State.SUMMARY:
            self.session.skip_exercise()
            self.tick()

    def back(self) -> None:
        if self.session is not None and self.session.state is not State.SUMMARY:
            self.session.back()
            self.tick()

    def end_early(self) -> None:
        if self.session is not None and self.session.state is not State.SUMMARY:
            self.session.end_early()
            self.tick()

    def finish(self) -> None:
        if self.session is not None and self.session.state is State.SUMMARY:
            self.finished.emit()

    def ask_leave(self) -> None:
        """Esc: leave, after asking. The session pauses while the question is open."""
        session = self.session
        if session is None:
            return
        if session.state is State.SUMMARY:
            self.finished.emit()
            return
        was_paused = session.paused
        if not was_paused:
            session.pause()
            self.render()
        answer = QMessageBox.question(
            self,
            self.tr("Leave the session?"),
            self.tr(
                "Leave the session now? The sets you logged are saved, and you can pick it "
                "up again from the Strength tab."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.timer.stop()
            self.left.emit()
            return
        if self.session is session and not was_paused:
            session.resume_timer()
        self.tick()

    def show_problem(self, message: str) -> None:
        self.problem_label.setText(message)
        self.problem_label.setVisible(True)
