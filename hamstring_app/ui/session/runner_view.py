"""The guided session screen, readable from two metres.

A QTimer (precise) ticks the pure state machine; everything shown is read back from it,
so the countdown is always the clock's truth and never a count of ticks. The timer aims
each tick just past the moment the shown second changes (at most TICK_MS apart), and the
big digits repaint only when their text changes, so resting costs next to nothing.

What is shown is :mod:`~hamstring_app.ui.session.runner_display`'s, the question after a
painful set :mod:`~hamstring_app.ui.session.runner_offer`'s; this module drives the session.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QMessageBox,
    QWidget,
)

from hamstring_app.core.library_model import PlannedExercise
from hamstring_app.core.models import ValidationError
from hamstring_app.core.session import Event, EventKind, GuidedSession, State
from hamstring_app.ui.session.audio import Cues
from hamstring_app.ui.session.runner_offer import RunnerOffer

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


class RunnerView(RunnerOffer):
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

    # -- actions -----------------------------------------------------------------------

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
