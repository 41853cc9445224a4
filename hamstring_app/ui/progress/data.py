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
from dataclasses import dataclass, field, fields, replace
from datetime import date, timedelta

import numpy as np

from hamstring_app.core.episodes import EpisodeEnd, episode_on
from hamstring_app.core.models import KM_PER_MILE, CheckIn, History, Run, StrengthSession, Units
from hamstring_app.core.models import Verdict as VerdictEnum
from hamstring_app.core.rules import (
    Assessment,
    DayVerdict,
    acwr_series,
    daily_verdicts,
    load_events,
    weekly_distance,
)
from hamstring_app.core.rules.days import day_index as day_index_of
from hamstring_app.ui.progress.dayinfo import DayInfo, day_index
from hamstring_app.ui.progress.days import (
    DAY_S,
    EPOCH_ORDINAL,
    Series,
    monday,
    points,
)

#: Nordic curl variants, preferred for the eccentric volume line.
NORDIC_IDS = ("nordic_curl", "nordic_curl_assisted")
#: Other eccentric hamstring work, used when no Nordic curls were logged.
ECCENTRIC_FALLBACK_IDS = (
    "hamstring_slider",
    "romanian_deadlift",
    "single_leg_rdl",
    "prone_hamstring_curl",
    "good_morning",
)
SPIKE_RULE_WORD = "spike"

Empty = np.empty(0, dtype=float)


@dataclass(frozen=True)
class RunSeries:
    """What the running plot draws. It depends on the runs alone (and the days shown),
    so a refresh after a check-in reuses it."""

    key: tuple[object, ...]
    weekly_distance: Series  # x at the middle of each Monday-Sunday week
    runs: Series
    run_sizes: np.ndarray
    spikes: Series
    other_load_events: Series
    acwr: Series  # NaN where the ratio is not known
    events_by_day: dict[int, tuple[tuple[str, str], ...]]  # (rule id, detail) by ordinal


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


def _first_day(history: History, today: date) -> date:
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
    history: History, today: date, first: date, previous: RecoveryData | None
) -> tuple[Series, Series, Series]:
    """The three pain answers as points. With the last refresh's data, the points before
    the first changed check-in are kept and only the check-ins from there on are read."""
    checkins = history.checkins
    if previous is None or previous.today != today or previous.first_day != first:
        upto = [c for c in checkins if c.day <= today]
        return tuple(_painpoints(upto, name) for name in PAIN_ANSWERS)  # type: ignore[return-value]
    since = _first_change(previous.history.checkins, checkins)
    old = (previous.pain_rest, previous.pain_run, previous.pain_waking)
    if since is None:
        return old
    cut = (since.toordinal() - EPOCH_ORDINAL) * DAY_S  # midnight: a day's points are at noon
    lo = bisect_left(checkins, since.toordinal(), key=_ordinal)
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


def _weekly_strength(
    sessions: Sequence[StrengthSession], first: date, today: date
) -> tuple[Series, Series, str]:
    """Sessions per Monday-Sunday week, and the weekly reps of the main eccentric exercise."""
    first_monday = monday(first)
    weeks = (monday(today).toordinal() - first_monday.toordinal()) // 7 + 1
    if weeks <= 0:
        return Series(), Series(), ""
    origin = first_monday.toordinal()
    session_weeks: list[int] = []
    set_weeks: dict[str, list[int]] = {}
    set_reps: dict[str, list[int]] = {}
    for s in sessions:
        w = (s.day.toordinal() - origin) // 7
        if not 0 <= w < weeks:
            continue
        session_weeks.append(w)
        for set_log in s.sets:
            if set_log.completed and set_log.reps:
                exercise = set_log.exercise_id
                if exercise not in set_weeks:
                    set_weeks[exercise], set_reps[exercise] = [], []
                set_weeks[exercise].append(w)
                set_reps[exercise].append(set_log.reps)
    counts = np.bincount(np.asarray(session_weeks, dtype=int), minlength=weeks).astype(float)
    reps = {
        exercise: np.bincount(
            np.asarray(set_weeks[exercise], dtype=int),
            weights=np.asarray(set_reps[exercise], dtype=float),
            minlength=weeks,
        )
        for exercise in set_weeks
    }
    xs = (
        np.arange(weeks, dtype=float) * 7 + first_monday.toordinal() - EPOCH_ORDINAL
    ) * DAY_S + 3.5 * DAY_S
    label = ""
    volume = None
    nordic = [reps[i] for i in NORDIC_IDS if i in reps]
    if nordic:
        volume = np.sum(nordic, axis=0)
        label = "nordic"
    else:
        fallback = [i for i in ECCENTRIC_FALLBACK_IDS if i in reps]
        if fallback:
            main = max(fallback, key=lambda i: float(reps[i].sum()))
            volume = reps[main]
            label = main
    volume_series = Series(xs, volume) if volume is not None else Series()
    return Series(xs, counts), volume_series, label


