"""The guided strength session as a pure state machine driven by an injected clock.

States::

    GET_READY --(countdown)--> WORK --(hold countdown, or finish_work())--> SET_DONE
    SET_DONE --log_set()--> REST --(countdown)--> WORK (same exercise) / GET_READY (next one)
    ... after the last set, or end_early() --> SUMMARY

Time is never counted: every countdown has a deadline on the clock's monotonic time and the
remaining time is ``deadline - now`` (a pause moves the deadline by the paused time). When a
deadline passes, the next state starts AT that deadline, not at the late tick, so timers never
drift however irregular the ticks. :meth:`GuidedSession.tick` returns the events since the
last call, in order, each with the moment it was due; events more than
:data:`LATE_AFTER_S` overdue are marked ``late`` so the view can skip stale sounds.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from hamstring_app.core.clock import Clock
from hamstring_app.core.library_model import PlannedExercise, SessionPlan
from hamstring_app.core.models import MAX_HOLD_S, SET_PAIN_THRESHOLD_DEFAULT, SetLog, check_pain
from hamstring_app.core.session_types import Event, EventKind, State, TempoPhase, tempo_at

__all__ = ["Event", "EventKind", "GuidedSession", "State", "TempoPhase"]

LATE_AFTER_S = 1.0
LAST_THREE_S = 3.0
HALF_WAY_MIN_S = 10.0  # holds shorter than this get no half-way cue
# pain above this in a set offers to stop or ease off (docs/evidence.md, section 6)
DEFAULT_PAIN_THRESHOLD = SET_PAIN_THRESHOLD_DEFAULT


class GuidedSession:
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

    # ------------------------------------------------------------------ view properties

    @property
    def state(self) -> State:
        return self._state

    @property
    def plan(self) -> SessionPlan:
        """The plan as it stands (it changes when an exercise is stopped or eased)."""
        return tuple(
            replace(p, sets=n, reps_by_set=p.reps_by_set[:n]) if n != p.sets else p
            for p, n in zip(self._items, self._sets, strict=True)
        )

    @property
    def exercise_index(self) -> int:
        return self._index

    @property
    def current(self) -> PlannedExercise | None:
        """The exercise being done (or, during a rest, the one coming up)."""
        return None if self._state is State.SUMMARY else self._items[self._index]

    @property
    def set_index(self) -> int:
        """1-based number of the current set (during a rest: the next set)."""
        return self._set

    @property
    def sets_total(self) -> int:
        return self._sets[self._index] if self._state is not State.SUMMARY else 0

    @property
    def target_reps(self) -> int | None:
        item = self.current
        return item.target_reps(self._set) if item is not None else None

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def _now(self) -> float:
        return self._paused_at if self._paused_at is not None else self._clock.monotonic()

    @property
    def remaining_s(self) -> float | None:
        """Seconds left in a countdown (get ready, hold, rest); None when nothing counts."""
        if self._deadline is None:
            return None
        return max(0.0, self._deadline - self._now())

    @property
    def duration_s(self) -> float | None:
        """Full length of the current countdown, for a ring or bar."""
        if self._deadline is None:
            return None
        return self._duration

    @property
    def work_elapsed_s(self) -> float:
        """Seconds of work in the current set, pauses excluded."""
        if self._state is State.WORK:
            return max(0.0, self._now() - self._work_start - self._work_paused)
        if self._state is State.SET_DONE:
            return max(0.0, self._work_end - self._work_start - self._work_end_paused)
        return 0.0

    @property
    def tempo_phase(self) -> TempoPhase | None:
        """The slow-lowering beat during rep work with a tempo, from the clock."""
        item = self.current
        if self._state is not State.WORK or item is None or item.is_hold:
            return None
        if not item.tempo_down_s:
            return None
        return tempo_at(item, self.work_elapsed_s)

    @property
    def reps_elapsed(self) -> int | None:
        """Reps the tempo says are finished so far (a guide; the runner confirms)."""
        item = self.current
        if item is None or item.is_hold or not item.tempo_down_s:
            return None
        if self._state not in (State.WORK, State.SET_DONE):
            return 0
        cycle = item.tempo_down_s + (item.tempo_up_s or 1)
        return min(int(self.work_elapsed_s // cycle), self.target_reps or 0)

    @property
    def progress_fraction(self) -> float:
        """0..1 over the whole session, by sets, with the current hold counted in part."""
        if self._state is State.SUMMARY:
            return 1.0
        total = sum(self._sets)
        passed = sum(self._sets[: self._index]) + self._set - 1
        part = 0.0
        if self._state is State.SET_DONE:
            part = 1.0
        elif self._state is State.WORK and self._deadline is not None:
            part = 1.0 - (self.remaining_s or 0.0) / self._duration if self._duration else 1.0
        return min(1.0, (passed + part) / total)

    @property
    def next_up(self) -> str:
        """What comes after the current set, in a few words."""
        if self._state is State.SUMMARY:
            return ""
        if self._state is State.REST:
            index, number = self._index, self._set
        else:
            nxt = self._following(self._index, self._set)
            if nxt is None:
                return "Last set. Then you are done."
            index, number = nxt
        item = self._items[index]
        if index == self._index and self._state is not State.REST:
            return f"Next: set {number} of {self._sets[index]}"
        if number == 1:
            return f"Next: {item.exercise.name}, {item.describe()}"
        return f"Next: {item.exercise.name}, set {number} of {self._sets[index]}"

    @property
    def completed_sets(self) -> tuple[SetLog, ...]:
        """Every set logged so far, in the order first logged (a redone set replaces it)."""
        return tuple(self._logs[key] for key in self._log_order)

    @property
    def planned_sets(self) -> int:
        """Sets in the plan as it stands (a stopped exercise counts the sets it had)."""
        return sum(self._sets)

    @property
    def ended_early(self) -> bool:
        """True when the runner ended the session before its last set."""
        return self._ended_early

    @property
    def offer_stop_or_easier(self) -> bool:
        """True after a set with pain above the threshold, until the runner chooses."""
        return self._offer is not None

    @property
    def pain_threshold(self) -> int:
        return self._threshold

    # ------------------------------------------------------------------ driving

    def tick(self) -> list[Event]:
        """Advance past any deadlines and cues that are due; return events since last call."""
        if self._paused_at is None:
            now = self._clock.monotonic()
            self._advance(now)
        out, self._events = self._events, []
        return out

    def pause(self) -> None:
        if self._paused_at is None and self._state is not State.SUMMARY:
            now = self._clock.monotonic()
            self._advance(now)  # settle anything already due before freezing time
            self._paused_at = now

    def resume_timer(self) -> None:
        """Resume after :meth:`pause`; the paused time does not count."""
        if self._paused_at is None:
            return
        gap = self._clock.monotonic() - self._paused_at
        self._paused_at = None
        if self._deadline is not None:
            self._deadline += gap
        if self._state is State.WORK:
            self._work_paused += gap

    def toggle_pause(self) -> None:
        if self.paused:
            self.resume_timer()
        else:
            self.pause()

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

    def stop_exercise(self) -> None:
        """Stop the exercise that hurt: its remaining sets are dropped."""
        index = self._offer if self._offer is not None else self._index
        self._offer = None
        if self._state is State.SUMMARY:
            return
        done = max((n for (i, n) in self._logs if i == index), default=0)
        self._sets[index] = max(1, done)
        if self._index != index:
            return
        now = self._now()
        if index + 1 < len(self._items):
            self._index, self._set = index + 1, 1
            if self._state is not State.REST:
                self._enter_get_ready(now)
        else:
            self._finish(now)

    def switch_to_easier(self, replacement: PlannedExercise) -> None:
        """Do the remaining sets of the exercise that hurt as ``replacement``.

        Build ``replacement`` with :func:`hamstring_app.core.planning.easier_version`.
        """
        index = self._offer if self._offer is not None else self._index
        if self._state is State.SUMMARY:
            raise RuntimeError("the session has finished")
        done = max((n for (i, n) in self._logs if i == index), default=0)
        remaining = self._sets[index] - done
        if remaining <= 0:
            raise RuntimeError("that exercise has no sets left to switch")
        self._offer = None
        self._sets[index] = max(1, done)
        sets = remaining
        eased = replace(
            replacement,
            sets=sets,
            reps_by_set=replacement.reps_by_set[:sets]
            if len(replacement.reps_by_set) >= sets else (),
        )
        self._items.insert(index + 1, eased)
        self._sets.insert(index + 1, sets)
        self._renumber_logs_after(index)
        if self._index == index and self._state is not State.SUMMARY:
            self._index, self._set = index + 1, 1
            if self._state is not State.REST:
                self._enter_get_ready(self._now())

    def dismiss_offer(self) -> None:
        """Carry on as planned after the pain offer."""
        self._offer = None

    # ------------------------------------------------------------------ internals

    def _renumber_logs_after(self, index: int) -> None:
        moved = {}
        for key, log in self._logs.items():
            moved[(key[0] + 1, key[1]) if key[0] > index else key] = log
        self._log_order = [(i + 1, n) if i > index else (i, n) for i, n in self._log_order]
        self._logs = moved

    def _wall(self, mono: float) -> datetime:
        """The wall-clock time at monotonic moment ``mono`` (which may be in the past)."""
        return self._clock.now() - timedelta(seconds=self._clock.monotonic() - mono)

    def _following(self, index: int, number: int) -> tuple[int, int] | None:
        if number < self._sets[index]:
            return index, number + 1
        if index + 1 < len(self._items):
            return index + 1, 1
        return None

    def _previous(self, index: int, number: int) -> tuple[int, int] | None:
        if number > 1:
            return index, number - 1
        if index > 0:
            return index - 1, self._sets[index - 1]
        return None

    def _emit(self, kind: EventKind, due: float, now: float, detail: str = "") -> None:
        self._events.append(
            Event(kind, self._state, self._index, self._set, due, now - due > LATE_AFTER_S,
                  detail)
        )

    def _set_state(self, state: State, start: float, duration: float | None,
                   cues: list[tuple[float, EventKind]], now: float) -> None:
        self._state = state
        self._duration = duration or 0.0
        self._deadline = None if duration is None else start + duration
        self._cues = sorted(cues, key=lambda c: -c[0])
        self._next_cue = 0
        self._emit(EventKind.STATE_CHANGED, start, now, detail=state.value)

    def _enter_get_ready(self, start: float, now: float | None = None) -> None:
        now = start if now is None else now
        if self._get_ready_s <= 0:
            self._enter_work(start, now)
            return
        cues = [(s, EventKind.CUE_TICK) for s in (3.0, 2.0, 1.0) if s < self._get_ready_s]
        self._set_state(State.GET_READY, start, self._get_ready_s, cues, now)
        self._emit(EventKind.CUE_GET_READY, start, now)

    def _enter_work(self, start: float, now: float) -> None:
        item = self._items[self._index]
        self._work_start = start
        self._work_paused = 0.0
        self._last_beat = -1
        cues: list[tuple[float, EventKind]] = []
        duration: float | None = None
        if item.hold_s is not None:
            duration = float(item.hold_s)
            if duration >= HALF_WAY_MIN_S:
                cues.append((duration / 2, EventKind.CUE_HALF_WAY))
            if duration > LAST_THREE_S:
                cues.append((LAST_THREE_S, EventKind.CUE_LAST_THREE))
        self._set_state(State.WORK, start, duration, cues, now)
        self._emit(EventKind.CUE_GO, start, now)

    def _end_work(self, end: float, now: float | None = None) -> None:
        now = end if now is None else now
        self._work_end = end
        self._work_end_paused = self._work_paused
        self._set_state(State.SET_DONE, end, None, [], now)
        self._emit(EventKind.CUE_DONE, end, now)

    def _after_set(self, now: float) -> None:
        nxt = self._following(self._index, self._set)
        if nxt is None:
            self._finish(now)
            return
        rest = float(self._items[self._index].rest_s)
        self._index, self._set = nxt
        if rest <= 0:
            self._start_next(now, now)
            return
        cues = [(LAST_THREE_S, EventKind.CUE_LAST_THREE)] if rest > LAST_THREE_S else []
        self._set_state(State.REST, now, rest, cues, now)

    def _start_next(self, start: float, now: float) -> None:
        """After a rest: the same exercise goes straight to work, a new one gets ready."""
        same = self._set > 1
        if same:
            self._enter_work(start, now)
        else:
            self._enter_get_ready(start, now)

    def _finish(self, now: float) -> None:
        self._offer = None
        self._paused_at = None
        self._set_state(State.SUMMARY, now, None, [], now)
        self._emit(EventKind.SESSION_FINISHED, now, now)

    def _advance(self, now: float) -> None:
        self._advance_from(now)
        self._tempo_beat(now)

    def _advance_from(self, now: float) -> None:
        """Fire due cues and cross due deadlines, each at the time it was due."""
        for _ in range(10_000):  # a bound, never reached: each pass moves time forward
            deadline = self._deadline
            if deadline is None:
                return
            while self._next_cue < len(self._cues):
                before, kind = self._cues[self._next_cue]
                due = deadline - before
                if due > now:
                    break
                self._next_cue += 1
                self._emit(kind, due, now)
            if deadline > now:
                return
            state = self._state
            if state is State.GET_READY:
                self._enter_work(deadline, now)
            elif state is State.WORK:
                self._end_work(deadline, now)
            elif state is State.REST:
                self._emit(EventKind.CUE_REST_OVER, deadline, now)
                self._start_next(deadline, now)
            else:
                return

    def _tempo_beat(self, now: float) -> None:
        item = self.current
        if self._state is not State.WORK or item is None or not item.tempo_down_s:
            return
        elapsed = max(0.0, now - self._work_start - self._work_paused)
        beat = int(elapsed)
        if beat > self._last_beat:
            self._last_beat = beat
            phase = tempo_at(item, float(beat))
            self._emit(EventKind.CUE_TICK, now - (elapsed - beat), now,
                       detail=f"{phase.name} {phase.beat}/{phase.beats}")
