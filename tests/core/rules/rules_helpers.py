"""Small builders for rules tests: every field not named is "not answered"."""

from __future__ import annotations

from datetime import date, timedelta

from hamstring_app.core.models import (
    RED_FLAG_FIELDS,
    CheckIn,
    History,
    PainSite,
    Profile,
    Run,
    RunType,
    SetLog,
    StrengthSession,
)

TODAY = date(2026, 3, 16)  # a Monday

NO_FLAGS = dict.fromkeys(RED_FLAG_FIELDS, False)


def ago(n: int, today: date = TODAY) -> date:
    return today - timedelta(days=n)


def checkin(day: date, **kw: object) -> CheckIn:
    """A check-in with every red flag answered "no" unless told otherwise."""
    values: dict[str, object] = {**NO_FLAGS, **kw}
    return CheckIn(day=day, **values)  # type: ignore[arg-type]


def clean(day: date, **kw: object) -> CheckIn:
    """A fully answered pain-free check-in."""
    values: dict[str, object] = {
        "pain_rest": 0,
        "pain_next_morning": 0,
        "settled_within_24h": True,
        **kw,
    }
    return checkin(day, **values)


def run(day: date, km: float, **kw: object) -> Run:
    return Run(day=day, distance_km=km, **kw)  # type: ignore[arg-type]


def profile(start: date, **kw: object) -> Profile:
    return Profile(injury_start=start, **kw)  # type: ignore[arg-type]


def history(
    checkins: list[CheckIn] | tuple[CheckIn, ...] = (),
    runs: list[Run] | tuple[Run, ...] = (),
    sessions: list[StrengthSession] | tuple[StrengthSession, ...] = (),
    prof: Profile | None = None,
) -> History:
    return History(
        profile=prof,
        checkins=tuple(sorted(checkins, key=lambda c: c.day)),
        runs=tuple(sorted(runs, key=lambda r: r.day)),
        strength_sessions=tuple(sorted(sessions, key=lambda s: s.day)),
    )


def session(
    day: date,
    pains: dict[str, list[int | None]],
    next_morning: int | None,
    phase: int | None = None,
) -> StrengthSession:
    sets = []
    for exercise, values in pains.items():
        for k, p in enumerate(values, start=1):
            sets.append(SetLog(exercise_id=exercise, set_number=k, reps=8, pain=p))
    return StrengthSession(day=day, sets=tuple(sets), pain_next_morning=next_morning, phase=phase)


__all__ = [
    "TODAY",
    "PainSite",
    "RunType",
    "ago",
    "checkin",
    "clean",
    "history",
    "profile",
    "run",
    "session",
]
