"""Whole-history series for the recovery graphs. Each is one O(n) pass over the history."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from datetime import date, timedelta

from hamstring_app.core.models import History, Level, Verdict
from hamstring_app.core.rules import thresholds as T
from hamstring_app.core.rules.days import DayIndex, day_index
from hamstring_app.core.rules.load import (
    back_to_back_at,
    return_at,
    returns,
    speed_added_at,
    spike_for,
    weekly_change,
)
from hamstring_app.core.rules.pain import classify, pain_state
from hamstring_app.core.rules.types import DayVerdict, LoadEvent
from hamstring_app.core.rules.units import distance_text, units_of

_SIGN_REASONS = frozenset({"red_flag", "recent_red_flag", "recent_urgent_red_flag"})


def daily_verdicts(history: History, start: date, end: date) -> tuple[DayVerdict, ...]:
    """The pain/red-flag verdict for each day in [start, end] that has a check-in.

    Each day is judged by :func:`pain.classify` on what was known that day only (its own
    check-in and runs, nothing carried from the day before), so later records never change
    an earlier day. The index is built once, so the whole series stays one pass.
    """
    if end < start:
        return ()
    index = day_index(history, end)
    checkin_at = index.checkin_at
    out = []
    for i in range(max(index.index(start), 0), index.n):
        if checkin_at[i] is None:
            continue
        state = pain_state(index, i, carry=False)
        verdict, reasons = classify(state)
        flags = state.red_flags if verdict is Verdict.STOP else ()
        professional = (
            verdict is Verdict.STOP
            and "professional_no_running" in reasons
            and not _SIGN_REASONS.intersection(reasons)
        )
        out.append(DayVerdict(state.day, verdict, flags, professional))
    return tuple(out)


def load_events(history: History, start: date | None = None) -> tuple[LoadEvent, ...]:
    """Every load event over the whole history, oldest first (with ``start``: those from
    that day on, the same as the whole list's, at the cost of the days from there on).

    Single-run spikes and back-to-back hard days are listed each time. A weekly increase,
    speed work added and a return after a break are listed on the run day they first
    apply, then not again for 7 days, so one busy week gives one marker.
    """
    if not history.runs:
        return ()
    end = max(r.day for r in history.runs)
    index = day_index(history, end)
    breaks = returns(index)
    out: list[LoadEvent] = []
    last_seen: dict[str, int] = {}
    units = units_of(history.profile)
    run_days = sorted(index.runs_by_day)
    first = 0
    if start is not None:
        first = _replay_from(index, run_days, index.index(start), breaks)

    def dist(km: float) -> str:
        return distance_text(km, units)

    def once_a_week(rule: str, i: int) -> bool:
        if i - last_seen.get(rule, -(10**9)) < T.WEEK_DAYS:
            return False
        last_seen[rule] = i
        return True

    for i in run_days[first:]:
        day = index.day(i)
        for r in index.runs_by_day[i]:
            s = spike_for(index, r)
            if s is not None:
                out.append(
                    LoadEvent(
                        day,
                        "load.single_run_spike",
                        s.level,
                        f"{dist(r.distance_km)}, {s.pct:.0f}% longer than the longest run "
                        f"of the 30 days before ({dist(s.previous_longest)})",
                    )
                )
        now, base, pct = weekly_change(index, i)
        if _weekly_warns(pct) and once_a_week("weekly", i):
            out.append(
                LoadEvent(
                    day,
                    "load.weekly_increase",
                    Level.WARNING,
                    f"{dist(now)} in 7 days, {pct:.0f}% above the 3-week average "
                    f"({dist(base or 0.0)})",
                )
            )
        if back_to_back_at(index, i):
            out.append(
                LoadEvent(
                    day,
                    "load.back_to_back_hard",
                    Level.WARNING,
                    f"hard runs on {day - timedelta(days=1)} and {day}",
                )
            )
        speed = speed_added_at(index, i)
        if speed is not None and once_a_week("speed", i):
            if "days_since_last_intensity" in speed:
                detail = "first fast session after 3 weeks or more without one"
            else:
                detail = (
                    f"{speed['intensity_this_week']} fast sessions in 7 days, up from "
                    f"{speed['intensity_week_before']}"
                )
            out.append(LoadEvent(day, "load.speed_work_added", Level.CAUTION, detail))
        ret = return_at(index, i, breaks)
        if ret is not None and once_a_week("return", i):
            out.append(
                LoadEvent(
                    day,
                    "load.return_after_break",
                    Level.WARNING,
                    f"{dist(ret.weekly_km)} in 7 days after "
                    f"{ret.returned - ret.last_before - 1} days off "
                    f"(old level {dist(ret.old_weekly_km)} a week)",
                )
            )
    if start is not None:
        return tuple(e for e in out if e.day >= start)
    return tuple(out)


def _weekly_warns(pct: float | None) -> bool:
    return pct is not None and pct > T.WEEKLY_INCREASE_PCT


def _replay_from(
    index: DayIndex, run_days: list[int], s: int, breaks: list[tuple[int, int]]
) -> int:
    """Where in ``run_days`` to start so that the events from day ``s`` on come out as
    in a pass over every day: at a run day with no once-a-week rule applying on any run
    day in the 6 days before it. Whatever was listed earlier is then 7 days or more
    before it and holds nothing back; the pass lists the same from there on."""
    k = bisect_left(run_days, s)
    if k == len(run_days):
        return k  # no runs from day s on: nothing to list
    while k > 0:
        p = run_days[k]
        j = k
        while j > 0 and run_days[j - 1] > p - T.WEEK_DAYS:  # the 6 days before p
            i = run_days[j - 1]
            if (
                _weekly_warns(weekly_change(index, i)[2])
                or speed_added_at(index, i) is not None
                or return_at(index, i, breaks) is not None
            ):
                break
            j -= 1
        else:
            return k  # quiet: start at p
        k = j - 1  # start no later than that busy day, and look at the week before it
    return 0


def _each_day(
    start: date, end: date, index: DayIndex, values: Sequence[float | None]
) -> tuple[tuple[date, float | None], ...]:
    """(day, the index array's value) for every day in [start, end]; None outside it."""
    out = []
    day = start
    one = timedelta(days=1)
    while day <= end:
        i = index.index(day)
        out.append((day, values[i] if 0 <= i < index.n else None))
        day += one
    return tuple(out)


def acwr_series(
    history: History, start: date, end: date
) -> tuple[tuple[date, float | None], ...]:
    """(day, EWMA acute:chronic ratio) for every day in [start, end]; None without data."""
    if end < start:
        return ()
    index = day_index(history, end)
    return _each_day(start, end, index, index.ewma_acwr())


def weekly_pain_means(
    history: History, start: date, end: date
) -> tuple[tuple[date, float | None], ...]:
    """(day, mean of each day's highest pain over the 7 days ending that day) for every day
    in [start, end]; None with fewer than TREND_MIN_CHECKINS days of pain in the window.
    The same means the pain-trend and pain-rising rules read."""
    if end < start:
        return ()
    index = day_index(history, end)
    return _each_day(start, end, index, index.weekly_pain_means())


def weekly_distance(history: History, start: date, end: date) -> tuple[tuple[date, float], ...]:
    """(Monday of each ISO week, km) for every week that touches [start, end]."""
    if end < start:
        return ()
    first = start - timedelta(days=start.weekday())
    last = end - timedelta(days=end.weekday())
    totals: dict[date, float] = {}
    for r in history.runs:
        if start <= r.day <= end:
            monday = r.day - timedelta(days=r.day.weekday())
            totals[monday] = totals.get(monday, 0.0) + r.distance_km
    out = []
    week = first
    step = timedelta(days=7)
    while week <= last:
        out.append((week, round(totals.get(week, 0.0), 3)))
        week += step
    return tuple(out)
