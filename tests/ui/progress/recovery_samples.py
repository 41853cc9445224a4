"""Known data for the Recovery tab tests."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hamstring_app.core.models import (
    CheckIn,
    History,
    Profile,
    Run,
    RunType,
    SetLog,
    StrengthSession,
)

TODAY = date(2026, 3, 18)  # a Wednesday; matches tests/ui/conftest.py FIXED_NOW
ONSET = date(2026, 2, 18)  # four weeks before: mid-thigh, not long-standing -> 2-6 weeks


def known_history() -> History:
    """21 check-ins (rest pain every day, waking pain on 14, run pain on 6), 6 runs
    (one of them a single-run spike) and 3 strength sessions with Nordic curls."""
    first = TODAY - timedelta(days=20)
    checkins = []
    run_days = {first + timedelta(days=k) for k in (1, 4, 8, 11, 15, 19)}
    for k in range(21):
        day = first + timedelta(days=k)
        ran = day in run_days
        checkins.append(
            CheckIn(
                day=day,
                pain_rest=max(0, 4 - k // 5),
                pain_next_morning=3 if k % 3 else None,
                ran=ran,
                pain_run=2 if ran else None,
                eased_during_run=True if ran else None,
                settled_within_24h=True,
                sharp_pain=k == 2,
                pain_increases_with_speed=False,
                gait_changed=False,
                pain_in_daily_activities=False,
                sudden_onset_with_weakness=False,
                nerve_signs=False,
            )
        )
    distances = (5.0, 5.0, 6.0, 5.0, 12.0, 6.0)  # the 12 km run is a spike
    runs = [
        Run(day=d, distance_km=km, duration_min=km * 6, type=RunType.EASY, rpe=4)
        for d, km in zip(sorted(run_days), distances, strict=True)
    ]
    sessions = []
    for k in (3, 10, 17):
        day = first + timedelta(days=k)
        start = datetime(day.year, day.month, day.day, 18, 0)
        sets = tuple(
            SetLog("nordic_curl", n, reps=6, pain=1, started_at=start, finished_at=start)
            for n in (1, 2)
        )
        sessions.append(StrengthSession(day=day, sets=sets, phase=2, started_at=start,
                                        finished_at=start + timedelta(minutes=30)))
    return History(
        profile=Profile(injury_start=ONSET),
        checkins=tuple(checkins),
        runs=tuple(runs),
        strength_sessions=tuple(sessions),
    )


