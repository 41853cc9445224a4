"""The runner's choice after a painful set: stop the exercise, do its rest easier, carry on.

A set with pain above the threshold raises the offer (``GuidedSession.log_set``); these
change the plan as it stands and keep every set already logged.
"""

from __future__ import annotations

from dataclasses import replace

from hamstring_app.core.library_model import PlannedExercise
from hamstring_app.core.session_timer import SessionTimer
from hamstring_app.core.session_types import State


class PainChoices(SessionTimer):
    """Stopping or easing the exercise that hurt, or dismissing the offer."""

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
