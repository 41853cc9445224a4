"""What the running plot draws, as arrays: runs, weekly distance, load events, A:C ratio.

Every figure comes from the rules engine (core.rules.series); this module only puts the
days from ``start`` to ``today`` on the time axis (see ``data.build_recovery_data``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date

import numpy as np

from hamstring_app.core.models import KM_PER_MILE, History, Run, Units
from hamstring_app.core.rules import acwr_series, load_events, weekly_distance
from hamstring_app.ui.progress.days import DAY_S, EPOCH_ORDINAL, Series, monday, points

SPIKE_RULE_WORD = "spike"


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


def unit_factor(unit: Units) -> float:
    return 1.0 / KM_PER_MILE if unit is Units.MILES else 1.0


def run_marker_size(distance: np.ndarray) -> np.ndarray:
    """Marker diameter in pixels, growing with the square root of the distance."""
    return np.clip(5.0 + 2.2 * np.sqrt(np.maximum(distance, 0.0)), 5.0, 22.0)


def _day(run: Run) -> int:
    return run.day.toordinal()


def running_series(
    history: History, start: date, today: date, unit: Units, key: tuple[object, ...] = ()
) -> RunSeries:
    """The running plot's series for the days from ``start`` to ``today`` (the weekly
    distance from the Monday of ``start``'s week)."""
    factor = unit_factor(unit)
    lo = bisect_left(history.runs, start.toordinal(), key=_day)  # runs are day-sorted
    hi = bisect_right(history.runs, today.toordinal(), key=_day)
    runs = history.runs[lo:hi]
    ords = [r.day.toordinal() for r in runs]
    run_series = points(ords, [r.distance_km * factor for r in runs])
    longest: dict[int, float] = {}
    for o, r in zip(ords, runs, strict=True):
        longest[o] = max(longest.get(o, 0.0), r.distance_km * factor)

    weeks = weekly_distance(history, monday(start), today)
    week_series = points([w.toordinal() + 3 for w, _ in weeks], [km * factor for _, km in weeks])
    week_km = {w.toordinal(): km * factor for w, km in weeks}

    spikes: tuple[list[int], list[float]] = ([], [])
    others: tuple[list[int], list[float]] = ([], [])
    events: dict[int, list[tuple[str, str]]] = {}
    for event in load_events(history, start):  # the days before start are not read
        if event.day > today or event.day < start:
            continue
        o = event.day.toordinal()
        y = longest.get(o, week_km.get(monday(event.day).toordinal(), 0.0))
        target = spikes if SPIKE_RULE_WORD in event.rule else others
        target[0].append(o)
        target[1].append(y)
        events.setdefault(o, []).append((event.rule, event.detail))

    acwr = acwr_series(history, start, today)
    acwr_values = np.fromiter(
        (np.nan if v is None else v for _, v in acwr), dtype=float, count=len(acwr)
    )
    acwr_x = (
        np.arange(start.toordinal(), start.toordinal() + len(acwr), dtype=float) - EPOCH_ORDINAL
    ) * DAY_S + DAY_S / 2
    return RunSeries(
        key=key,
        weekly_distance=week_series,
        runs=run_series,
        run_sizes=run_marker_size(run_series.y),
        spikes=points(*spikes),
        other_load_events=points(*others),
        acwr=Series(acwr_x, acwr_values) if acwr else Series(),
        events_by_day={o: tuple(v) for o, v in events.items()},
    )
