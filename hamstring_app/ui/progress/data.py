"""What the recovery graphs draw, as numpy arrays, built once per refresh.

Every rule-based figure (daily verdicts, load events, the acute:chronic ratio, weekly
distance, the recovery window) comes from the rules engine; this module only arranges
those answers on a time axis. X values are Unix seconds (UTC), as pyqtgraph's
DateAxisItem expects: a day's own points sit at its noon, so that any x within the day
maps back to that day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from hamstring_app.core.models import KM_PER_MILE, CheckIn, History, Run, StrengthSession, Units
from hamstring_app.core.models import Verdict as VerdictEnum
from hamstring_app.core.rules import (
    Assessment,
    acwr_series,
    daily_verdicts,
    load_events,
    weekly_distance,
)
from hamstring_app.core.rules import thresholds as T

DAY_S = 86_400.0
EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
ROLLING_DAYS = T.TREND_WINDOW_DAYS
ROLLING_MIN_VALUES = T.TREND_MIN_CHECKINS

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


def day_x(day: date) -> float:
    """Noon of ``day`` in Unix seconds: where that day's points are drawn."""
    return (day.toordinal() - EPOCH_ORDINAL) * DAY_S + DAY_S / 2


def day_start_x(day: date) -> float:
    """Midnight at the start of ``day`` in Unix seconds."""
    return (day.toordinal() - EPOCH_ORDINAL) * DAY_S


