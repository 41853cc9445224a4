"""A runner on the return-to-run ladder, as demo data for screenshots and UI tests.

Three weeks ago a check-in with pain 7 stopped running; since then the ladder went well and
the runner is at step 3 with one good run done there. Mild pain, a usual cadence of 166, so
the plan shows a cadence target too.
"""

from __future__ import annotations

from datetime import date, timedelta

from hamstring_app.core.models import RED_FLAG_FIELDS, CheckIn, History, Profile, Run, Units

_NO_FLAGS = dict.fromkeys(RED_FLAG_FIELDS, False)


def _checkin(day: date, **kw: object) -> CheckIn:
    values: dict[str, object] = {
        **_NO_FLAGS, "pain_rest": 1, "pain_next_morning": 1, "settled_within_24h": True,
        "fatigue": 3, "sleep_hours": 7.5, **kw,
    }
    return CheckIn(day=day, **values)  # type: ignore[arg-type]


def ladder_story(today: date, units: Units = Units.KM) -> History:
    """Stop 10 days ago, then five good ladder runs every other day: step 3, one done."""
    start = today - timedelta(days=11)
    checkins = {start: _checkin(start, pain_rest=7, pain_next_morning=3)}
    runs = []
    minutes = (20, 20, 21, 21, 24)
    for n, total in zip(range(1, 11, 2), minutes, strict=True):
        d = start + timedelta(days=n)
        runs.append(Run(day=d, distance_km=round(total / 9, 1), duration_min=total, rpe=3,
                        pain=2, cadence_spm=168))
        checkins[d] = _checkin(d, ran=True, pain_run=2, eased_during_run=True)
    for n in range(1, 12):
        d = start + timedelta(days=n)
        checkins.setdefault(d, _checkin(d))
    earlier = [Run(day=start - timedelta(days=k), distance_km=8.0, duration_min=48, rpe=4,
                   cadence_spm=166) for k in (3, 6, 10, 13)]
    profile = Profile(injury_start=start - timedelta(days=14), usual_cadence_spm=166,
                      usual_weekly_km=30.0, units=units)
    return History(
        profile=profile,
        checkins=tuple(sorted(checkins.values(), key=lambda c: c.day)),
        runs=tuple(sorted([*earlier, *runs], key=lambda r: r.day)),
    )
