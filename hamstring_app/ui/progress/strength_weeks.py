"""What the strength plot draws: sessions a week and the weekly eccentric volume.

Only the sessions from the Monday of ``start``'s week to ``today`` are read: older
sessions keep their sets in the file until a range that shows them is built
(store.deferred_sets).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from datetime import date

import numpy as np

from hamstring_app.core.models import StrengthSession
from hamstring_app.ui.progress.days import DAY_S, EPOCH_ORDINAL, Series, monday

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


def _day(session: StrengthSession) -> int:
    return session.day.toordinal()


def sessions_between(
    sessions: Sequence[StrengthSession], start: date, today: date
) -> list[StrengthSession]:
    """The sessions (day-sorted) from the Monday of ``start``'s week to ``today`` in which
    a set was done (one left at once is not a session)."""
    lo = bisect_left(sessions, monday(start).toordinal(), key=_day)
    hi = bisect_right(sessions, today.toordinal(), key=_day)
    return [s for s in sessions[lo:hi] if any(set_log.completed for set_log in s.sets)]


def weekly_strength(
    sessions: Sequence[StrengthSession], start: date, today: date
) -> tuple[Series, Series, str]:
    """Sessions per Monday-Sunday week, and the weekly reps of the main eccentric exercise,
    for the weeks from ``start``'s to ``today``'s (``sessions`` as ``sessions_between``
    gives them)."""
    first_monday = monday(start)
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
