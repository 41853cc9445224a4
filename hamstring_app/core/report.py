"""What goes into the report for a health professional (pure: no Qt).

:func:`build_report` gathers, for a date range, what a physiotherapist reads in a minute:
who and what (side, site, onset, weeks against the expected window), the verdict and any
referral with its reason, every warning sign reported up to the last day (also before
the range) with its date and whether a professional assessed the runner on or after it,
the series for the graphs (daily worst pain with its 7-day mean, weekly distance with the
weeks the load rules warned about, strength sessions), the last 14 days, the strength
phase and doses, adherence and personal triggers. ``ui/report`` lays it out on paper.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from hamstring_app.core.models import RED_FLAG_FIELDS, History, Level, Run, StrengthSession
from hamstring_app.core.rules import evaluate, weekly_distance
from hamstring_app.core.rules.days import day_index
from hamstring_app.core.rules.load import load_advice, metrics
from hamstring_app.core.rules.pain import RED_FLAG_WORDS, pain_state
from hamstring_app.core.rules.thresholds import URGENT_RED_FLAGS
from hamstring_app.core.rules.types import Assessment

SECTIONS = ("summary", "warning_signs", "graphs", "last_14_days", "strength")
DISCLAIMER = (
    "Hamstring Coach gives general self-management guidance for load-related hamstring "
    "pain; it is not a diagnosis. This report is the runner's own record, for a qualified "
    "health professional to read alongside their own assessment."
)
WEEKLY_WARNING_RULES = ("load.weekly_increase", "load.single_run_spike", "load.return_after_break")
WARNING_WEEKS = 26  # load warnings are looked for in the report's last 26 weeks
# The most recent warning signs listed one per row; earlier ones are summed up in a line,
# so that a long history with many signs still fits the report's two pages.
WARNING_ROWS = 25


@dataclass(frozen=True)
class WarningSign:
    day: date
    sign: str  # plain words
    urgent: bool
    assessed_on: date | None  # first professional assessment on or after the day


@dataclass(frozen=True)
class DayRow:
    day: date
    pain_rest: int | None
    pain_run: int | None
    pain_waking: int | None
    run: str  # "8.0 km easy" or ""
    strength: str  # "12 sets, phase 2" or ""


@dataclass(frozen=True)
class Report:
    start: date
    end: date
    assessment: Assessment
    history: History
    warning_signs: tuple[WarningSign, ...]
    pain: tuple[tuple[date, int | None, float | None], ...]  # day, worst pain, 7-day mean
    weekly_km: tuple[tuple[date, float, bool], ...]  # week's Monday, km, a load warning
    sessions: tuple[tuple[date, int], ...]  # day, sets done
    last_days: tuple[DayRow, ...]
    doses: tuple[str, ...]
    adherence: str
    triggers: tuple[str, ...]
    made_on: date  # the day the report was made (the verdict is the last day's)

    @property
    def onset(self) -> date | None:
        return self.history.profile.injury_start if self.history.profile else None

    @property
    def listed_signs(self) -> tuple[WarningSign, ...]:
        """The most recent WARNING_ROWS warning signs, oldest first."""
        return self.warning_signs[-WARNING_ROWS:]

    @property
    def earlier_signs(self) -> tuple[WarningSign, ...]:
        """The warning signs before those listed (summed up, not listed)."""
        return self.warning_signs[:-WARNING_ROWS]


def _worst(*values: int | None) -> int | None:
    known = [v for v in values if v is not None]
    return max(known) if known else None


def _warning_signs(history: History, end: date) -> tuple[WarningSign, ...]:
    """Every warning sign reported up to ``end``, also before the range: a professional
    wants them all, and they are few."""
    assessed = sorted(a.day for a in history.assessments)
    out = []
    for c in history.checkins:
        if c.day > end:
            continue
        for name in RED_FLAG_FIELDS:
            if getattr(c, name) is True:
                seen = next((d for d in assessed if d >= c.day), None)
                urgent = name in URGENT_RED_FLAGS
                out.append(WarningSign(c.day, RED_FLAG_WORDS[name], urgent, seen))
    return tuple(out)


def _pain_series(
    history: History, start: date, end: date
) -> tuple[tuple[date, int | None, float | None], ...]:
    """Each day's worst pain and the mean of the known ones in the 7 days ending that day,
    kept as a running sum over day numbers (a five-year range is ~1,800 days)."""
    by_day = {
        c.day.toordinal(): _worst(c.pain_rest, c.pain_run, c.pain_next_morning)
        for c in history.checkins
    }
    first, last = start.toordinal(), end.toordinal()
    total = count = 0
    for o in range(first - 6, first):  # the days before the range that the first mean sees
        v = by_day.get(o)
        if v is not None:
            total, count = total + v, count + 1
    out = []
    for o in range(first, last + 1):
        v = by_day.get(o)
        if v is not None:
            total, count = total + v, count + 1
        out.append((date.fromordinal(o), v, total / count if count else None))
        gone = by_day.get(o - 6)  # leaves the window on the next day
        if gone is not None:
            total, count = total - gone, count - 1
    return tuple(out)


def _weeks(
    history: History, start: date, end: date, warned_days: set[date]
) -> tuple[tuple[date, float, bool], ...]:
    """The km of each whole Monday-to-Sunday week touching the range, and whether a load
    rule warned in it."""
    first = start - timedelta(days=start.weekday())
    warned_weeks = {d - timedelta(days=d.weekday()) for d in warned_days}
    return tuple(
        (monday, km, monday in warned_weeks) for monday, km in weekly_distance(history, first, end)
    )


def _load_warning_days(history: History, start: date, end: date, step: int) -> set[date]:
    """Days (every ``step`` days) on which a load rule warned, as of that day.

    The load rules look back from their day only, so they are read off one day index of
    the whole history (the one the day's assessment built) instead of assessing the
    history again for each day: the same days (tests/core/test_report_load_warnings.py),
    at a fraction of the cost."""
    index = day_index(history, end)
    acwr = index.ewma_acwr()
    days: set[date] = set()
    day = end
    oldest = max(start, end - timedelta(weeks=WARNING_WEEKS))
    while day >= oldest:
        i = index.index(day)
        if i < 0:  # before the first record: nothing to warn about, nor on earlier days
            break
        checkin = pain_state(index, i, carry=True).checkin
        items, _unknowns = load_advice(index, i, metrics(index, i, acwr), checkin)
        if any(
            a.rule in WEEKLY_WARNING_RULES and a.level.rank >= Level.WARNING.rank for a in items
        ):
            days.add(day)
        day -= timedelta(days=step)
    return days


def _last_days(history: History, end: date, units: str) -> tuple[DayRow, ...]:
    first = end - timedelta(days=13)
    checkins = {c.day: c for c in history.checkins if first <= c.day <= end}
    runs_on: dict[date, list[Run]] = {}
    for r in history.runs:
        if first <= r.day <= end:
            runs_on.setdefault(r.day, []).append(r)
    sessions_on: dict[date, list[StrengthSession]] = {}
    for s in history.strength_sessions:
        if first <= s.day <= end:
            sessions_on.setdefault(s.day, []).append(s)
    rows = []
    for k in range(13, -1, -1):
        day = end - timedelta(days=k)
        c = checkins.get(day)
        runs = runs_on.get(day, [])
        sessions = sessions_on.get(day, [])
        run = ", ".join(f"{r.distance_km:.1f} km {r.type.value}" for r in runs)
        sets = sum(len(s.sets) for s in sessions)
        strength = f"{sets} sets" if sessions else ""
        if sessions and sessions[-1].phase:
            strength += f", phase {sessions[-1].phase}"
        rows.append(
            DayRow(
                day,
                c.pain_rest if c else None,
                c.pain_run if c else None,
                c.pain_next_morning if c else None,
                run,
                strength,
            )
        )
    return tuple(rows)


def _doses(history: History, end: date, names: Mapping[str, str]) -> tuple[str, ...]:
    """The sets per exercise of the last session up to ``end``, as done: "Bridge hold:
    3 x 30 s"."""
    done = [s for s in history.strength_sessions if s.sets and s.day <= end]
    if not done:
        return ()
    last = done[-1]
    grouped: dict[str, list[str]] = {}
    for s in last.sets:
        if s.hold_s is not None:
            amount = f"{s.hold_s:g} s"
        elif s.reps is not None:
            amount = f"{s.reps} reps"
        else:
            amount = "done"
        if s.load_kg:
            amount += f" + {s.load_kg:g} kg"
        grouped.setdefault(s.exercise_id, []).append(amount)
    out = []
    for exercise, amounts in grouped.items():
        name = names.get(exercise, exercise.replace("_", " "))
        same = len(set(amounts)) == 1
        text = f"{len(amounts)} x {amounts[0]}" if same else ", ".join(amounts)
        out.append(f"{name}: {text}")
    return tuple(out)


def _adherence(history: History, end: date, per_week: int) -> str:
    start = end - timedelta(days=27)
    done = sum(1 for s in history.strength_sessions if start <= s.day <= end and s.sets)
    planned = per_week * 4
    return (
        f"{done} strength sessions in the last 4 weeks, against {planned} planned "
        f"({per_week} a week)."
    )


def recorded_between(history: History, start: date, end: date) -> bool:
    """Whether any check-in, run or strength session falls in ``start``..``end``."""
    return any(
        start <= item.day <= end
        for items in (history.checkins, history.runs, history.strength_sessions)
        for item in items
    )


def build_report(
    history: History,
    *,
    start: date,
    end: date,
    names: Mapping[str, str] | None = None,
    sessions_per_week: int = 3,
    warning_step_days: int = 7,
    made_on: date | None = None,
) -> Report:
    """Everything the report shows for ``start``..``end`` (the verdict is ``end``'s);
    ``made_on`` is the day it is made (``end`` unless given)."""
    if start > end:
        raise ValueError("the report's first day is after its last")
    names = names or {}
    assessment = evaluate(history, end, names=names)
    warned = _load_warning_days(history, start, end, warning_step_days)
    sets_by_day: dict[date, int] = {}
    for s in history.strength_sessions:
        if start <= s.day <= end:
            sets_by_day[s.day] = sets_by_day.get(s.day, 0) + len(s.sets)
    return Report(
        start=start,
        end=end,
        assessment=assessment,
        history=history,
        warning_signs=_warning_signs(history, end),
        pain=_pain_series(history, start, end),
        weekly_km=_weeks(history, start, end, warned),
        sessions=tuple(sorted(sets_by_day.items())),
        last_days=_last_days(history, end, "km"),
        doses=_doses(history, end, names),
        adherence=_adherence(history, end, sessions_per_week),
        triggers=tuple(t.message for t in assessment.triggers if t.message),
        made_on=made_on or end,
    )
