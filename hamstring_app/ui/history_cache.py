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

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from typing import TypeVar

from hamstring_app.core.changes import PER_DAY, Changes, Kind
from hamstring_app.core.models import History
from hamstring_app.core.rules.days import DayIndex, share_index
from hamstring_app.core.rules.index_update import updated_index
from hamstring_app.store.repository import Repository

T = TypeVar("T")

#: strength sessions older than this keep their sets in the file until something reads
#: them (store.deferred_sets): today's assessment looks at the recent ones (the exercise
#: doses, the phase since the last injury or red flag), the Recovery tab's weekly volumes
#: at all of them. A rule that looks further back simply has them read then.
RECENT_SETS_DAYS = 365


def _replace_days(
    items: tuple[T, ...],
    days: Iterable[date],
    day_of: Callable[[T], date],
    fresh: Iterable[T],
    sort_key: Callable[[T], object],
) -> tuple[T, ...]:
    """``items`` (sorted by ``sort_key``, the day first) with every record on ``days``
    swapped for ``fresh``, still sorted. Each day's records are found by bisection, so
    one day on 20 years costs a copy of the tuple, not a sort of it."""
    by_day: dict[date, list[T]] = {d: [] for d in days}
    for item in fresh:
        if day_of(item) not in by_day:  # not one of the days read: sort it all in
            kept = [x for x in items if day_of(x) not in by_day]
            kept.extend(fresh)
            kept.sort(key=sort_key)
            return tuple(kept)
        by_day[day_of(item)].append(item)
    out = list(items)
    for day in sorted(by_day, reverse=True):  # from the end: earlier positions hold
        lo = bisect_left(out, day, key=day_of)
        hi = bisect_right(out, day, key=day_of)
        out[lo:hi] = sorted(by_day[day], key=sort_key)
    return tuple(out)


class HistorySnapshot:
    def __init__(self, repo: Repository) -> None:
        self.repo = repo
        self._history: History | None = None
        self.full_loads = 0  # how many times everything was read (for tests and benchmarks)
        self.version = 0  # one more for every change applied
        # the rules' day index of the history, carried from version to version: the
        # history it indexes, and the days changed since (None: unknown, build it again)
        self._index: DayIndex | None = None
        self._indexed: History | None = None
        self._changed_days: set[date] | None = None
        self.index_builds = 0  # how many times the index was built from scratch

    def get(self) -> History:
        if self._history is None:
            self._history = self.repo.load_history(recent_sets_days=RECENT_SETS_DAYS)
            self.full_loads += 1
            self._changed_days = None
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
            self._changed_days = None  # like a full reload: the day index starts afresh
        return True

    def read_whole(self) -> History:
        """The whole history as ``get`` reads it, without touching this copy: safe on a
        worker thread (for ``apply_loaded``)."""
        return self.repo.load_history(recent_sets_days=RECENT_SETS_DAYS)

    def index(self, end: date) -> DayIndex:
        """The rules' DayIndex of the current history up to ``end``, brought up to date
        from the days changed since it was last asked for (built from scratch only after
        a full reload, or when ``end`` moves back). ``core.rules.evaluate`` and the
        series use it for this history version instead of indexing it again."""
        history = self.get()
        index = self._index
        if index is None or index.end != end or self._indexed is not history:
            if index is None or self._changed_days is None or end < index.end:
                index = DayIndex(history, end)
                self.index_builds += 1
            else:
                index = updated_index(index, history, self._changed_days, end)
            self._index, self._indexed, self._changed_days = index, history, set()
        share_index(history, index)
        return index

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
            self._changed_days = None
            return
        if self._changed_days is not None:
            self._changed_days.update(changes.days)
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
