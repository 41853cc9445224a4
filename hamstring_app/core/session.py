"""The guided strength session as a pure state machine driven by an injected clock.

States::

    GET_READY --(countdown)--> WORK --(hold countdown, or finish_work())--> SET_DONE
    SET_DONE --log_set()--> REST --(countdown)--> WORK (same exercise) / GET_READY (next one)
    ... after the last set, or end_early() --> SUMMARY

How time moves (deadlines on the monotonic clock, events each at the moment it was due) is
in core/session_timer.py; what the view reads in core/session_view.py; the choices after a
painful set in core/session_pain.py. This module holds the session itself: how it starts or
resumes after a crash, and what the runner does (log a set, skip, go back, end early).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from hamstring_app.core.clock import Clock
from hamstring_app.core.library_model import PlannedExercise, SessionPlan
from hamstring_app.core.models import MAX_HOLD_S, SET_PAIN_THRESHOLD_DEFAULT, SetLog, check_pain
from hamstring_app.core.session_pain import PainChoices
from hamstring_app.core.session_timer import HALF_WAY_MIN_S, LAST_THREE_S, LATE_AFTER_S
from hamstring_app.core.session_types import Event, EventKind, State, TempoPhase
from hamstring_app.core.session_view import SessionView

__all__ = [
    "DEFAULT_PAIN_THRESHOLD",
    "HALF_WAY_MIN_S",
    "LAST_THREE_S",
    "LATE_AFTER_S",
    "Event",
    "EventKind",
    "GuidedSession",
    "State",
    "TempoPhase",
]

# pain above this in a set offers to stop or ease off (docs/evidence.md, section 6)
DEFAULT_PAIN_THRESHOLD = SET_PAIN_THRESHOLD_DEFAULT


class GuidedSession(SessionView, PainChoices):
    """One guided session over a :data:`SessionPlan` (see the module docstring).

    :meth:`log_set` returns each :class:`SetLog` as it is logged, so the view can save it
    at once. A set done again after :meth:`back` is logged again with the same exercise
    and set number.
    """

    def __init__(
        self,
        plan: SessionPlan,
        clock: Clock,
        *,
        get_ready_s: float = 5.0,
        pain_threshold: int = DEFAULT_PAIN_THRESHOLD,
    ) -> None:
        if not plan:
            raise ValueError("a session needs at least one exercise")
        if not all(isinstance(p, PlannedExercise) for p in plan):
            raise ValueError("the plan must hold planned exercises")
        if not math.isfinite(get_ready_s) or get_ready_s < 0:
            raise ValueError("get_ready_s must be zero or more seconds")
        check_pain("pain_threshold", pain_threshold, optional=False)
        self._clock = clock
        self._items: list[PlannedExercise] = list(plan)
        self._sets: list[int] = [p.sets for p in plan]
        self._get_ready_s = float(get_ready_s)
        self._threshold = pain_threshold
        self._logs: dict[tuple[int, int], SetLog] = {}
        self._log_order: list[tuple[int, int]] = []
        self._events: list[Event] = []
        self._index = 0
        self._set = 1
        self._offer: int | None = None  # exercise index with a pending offer
        self._ended_early = False
        self._paused_at: float | None = None
        # timing of the current state (monotonic seconds)
        self._state = State.GET_READY
        self._deadline: float | None = None
        self._duration = 0.0
        self._cues: list[tuple[float, EventKind]] = []  # (seconds before deadline, kind)
        self._next_cue = 0
        self._work_start = 0.0
        self._work_paused = 0.0  # paused seconds inside the current WORK
        self._work_end = 0.0
        self._work_end_paused = 0.0
        self._last_beat = -1
        self._enter_get_ready(clock.monotonic())

    # ------------------------------------------------------------------ construction

    @classmethod
    def resume(
        cls, plan: SessionPlan, clock: Clock, done_sets: Sequence[SetLog], **kwargs: object
    ) -> GuidedSession:
        """A session positioned just after the sets already done (crash recovery).

        Sets are matched to plan exercises by id; the session continues with the set after
        the last one logged, in plan order. Logged sets of exercises not in the plan are kept
        in :attr:`completed_sets` but do not move the position.
        """
        session = cls(plan, clock, **kwargs)  # type: ignore[arg-type]
        ids = [p.exercise_id for p in plan]
        last: tuple[int, int] | None = None
        extra = len(plan)
        for log in done_sets:
            if log.exercise_id in ids:
                index = ids.index(log.exercise_id)
                key = (index, log.set_number)
                if last is None or key > last:
                    last = key
            else:
                key = (extra, log.set_number)
                extra += 1
            if key not in session._logs:
                session._log_order.append(key)
            session._logs[key] = log
        if last is None:
            return session
        session._events.clear()
        index, number = last
        if number < session._sets[index]:
            session._index, session._set = index, number + 1
        elif index + 1 < len(plan):
            session._index, session._set = index + 1, 1
        else:
            session._finish(clock.monotonic())
            return session
        session._enter_get_ready(clock.monotonic())
        return session

    # ------------------------------------------------------------------ driving

    def finish_work(self) -> None:
        """The runner says the set is done (reps finished, or a hold stopped early)."""
        if self._state is not State.WORK:
            return
        now = self._now()
        self._end_work(now)

    def log_set(
        self,
        *,
        reps_done: int | None = None,
        hold_done_s: float | None = None,
        load_kg: float | None = None,
        pain: int | None = None,
    ) -> SetLog:
        """Record the set just finished and start the rest. Returns the :class:`SetLog`."""
        if self._state is not State.SET_DONE:
            raise RuntimeError("there is no finished set to log right now")
        item = self._items[self._index]
        if item.is_hold:
            if reps_done is not None:
                raise ValueError("this set is a hold: give hold_done_s, not reps_done")
            if hold_done_s is None:
                hold_done_s = round(min(self.work_elapsed_s, MAX_HOLD_S), 1)
        else:
            if hold_done_s is not None:
                raise ValueError("this set counts reps: give reps_done, not hold_done_s")
            if reps_done is None:
                reps_done = item.target_reps(self._set)
        log = SetLog(
            exercise_id=item.exercise_id,
            set_number=self._set,
            reps=reps_done,
            hold_s=hold_done_s,
            load_kg=load_kg,
            pain=pain,
            completed=True,
            started_at=self._wall(self._work_start),
            finished_at=self._wall(self._work_end),
        )
        key = (self._index, self._set)
        if key not in self._logs:
            self._log_order.append(key)
        self._logs[key] = log
        now = self._clock.monotonic()
        if self._paused_at is not None:  # logging means the runner is back
            self._paused_at = None
        self._emit(EventKind.SET_LOGGED, now, now)
        nxt = self._following(self._index, self._set)
        if pain is not None and pain > self._threshold and nxt is not None and (
            nxt[0] == self._index
        ):
            self._offer = self._index
            self._emit(EventKind.OFFER_STOP_OR_EASIER, now, now, detail=item.exercise_id)
        self._after_set(now)
        return log

    def skip_countdown(self) -> None:
        """End a get-ready or rest countdown now."""
        if self._state in (State.GET_READY, State.REST) and self._deadline is not None:
            now = self._now()
            self._deadline = now
            self._cues = []
            self._advance_from(now)

    def skip_set(self) -> None:
        """Leave the current set undone and move to the next one."""
        if self._state in (State.SUMMARY, State.REST):
            if self._state is State.REST:
                self.skip_countdown()
            return
        now = self._now()
        nxt = self._following(self._index, self._set)
        if nxt is None:
            self._finish(now)
        else:
            self._index, self._set = nxt
            self._enter_get_ready(now)

    def skip_exercise(self) -> None:
        """Leave the rest of this exercise and move to the next exercise."""
        if self._state is State.SUMMARY:
            return
        now = self._now()
        self._offer = None
        if self._index + 1 >= len(self._items):
            self._finish(now)
        else:
            self._index, self._set = self._index + 1, 1
            self._enter_get_ready(now)

    def back(self) -> None:
        """Go back one set: redo the set just finished, or the one before the current."""
        if self._state is State.SUMMARY:
            return
        now = self._now()
        if self._state is State.REST:
            target = self._previous(self._index, self._set)
        elif self._state is State.SET_DONE:
            target = (self._index, self._set)
        else:
            target = self._previous(self._index, self._set) or (self._index, self._set)
        self._offer = None
        if target is not None:
            self._index, self._set = target
        self._enter_get_ready(now)

    def end_early(self) -> None:
        """Finish now. Logged sets are kept; a set in progress is not logged."""
        if self._state is not State.SUMMARY:
            self._ended_early = True
            self._finish(self._now())
