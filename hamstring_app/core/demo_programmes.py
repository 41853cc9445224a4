"""The exercises of each demo session: the injury story's four phases (Nordic curls by
Mjolsnes 2004's table) and the maintenance sessions of ordinary training."""

from __future__ import annotations

from hamstring_app.core.demo_records import _Item, _kg

_NORDIC_TABLE = ((1, 2, 5), (2, 2, 6), (3, 3, 7), (3, 3, 9))  # sessions/week, sets, reps


def _nordic(week: int, session_in_week: int) -> list[_Item]:
    """Mjolsnes 2004: weeks 1-4 as the table, later weeks 12/10/8 shown as 3 sets of 10."""
    if week <= len(_NORDIC_TABLE):
        per_week, sets, reps = _NORDIC_TABLE[week - 1]
    else:
        per_week, sets, reps = 3, 3, 10
    if session_in_week >= per_week:
        return []
    exercise = "nordic_curl_assisted" if week <= 2 else "nordic_curl"
    return [(exercise, sets, reps, None, None)]


def _story_items(phase: int, f: float, nordic_week: int, session_in_week: int,
                 easing: float) -> list[_Item]:
    """Exercises for one session; ``f`` is 0..1 through the phase, ``easing`` scales loads."""
    if phase == 1:
        return [
            ("bridge_hold", 3, None, float(round(30 + 15 * f)), None),
            ("single_leg_bridge_hold", 3, None, float(round(20 + 10 * f)), None),
            ("prone_knee_bend_hold", 3, None, float(round(20 + 10 * f)), None),
            ("calf_raise", 3, 12, None, None),
        ]
    if phase == 2:
        return [
            ("romanian_deadlift", 3, 10, None, _kg((20 + 15 * f) * easing)),
            ("hip_thrust", 3, 10, None, _kg((30 + 20 * f) * easing)),
            ("hamstring_slider", 2, 8, None, None),
            ("split_squat", 2, 8, None, _kg((8 + 4 * f) * easing)),
            ("calf_raise", 3, 15, None, _kg(10 + 6 * f)),
        ]
    if phase == 3:
        return [
            ("romanian_deadlift", 3, 8, None, _kg(40 + 15 * f)),
            ("single_leg_rdl", 3, 8, None, _kg(10 + 6 * f)),
            *_nordic(nordic_week, session_in_week),
            ("step_up", 2, 8, None, _kg(10 + 6 * f)),
            ("calf_raise", 3, 12, None, _kg(16 + 8 * f)),
        ]
    return [
        ("single_leg_rdl", 3, 6, None, _kg(16 + 6 * f)),
        *_nordic(nordic_week, session_in_week),
        ("hip_thrust", 3, 8, None, _kg(60 + 10 * f)),
        ("step_up", 2, 8, None, _kg(16 + 4 * f)),
        ("calf_raise", 2, 12, None, _kg(24 + 4 * f)),
    ]


def _maintenance_items(monday: bool, strength: float) -> list[_Item]:
    """Twelve sets of ordinary training; the Nordics once a week keep their gains."""
    first: list[_Item] = (
        [("nordic_curl", 2, 6, None, None)] if monday else [("hip_thrust", 2, 8, None,
                                                              _kg(60 * strength))]
    )
    return [
        *first,
        ("romanian_deadlift", 3, 8, None, _kg(45 * strength)),
        ("single_leg_rdl", 2, 8, None, _kg(14 * strength)),
        ("step_up", 2, 8, None, _kg(14 * strength)),
        ("calf_raise", 3, 12, None, _kg(20 * strength)),
    ]