def x_day(x: float) -> date:
    """The calendar day that contains the Unix-seconds value ``x``."""
    return date.fromordinal(int(x // DAY_S) + EPOCH_ORDINAL)


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _xs(days: Sequence[date]) -> np.ndarray:
    ords = np.fromiter((d.toordinal() for d in days), dtype=float, count=len(days))
    return (ords - EPOCH_ORDINAL) * DAY_S + DAY_S / 2


@dataclass(frozen=True)
class Series:
    """Points of one graph item: x in Unix seconds, y in the plot's unit."""

    x: np.ndarray = field(default_factory=lambda: Empty)
    y: np.ndarray = field(default_factory=lambda: Empty)

    def __len__(self) -> int:
        return int(self.x.size)


def _series(points: Sequence[tuple[date, float]]) -> Series:
    if not points:
        return Series()
    days, values = zip(*points, strict=True)
    return Series(_xs(days), np.asarray(values, dtype=float))


@dataclass(frozen=True)
class DayInfo:
    """Everything recorded on one day, for the hover read-out."""

    day: date
    checkin: CheckIn | None = None
    runs: tuple[Run, ...] = ()
    sessions: tuple[StrengthSession, ...] = ()
    verdict: VerdictEnum | None = None
    red_flags: tuple[str, ...] = ()
    events: tuple[tuple[str, str], ...] = ()  # (rule id, detail) of load events


@dataclass(frozen=True)
class RecoveryData:
    today: date
    first_day: date
    onset: date | None
    window: tuple[date, date] | None  # expected recovery: first and last day
    window_weeks: tuple[int, int] | None
    unit: Units
    # pain
    pain_rest: Series
    pain_run: Series
    pain_waking: Series
    pain_mean: Series  # NaN where too few answers in the 7 days
    # running (distances in the profile's unit)
    weekly_distance: Series  # x at the middle of each Monday-Sunday week
    runs: Series
    run_sizes: np.ndarray
    spikes: Series
    other_load_events: Series
    acwr: Series  # NaN where the ratio is not known
    # strength
    sessions_per_week: Series
    eccentric_volume: Series
    eccentric_label: str
    plan_per_week: int
    # verdict strip
    verdicts: dict[VerdictEnum, Series]
    red_flags: Series
    days: dict[int, DayInfo]  # by ordinal

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
        return self.days.get(day.toordinal(), DayInfo(day))


def _first_day(history: History, today: date) -> date:
    firsts = [today]
    if history.checkins:
        firsts.append(min(c.day for c in history.checkins))
    if history.runs:
        firsts.append(min(r.day for r in history.runs))
    if history.strength_sessions:
        firsts.append(min(s.day for s in history.strength_sessions))
    return min(firsts)


def _rolling_pain(history: History, first: date, today: date) -> Series:
    """7-day rolling mean of each day's highest pain (check-in answers and runs)."""
    n = today.toordinal() - first.toordinal() + 1
    if n <= 0:
        return Series()
    best = np.full(n, np.nan)
    origin = first.toordinal()

    def note(day: date, value: int | None) -> None:
        if value is None:
            return
        i = day.toordinal() - origin
        if 0 <= i < n and not best[i] >= value:
            best[i] = value

    for c in history.checkins:
        for value in (c.pain_rest, c.pain_run, c.pain_next_morning):
            note(c.day, value)
    for r in history.runs:
        note(r.day, r.pain)
    known = ~np.isnan(best)
    sums = np.concatenate(([0.0], np.cumsum(np.where(known, best, 0.0))))
    counts = np.concatenate(([0], np.cumsum(known)))
    idx = np.arange(n)
    lo = np.maximum(idx - ROLLING_DAYS + 1, 0)
    window_sum = sums[idx + 1] - sums[lo]
    window_count = counts[idx + 1] - counts[lo]
    mean = np.where(
        window_count >= ROLLING_MIN_VALUES, window_sum / np.maximum(window_count, 1), np.nan
    )
    # only from the first pain answer on: no line over the empty months before it
    if not known.any():
        return Series()
    start = int(np.argmax(known))
    xs = (np.arange(origin + start, origin + n, dtype=float) - EPOCH_ORDINAL) * DAY_S + DAY_S / 2
    return Series(xs, mean[start:])


def _weekly_strength(
    sessions: Sequence[StrengthSession], first: date, today: date
) -> tuple[Series, Series, str]:
    """Sessions per Monday-Sunday week, and the weekly reps of the main eccentric exercise."""
    first_monday = monday(first)
    weeks = (monday(today).toordinal() - first_monday.toordinal()) // 7 + 1
    if weeks <= 0:
        return Series(), Series(), ""
    counts = np.zeros(weeks)
    reps: dict[str, np.ndarray] = {}
    for s in sessions:
        w = (s.day.toordinal() - first_monday.toordinal()) // 7
        if not 0 <= w < weeks:
            continue
        counts[w] += 1
        for set_log in s.sets:
            if set_log.completed and set_log.reps:
                per = reps.setdefault(set_log.exercise_id, np.zeros(weeks))
                per[w] += set_log.reps
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


def build_recovery_data(
    history: History, assessment: Assessment, today: date, plan_per_week: int
) -> RecoveryData:
    """Arrange a history and its assessment on the time axis. O(n) in the history's size."""
    first = _first_day(history, today)
    profile = history.profile
    unit = profile.units if profile is not None else Units.KM
    factor = _unit_factor(unit)

    onset = profile.injury_start if profile is not None else None
    window: tuple[date, date] | None = None
    window_weeks: tuple[int, int] | None = None
    if onset is not None:
        lo, hi = assessment.recovery.expected_window_weeks
        window_weeks = (int(lo), int(hi))
        window = (onset + timedelta(weeks=lo), onset + timedelta(weeks=hi))

    checkins = [c for c in history.checkins if c.day <= today]
    runs = [r for r in history.runs if r.day <= today]
    sessions = [s for s in history.strength_sessions if s.day <= today]

    def pain_points(name: str) -> Series:
        return _series([(c.day, getattr(c, name)) for c in checkins
                        if getattr(c, name) is not None])

    # the days a run was logged: points sized by distance
    run_series = Series(
        _xs([r.day for r in runs]), np.asarray([r.distance_km * factor for r in runs], float)
    ) if runs else Series()
    longest: dict[int, float] = {}
    for r in runs:
        o = r.day.toordinal()
        longest[o] = max(longest.get(o, 0.0), r.distance_km * factor)

    weeks = weekly_distance(history, monday(first), today)
    week_series = Series(
        _xs([w for w, _ in weeks]) + 3 * DAY_S,
        np.asarray([km * factor for _, km in weeks], float),
    ) if weeks else Series()
    week_km = {w.toordinal(): km * factor for w, km in weeks}

    spikes: list[tuple[date, float]] = []
    others: list[tuple[date, float]] = []
    event_words: dict[int, list[tuple[str, str]]] = {}
    for event in load_events(history):
        if event.day > today or event.day < first:
            continue
        o = event.day.toordinal()
        y = longest.get(o, week_km.get(monday(event.day).toordinal(), 0.0))
        (spikes if SPIKE_RULE_WORD in event.rule else others).append((event.day, y))
        event_words.setdefault(o, []).append((event.rule, event.detail))

    acwr = acwr_series(history, first, today)
    acwr_series_ = Series(
        _xs([d for d, _ in acwr]),
        np.asarray([np.nan if v is None else v for _, v in acwr], float),
    ) if acwr else Series()

    strength_counts, volume, volume_label = _weekly_strength(sessions, first, today)

    by_verdict: dict[VerdictEnum, list[date]] = {v: [] for v in VerdictEnum}
    flags: list[tuple[date, float]] = []
    verdict_of: dict[int, tuple[VerdictEnum, tuple[str, ...]]] = {}
    for dv in daily_verdicts(history, first, today):
        by_verdict[dv.verdict].append(dv.day)
        verdict_of[dv.day.toordinal()] = (dv.verdict, tuple(dv.red_flags))
        if dv.red_flags:
            flags.append((dv.day, 1.0))
    verdict_series = {
        v: Series(_xs(days), np.full(len(days), verdict_height(v))) if days else Series()
        for v, days in by_verdict.items()
    }
    flag_series = _series(flags)
    if len(flag_series):
        flag_series = Series(flag_series.x, np.full(len(flag_series), RED_FLAG_Y))

    days = _day_index(checkins, runs, sessions, verdict_of, event_words)

    return RecoveryData(
        today=today,
        first_day=first,
        onset=onset,
        window=window,
        window_weeks=window_weeks,
        unit=unit,
        pain_rest=pain_points("pain_rest"),
        pain_run=pain_points("pain_run"),
        pain_waking=pain_points("pain_next_morning"),
        pain_mean=_rolling_pain(history, first, today),
        weekly_distance=week_series,
        runs=run_series,
        run_sizes=run_marker_size(run_series.y),
        spikes=_series(spikes),
        other_load_events=_series(others),
        acwr=acwr_series_,
        sessions_per_week=strength_counts,
        eccentric_volume=volume,
        eccentric_label=volume_label,
        plan_per_week=plan_per_week,
        verdicts=verdict_series,
        red_flags=flag_series,
        days=days,
    )


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


def _day_index(
    checkins: Sequence[CheckIn],
    runs: Sequence[Run],
    sessions: Sequence[StrengthSession],
    verdict_of: dict[int, tuple[VerdictEnum, tuple[str, ...]]],
    event_words: dict[int, list[tuple[str, str]]],
) -> dict[int, DayInfo]:
    run_by: dict[int, list[Run]] = {}
    for r in runs:
        run_by.setdefault(r.day.toordinal(), []).append(r)
    ses_by: dict[int, list[StrengthSession]] = {}
    for s in sessions:
        ses_by.setdefault(s.day.toordinal(), []).append(s)
    check_by = {c.day.toordinal(): c for c in checkins}
    out: dict[int, DayInfo] = {}
    for o in set(run_by) | set(ses_by) | set(check_by) | set(verdict_of) | set(event_words):
        verdict, flags = verdict_of.get(o, (None, ()))
        out[o] = DayInfo(
            day=date.fromordinal(o),
            checkin=check_by.get(o),
            runs=tuple(run_by.get(o, ())),
            sessions=tuple(ses_by.get(o, ())),
            verdict=verdict,
            red_flags=flags,
            events=tuple(event_words.get(o, ())),
        )
    return out
