"""Load rules (the causes the source article names) and the training-load metrics.

Each detector answers "does this rule fire on day i?" from the day index, so today's
advice and the whole-history event list (series.load_events) agree by construction.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from hamstring_app.core.models import Advice, CheckIn, Level, Run
from hamstring_app.core.rules import thresholds as T
from hamstring_app.core.rules.days import NONE, DayIndex
from hamstring_app.core.rules.types import LoadMetrics
from hamstring_app.core.rules.units import distance_text, units_of

EVIDENCE_SPIKE = (
    "Frandsen et al., BJSM 2025 (5,205 runners): a run 10-30% longer than the longest of "
    "the previous 30 days raised injury risk (HR 1.64); 30-100% longer HR 1.52; more than "
    "double HR 2.28. Among the strongest evidence on running load."
)
EVIDENCE_WEEKLY = (
    "Nielsen et al., JOSPT 2014: more than 30% more distance over two weeks raised "
    "distance-related injuries (HR 1.59). A strict 10% rule did not prevent injuries "
    "(Buist et al., AJSM 2008). Moderate evidence."
)
EVIDENCE_SPEED = (
    "The source article names adding speed work too quickly as a common cause. Hamstring load "
    "rises with running speed (Chumanov et al., MSSE 2011). Expert advice, plausible mechanism."
)
EVIDENCE_B2B = (
    "The source article names back-to-back hard sessions as a common cause. Expert advice; "
    "no trial tests this rule on its own."
)
EVIDENCE_BREAK = (
    "The source article names returning from time off as a common cause; tissue capacity "
    "drops after weeks without running. Expert advice."
)
EVIDENCE_FATIGUE = (
    "The source article names running fatigued or under-recovered. The hamstrings work "
    "harder when tired. The cut-offs (fatigue 7/10, under 6 hours of sleep) are app defaults."
)


def spike_level(pct: float) -> Level | None:
    if pct > T.SPIKE_DANGER_PCT:
        return Level.DANGER
    if pct > T.SPIKE_WARNING_PCT:
        return Level.WARNING
    if pct > T.SPIKE_CAUTION_PCT:
        return Level.CAUTION
    return None


@dataclass(frozen=True, slots=True)
class Spike:
    run: Run
    previous_longest: float
    pct: float
    level: Level


def spike_for(index: DayIndex, r: Run) -> Spike | None:
    """The run against the longest run of the 30 days before its day."""
    i = index.index(r.day)
    ref = index.prev_max_at(i)
    if ref <= 0:
        return None
    pct = round((r.distance_km - ref) / ref * 100.0, 6)
    level = spike_level(pct)
    return Spike(r, ref, pct, level) if level is not None else None


def on_record(index: DayIndex, first: int) -> bool:
    """Whether the runner's record (their first run, check-in or strength session) starts on
    or before day ``first``, so a window starting there is fully covered."""
    return first >= 0


def weekly_change(index: DayIndex, i: int) -> tuple[float, float | None, float | None]:
    """(km in the 7 days to day i, mean weekly km of the 3 weeks before, change %).

    The mean and the change are None unless the record covers all 3 earlier weeks (its first
    day is at least 27 days before day i: days i-27 to i-7), and those weeks had running.
    """
    w = T.WEEK_DAYS
    now = index.km_between(i - w + 1, i)
    weeks = T.WEEKLY_BASELINE_WEEKS
    first = i - w * (weeks + 1) + 1
    before = index.km_between(first, i - w)
    if before <= 0 or not on_record(index, first):
        return now, None, None
    base = before / weeks
    return now, base, round((now - base) / base * 100.0, 6)


def intensity_between(index: DayIndex, first: int, last: int) -> int:
    return int(index.window(index.intensity_cum, first, last))


def speed_added_at(index: DayIndex, i: int) -> dict[str, int] | None:
    """Why speed work counts as newly added on day i, or None."""
    if index.intensity[i] == 0:
        return None
    prev = index.last_intensity[i - 1] if i >= 1 else NONE
    gap_ok = (prev == NONE and index.first_run != NONE and i - index.first_run >= T.SPEED_GAP_DAYS)
    if gap_ok or (prev != NONE and i - prev >= T.SPEED_GAP_DAYS):
        return {"days_since_last_intensity": (i - prev) if prev != NONE else -1}
    w = T.WEEK_DAYS
    this_week = intensity_between(index, i - w + 1, i)
    week_before = intensity_between(index, i - 2 * w + 1, i - w)
    crossed = this_week - index.intensity[i] < T.SPEED_WEEKLY_TO_MIN
    if (
        this_week >= T.SPEED_WEEKLY_TO_MIN
        and week_before <= T.SPEED_WEEKLY_FROM_MAX
        and crossed
    ):
        return {"intensity_this_week": this_week, "intensity_week_before": week_before}
    return None


def back_to_back_at(index: DayIndex, i: int) -> bool:
    return i >= 1 and index.hard[i] and index.hard[i - 1]


def returns(index: DayIndex) -> list[tuple[int, int]]:
    """(return day, last run day before the break) for every break of BREAK_DAYS or more
    (worked out once per index)."""
    return index.breaks


@dataclass(frozen=True, slots=True)
class Return:
    returned: int
    last_before: int
    old_weekly_km: float
    weekly_km: float


def return_at(index: DayIndex, i: int, breaks: list[tuple[int, int]]) -> Return | None:
    """A return within BREAK_WATCH_DAYS before day i whose volume is near the old level.

    The old level needs the 4 weeks before the break on record (the record's first day is at
    least 27 days before the last run before the break); without them there is no return.
    """
    for back, last_before in reversed(breaks):
        if back > i:
            continue
        if i - back >= T.BREAK_WATCH_DAYS:
            return None
        weeks = T.BREAK_OLD_LEVEL_WEEKS
        first = last_before - weeks * T.WEEK_DAYS + 1
        if not on_record(index, first):
            return None
        old = index.km_between(first, last_before) / weeks
        now = index.km_between(i - T.WEEK_DAYS + 1, i)
        if old > 0 and now >= T.BREAK_NEAR_FRACTION * old - 1e-9:
            return Return(back, last_before, old, now)
        return None
    return None


def metrics(index: DayIndex, i: int, acwr: list[float | None]) -> LoadMetrics:
    w = T.WEEK_DAYS
    weekly, _base, pct = weekly_change(index, i)
    first = max(i - T.SPIKE_LOOKBACK_DAYS + 1, 0)
    longest = max(index.longest[first : i + 1], default=0.0)
    loads = [index.load[k] if k >= 0 else 0.0 for k in range(i - w + 1, i + 1)]
    week_load = sum(loads)
    monotony = strain = None
    if week_load > 0:
        sd = statistics.pstdev(loads)
        if sd > 0:
            monotony = (week_load / w) / sd
            strain = week_load * monotony
    return LoadMetrics(
        weekly_km=weekly,
        weekly_change_pct=pct,
        longest_run_30d_km=longest,
        session_load_7d=week_load,
        monotony=monotony,
        strain=strain,
        acwr_ewma=acwr[i] if 0 <= i < len(acwr) else None,
        runs_7d=int(index.window(index.runs_cum, i - w + 1, i)),
        intensity_sessions_7d=intensity_between(index, i - w + 1, i),
    )


# ---------------------------------------------------------------------------- advice


def load_advice(
    index: DayIndex, i: int, m: LoadMetrics, current: CheckIn | None
) -> tuple[list[Advice], list[str]]:
    """Load advice for the 7 days ending on day i, and unknowns about load."""
    out: list[Advice] = []
    unknowns: list[str] = []
    w = T.WEEK_DAYS
    first = i - w + 1
    units = units_of(index.profile)

    def _km(x: float) -> str:
        return distance_text(x, units)

    spikes = [
        s
        for k in range(max(first, 0), i + 1)
        for r in index.runs_by_day.get(k, ())
        if (s := spike_for(index, r)) is not None
    ]
    if spikes:
        worst = max(spikes, key=lambda s: s.pct)
        double = worst.pct > T.SPIKE_DANGER_PCT
        out.append(
            Advice(
                "load.single_run_spike",
                worst.level,
                "One run jumped well past your usual longest",
                f"On {worst.run.day} you ran {_km(worst.run.distance_km)}, "
                f"{worst.pct:.0f}% longer than your longest run in the 30 days before "
                f"({_km(worst.previous_longest)}). "
                + ("That is more than double. " if double else "")
                + "Build long runs up a little at a time, about 10% at most.",
                {
                    "run_date": worst.run.day.isoformat(),
                    "run_km": round(worst.run.distance_km, 1),
                    "longest_previous_30d_km": round(worst.previous_longest, 1),
                    "increase_pct": round(worst.pct, 1),
                    "levels_pct": "10 / 30 / 100",
                },
                EVIDENCE_SPIKE,
            )
        )

    if m.weekly_change_pct is not None and m.weekly_change_pct > T.WEEKLY_INCREASE_PCT:
        _, base, _ = weekly_change(index, i)
        out.append(
            Advice(
                "load.weekly_increase",
                Level.WARNING,
                "Your week grew fast",
                f"You ran {_km(m.weekly_km)} in the last 7 days, {m.weekly_change_pct:.0f}% "
                f"more than your average of {_km(base or 0.0)} over the 3 weeks before. "
                "Keep next week closer to your usual amount.",
                {
                    "weekly_km": round(m.weekly_km, 1),
                    "average_previous_3_weeks_km": round(base or 0.0, 1),
                    "change_pct": round(m.weekly_change_pct, 1),
                    "flag_above_pct": T.WEEKLY_INCREASE_PCT,
                },
                EVIDENCE_WEEKLY,
            )
        )

    for k in range(i, max(first, 0) - 1, -1):
        why = speed_added_at(index, k)
        if why is not None:
            new_after_gap = "days_since_last_intensity" in why
            out.append(
                Advice(
                    "load.speed_work_added",
                    Level.CAUTION,
                    "Speed work came back quickly",
                    (
                        f"On {index.day(k)} you did a hard, fast session after at least "
                        f"{T.SPEED_GAP_DAYS // 7} weeks without one. "
                        if new_after_gap
                        else f"This week you did {why['intensity_this_week']} fast sessions, "
                        f"up from {why['intensity_week_before']} the week before. "
                    )
                    + "Fast running loads the hamstring most. Add one short fast session a "
                    "week at first, and keep it below full speed.",
                    {"date": index.day(k).isoformat(), **why},
                    EVIDENCE_SPEED,
                )
            )
            break

    pairs = [k for k in range(max(first, 1), i + 1) if back_to_back_at(index, k)]
    if pairs:
        k = pairs[-1]
        out.append(
            Advice(
                "load.back_to_back_hard",
                Level.WARNING,
                "Two hard days in a row",
                f"You ran hard on {index.day(k - 1)} and again on {index.day(k)}. "
                "Put an easy day or a rest day between hard sessions.",
                {
                    "first_day": index.day(k - 1).isoformat(),
                    "second_day": index.day(k).isoformat(),
                    "hard_rpe_from": T.HARD_RPE,
                    "pairs_this_week": len(pairs),
                },
                EVIDENCE_B2B,
            )
        )

    ret = return_at(index, i, returns(index))
    if ret is not None:
        gap = ret.returned - ret.last_before - 1
        out.append(
            Advice(
                "load.return_after_break",
                Level.WARNING,
                "Back to full volume soon after a break",
                f"You had {gap} days off running, came back on {index.day(ret.returned)}, and "
                f"ran {_km(ret.weekly_km)} in the last 7 days, close to your old "
                f"{_km(ret.old_weekly_km)} a week. Your legs need a few weeks to catch up: "
                "start around half and build up over 3-4 weeks.",
                {
                    "days_off": gap,
                    "returned_on": index.day(ret.returned).isoformat(),
                    "weekly_km": round(ret.weekly_km, 1),
                    "old_weekly_km": round(ret.old_weekly_km, 1),
                    "near_fraction": T.BREAK_NEAR_FRACTION,
                },
                EVIDENCE_BREAK,
            )
        )

    if current is not None:
        tired = current.fatigue is not None and current.fatigue >= T.FATIGUE_HIGH
        short = current.sleep_hours is not None and current.sleep_hours < T.SLEEP_SHORT_HOURS
        if tired or short:
            bits = []
            if tired:
                bits.append(f"your fatigue is {current.fatigue} out of 10")
            if short:
                bits.append(f"you slept {current.sleep_hours:g} hours")
            out.append(
                Advice(
                    "load.fatigue",
                    Level.CAUTION,
                    "You are running on empty",
                    "Today " + " and ".join(bits) + ". Tired legs protect the hamstring less. "
                    "Make today easy or a rest day, and shorten your stride if you run.",
                    {
                        "fatigue": current.fatigue,
                        "sleep_hours": current.sleep_hours,
                        "fatigue_from": T.FATIGUE_HIGH,
                        "sleep_below": T.SLEEP_SHORT_HOURS,
                    },
                    EVIDENCE_FATIGUE,
                )
            )
        if current.fatigue is None and current.sleep_hours is None:
            unknowns.append("Fatigue and sleep were not answered.")

    missing = int(index.window(index.load_unknown_cum, i - T.LOAD_LOOKBACK_DAYS + 1, i))
    if missing:
        unknowns.append(
            f"{missing} run{'s' if missing != 1 else ''} in the last 4 weeks "
            f"{'have' if missing != 1 else 'has'} no effort score or duration, so the "
            "session load leaves them out."
        )
    return out, unknowns