def _unit_factor(unit: Units) -> float:
    return 1.0 / KM_PER_MILE if unit is Units.MILES else 1.0


def run_marker_size(distance: np.ndarray) -> np.ndarray:
    """Marker diameter in pixels, growing with the square root of the distance."""
    return np.clip(5.0 + 2.2 * np.sqrt(np.maximum(distance, 0.0)), 5.0, 22.0)


def _running(history: History, first: date, today: date, unit: Units) -> RunSeries:
    factor = _unit_factor(unit)
    runs = [r for r in history.runs if r.day <= today]
    ords = [r.day.toordinal() for r in runs]
    run_series = points(ords, [r.distance_km * factor for r in runs])
    longest: dict[int, float] = {}
    for o, r in zip(ords, runs, strict=True):
        longest[o] = max(longest.get(o, 0.0), r.distance_km * factor)

    weeks = weekly_distance(history, monday(first), today)
    week_series = points([w.toordinal() + 3 for w, _ in weeks], [km * factor for _, km in weeks])
    week_km = {w.toordinal(): km * factor for w, km in weeks}

    spikes: tuple[list[int], list[float]] = ([], [])
    others: tuple[list[int], list[float]] = ([], [])
    events: dict[int, list[tuple[str, str]]] = {}
    for event in load_events(history):
        if event.day > today or event.day < first:
            continue
        o = event.day.toordinal()
        y = longest.get(o, week_km.get(monday(event.day).toordinal(), 0.0))
        target = spikes if SPIKE_RULE_WORD in event.rule else others
        target[0].append(o)
        target[1].append(y)
        events.setdefault(o, []).append((event.rule, event.detail))

    acwr = acwr_series(history, first, today)
    acwr_values = np.fromiter(
        (np.nan if v is None else v for _, v in acwr), dtype=float, count=len(acwr)
    )
    acwr_x = (
        np.arange(first.toordinal(), first.toordinal() + len(acwr), dtype=float) - EPOCH_ORDINAL
    ) * DAY_S + DAY_S / 2
    return RunSeries(
        key=(),
        weekly_distance=week_series,
        runs=run_series,
        run_sizes=run_marker_size(run_series.y),
        spikes=points(*spikes),
        other_load_events=points(*others),
        acwr=Series(acwr_x, acwr_values) if acwr else Series(),
        events_by_day={o: tuple(v) for o, v in events.items()},
    )


def build_recovery_data(
    history: History,
    assessment: Assessment,
    today: date,
    plan_per_week: int,
    previous: RecoveryData | None = None,
) -> RecoveryData:
    """Arrange a history and its assessment on the time axis. O(n) in the history's size.

    With ``previous`` (the data of the last refresh), the running series are reused when
    the runs are the very same tuple and the days shown and unit have not changed.
    """
    first = _first_day(history, today)
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


    key = (id(history.runs), len(history.runs), first, today, unit)
    if previous is not None and previous.running.key == key \
            and previous.history.runs is history.runs:
        running = previous.running
    else:
        running = replace(_running(history, first, today, unit), key=key)

    if previous is not None and previous.strength_key[1:] == (first, today) \
            and previous.history.strength_sessions is history.strength_sessions:
        strength_key = previous.strength_key
        strength_counts, volume, volume_label = (
            previous.sessions_per_week, previous.eccentric_volume, previous.eccentric_label
        )
    else:
        # a session counts once a set was done in it (one left at once is not a session)
        sessions = [
            s for s in history.strength_sessions
            if s.day <= today and any(set_log.completed for set_log in s.sets)
        ]
        strength_key = (len(sessions), first, today)
        strength_counts, volume, volume_label = _weekly_strength(sessions, first, today)
    pain_rest, pain_run, pain_waking = _pain_series(history, today, first, previous)

    by_verdict: dict[VerdictEnum, list[int]] = {v: [] for v in VerdictEnum}
    flags: list[int] = []
    verdicts = _day_verdicts(history, first, today, previous)
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
        pain_mean=_rolling_pain(history, first, today),
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
    """``daily_verdicts(history, first, today)``, reusing the last refresh's verdicts for
    the days before the earliest changed check-in or run: a day's verdict is judged on what
    was known that day, so later records never change it (core.rules.series)."""
    if previous is None or previous.today != today or previous.first_day != first:
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
