"""Personal triggers: which kinds of run are followed by a worse next morning for this runner.

For every day in the last year that has a next-morning answer the day after, the day is
sorted by the features of its runs: intervals, hills, long (type long, or 30% above the
runner's median distance), downhill (200 m of descent or more) and back-to-back (a hard run
after a hard run the day before). A feature is reported when at least 3 such days and at
least 3 other days have a next-morning answer, and the mean next-morning pain after the
feature is at least 1 point above the mean after the other days.
"""

from __future__ import annotations

import statistics

from hamstring_app.core.models import Advice, Level, RunType
from hamstring_app.core.rules import thresholds as T
from hamstring_app.core.rules.days import DayIndex
from hamstring_app.core.rules.types import Trigger

FEATURES = ("intervals", "hills", "long", "downhill", "back_to_back")

_LABEL = {
    "intervals": ("interval sessions", "Space them out and keep them shorter for now."),
    "hills": ("hill sessions", "Keep hills short and gentle for now."),
    "long": ("long runs", "Keep long runs a little shorter, or split them in two."),
    "downhill": ("runs with long descents", "Choose flatter routes and take descents slowly."),
    "back_to_back": (
        "hard days straight after another hard day",
        "Keep an easy day between hard ones.",
    ),
}

EVIDENCE = (
    "Your own records: the mean next-morning pain after these runs against your other days. "
    "A pattern, not proof: it can help you plan."
)


def personal_triggers(index: DayIndex, i: int) -> tuple[Trigger, ...]:
    first = max(i - T.TRIGGER_LOOKBACK_DAYS, 0)
    if index.onset is not None:  # per episode: only the days since the current one began
        first = max(first, index.index(index.onset))
    distances = [
        r.distance_km
        for k in range(first, i)
        for r in index.runs_by_day.get(k, ())
    ]
    if not distances:
        return ()
    long_from = statistics.median(distances) * T.LONG_RUN_FACTOR
    sums = {f: [0.0, 0, 0.0, 0] for f in FEATURES}  # after sum, after n, other sum, other n
    next_morning = index.next_morning
    for k in range(first, i):  # k: the day before the morning
        nm = next_morning[k + 1]
        if nm is None:
            continue
        runs = index.runs_by_day.get(k, ())
        has = {
            "intervals": any(r.type is RunType.INTERVALS for r in runs),
            "hills": any(r.type is RunType.HILLS for r in runs),
            "long": any(r.type is RunType.LONG or r.distance_km >= long_from for r in runs),
            "downhill": any((r.descent_m or 0.0) >= T.DOWNHILL_DESCENT_M for r in runs),
            "back_to_back": k >= 1 and index.hard[k] and index.hard[k - 1],
        }
        for f in FEATURES:
            acc = sums[f]
            if has[f]:
                acc[0] += nm
                acc[1] += 1
            else:
                acc[2] += nm
                acc[3] += 1
    out = []
    for f in FEATURES:
        after_sum, after_n, other_sum, other_n = sums[f]
        if after_n < T.TRIGGER_MIN_RUNS or other_n < T.TRIGGER_MIN_OTHER_DAYS:
            continue
        mean_after = after_sum / after_n
        mean_other = other_sum / other_n
        if mean_after - mean_other >= T.TRIGGER_MARGIN - 1e-9:
            label, tip = _LABEL[f]
            out.append(
                Trigger(
                    f,
                    int(after_n),
                    mean_after,
                    int(other_n),
                    mean_other,
                    f"After {label}, your pain the next morning averages {mean_after:.1f}, "
                    f"against {mean_other:.1f} after other days. {tip}",
                )
            )
    out.sort(key=lambda t: -t.difference)
    return tuple(out)


def trigger_advice(triggers: tuple[Trigger, ...]) -> list[Advice]:
    return [
        Advice(
            f"triggers.{t.feature}",
            Level.CAUTION,
            f"A pattern in your data: {_LABEL[t.feature][0]}",
            t.message,
            {
                "days_with_feature": t.runs,
                "mean_next_morning_after": round(t.mean_after, 1),
                "other_days": t.other_days,
                "mean_next_morning_other": round(t.mean_other, 1),
                "margin_needed": T.TRIGGER_MARGIN,
            },
            EVIDENCE,
        )
        for t in triggers
    ]
