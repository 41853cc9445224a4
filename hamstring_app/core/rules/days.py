"""A day-by-day index of a history, built once in O(n), so every window query is O(1).

Days are calendar days counted by ordinal, so a "7-day window" is always 7 calendar days,
whatever the month length or a clock change in between. Records after ``end`` are left out:
nothing the engine decides can look ahead.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import deque
from collections.abc import Iterable, Sequence
from datetime import date
from functools import cached_property
from operator import attrgetter

from hamstring_app.core.episodes import (
    NO_RUNNING_OUTCOMES,
    Episode,
    ProfessionalAssessment,
    episode_on,
    said_order,
)
from hamstring_app.core.models import (
    RED_FLAG_FIELDS,
    CheckIn,
    History,
    Run,
    StrengthSession,
)
from hamstring_app.core.rules import thresholds as T
from hamstring_app.core.rules.scans import (
    NONE,
    _answered,
    _cum,
    _high,
    _pain_sums,
    _positive,
    ewma_scan,
    last_true,
    window_means,
)

red_flag_values = attrgetter(*RED_FLAG_FIELDS)  # CheckIn -> its red-flag answers, in order


def checkin_pain(checkin: CheckIn) -> int | None:
    """The highest pain the check-in reports, or None when no pain was answered."""
    best: int | None = None
    for value in (checkin.pain_rest, checkin.pain_run, checkin.pain_next_morning):
        if value is not None and (best is None or value > best):
            best = value
    return best


#: the per-day arrays a DayIndex fills from its records, each with its empty-day value
PER_DAY_DEFAULTS: dict[str, object] = {
    "km": 0.0,
    "longest": 0.0,
    "hard": False,
    "intensity": 0,
    "_run_count": 0,
    "load": 0.0,
    "_load_unknown": 0,
    "run_pain": None,
    "day_pain": None,
    "next_morning": None,
    "_red_flag_day": False,
    "_urgent_day": False,
    "checkin_at": None,
}


class DayIndex:
    """Per-day arrays over [origin, end] with prefix sums for window queries.

    ``hamstring_app.core.rules.index_update.updated_index`` brings an index up to a
    history that differs on some days without rebuilding it: keep the two in step."""

    km: list[float]
    longest: list[float]
    hard: list[bool]
    intensity: list[int]
    load: list[float]
    run_pain: list[int | None]
    day_pain: list[int | None]
    next_morning: list[int | None]
    checkin_at: list[CheckIn | None]

    def __init__(self, history: History, end: date) -> None:
        end_ord = end.toordinal()
        self.runs: list[Run] = sorted(
            (r for r in history.runs if r.day.toordinal() <= end_ord), key=lambda r: r.day
        )
        self.checkins: dict[date, CheckIn] = {}
        for c in history.checkins:
            if c.day.toordinal() <= end_ord:
                self.checkins[c.day] = c
        self.sessions: list[StrengthSession] = sorted(
            (s for s in history.strength_sessions if s.day.toordinal() <= end_ord),
            key=lambda s: s.day,
        )
        firsts = [end_ord]
        if self.runs:
            firsts.append(self.runs[0].day.toordinal())
        if self.checkins:
            firsts.append(min(self.checkins).toordinal())
        if self.sessions:
            firsts.append(self.sessions[0].day.toordinal())
        self.origin_ord = min(firsts)
        self.origin = date.fromordinal(self.origin_ord)
        self.set_context(history, end)
        n = self.n = end_ord - self.origin_ord + 1
        self.first_run = self.runs[0].day.toordinal() - self.origin_ord if self.runs else NONE
        for name, empty in PER_DAY_DEFAULTS.items():
            setattr(self, name, [empty] * n)
        self.runs_by_day: dict[int, list[Run]] = {}
        self.fill(0, self.runs, self.checkins.values())
        self._weekly_means: list[float | None] | None = None

    def set_context(self, history: History, end: date) -> None:
        """The fields that come from the whole history, not from its days: the profile,
        the injury episode that counts on the assessed day (the profile's, when none) and
        the professional assessments."""
        end_ord = end.toordinal()
        self.end = end
        self.profile = history.profile
        self.episodes: tuple[Episode, ...] = tuple(
            e for e in history.episodes if e.onset.toordinal() <= end_ord
        )
        self.episode: Episode | None = episode_on(self.episodes, history.profile, end)
        self.assessment_days: tuple[date, ...] = tuple(
            sorted(a.day for a in history.assessments if a.day.toordinal() <= end_ord)
        )
        # in order of day, a "not yet" after the others of its day (other ties in input
        # order), so the last on or before a day is the one latest_assessment() picks
        said = sorted(
            (a for a in history.assessments if a.day.toordinal() <= end_ord),
            key=said_order,
        )
        self._said_days = [a.day for a in said]
        self._said = said

    def fill(self, k: int, runs: Iterable[Run], checkins: Iterable[CheckIn]) -> None:
        """Fill the per-day arrays from day ``k`` on (still empty there) from the records
        of those days: ``runs`` oldest first, ``checkins`` one a day."""
        km, longest, hard = self.km, self.longest, self.hard
        intensity, run_count, load = self.intensity, self._run_count, self.load
        load_unknown, run_pain = self._load_unknown, self.run_pain
        runs_by_day = self.runs_by_day
        origin_ord = self.origin_ord
        for r in runs:
            i = r.day.toordinal() - origin_ord
            runs_by_day.setdefault(i, []).append(r)
            km[i] += r.distance_km
            if r.distance_km > longest[i]:
                longest[i] = r.distance_km
            run_count[i] += 1
            if r.type.is_intensity:
                intensity[i] += 1
            if r.is_hard:
                hard[i] = True
            session_load = r.session_load
            if session_load is None:
                load_unknown[i] += 1
            else:
                load[i] += session_load
            if r.pain is not None and (run_pain[i] is None or r.pain > run_pain[i]):
                run_pain[i] = r.pain

        # per-day pain and next-morning answers
        day_pain = self.day_pain
        day_pain[k:] = run_pain[k:]
        next_morning, checkin_at = self.next_morning, self.checkin_at
        red_flag_day, urgent_day = self._red_flag_day, self._urgent_day
        for c in checkins:
            i = c.day.toordinal() - origin_ord
            checkin_at[i] = c
            p = checkin_pain(c)
            if p is not None and (day_pain[i] is None or p > day_pain[i]):
                day_pain[i] = p
            next_morning[i] = c.pain_next_morning
            if True in red_flag_values(c):
                red_flag_day[i] = True
                urgent_day[i] = any(getattr(c, f) is True for f in T.URGENT_RED_FLAGS)

    # ------------------------------------------------------------------ derived arrays
    # Built on first use, so a caller pays only for what it reads. Each is a running
    # scan over the days (CUM_SOURCES: prefix sums; LAST_SOURCES: "latest day <= i
    # where"), so an updated index carries the days before a change over unchanged.

    @cached_property
    def km_cum(self) -> list[float]:
        return _cum(self.km)

    @cached_property
    def intensity_cum(self) -> list[float]:
        return _cum(self.intensity)

    @cached_property
    def runs_cum(self) -> list[float]:
        return _cum(self._run_count)

    @cached_property
    def load_unknown_cum(self) -> list[float]:
        return _cum(self._load_unknown)

    @cached_property
    def pain_sum_cum(self) -> list[float]:
        return _cum(_pain_sums(self.day_pain))

    @cached_property
    def pain_cnt_cum(self) -> list[float]:
        return _cum(_answered(self.day_pain))

    @cached_property
    def high_pain_cum(self) -> list[float]:
        return _cum(_high(self.day_pain))

    @cached_property
    def nm_sum_cum(self) -> list[float]:
        return _cum(_pain_sums(self.next_morning))

    @cached_property
    def nm_cnt_cum(self) -> list[float]:
        return _cum(_answered(self.next_morning))

    @cached_property
    def last_red_flag(self) -> list[int]:
        """Latest day <= i with a red flag answered yes, or NONE."""
        return self._last_true(self._red_flag_day)

    @cached_property
    def last_urgent_red_flag(self) -> list[int]:
        """Latest day <= i with an urgent red flag (T.URGENT_RED_FLAGS) answered yes, or NONE."""
        return self._last_true(self._urgent_day)

    @cached_property
    def last_assessed(self) -> list[int]:
        """Latest day <= i with a professional assessment recorded, or NONE (also NONE when
        the only assessments are before the first record: they resolve nothing here)."""
        return self._last_true(self.assessed_marks(0))

    def assessed_marks(self, first: int) -> list[bool]:
        """For each day from ``first`` on: an assessment is recorded that day."""
        marks = [False] * (self.n - first)
        for d in self.assessment_days:
            k = d.toordinal() - self.origin_ord
            if first <= k < self.n:
                marks[k - first] = True
        return marks

    @cached_property
    def run_days(self) -> list[int]:
        """The days with a run, oldest first."""
        return sorted(self.runs_by_day)

    @cached_property
    def breaks(self) -> list[tuple[int, int]]:
        """(return day, last run day before the break) for every break of BREAK_DAYS or
        more without a run."""
        out: list[tuple[int, int]] = []
        prev = NONE
        for i in self.run_days:
            if prev != NONE and i - prev - 1 >= T.BREAK_DAYS:
                out.append((i, prev))
            prev = i
        return out

    def no_running_said(self, i: int) -> ProfessionalAssessment | None:
        """The latest assessment on or before day ``i`` when it said rehab only or no
        running (nothing since said otherwise), else None. Unlike :attr:`last_assessed`, an
        assessment before the first record still counts."""
        k = bisect_right(self._said_days, self.day(i)) - 1
        if k < 0 or self._said[k].outcome not in NO_RUNNING_OUTCOMES:
            return None
        return self._said[k]

    def open_urgent(self, i: int) -> int:
        """The latest urgent red-flag day <= i not yet resolved by an assessment dated on or
        after it (at any distance in time), or NONE."""
        u = self.last_urgent_red_flag[i]
        return u if u != NONE and u > self.last_assessed[i] else NONE

    def earlier_open_flag(self, ci: int, i: int) -> int:
        """The red-flag day before check-in day ``ci`` that is still open on day ``i``.

        An urgent one is open until an assessment dated on or after it, however long ago;
        any other for RECENT_RED_FLAG_DAYS (the flag day counting as day 1) or until such an
        assessment. An open urgent day is preferred to a later, milder one."""
        if ci < 1:
            return NONE
        assessed = self.last_assessed[i]
        u = self.last_urgent_red_flag[ci - 1]
        if u != NONE and u > assessed:
            return u
        j = self.last_red_flag[ci - 1]
        if j != NONE and ci - j < T.RECENT_RED_FLAG_DAYS and j > assessed:
            return j
        return NONE

    @property
    def onset(self) -> date | None:
        """The current episode's onset (None with no profile and no episode)."""
        return None if self.episode is None else self.episode.onset

    @cached_property
    def last_intensity(self) -> list[int]:
        """Latest day <= i with an intensity run, or NONE."""
        return self._last_true(_positive(self.intensity))

    @cached_property
    def prev_max(self) -> list[float]:
        """Longest single run in the SPIKE_LOOKBACK_DAYS before day i (sliding maximum)."""
        longest = self.longest
        out = [0.0] * self.n
        window: deque[int] = deque()
        span = T.SPIKE_LOOKBACK_DAYS
        for i in range(self.n):
            while window and window[0] < i - span:
                window.popleft()
            out[i] = longest[window[0]] if window else 0.0
            while window and longest[window[-1]] <= longest[i]:
                window.pop()
            window.append(i)
        return out

    def prev_max_at(self, i: int) -> float:
        """``prev_max[i]`` for one day, without building the whole array: a rule that
        looks at a few recent days pays for those days, not for the years before."""
        span = T.SPIKE_LOOKBACK_DAYS
        return max(self.longest[max(i - span, 0) : max(i, 0)], default=0.0)

    # ------------------------------------------------------------------ helpers
    _last_true = staticmethod(last_true)

    def index(self, day: date) -> int:
        return day.toordinal() - self.origin_ord

    def day(self, i: int) -> date:
        return date.fromordinal(self.origin_ord + i)

    def window(self, cum: Sequence[float], first: int, last: int) -> float:
        """Sum of a per-day array over days [first, last], clamped to the index."""
        first = max(first, 0)
        last = min(last, self.n - 1)
        if last < first:
            return 0.0
        return cum[last + 1] - cum[first]

    def km_between(self, first: int, last: int) -> float:
        return self.window(self.km_cum, first, last)

    def pain_mean(self, first: int, last: int, min_days: int) -> float | None:
        count = self.window(self.pain_cnt_cum, first, last)
        if count < min_days or count == 0:
            return None
        return self.window(self.pain_sum_cum, first, last) / count

    def weekly_pain_mean(self, i: int) -> float | None:
        """``weekly_pain_means()[i]`` for one day (0 <= i < n), in O(1)."""
        s, c = self.pain_sum_cum, self.pain_cnt_cum
        lo = max(i - T.TREND_WINDOW_DAYS + 1, 0)
        count = c[i + 1] - c[lo]
        return (s[i + 1] - s[lo]) / count if count >= T.TREND_MIN_CHECKINS and count else None

    def weekly_pain_means(self) -> list[float | None]:
        """Mean daily pain over the TREND_WINDOW_DAYS ending on each day (cached)."""
        if self._weekly_means is None:
            self._weekly_means = self.weekly_means_from(0)
        return self._weekly_means

    def weekly_means_from(self, first: int) -> list[float | None]:
        """``weekly_pain_means()`` for the days from ``first`` on."""
        return window_means(self.pain_sum_cum, self.pain_cnt_cum, first, self.n)

    def next_morning_baseline(self, i: int) -> float | None:
        """Mean next-morning pain over the BASELINE_WINDOW_DAYS before day i."""
        first, last = i - T.BASELINE_WINDOW_DAYS, i - 1
        count = self.window(self.nm_cnt_cum, first, last)
        if count < T.BASELINE_MIN_VALUES:
            return None
        return self.window(self.nm_sum_cum, first, last) / count

    def ewma_acwr(self) -> list[float | None]:
        """EWMA acute:chronic ratio of session load for each day (Williams et al. 2017),
        worked out once per index."""
        return self.ewma[2]

    @cached_property
    def ewma(self) -> tuple[list[float], list[float], list[float | None]]:
        """(acute, chronic, ratio) for each day: the acute and chronic loads are kept so
        an updated index carries on from the day before a change."""
        return self.ewma_from(0, 0.0, 0.0)

    def ewma_from(
        self, first: int, acute: float, chronic: float
    ) -> tuple[list[float], list[float], list[float | None]]:
        """``ewma`` for the days from ``first`` on, carrying on from the acute and chronic
        loads of day ``first - 1`` (ignored when the first run is on or after ``first``)."""
        return ewma_scan(self.load, self.first_run, first, acute, chronic)


_last_index: tuple[History, date, DayIndex] | None = None


def day_index(history: History, end: date) -> DayIndex:
    """The DayIndex of ``history`` up to ``end``, shared by the calls that follow on the
    same (immutable) history: an assessment and the recovery series built right after it
    index the history once, not once each. One is kept, keyed by the history's identity."""
    global _last_index
    last = _last_index
    if last is not None and last[0] is history and last[1] == end:
        return last[2]
    index = DayIndex(history, end)
    _last_index = (history, end, index)
    return index


def share_index(history: History, index: DayIndex) -> None:
    """Make ``index`` (kept up to date by the app for its history version) the one
    :func:`day_index` hands out for ``history`` up to ``index.end``."""
    global _last_index
    _last_index = (history, index.end, index)


def clear_index_cache() -> None:
    """Forget the shared index (benchmarks time a cold evaluate with it)."""
    global _last_index
    _last_index = None
