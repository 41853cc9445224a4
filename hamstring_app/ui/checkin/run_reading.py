"""Reading the run editor's fields into a Run: every field that is wrong is reported at
once, each next to its field, and the pace is checked as well as the distance."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from PySide6.QtCore import QObject

from hamstring_app.core.models import (
    FASTEST_PACE_MIN_PER_KM,
    KM_PER_MILE,
    MAX_RUN_KM,
    SLOWEST_PACE_MIN_PER_KM,
    Run,
    RunType,
    Units,
    ValidationError,
    pace_is_possible,
    pace_min_per_km,
)
from hamstring_app.ui.checkin.fields import format_number, parse_number


class RunReading(QObject):
    """The translation context of this module's messages."""


T = TypeVar("T")


class FieldProblems(ValidationError):
    """Several fields are wrong; ``problems`` holds one ValidationError per field, in the
    order of the form. It is itself the first one, for callers that show just one."""

    def __init__(self, problems: list[ValidationError]) -> None:
        first = problems[0]
        super().__init__(first.field, first.message)
        self.problems = problems


def to_display(km: float, units: Units) -> float:
    return km / KM_PER_MILE if units == Units.MILES else km


def to_km(value: float, units: Units) -> float:
    return value * KM_PER_MILE if units == Units.MILES else value


def unit_word(units: Units) -> str:
    return "mi" if units == Units.MILES else "km"


def format_pace(min_per_unit: float) -> str:
    """Minutes per km (or mile) as m:ss, e.g. 5.5 -> '5:30'."""
    seconds = round(min_per_unit * 60)
    return f"{seconds // 60}:{seconds % 60:02d}"


@dataclass(frozen=True)
class RunTexts:
    """What the editor holds, as typed."""

    distance: str
    duration: str
    cadence: str
    descent: str
    note: str
    type: RunType
    rpe: int | None
    pain: int | None


def read_run(texts: RunTexts, day: date, units: Units, original: Run | None = None) -> Run:
    """The run the editor describes, in km. Raises FieldProblems naming every bad field."""
    problems: list[ValidationError] = []

    def attempt(read: Callable[[], T]) -> T | None:
        try:
            return read()
        except ValidationError as exc:
            problems.append(exc)
            return None

    distance = attempt(lambda: _distance(texts.distance, units))
    duration = attempt(lambda: _checked(day, "duration_min", parse_number(
        "duration_min", texts.duration, what="a number of minutes")))
    cadence = attempt(lambda: _checked(day, "cadence_spm", parse_number(
        "cadence_spm", texts.cadence, whole=True)))
    descent = attempt(lambda: _checked(day, "descent_m", parse_number(
        "descent_m", texts.descent, what="a number of metres")))
    note = attempt(lambda: _checked(day, "note", texts.note.strip()))
    if distance is not None and duration is not None and not any(
        p.field == "duration_min" for p in problems
    ):
        attempt(lambda: _check_pace(distance, duration, units))
    if problems:
        order = ("distance_km", "duration_min", "cadence_spm", "descent_m", "note")
        problems.sort(key=lambda p: order.index(p.field) if p.field in order else len(order))
        raise FieldProblems(problems)
    assert distance is not None
    if original is not None and texts.distance.strip() == format_number(
        to_display(original.distance_km, units)
    ):
        km = original.distance_km  # unchanged: keep the stored value exactly
    else:
        km = to_km(distance, units)
    values = {
        "day": day,
        "distance_km": km,
        "duration_min": duration,
        "type": texts.type,
        "rpe": texts.rpe,
        "cadence_spm": cadence,
        "descent_m": descent,
        "pain": texts.pain,
        "note": note or "",
    }
    if original is not None:
        return dataclasses.replace(original, **values)
    return Run(**values)  # type: ignore[arg-type]


def _distance(text: str, units: Units) -> float:
    distance = parse_number("distance_km", text)
    if distance is None:
        raise ValidationError("distance_km", RunReading.tr("is needed: how far did you run?"))
    word = unit_word(units)
    if distance <= 0:
        raise ValidationError(
            "distance_km",
            RunReading.tr("must be more than 0 %s, not %s") % (word, format_number(distance)),
        )
    limit = math.floor(to_display(MAX_RUN_KM, units) * 10) / 10
    if distance > limit:
        raise ValidationError(
            "distance_km",
            RunReading.tr("must be at most %s %s, not %s %s")
            % (format_number(limit), word, format_number(distance), word),
        )
    return float(distance)


def _checked(day: date, field: str, value: T) -> T:
    """``value`` for ``field`` as the Run model itself checks it (its own ranges)."""
    if value is not None:
        Run(day=day, distance_km=1.0, **{field: value})  # raises ValidationError
    return value


def _check_pace(distance: float, duration: float, units: Units) -> None:
    km = to_km(distance, units)
    if pace_is_possible(km, duration):
        return
    per_unit = pace_min_per_km(km, duration) * (KM_PER_MILE if units == Units.MILES else 1)
    factor = KM_PER_MILE if units == Units.MILES else 1
    word = unit_word(units)
    raise ValidationError(
        "duration_min",
        RunReading.tr(
            "%s min for %s %s is a pace of %s per %s; a run is between %s and %s per %s. "
            "Check the distance and the time"
        )
        % (
            format_number(duration, 1),
            format_number(distance),
            word,
            format_pace(per_unit),
            word,
            format_pace(FASTEST_PACE_MIN_PER_KM * factor),
            format_pace(SLOWEST_PACE_MIN_PER_KM * factor),
            word,
        ),
    )
