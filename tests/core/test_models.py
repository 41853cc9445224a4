"""Every check the core dataclasses make: each bad value is refused, naming the field."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from hamstring_app.core.models import (
    CheckIn,
    Level,
    Profile,
    Referral,
    Run,
    RunType,
    SetLog,
    StrengthSession,
    ValidationError,
    Verdict,
    check_not_future,
)

DAY = date(2026, 3, 15)
T0 = datetime(2026, 3, 15, 18, 0, tzinfo=UTC)

VALID: dict[type, dict[str, Any]] = {
    Profile: {"injury_start": DAY},
    CheckIn: {"day": DAY},
    Run: {"day": DAY, "distance_km": 5.0},
    SetLog: {"exercise_id": "nordic_curl", "set_number": 1},
    StrengthSession: {"day": DAY},
}

# (class, changes, field named in the error, words in the message)
BAD: list[tuple[type, dict[str, Any], str, str]] = [
    (Profile, {"injury_start": "2026-03-01"}, "injury_start", "calendar date"),
    (Profile, {"injury_start": T0}, "injury_start", "calendar date"),
    (Profile, {"injury_start": date(1989, 12, 31)}, "injury_start", "too far in the past"),
    (Profile, {"side": "up"}, "side", "one of left, right, both"),
    (Profile, {"pain_site": "knee"}, "pain_site", "one of"),
    (Profile, {"long_standing": None}, "long_standing", "yes or no"),
    (Profile, {"usual_weekly_km": -1}, "usual_weekly_km", "from 0 to 1000 km"),
    (Profile, {"usual_weekly_km": math.nan}, "usual_weekly_km", "real number"),
    (Profile, {"usual_cadence_spm": 170.0}, "usual_cadence_spm", "whole number"),
    (Profile, {"usual_cadence_spm": 99}, "usual_cadence_spm", "from 100 to 260"),
    (Profile, {"units": "leagues"}, "units", "one of km, miles"),
    (CheckIn, {"day": None}, "date", "calendar date"),
    (CheckIn, {"pain_rest": 11}, "pain_rest", "from 0 to 10"),
    (CheckIn, {"pain_rest": -1}, "pain_rest", "from 0 to 10"),
    (CheckIn, {"pain_run": 3.5}, "pain_run", "whole number"),
    (CheckIn, {"pain_next_morning": True}, "pain_next_morning", "whole number"),
    (CheckIn, {"ran": 1}, "ran", "yes or no"),
    (CheckIn, {"eased_during_run": "no"}, "eased_during_run", "yes or no"),
    (CheckIn, {"settled_within_24h": 0}, "settled_within_24h", "yes or no"),
    (CheckIn, {"sharp_pain": "yes"}, "sharp_pain", "yes or no"),
    (CheckIn, {"pain_increases_with_speed": 1}, "pain_increases_with_speed", "yes or no"),
    (CheckIn, {"gait_changed": 1}, "gait_changed", "yes or no"),
    (CheckIn, {"pain_in_daily_activities": 1}, "pain_in_daily_activities", "yes or no"),
    (CheckIn, {"sudden_onset_with_weakness": 1}, "sudden_onset_with_weakness", "yes or no"),
    (CheckIn, {"nerve_signs": 1}, "nerve_signs", "yes or no"),
    (CheckIn, {"bruising_after_sudden_pain": 1}, "bruising_after_sudden_pain", "yes or no"),
    (CheckIn, {"difficulty_walking": 1}, "difficulty_walking", "yes or no"),
    (CheckIn, {"foot_weakness": 1}, "foot_weakness", "yes or no"),
    (CheckIn, {"night_or_rest_pain": 1}, "night_or_rest_pain", "yes or no"),
    (CheckIn, {"feeling_unwell": 1}, "feeling_unwell", "yes or no"),
    (CheckIn, {"overstride_long_stride": 1}, "overstride_long_stride", "yes or no"),
    (CheckIn, {"overstride_loud_landing": 1}, "overstride_loud_landing", "yes or no"),
    (CheckIn, {"overstride_heel_ahead": 1}, "overstride_heel_ahead", "yes or no"),
    (CheckIn, {"ran": False, "pain_run": 2}, "pain_run", "no run"),
    (CheckIn, {"fatigue": 11}, "fatigue", "from 0 to 10"),
    (CheckIn, {"sleep_hours": 25}, "sleep_hours", "from 0 to 24 hours"),
    (CheckIn, {"sleep_hours": "8"}, "sleep_hours", "must be a number"),
    (CheckIn, {"note": None}, "note", "must be text"),
    (CheckIn, {"note": "x" * 2001}, "note", "too long"),
    (Run, {"day": "today"}, "date", "calendar date"),
    (Run, {"distance_km": 0}, "distance_km", "more than 0"),
    (Run, {"distance_km": 400.5}, "distance_km", "more than 0 and at most 400 km, not 400.5"),
    (Run, {"distance_km": None}, "distance_km", "required"),
    (Run, {"distance_km": math.inf}, "distance_km", "real number"),
    (Run, {"duration_min": 0}, "duration_min", "more than 0"),
    (Run, {"duration_min": 72 * 60 + 1}, "duration_min", "4320 min"),
    (Run, {"type": "jog"}, "type", "one of easy"),
    (Run, {"rpe": 11}, "rpe", "from 0 to 10"),
    (Run, {"cadence_spm": 172.5}, "cadence_spm", "whole number"),
    (Run, {"cadence_spm": 261}, "cadence_spm", "from 100 to 260"),
    (Run, {"descent_m": -5}, "descent_m", "from 0 to 10000 m"),
    (Run, {"pain": 12}, "pain", "from 0 to 10"),
    (Run, {"note": "y" * 2001}, "note", "too long"),
    (Run, {"source": "gps"}, "source", "one of manual, file"),
    (SetLog, {"exercise_id": "  "}, "exercise", "name an exercise"),
    (SetLog, {"exercise_id": None}, "exercise", "name an exercise"),
    (SetLog, {"set_number": 0}, "set_number", "from 1 to 50"),
    (SetLog, {"set_number": 51}, "set_number", "from 1 to 50"),
    (SetLog, {"set_number": True}, "set_number", "whole number"),
    (SetLog, {"reps": 2.5}, "reps", "whole number"),
    (SetLog, {"reps": 201}, "reps", "from 0 to 200"),
    (SetLog, {"hold_s": 601}, "hold_s", "from 0 to 600 s"),
    (SetLog, {"load_kg": 501}, "load_kg", "from 0 to 500 kg"),
    (SetLog, {"pain": -1}, "pain", "from 0 to 10"),
    (SetLog, {"completed": None}, "completed", "yes or no"),
    (
        SetLog,
        {"started_at": T0, "finished_at": T0 - timedelta(seconds=1)},
        "finished_at",
        "before the set started",
    ),
    (StrengthSession, {"day": None}, "date", "calendar date"),
    (StrengthSession, {"sets": [SetLog("bridge", 1)]}, "sets", "tuple"),
    (StrengthSession, {"sets": ("bridge",)}, "sets", "not a set"),
    (StrengthSession, {"pain_next_morning": 11}, "pain_next_morning", "from 0 to 10"),
    (StrengthSession, {"phase": 5}, "phase", "1, 2, 3 or 4"),
    (StrengthSession, {"phase": True}, "phase", "1, 2, 3 or 4"),
]


@pytest.mark.parametrize("cls", list(VALID), ids=lambda c: c.__name__)
def test_valid_base_values_build(cls: type) -> None:
    cls(**VALID[cls])


@pytest.mark.parametrize(
    ("cls", "changes", "field", "words"),
    BAD,
    ids=[f"{c.__name__}-{'-'.join(ch)}-{i}" for i, (c, ch, _, _) in enumerate(BAD)],
)
def test_bad_value_is_refused_naming_the_field(
    cls: type, changes: dict[str, Any], field: str, words: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        cls(**{**VALID[cls], **changes})
    assert caught.value.field == field
    assert words in caught.value.message
    assert str(caught.value).startswith(f"{field}: ")


def test_every_checkin_field_is_covered_by_a_bad_case() -> None:
    from dataclasses import fields

    covered = {name for cls, changes, _, _ in BAD if cls is CheckIn for name in changes}
    assert {f.name for f in fields(CheckIn)} == covered


@pytest.mark.parametrize(
    ("value", "today", "refused"),
    [
        (DAY, DAY, False),
        (DAY - timedelta(days=1), DAY, False),
        (DAY + timedelta(days=1), DAY, True),
        (date(2027, 1, 1), date(2026, 12, 31), True),  # across a year end
    ],
)
def test_check_not_future(value: date, today: date, refused: bool) -> None:
    if refused:
        with pytest.raises(ValidationError) as caught:
            check_not_future("date", value, today)
        assert caught.value.field == "date" and "in the future" in caught.value.message
    else:
        check_not_future("date", value, today)


def test_derived_properties() -> None:
    checkin = CheckIn(day=DAY, sharp_pain=True, nerve_signs=False, overstride_heel_ahead=True)
    assert checkin.red_flags == ("sharp_pain",)
    assert checkin.overstride_signs == ("overstride_heel_ahead",)
    assert CheckIn(day=DAY).red_flags == ()
    run = Run(day=DAY, distance_km=8, duration_min=40, rpe=5)
    assert run.session_load == 200
    assert Run(day=DAY, distance_km=8, rpe=5).session_load is None
    assert not run.is_hard
    assert Run(day=DAY, distance_km=8, rpe=7).is_hard
    assert Run(day=DAY, distance_km=8, type=RunType.HILLS).is_hard
    session = StrengthSession(day=DAY, sets=(SetLog("a", 1, pain=2), SetLog("a", 2, pain=5)))
    assert session.max_pain == 5 and not session.finished
    assert StrengthSession(day=DAY).max_pain is None


def test_orderings() -> None:
    assert Verdict.CONTINUE < Verdict.MODIFY < Verdict.HOLD < Verdict.STOP
    assert max([Verdict.HOLD, Verdict.STOP, Verdict.MODIFY]) is Verdict.STOP
    assert Referral.URGENT.rank > Referral.ROUTINE.rank > Referral.NONE.rank
    assert Level.DANGER.rank == 3


def test_records_are_frozen() -> None:
    run = Run(day=DAY, distance_km=5.0)
    with pytest.raises(AttributeError):
        run.distance_km = 6.0  # type: ignore[misc]


def test_run_import_fields_are_checked():
    import pytest as _pytest

    from hamstring_app.core.models import Run as _Run
    from hamstring_app.core.models import ValidationError as _VE

    day = date(2026, 3, 1)
    for bad in [
        {"avg_hr_bpm": 300}, {"avg_hr_bpm": 140.5}, {"started_at": "07:00"},
        {"source_file": "x" * 256}, {"details": "x" * 2001}, {"needs_review": None},
    ]:
        with _pytest.raises(_VE):
            _Run(day=day, distance_km=5.0, **bad)
    assert _Run(day=day, distance_km=5.0, avg_hr_bpm=140, needs_review=True).needs_review
