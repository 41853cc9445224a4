"""What the recovery graphs draw, as numpy arrays, built once per refresh.

Every rule-based figure (daily verdicts, load events, the acute:chronic ratio, weekly
distance, the recovery window) comes from the rules engine; this module only arranges
those answers on a time axis. X values are Unix seconds (UTC), as pyqtgraph's
DateAxisItem expects: a day's own points sit at its noon, so that any x within the day
maps back to that day.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from datetime import date, timedelta

import numpy as np

from hamstring_app.core.episodes import EpisodeEnd, episode_on
from hamstring_app.core.models import CheckIn, History, Run, Units
from hamstring_app.core.models import Verdict as VerdictEnum
from hamstring_app.core.rules import Assessment, DayVerdict, daily_verdicts
from hamstring_app.core.rules.days import day_index as day_index_of
from hamstring_app.ui.progress.dayinfo import DayInfo, day_index
from hamstring_app.ui.progress.days import DAY_S, EPOCH_ORDINAL, Series, points
from hamstring_app.ui.progress.running_data import RunSeries, running_series
from hamstring_app.ui.progress.strength_weeks import sessions_between, weekly_strength

Empty = np.empty(0, dtype=float)


@dataclass(frozen=True)
class RecoveryData:
    today: date
    first_day: date
    onset: date | None
    window: tuple[date, date] | None  # expected recovery: first and last day
    # every injury episode's onset, oldest first (the current one is ``onset``)
    episode_onsets: tuple[date, ...]
    window_weeks: tuple[int, int] | None
    unit: Units
    # pain
    pain_rest: Series
    pain_run: Series
    pain_waking: Series
    pain_mean: Series  # NaN where too few answers in the 7 days
    # running (distances in the profile's unit)
    running: RunSeries
    # strength
    sessions_per_week: Series
    eccentric_volume: Series
    eccentric_label: str
    plan_per_week: int
    # verdict strip
    verdicts: dict[VerdictEnum, Series]
    red_flags: Series
    # for the hover read-out, indexed on first use
    history: History
    day_verdicts: tuple[DayVerdict, ...]
    strength_key: tuple[object, ...] = ()
    # (number, day it ended, recovered) of each episode that ended by today
    episode_ends: tuple[tuple[int, date, bool], ...] = ()
    # the first day whose points are built (``first_day`` when the whole history is): a
    # view of recent weeks needs only them, and older days are built when shown
    since: date | None = None
    _index: dict[int, DayInfo] = field(default_factory=dict, repr=False, compare=False)

    @property
    def weekly_distance(self) -> Series:
        return self.running.weekly_distance

    @property
    def runs(self) -> Series:
        return self.running.runs

    @property
    def run_sizes(self) -> np.ndarray:
        return self.running.run_sizes

    @property
    def spikes(self) -> Series:
        return self.running.spikes

    @property
    def other_load_events(self) -> Series:
        return self.running.other_load_events

    @property
    def acwr(self) -> Series:
        return self.running.acwr

    @property
    def whole(self) -> bool:
        """Whether every day from the first record on is built."""
        return self.since is None or self.since <= self.first_day

    @property
    def is_empty(self) -> bool:
        return not (self.has_pain or self.has_runs or self.has_strength or self.has_verdicts)

    @property
    def has_pain(self) -> bool:
        return bool(len(self.pain_rest) or len(self.pain_run) or len(self.pain_waking))

    @property
    def has_runs(self) -> bool:
        return bool(len(self.runs))

    @property
    def has_strength(self) -> bool:
        return bool(np.any(self.sessions_per_week.y > 0))

    @property
    def has_verdicts(self) -> bool:
        return any(len(s) for s in self.verdicts.values())

    def info(self, day: date) -> DayInfo:
        """Everything recorded on ``day`` (the index is built on the first call)."""
        if not self._index:
            self._index.update(
                day_index(self.history, self.today, self.day_verdicts,
                           self.running.events_by_day)
            )
        return self._index.get(day.toordinal(), DayInfo(day))


def first_day(history: History, today: date) -> date:
    """The first day with a record (today with none)."""
    firsts = [today]
    # histories are sorted oldest first
    for records in (history.checkins, history.runs, history.strength_sessions):
        if records:
            firsts.append(records[0].day)
    return min(firsts)


def _painpoints(checkins: Sequence[CheckIn], name: str) -> Series:
    ords: list[int] = []
    values: list[float] = []
    for c in checkins:
        value = getattr(c, name)
        if value is not None:
            ords.append(c.day.toordinal())
            values.append(value)
    return points(ords, values)


PAIN_ANSWERS = ("pain_rest", "pain_run", "pain_next_morning")


def _pain_series(
    history: History, today: date, start: date, previous: RecoveryData | None
) -> tuple[Series, Series, Series]:
    """The three pain answers from ``start`` to ``today`` as points. With the last
    refresh's data, the points before the first changed check-in are kept and only the
    check-ins from there on are read."""
    checkins = history.checkins
    if previous is None or previous.today != today or previous.since != start:
        lo = bisect_left(checkins, start.toordinal(), key=_ordinal)
        hi = bisect_right(checkins, today.toordinal(), key=_ordinal)
        shown = checkins[lo:hi]
        return tuple(_painpoints(shown, name) for name in PAIN_ANSWERS)  # type: ignore[return-value]
    since = _first_change(previous.history.checkins, checkins)
    old = (previous.pain_rest, previous.pain_run, previous.pain_waking)
    if since is None:
        return old
    cut = (since.toordinal() - EPOCH_ORDINAL) * DAY_S  # midnight: a day's points are at noon
    lo = bisect_left(checkins, max(since, start).toordinal(), key=_ordinal)
    hi = bisect_right(checkins, today.toordinal(), key=_ordinal)
    fresh = checkins[lo:hi]
    out = []
    for series, name in zip(old, PAIN_ANSWERS, strict=True):
        keep = int(np.searchsorted(series.x, cut, side="left"))
        tail = _painpoints(fresh, name)
        out.append(Series(np.concatenate((series.x[:keep], tail.x)),
                          np.concatenate((series.y[:keep], tail.y))))
    return out[0], out[1], out[2]


def _ordinal(record: CheckIn) -> int:
    return record.day.toordinal()


def _rolling_pain(history: History, first: date, today: date) -> Series:
    """The rules' 7-day mean of each day's highest pain (check-in answers and runs), from
    the first day with a mean on: no line over the empty months before it. The means are
    the ones the app's day index keeps (carried from version to version), read as they
    are: the same as ``weekly_pain_means(history, first, today)``."""
    index = day_index_of(history, today)
    kept = index.weekly_pain_means()
    k0 = index.index(first)
    days = today.toordinal() - first.toordinal() + 1
    if k0 == 0 and index.n == days:
        means: Sequence[float | None] = kept
    else:
        means = [kept[k] if 0 <= k < index.n else None for k in range(k0, k0 + days)]
    start = next((k for k, m in enumerate(means) if m is not None), None)
    if start is None:
        return Series()
    origin = first.toordinal()
    values = np.fromiter(
        (np.nan if m is None else m for m in means[start:]), dtype=float,
        count=len(means) - start,
    )
    xs = (np.arange(origin + start, origin + len(means), dtype=float) - EPOCH_ORDINAL) * DAY_S
    return Series(xs + DAY_S / 2, values)


def build_recovery_data(
    history: History,
    assessment: Assessment,
    today: date,
    plan_per_week: int,
    previous: RecoveryData | None = None,
    since: date | None = None,
) -> RecoveryData:
    """Arrange a history and its assessment on the time axis.

    The day-by-day series (points, verdicts, weekly bars) cover the days from ``since``
    (None: the first record) to ``today``: a view of the last weeks needs no more, and
    costs the same at any history length; each equals the whole build's series from that
    day on. Pass a Monday, so that the first weekly bar is a whole week. What the whole
    history decides (its first day, the episodes, the recovery window) is always there.

    With ``previous`` (the data of the last refresh), the running series are reused when
    the runs are the very same tuple and the days built and unit have not changed.
    """
    first = first_day(history, today)
    start = first if since is None else max(first, since)
    profile = history.profile
    unit = profile.units if profile is not None else Units.KM

    current = episode_on(history.episodes, profile, today)
    onset = current.onset if current is not None else None
    episode_onsets = tuple(e.onset for e in history.episodes if e.onset <= today)
    # an end the next episode's onset already marks (the day after it) is not drawn twice
    onsets = {e.onset for e in history.episodes}
    episode_ends = tuple(
        (number, e.ended, e.end_reason is EpisodeEnd.RECOVERED)
        for number, e in enumerate(history.episodes, start=1)
        if e.ended is not None
        and e.ended <= today
        and e.ended + timedelta(days=1) not in onsets
    )
    window: tuple[date, date] | None = None
    window_weeks: tuple[int, int] | None = None
    if onset is not None:
        lo, hi = assessment.recovery.expected_window_weeks
        window_weeks = (int(lo), int(hi))
        window = (onset + timedelta(weeks=lo), onset + timedelta(weeks=hi))


    key = (id(history.runs), len(history.runs), start, today, unit)
    if previous is not None and previous.running.key == key \
            and previous.history.runs is history.runs:
        running = previous.running
    else:
        running = running_series(history, start, today, unit, key=key)

    if previous is not None and previous.strength_key[1:] == (start, today) \
            and previous.history.strength_sessions is history.strength_sessions:
        strength_key = previous.strength_key
        strength_counts, volume, volume_label = (
            previous.sessions_per_week, previous.eccentric_volume, previous.eccentric_label
        )
    else:
        sessions = sessions_between(history.strength_sessions, start, today)
        strength_key = (len(sessions), start, today)
        strength_counts, volume, volume_label = weekly_strength(sessions, start, today)
    pain_rest, pain_run, pain_waking = _pain_series(history, today, start, previous)

    by_verdict: dict[VerdictEnum, list[int]] = {v: [] for v in VerdictEnum}
    flags: list[int] = []
    verdicts = _day_verdicts(history, start, today, previous)
    for dv in verdicts:
        o = dv.day.toordinal()
        verdict = dv.verdict
        if dv.day == today and assessment.verdict > verdict:
            # past days show the verdict their pain answers gave; today's cell is the one
            # the Today tab shows, which load, technique and strength advice can raise
            verdict = assessment.verdict
        by_verdict[verdict].append(o)
        if dv.red_flags:
            flags.append(o)
    verdict_series = {
        v: points(ords, [verdict_height(v)] * len(ords)) for v, ords in by_verdict.items()
    }

    return RecoveryData(
        today=today,
        first_day=first,
        onset=onset,
        episode_onsets=episode_onsets,
        episode_ends=episode_ends,
        window=window,
        window_weeks=window_weeks,
        unit=unit,
        pain_rest=pain_rest,
        pain_run=pain_run,
        pain_waking=pain_waking,
        pain_mean=_rolling_pain(history, start, today),
        running=running,
        sessions_per_week=strength_counts,
        eccentric_volume=volume,
        eccentric_label=volume_label,
        plan_per_week=plan_per_week,
        verdicts=verdict_series,
        red_flags=points(flags, [RED_FLAG_Y] * len(flags)),
        history=history,
        day_verdicts=verdicts,
        strength_key=strength_key,
        since=start,
    )


_PER_DAY_FIELDS = ("checkins", "runs", "strength_sessions")


def _first_change(old: Sequence[CheckIn] | Sequence[Run], new: Sequence[CheckIn] | Sequence[Run]
                  ) -> date | None:
    """The earliest day whose records differ between two day-sorted tuples (None: none).

    The history cache keeps every record it did not re-read as the very same object, so
    the first position where the two differ names the earliest changed day."""
    for a, b in zip(old, new, strict=False):
        if a is not b:
            return min(a.day, b.day)
    if len(old) == len(new):
        return None
    longer = old if len(old) > len(new) else new
    return longer[min(len(old), len(new))].day


def _day_verdicts(
    history: History, first: date, today: date, previous: RecoveryData | None
) -> tuple[DayVerdict, ...]:
    """``daily_verdicts(history, first, today)`` (``first``: the first day built), reusing
    the last refresh's verdicts for the days before the earliest changed check-in or run:
    a day's verdict is judged on what was known that day, so later records never change
    it (core.rules.series)."""
    if previous is None or previous.today != today or previous.since != first:
        return daily_verdicts(history, first, today)
    old = previous.history
    for f in fields(History):  # the profile, episodes, assessments ...: any change, all again
        if f.name not in _PER_DAY_FIELDS and getattr(old, f.name) != getattr(history, f.name):
            return daily_verdicts(history, first, today)
    changes = [
        d for d in (_first_change(old.checkins, history.checkins),
                    _first_change(old.runs, history.runs)) if d is not None
    ]
    if not changes:
        return previous.day_verdicts
    since = min(changes)
    kept = tuple(v for v in previous.day_verdicts if v.day < since)
    return kept + daily_verdicts(history, max(since, first), today)


#: Bar heights in the verdict strip: the more serious, the taller (a signal besides colour).
VERDICT_HEIGHTS = {
    VerdictEnum.CONTINUE: 0.25,
    VerdictEnum.MODIFY: 0.5,
    VerdictEnum.HOLD: 0.75,
    VerdictEnum.STOP: 1.0,
}
RED_FLAG_Y = 1.3


def verdict_height(verdict: VerdictEnum) -> float:
    return VERDICT_HEIGHTS[verdict]
