"""Reading the profile's typed fields, and saying in plain words why a value is refused.

Each reader takes the text as typed and returns the value (None for an empty field, which
means "not sure" or "not known"), or raises ValidationError with a message for the runner:
what is wrong with this value, what the app accepts, and what to do instead.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject

from hamstring_app.core.models import (
    CADENCE_RANGE,
    KM_PER_MILE,
    MAX_USUAL_WEEKLY_KM,
    Units,
    ValidationError,
)
from hamstring_app.ui.dates import day_text
from hamstring_app.ui.widgets.date_field import parse_typed_date


class ProfileFields(QObject):
    """The translation context of these messages."""


def unit_word(units: Units) -> str:
    return ProfileFields.tr("km") if units is Units.KM else ProfileFields.tr("mi")


def km_per_unit(units: Units) -> float:
    return 1.0 if units is Units.KM else KM_PER_MILE


def _number(text: str) -> float | None:
    cleaned = text.strip().replace(",", ".")
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None


def read_start(text: str, today: date, fmt: str) -> date:
    """The day the pain started: a date, and not after today."""
    day = parse_typed_date(text, fmt, today)
    if day is None:
        example = day_text(today)
        raise ValidationError(
            "injury_start",
            ProfileFields.tr("“%s” is not a date. Type the day the pain started, like %s.")
            % (text.strip(), example),
        )
    if day > today:
        raise ValidationError(
            "injury_start",
            ProfileFields.tr("%s is in the future: type a day up to today (%s).")
            % (day_text(day), day_text(today)),
        )
    return day


def read_weekly(text: str, units: Units) -> float | None:
    """The usual weekly distance in ``units`` as typed; None when left empty."""
    typed = text.strip()
    if not typed:
        return None
    unit = unit_word(units)
    value = _number(typed)
    if value is None:
        raise ValidationError(
            "usual_weekly_km",
            ProfileFields.tr("“%s” is not a distance. Type a number of %s, like 30, or leave it "
                             "empty.")
            % (typed, unit),
        )
    if value < 0:
        raise ValidationError(
            "usual_weekly_km",
            ProfileFields.tr("%s %s is below 0. Type a distance, or leave it empty if you are not "
                             "sure.")
            % (typed, unit),
        )
    most = MAX_USUAL_WEEKLY_KM / km_per_unit(units)
    if value > most:
        raise ValidationError(
            "usual_weekly_km",
            ProfileFields.tr("%s %s a week is more than anyone runs (at most %d %s). Check the "
                             "number and the units.") % (typed, unit, int(most), unit),
        )
    return value


def read_cadence(text: str) -> int | None:
    """Steps a minute, both feet counted; None when left empty."""
    typed = text.strip()
    if not typed:
        return None
    low, high = CADENCE_RANGE
    value = _number(typed)
    if value is None or not value.is_integer():
        raise ValidationError(
            "usual_cadence_spm",
            ProfileFields.tr("“%s” is not a whole number of steps. Type one like 170, or leave it "
                "empty.") % typed,
        )
    steps = int(value)
    if steps < low:
        advice = (
            ProfileFields.tr(" If you counted one foot, double it: %d.") % (steps * 2)
            if low <= steps * 2 <= high
            else ProfileFields.tr(" Leave it empty if you do not know it.")
        )
        raise ValidationError(
            "usual_cadence_spm",
            ProfileFields.tr("%d steps a minute is too few for running (%d to %d, both feet).")
            % (steps, low, high) + advice,
        )
    if steps > high:
        raise ValidationError(
            "usual_cadence_spm",
            ProfileFields.tr("%d steps a minute is more than running reaches (%d to %d, both "
                             "feet). Check it, or leave it empty.") % (steps, low, high),
        )
    return steps
