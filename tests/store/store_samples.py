"""Sample records with every field filled, shared by the store tests."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from hamstring_app.core.models import (
    CheckIn,
    PainSite,
    Profile,
    Run,
    RunSource,
    RunType,
    SetLog,
    Side,
    StrengthSession,
    Units,
)

TODAY = date(2026, 3, 15)
TZ = timezone(timedelta(hours=1))


def full_checkin(day: date = TODAY) -> CheckIn:
    """A check-in with every field answered (all differ from the defaults)."""
    return CheckIn(
        day=day,
        pain_rest=2,
        pain_run=3,
        pain_next_morning=1,
        ran=True,
        eased_during_run=True,
        settled_within_24h=False,
        sharp_pain=False,
        pain_increases_with_speed=True,
        gait_changed=False,
        pain_in_daily_activities=True,
        sudden_onset_with_weakness=False,
        nerve_signs=True,
        overstride_long_stride=True,
        overstride_loud_landing=False,
        overstride_heel_ahead=True,
        fatigue=6,
        sleep_hours=7.5,
        note="Felt tight on the hill. Ünïcødé ok",
    )


def full_run(day: date = TODAY, **changes: object) -> Run:
    values: dict[str, object] = dict(
        day=day,
        distance_km=12.4,
        duration_min=65.5,
        type=RunType.INTERVALS,
        rpe=7,
        cadence_spm=172,
        descent_m=120.0,
        pain=2,
        note="6 x 800 m",
        source=RunSource.FILE,
    )
    values.update(changes)
    return Run(**values)  # type: ignore[arg-type]


def full_set(exercise: str = "nordic_curl", number: int = 1) -> SetLog:
    start = datetime(2026, 3, 14, 18, 0, number, tzinfo=TZ)
    return SetLog(
        exercise_id=exercise,
        set_number=number,
        reps=8,
        hold_s=None,
        load_kg=12.5,
        pain=2,
        completed=True,
        started_at=start,
        finished_at=start + timedelta(seconds=40),
    )


def full_session(day: date = date(2026, 3, 14), n_sets: int = 3) -> StrengthSession:
    return StrengthSession(
        day=day,
        sets=(
            *(full_set(number=i) for i in range(1, n_sets + 1)),
            SetLog("bridge_hold", 1, hold_s=30.0, pain=0, completed=False),
        ),
        pain_next_morning=3,
        phase=2,
        programme_id="pht_stage2",
        started_at=datetime(2026, 3, 14, 17, 55, tzinfo=TZ),
        finished_at=datetime(2026, 3, 14, 18, 40, tzinfo=TZ),
    )


def full_profile() -> Profile:
    return Profile(
        injury_start=date(2026, 1, 10),
        side=Side.RIGHT,
        pain_site=PainSite.HIGH_NEAR_SIT_BONE,
        long_standing=True,
        usual_weekly_km=42.5,
        usual_cadence_spm=168,
        units=Units.MILES,
    )
