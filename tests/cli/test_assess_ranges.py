"""docs/assess.md's input tables: each documented range is accepted at its ends and refused
(exit 2, naming the field) just outside them."""

from __future__ import annotations

import io
import json

import pytest

from hamstring_app.assess import run_assess

BASE = {"today": "2026-03-16", "profile": {"injury_start": "2026-03-01"}}


def _code(document: dict) -> tuple[int, str]:
    err = io.StringIO()
    code = run_assess(file="-", use_db=False, data_dir=None, today=None,
                      stdin=io.StringIO(json.dumps(document)), stdout=io.StringIO(), stderr=err)
    return code, err.getvalue()


def _run(**kw: object) -> dict:
    return {**BASE, "runs": [{"date": "2026-03-10", "distance_km": 5, **kw}]}


def _checkin(**kw: object) -> dict:
    return {**BASE, "checkins": [{"date": "2026-03-10", **kw}]}


def _set(**kw: object) -> dict:
    return {**BASE, "strength_sessions": [{"date": "2026-03-10",
                                           "sets": [{"exercise": "bridge_hold", **kw}]}]}


def _profile(**kw: object) -> dict:
    return {**BASE, "profile": {"injury_start": "2026-03-01", **kw}}


CASES = [
    # (field named in the message, accepted documents, refused documents)
    ("runs[0].distance_km", [_run(distance_km=0.1), _run(distance_km=400)],
     [_run(distance_km=0), _run(distance_km=400.1)]),
    ("runs[0].duration_min", [_run(duration_min=1), _run(duration_min=4320)],
     [_run(duration_min=0), _run(duration_min=4321)]),
    ("runs[0].descent_m", [_run(descent_m=0), _run(descent_m=10000)],
     [_run(descent_m=-1), _run(descent_m=10001)]),
    ("runs[0].rpe", [_run(rpe=0), _run(rpe=10)], [_run(rpe=11), _run(rpe=7.5)]),
    ("runs[0].cadence_spm", [_run(cadence_spm=100), _run(cadence_spm=260)],
     [_run(cadence_spm=99), _run(cadence_spm=261)]),
    ("runs[0].note", [_run(note="x" * 2000)], [_run(note="x" * 2001)]),
    ("checkins[0].pain_rest", [_checkin(pain_rest=0), _checkin(pain_rest=10)],
     [_checkin(pain_rest=-1), _checkin(pain_rest=11)]),
    ("checkins[0].sleep_hours", [_checkin(sleep_hours=0), _checkin(sleep_hours=24)],
     [_checkin(sleep_hours=24.5)]),
    ("checkins[0].fatigue", [_checkin(fatigue=10)], [_checkin(fatigue=11)]),
    ("sets[0].set_number", [_set(set_number=1), _set(set_number=50)], [_set(set_number=51)]),
    ("sets[0].reps", [_set(reps=0), _set(reps=200)], [_set(reps=201)]),
    ("sets[0].hold_s", [_set(hold_s=0), _set(hold_s=600)], [_set(hold_s=601)]),
    ("sets[0].load_kg", [_set(load_kg=0), _set(load_kg=500)], [_set(load_kg=500.5)]),
    ("profile.usual_cadence_spm", [_profile(usual_cadence_spm=100)],
     [_profile(usual_cadence_spm=261)]),
    ("profile.usual_weekly_km", [_profile(usual_weekly_km=0), _profile(usual_weekly_km=1000)],
     [_profile(usual_weekly_km=1001)]),
]


@pytest.mark.parametrize("field, accepted, refused", CASES, ids=[c[0] for c in CASES])
def test_documented_ranges(field, accepted, refused):
    for document in accepted:
        assert _code(document) == (0, ""), document
    for document in refused:
        code, err = _code(document)
        assert code == 2, document
        assert field in err and "invalid input" in err
