"""The app's one copy of the whole history, kept current from its change events.

Every tab reads the history from here (``AppContext.history``), so it is read from the
store once, not once per tab. Reading five years from the store on every save would take
longer than the save itself.
Every operation says what it changed and on which days (``Changes``), and the app's
runner (``ui.ops.OpRunner``) hands that here before any tab hears of it, so this copy
re-reads only those days. ``Changes.everything()``, a per-day kind without days, or a
kind it does not know makes it read everything again on next use: correctness first,
speed second. ``version`` counts the changes applied, so a result computed from the
history (the Assessment) can be kept until the next one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from typing import TypeVar

from hamstring_app.core.changes import PER_DAY, Changes, Kind
from hamstring_app.core.models import History
from hamstring_app.store.repository import Repository

T = TypeVar("T")


def _replace_days(
    items: tuple[T, ...],
    days: Iterable[date],
    day_of: Callable[[T], date],
    fresh: Iterable[T],
    sort_key: Callable[[T], object],
) -> tuple[T, ...]:
    """``items`` with every record on ``days`` swapped for ``fresh``, still sorted."""
    gone = set(days)
    kept = [item for item in items if day_of(item) not in gone]
    kept.extend(fresh)
    kept.sort(key=sort_key)
    return tuple(kept)


class HistorySnapshot:
    def __init__(self, repo: Repository) -> None:
        self.repo = repo
        self._history: History | None = None
        self.full_loads = 0  # how many times everything was read (for tests and benchmarks)
        self.version = 0  # one more for every change applied

    def get(self) -> History:
        if self._history is None:
            self._history = self.repo.load_history()
            self.full_loads += 1
        return self._history

    def apply_loaded(self, changes: Changes, history: History, *, since: int) -> bool:
        """Take in ``changes`` with the whole history as read again after them, off the UI
        thread (a big import: see ``OpRunner.run_in_background(reload=True)``), so nothing
        is read here. ``since`` is ``version`` when that work began: if anything else was
        applied in the meantime, ``history`` may be older than this copy, so it is not
        used and ``apply`` does the work instead (False)."""
        if self.version != since:
            self.apply(changes)
            return False
        if changes:
            self.version += 1
            self._history = history
        return True

    def apply(self, changes: Changes) -> None:
        """Bring the copy up to date with what one operation changed."""
        if not changes:
            return
        self.version += 1
        history = self._history
        if history is None:
            return
        kinds = changes.kinds
        if (
            changes.whole
            or (kinds & PER_DAY and not changes.days)
            or kinds - PER_DAY - {Kind.PROFILE, Kind.SETTINGS, Kind.EPISODE, Kind.ASSESSMENT}
        ):
            self._history = None
            return
        repo = self.repo
        days = sorted(changes.days)
        if Kind.PROFILE in kinds:
            history = replace(history, profile=repo.get_profile())
        if Kind.PROFILE in kinds or Kind.EPISODE in kinds:  # the profile moves the episode
            history = replace(history, episodes=repo.list_episodes())
        if Kind.ASSESSMENT in kinds:
            history = replace(history, assessments=repo.list_assessments())
        if Kind.CHECKIN in kinds:
            fresh = [c for c in (repo.get_checkin(d) for d in days) if c is not None]
            history = replace(
                history,
                checkins=_replace_days(
                    history.checkins, days, lambda c: c.day, fresh, lambda c: c.day
                ),
            )
        if Kind.RUN in kinds:
            runs = [r for d in days for r in repo.runs_on(d)]
            history = replace(
                history,
                runs=_replace_days(
                    history.runs, days, lambda r: r.day, runs, lambda r: (r.day, r.id or 0)
                ),
            )
        if Kind.STRENGTH in kinds:
            sessions = [s for d in days for s in repo.list_strength_sessions(d, d)]
            history = replace(
                history,
                strength_sessions=_replace_days(
                    history.strength_sessions,
                    days,
                    lambda s: s.day,
                    sessions,
                    lambda s: (s.day, s.id or 0),
                ),
            )
        self._history = history
