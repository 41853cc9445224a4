"""The checks every record runs on its values, the limits they use, and the one error
they raise: :class:`ValidationError`, naming the field and saying in plain words what is
wrong. Re-exported by :mod:`hamstring_app.core.models`.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from enum import StrEnum

# --------------------------------------------------------------------------- errors


class ValidationError(ValueError):
    """A value the app cannot accept. ``field`` names it; ``message`` says why."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(f"{field_name}: {message}")
        self.field = field_name
        self.message = message


# --------------------------------------------------------------------------- checks

MAX_RUN_KM = 400.0
MAX_RUN_MINUTES = 72 * 60.0
# A run's average pace, in minutes per km. 1:30 per km is 40 km/h: faster than anyone has
# averaged even over 100 m (9.58 s is 37.6 km/h). 30:00 per km is 2 km/h, slower than a
# stroll: a distance and time further apart than these are a typing slip (300 km in 48
# minutes, or 1 km in 300 minutes), not a run.
FASTEST_PACE_MIN_PER_KM = 1.5
SLOWEST_PACE_MIN_PER_KM = 30.0
MAX_DESCENT_M = 10_000.0
CADENCE_RANGE = (100, 260)
MAX_USUAL_WEEKLY_KM = 1000.0  # the profile's usual weekly distance
MAX_LOAD_KG = 500.0
MAX_HOLD_S = 600.0
MAX_REPS = 200
MAX_SETS = 50
MAX_NOTE_CHARS = 2000
HEART_RATE_RANGE = (20, 250)
MAX_FILE_NAME_CHARS = 255
MAX_HASH_CHARS = 80
EARLIEST_DATE = date(1990, 1, 1)


BIG_INT_DIGITS = 16  # whole numbers this long or longer are described, never printed


def shown(value: object) -> str:
    """A short, always printable form of a bad value for a message.

    Whole numbers too long to print (or to turn into a float) are described by their
    length, long texts are cut; nothing here can raise whatever the value.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        if abs(value) >= 10 ** (BIG_INT_DIGITS - 1):
            digits = int(math.log10(abs(value))) + 1
            sign = "negative " if value < 0 else ""
            return f"a {sign}whole number {digits:,} digits long"
        return str(value)
    if isinstance(value, float):
        text = f"{value:g}"
        # 2.0 is shown as written, so "must be a whole number, not 2.0" reads true
        return f"{text}.0" if text.lstrip("-").isdigit() else text
    try:
        text = repr(value)
    except (ValueError, RecursionError):  # a container holding an unprintable number
        return f"a value of type {type(value).__name__}"
    return text if len(text) <= 60 else text[:57] + "..."


def check_pain(name: str, value: object, *, optional: bool = True) -> None:
    """Pain is an integer on the 0-10 numeric rating scale."""
    if value is None:
        if optional:
            return
        raise ValidationError(name, "is required (a whole number from 0 to 10)")
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(name, f"must be a whole number from 0 to 10, not {shown(value)}")
    if not 0 <= value <= 10:
        raise ValidationError(name, f"must be from 0 to 10, not {shown(value)}")


def check_score(name: str, value: object) -> None:
    """A 0-10 score that is not pain (fatigue, RPE)."""
    check_pain(name, value)


def check_number(
    name: str,
    value: object,
    low: float,
    high: float,
    *,
    unit: str = "",
    optional: bool = True,
    low_inclusive: bool = True,
) -> None:
    if value is None:
        if optional:
            return
        raise ValidationError(name, "is required")
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError(name, f"must be a number, not {shown(value)}")
    # A whole number is always finite and compares exactly with a float, however large:
    # only a float can be inf or nan (and float() of a huge int would overflow).
    if isinstance(value, float) and not math.isfinite(value):
        raise ValidationError(name, f"must be a real number, not {value!r}")
    suffix = f" {unit}" if unit else ""
    too_low = value < low if low_inclusive else value <= low
    if too_low or value > high:
        if low_inclusive:
            allowed = f"from {low:g} to {high:g}{suffix}"
        else:
            allowed = f"more than {low:g} and at most {high:g}{suffix}"
        bad = shown(value)
        bad += suffix if bad[-1].isdigit() else ""  # no unit after "... digits long"
        raise ValidationError(name, f"must be {allowed}, not {bad}")


def pace_min_per_km(distance_km: float, duration_min: float) -> float:
    """Average pace of a run, minutes per km."""
    return duration_min / distance_km


def pace_is_possible(distance_km: float, duration_min: float) -> bool:
    """True when the average pace is one a runner could run (see the bounds above)."""
    pace = pace_min_per_km(distance_km, duration_min)
    return FASTEST_PACE_MIN_PER_KM <= pace <= SLOWEST_PACE_MIN_PER_KM


def check_bool(name: str, value: object, *, optional: bool = True) -> None:
    if value is None and optional:
        return
    if not isinstance(value, bool):
        raise ValidationError(name, f"must be yes or no (true/false), not {shown(value)}")


def check_date(name: str, value: object) -> None:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise ValidationError(name, f"must be a calendar date, not {shown(value)}")
    if value < EARLIEST_DATE:
        raise ValidationError(
            name,
            f"{value.isoformat()} is too far in the past (the earliest date is "
            f"{EARLIEST_DATE.isoformat()})",
        )


def check_not_future(name: str, value: date, today: date) -> None:
    """Dates the runner records must not be after ``today``."""
    if value > today:
        raise ValidationError(
            name, f"{value.isoformat()} is in the future (today is {today.isoformat()})"
        )


def check_text(name: str, value: object, max_chars: int = MAX_NOTE_CHARS) -> None:
    if not isinstance(value, str):
        raise ValidationError(name, f"must be text, not {shown(value)}")
    if len(value) > max_chars:
        raise ValidationError(name, f"is too long ({len(value)} characters, at most {max_chars})")
    check_encodable(name, value)


def check_encodable(name: str, value: str) -> None:
    """Text must be real Unicode: a lone surrogate (half of a pair) cannot be saved as
    UTF-8, printed or shown."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValidationError(
            name, f"holds a broken character (at position {exc.start + 1}); type it again"
        ) from None


MAX_PROGRAMME_ID_CHARS = 100  # the width of strength_session.programme_id


def check_id(name: str, value: object) -> None:
    """A record id handed out by the store: None (not saved yet) or a whole number from 1.
    ``True`` is refused although Python counts it as 1."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValidationError(name, f"must be a whole number from 1, not {shown(value)}")


def check_time_order(started: object, finished: object, *, what: str) -> None:
    """``finished`` may not come before ``started``. One with a time zone and one without
    cannot be compared, so that mix is refused too (it would also be ambiguous)."""
    if not isinstance(started, datetime) or not isinstance(finished, datetime):
        return
    if (started.tzinfo is None) != (finished.tzinfo is None):
        raise ValidationError(
            "finished_at",
            f"has a time zone and the start of {what} has none, or the other way round; "
            "give both times the same way",
        )
    if finished < started:
        raise ValidationError("finished_at", f"is before {what} started")


def _check_enum(name: str, value: object, enum: type[StrEnum]) -> None:
    if not isinstance(value, enum):
        allowed = ", ".join(m.value for m in enum)
        raise ValidationError(name, f"must be one of {allowed}, not {shown(value)}")
