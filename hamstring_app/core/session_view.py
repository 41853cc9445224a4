"""What the view of a guided session reads: the state, the countdown, the set, what is next."""

from __future__ import annotations

from dataclasses import replace

from hamstring_app.core.library_model import PlannedExercise, SessionPlan
from hamstring_app.core.models import SetLog
from hamstring_app.core.session_timer import SessionTimer
from hamstring_app.core.session_types import State, TempoPhase, tempo_at


class SessionView(SessionTimer):
    """The read-only properties of a guided session, for the view."""

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
