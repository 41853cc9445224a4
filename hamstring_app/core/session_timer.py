"""The clock side of the guided session: countdowns, cues, pauses and tempo beats.

Time is never counted: every countdown has a deadline on the clock's monotonic time and the
remaining time is ``deadline - now`` (a pause moves the deadline by the paused time). When a
deadline passes, the next state starts AT that deadline, not at the late tick, so timers never
drift however irregular the ticks. :meth:`SessionTimer.tick` returns the events since the
last call, in order, each with the moment it was due; events more than
:data:`LATE_AFTER_S` overdue are marked ``late`` so the view can skip stale sounds.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from hamstring_app.core.clock import Clock
from hamstring_app.core.library_model import PlannedExercise
from hamstring_app.core.models import SetLog
from hamstring_app.core.session_types import Event, EventKind, State, tempo_at

LATE_AFTER_S = 1.0
LAST_THREE_S = 3.0
HALF_WAY_MIN_S = 10.0  # holds shorter than this get no half-way cue


class SessionTimer:
    """Moves a :class:`hamstring_app.core.session.GuidedSession` through its states on time."""

    # The state every part of the session shares, set in GuidedSession.__init__.
    _clock: Clock
    _items: list[PlannedExercise]
    _sets: list[int]  # sets of each item as the plan stands
    _get_ready_s: float
    _threshold: int
    _logs: dict[tuple[int, int], SetLog]
    _log_order: list[tuple[int, int]]
    _events: list[Event]
    _index: int
    _set: int
    _offer: int | None  # exercise index with a pending offer
    _ended_early: bool
    _paused_at: float | None
    _state: State
    _deadline: float | None
    _duration: float
    _cues: list[tuple[float, EventKind]]  # (seconds before deadline, kind)
    _next_cue: int
    _work_start: float
    _work_paused: float  # paused seconds inside the current WORK
    _work_end: float
    _work_end_paused: float
    _last_beat: int

    # ------------------------------------------------------------------ driving the clock

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

    # ------------------------------------------------------------------ internals

    def _now(self) -> float:
        return self._paused_at if self._paused_at is not None else self._clock.monotonic()

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
