"""Bring a DayIndex up to a newer history without rebuilding it.

A history version differs from the one before on the days its change set names (a new
check-in, an edited run ...) and, when the day moves on, on the days after the old end.
Every per-day array of the index, and every derived array already built (prefix sums,
"latest day so far" scans, the EWMA loads, the weekly means), is a scan forward over the
days: the days before the first changed one are carried over as they are, and only the
days from there on are worked out again. Saving today's check-in on 20 years of history
then costs a few days, not 7,300.

The result always equals ``DayIndex(history, end)`` (tests/core/rules/test_index_update.py
checks that over random edit sequences). When it cannot be carried over (the first
record's day moved, the end moved back) it is simply built again.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from datetime import date
from itertools import accumulate
from typing import Any

from hamstring_app.core.models import History
from hamstring_app.core.rules.days import (
    NONE,
    PER_DAY_DEFAULTS,
    DayIndex,
    _answered,
    _high,
    _pain_sums,
    _positive,
)

#: prefix-sum arrays (cached properties of DayIndex) and the per-day values they add up
CUM_SOURCES: dict[str, Any] = {
    "km_cum": lambda ix, k: ix.km[k:],
    "intensity_cum": lambda ix, k: ix.intensity[k:],
    "runs_cum": lambda ix, k: ix._run_count[k:],
    "load_unknown_cum": lambda ix, k: ix._load_unknown[k:],
    "pain_sum_cum": lambda ix, k: _pain_sums(ix.day_pain[k:]),
    "pain_cnt_cum": lambda ix, k: _answered(ix.day_pain[k:]),
    "high_pain_cum": lambda ix, k: _high(ix.day_pain[k:]),
    "nm_sum_cum": lambda ix, k: _pain_sums(ix.next_morning[k:]),
    "nm_cnt_cum": lambda ix, k: _answered(ix.next_morning[k:]),
}

#: "latest day <= i where ..." arrays and the per-day flags they scan
LAST_SOURCES: dict[str, Any] = {
    "last_red_flag": lambda ix, k: ix._red_flag_day[k:],
    "last_urgent_red_flag": lambda ix, k: ix._urgent_day[k:],
    "last_intensity": lambda ix, k: _positive(ix.intensity[k:]),
    "last_assessed": lambda ix, k: ix.assessed_marks(k),
}

#: derived arrays dropped on an update, built again on first use (cheap, or rarely read)
REBUILT_ON_USE = ("prev_max", "run_days", "breaks")


def _day_of(record: Any) -> int:
    return record.day.toordinal()


def _from_day(records: Sequence[Any], first: int, end: int) -> Sequence[Any]:
    """The records dated ``first`` to ``end`` (ordinals) of a sequence sorted by day."""
    lo = bisect_left(records, first, key=_day_of)
    hi = bisect_right(records, end, key=_day_of)
    return records[lo:hi]


def _origin(history: History, end: date) -> int:
    """The index's first day for ``history`` (its sequences sorted oldest first)."""
    firsts = [end.toordinal()]
    for records in (history.runs, history.checkins, history.strength_sessions):
        if records and records[0].day <= end:
            firsts.append(records[0].day.toordinal())
    return min(firsts)


def updated_index(
    old: DayIndex, history: History, days: Iterable[date], end: date | None = None
) -> DayIndex:
    """The index of ``history`` up to ``end`` (``old.end`` when None), given that
    ``history`` differs from the history ``old`` indexed only on ``days`` (and in its
    profile, episodes and assessments, always read again).

    ``history``'s sequences must be sorted oldest first, as History promises. ``old`` is
    left as it was: it may still be in use for the older history.
    """
    end = old.end if end is None else end
    if end < old.end or _origin(history, end) != old.origin_ord:
        return DayIndex(history, end)
    end_ord = end.toordinal()
    changed = [d.toordinal() for d in days if d.toordinal() <= end_ord]
    first_ord = min(changed, default=old.end.toordinal() + 1)
    first_ord = max(min(first_ord, old.end.toordinal() + 1), old.origin_ord)
    k = first_ord - old.origin_ord

    new = DayIndex.__new__(DayIndex)
    state = dict(vars(old))
    new.__dict__.update(state)
    new.set_context(history, end)
    n = new.n = end_ord - old.origin_ord + 1

    # the records: those before the first changed day carried over, the rest read again
    runs = _from_day(history.runs, first_ord, end_ord)
    checkins = _from_day(history.checkins, first_ord, end_ord)
    sessions = _from_day(history.strength_sessions, first_ord, end_ord)
    keep_runs = bisect_left(old.runs, first_ord, key=_day_of)
    new.runs = old.runs[:keep_runs] + list(runs)
    keep_sessions = bisect_left(old.sessions, first_ord, key=_day_of)
    new.sessions = old.sessions[:keep_sessions] + list(sessions)
    new.checkins = dict(old.checkins)
    for c in old.checkin_at[k:]:
        if c is not None:
            del new.checkins[c.day]
    for c in checkins:
        new.checkins[c.day] = c
    new.first_run = new.runs[0].day.toordinal() - old.origin_ord if new.runs else NONE

    # the per-day arrays, filled again from day k on
    for name, empty in PER_DAY_DEFAULTS.items():
        values = getattr(old, name)[:k]
        values.extend([empty] * (n - k))
        setattr(new, name, values)
    new.runs_by_day = dict(old.runs_by_day)
    for r in old.runs[keep_runs:]:
        new.runs_by_day.pop(r.day.toordinal() - old.origin_ord, None)
    new.fill(k, runs, checkins)

    # the derived arrays already built: carried on from day k
    for name, source in CUM_SOURCES.items():
        if name in state:
            prefix = state[name][: k + 1]
            prefix.extend(accumulate(source(new, k), initial=prefix[-1]))
            del prefix[k + 1]  # the initial value, already there
            new.__dict__[name] = prefix
    for name, source in LAST_SOURCES.items():
        if name in state:
            if name == "last_assessed" and new.assessment_days != old.assessment_days:
                del new.__dict__[name]  # an assessment moves the scan from its own day
                continue
            prefix = state[name][:k]
            last = prefix[-1] if prefix else NONE
            prefix.extend(DayIndex._last_true(source(new, k), k, last))
            new.__dict__[name] = prefix
    if "ewma" in state:
        if new.first_run != old.first_run and min(new.first_run, old.first_run) < k:
            del new.__dict__["ewma"]  # the loads start on another day: work them out again
        else:
            acute, chronic, ratio = state["ewma"]
            a = acute[k - 1] if k else 0.0
            c = chronic[k - 1] if k else 0.0
            more = new.ewma_from(k, a, c)
            kept = (acute, chronic, ratio)
            new.__dict__["ewma"] = tuple(
                before[:k] + tail for before, tail in zip(kept, more, strict=True)
            )
    if old._weekly_means is not None:
        new._weekly_means = old._weekly_means[:k] + new.weekly_means_from(k)
    for name in REBUILT_ON_USE:
        new.__dict__.pop(name, None)
    return new
