"""The numbers behind a piece of advice ("why"), in the runner's words and units.

The rules give a dict of plain keys and values (``run_km``, ``red_flags: "sharp_pain"``).
Here each known key gets a phrase and a unit; distances follow the profile's units,
exercise ids become their names and warning-sign fields become the questions the runner
answered. A key nobody described yet still reads tidily ("Days off: 3").
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject

from hamstring_app.core.library import exercise_names
from hamstring_app.core.models import KM_PER_MILE, Units, WhyValue
from hamstring_app.ui.checkin.questions import red_flag_phrases
from hamstring_app.ui.dates import day_text
from hamstring_app.ui.texts import counted

log = logging.getLogger(__name__)


class WhyText(QObject):
    """The translation context of the "why" lines."""


# key -> (phrase, how the value is shown). Kinds: distance (stored in km), m, pct, spm,
# date, days, weeks, pain, count, hours, exercises, flags, source, text.
_LABELS: dict[str, tuple[str, str]] = {
    "checkin_date": (QT_TRANSLATE_NOOP("WhyText", "Check-in"), "date"),
    "date": (QT_TRANSLATE_NOOP("WhyText", "Date"), "date"),
    "run_date": (QT_TRANSLATE_NOOP("WhyText", "Run on"), "date"),
    "red_flag_date": (QT_TRANSLATE_NOOP("WhyText", "Warning sign reported on"), "date"),
    "assessment_date": (QT_TRANSLATE_NOOP("WhyText", "Assessed by a professional on"), "date"),
    "outcome": (QT_TRANSLATE_NOOP("WhyText", "What they said"), "text"),
    "onset": (QT_TRANSLATE_NOOP("WhyText", "Pain started"), "date"),
    "returned_on": (QT_TRANSLATE_NOOP("WhyText", "Back to running on"), "date"),
    "first_day": (QT_TRANSLATE_NOOP("WhyText", "First day"), "date"),
    "second_day": (QT_TRANSLATE_NOOP("WhyText", "Second day"), "date"),
    "pain_rest": (QT_TRANSLATE_NOOP("WhyText", "Pain at rest"), "pain"),
    "pain_run": (QT_TRANSLATE_NOOP("WhyText", "Pain during the run"), "pain"),
    "pain_next_morning": (QT_TRANSLATE_NOOP("WhyText", "Sore or stiff on waking"), "pain"),
    "pain_during_logged_run": (QT_TRANSLATE_NOOP("WhyText", "Pain during the logged run"), "pain"),
    "pain_highest": (QT_TRANSLATE_NOOP("WhyText", "Highest pain today"), "pain"),
    "pain_mean_7d": (QT_TRANSLATE_NOOP("WhyText", "Average pain over the last 7 days"), "pain"),
    "mean_this_week": (QT_TRANSLATE_NOOP("WhyText", "Average pain this week"), "pain"),
    "mean_last_week": (QT_TRANSLATE_NOOP("WhyText", "Average pain last week"), "pain"),
    "mean_two_weeks_ago": (QT_TRANSLATE_NOOP("WhyText", "Average pain two weeks ago"), "pain"),
    "rise_needed_each_week": (QT_TRANSLATE_NOOP("WhyText", "Rise that counts, each week"), "pain"),
    "rise_needed": (QT_TRANSLATE_NOOP("WhyText", "Rise that counts"), "pain"),
    "baseline_next_morning": (QT_TRANSLATE_NOOP("WhyText", "Usual pain on waking"), "pain"),
    "mean_next_morning_after": (
        QT_TRANSLATE_NOOP("WhyText", "Average pain on waking after these"), "pain"
    ),
    "mean_next_morning_other": (
        QT_TRANSLATE_NOOP("WhyText", "Average pain on waking on other days"), "pain"
    ),
    "margin_needed": (QT_TRANSLATE_NOOP("WhyText", "Difference that counts"), "pain"),
    "limit": (QT_TRANSLATE_NOOP("WhyText", "Highest pain to accept"), "pain"),
    "mild_up_to": (QT_TRANSLATE_NOOP("WhyText", "Mild pain goes up to"), "pain"),
    "hold_from": (QT_TRANSLATE_NOOP("WhyText", "Hold from"), "pain"),
    "hold_to": (QT_TRANSLATE_NOOP("WhyText", "Hold up to"), "pain"),
    "safe_set_pain_up_to": (QT_TRANSLATE_NOOP("WhyText", "Set pain that allows a step up"), "pain"),
    "hold_set_pain_up_to": (
        QT_TRANSLATE_NOOP("WhyText", "Set pain that means stay where you are"), "pain"
    ),
    "baseline_days": (QT_TRANSLATE_NOOP("WhyText", "Days looked back"), "days"),
    "window_days": (QT_TRANSLATE_NOOP("WhyText", "Days a warning sign counts for"), "days"),
    "days_since_last_intensity": (
        QT_TRANSLATE_NOOP("WhyText", "Days since your last fast session"), "days"
    ),
    "days_off": (QT_TRANSLATE_NOOP("WhyText", "Days without running"), "days"),
    "red_flags": (QT_TRANSLATE_NOOP("WhyText", "Warning signs"), "flags"),
    "earlier_red_flags": (
        QT_TRANSLATE_NOOP("WhyText", "Earlier warning signs, not yet assessed"), "flags"
    ),
    "exercises": (QT_TRANSLATE_NOOP("WhyText", "Exercises"), "exercises"),
    "exercise": (QT_TRANSLATE_NOOP("WhyText", "Exercise"), "exercises"),
    "advice_to_follow": (QT_TRANSLATE_NOOP("WhyText", "Advice to follow"), "text"),
    "run_km": (QT_TRANSLATE_NOOP("WhyText", "That run"), "distance"),
    "longest_previous_30d_km": (
        QT_TRANSLATE_NOOP("WhyText", "Longest run in the 30 days before"), "distance"
    ),
    "weekly_km": (QT_TRANSLATE_NOOP("WhyText", "This week"), "distance"),
    "average_previous_3_weeks_km": (
        QT_TRANSLATE_NOOP("WhyText", "Weekly average over the 3 weeks before"), "distance"
    ),
    "old_weekly_km": (QT_TRANSLATE_NOOP("WhyText", "Weekly distance before the break"), "distance"),
    "increase_pct": (QT_TRANSLATE_NOOP("WhyText", "Longer by"), "pct"),
    "change_pct": (QT_TRANSLATE_NOOP("WhyText", "Change"), "pct"),
    "flag_above_pct": (QT_TRANSLATE_NOOP("WhyText", "Flagged above"), "pct"),
    "levels_pct": (QT_TRANSLATE_NOOP("WhyText", "Steps that count"), "pct"),
    "descent_m": (QT_TRANSLATE_NOOP("WhyText", "Descent"), "m"),
    "long_descent_from_m": (QT_TRANSLATE_NOOP("WhyText", "A long descent is"), "m"),
    "runs_with_long_descent_14d": (
        QT_TRANSLATE_NOOP("WhyText", "Runs with a long descent, last 14 days"), "count"
    ),
    "usual_cadence_spm": (QT_TRANSLATE_NOOP("WhyText", "Your usual cadence"), "spm"),
    "usual_from": (QT_TRANSLATE_NOOP("WhyText", "Usual cadence taken from"), "source"),
    "recent_mean_cadence_spm": (QT_TRANSLATE_NOOP("WhyText", "Recent average cadence"), "spm"),
    "target_low_spm": (QT_TRANSLATE_NOOP("WhyText", "Aim from"), "spm"),
    "target_high_spm": (QT_TRANSLATE_NOOP("WhyText", "Aim up to"), "spm"),
    "target_reached": (QT_TRANSLATE_NOOP("WhyText", "Aim reached"), "text"),
    "weeks_since_onset": (QT_TRANSLATE_NOOP("WhyText", "Weeks since the pain started"), "weeks"),
    "expected_from_weeks": (QT_TRANSLATE_NOOP("WhyText", "Usually settles from"), "weeks"),
    "expected_to_weeks": (QT_TRANSLATE_NOOP("WhyText", "Usually settles by"), "weeks"),
    "intensity_this_week": (QT_TRANSLATE_NOOP("WhyText", "Fast sessions this week"), "count"),
    "intensity_week_before": (
        QT_TRANSLATE_NOOP("WhyText", "Fast sessions the week before"), "count"
    ),
    "sleep_hours": (QT_TRANSLATE_NOOP("WhyText", "Sleep"), "hours"),
    "sleep_below": (QT_TRANSLATE_NOOP("WhyText", "Short sleep is under"), "hours"),
    "fatigue": (QT_TRANSLATE_NOOP("WhyText", "Fatigue"), "pain"),
    "fatigue_from": (QT_TRANSLATE_NOOP("WhyText", "High fatigue from"), "pain"),
}

_SESSION_KEY = re.compile(r"session_(\d+)_(.+)")
_SESSION_PARTS: dict[str, tuple[str, str]] = {
    "date": (QT_TRANSLATE_NOOP("WhyText", "date"), "date"),
    "highest_set_pain": (QT_TRANSLATE_NOOP("WhyText", "highest set pain"), "pain"),
    "set_pain_missing": (QT_TRANSLATE_NOOP("WhyText", "sets without a pain score"), "count"),
    "next_morning_pain": (QT_TRANSLATE_NOOP("WhyText", "pain the next morning"), "pain"),
}
_SOURCES = {
    "profile": QT_TRANSLATE_NOOP("WhyText", "your profile"),
    "runs": QT_TRANSLATE_NOOP("WhyText", "your logged runs"),
    "default": QT_TRANSLATE_NOOP("WhyText", "a typical value"),
}
_SUFFIX_KINDS = (
    ("_km", "distance"),
    ("_pct", "pct"),
    ("_spm", "spm"),
    ("_m", "m"),
    ("_date", "date"),
    ("_days", "days"),
    ("_weeks", "weeks"),
    ("_hours", "hours"),
)


def tidy(key: str) -> str:
    """A snake_case key as a sentence-case phrase: ``days_off`` -> ``Days off``."""
    words = key.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def _number(value: float, digits: int = 1) -> str:
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return text or "0"


def _date(value: WhyValue) -> str:
    try:
        day = date.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return day_text(day)


def _mapped_list(value: WhyValue, mapping: Mapping[str, str]) -> str:
    items = [item.strip() for item in str(value).split(",") if item.strip()]
    return ", ".join(mapping.get(item, tidy(item)) for item in items)


def format_value(
    kind: str, value: WhyValue, units: Units, names: Callable[[], Mapping[str, str]]
) -> str:
    """One value, shown as ``kind`` says, in the runner's units."""
    if value is None:
        return WhyText.tr("not known")
    if isinstance(value, bool):
        return WhyText.tr("yes") if value else WhyText.tr("no")
    if kind == "date":
        return _date(value)
    if kind == "exercises":
        return _mapped_list(value, names())
    if kind == "flags":
        return _mapped_list(value, red_flag_phrases())
    if kind == "source":
        return WhyText.tr(_SOURCES.get(str(value), tidy(str(value)).lower()))
    if kind == "pct" and isinstance(value, str):
        parts = [p.strip() for p in value.split("/") if p.strip()]
        return ", ".join(f"{p}%" for p in parts)
    if not isinstance(value, int | float):
        return tidy(str(value)) if "_" in str(value) else str(value)
    if kind == "distance":
        if units == Units.MILES:
            return f"{_number(value / KM_PER_MILE)} mi"
        return f"{_number(value)} km"
    unit = {
        "m": " m",
        "pct": "%",
        "spm": " " + WhyText.tr("steps a minute"),
        "pain": "/10",
        "hours": " h",
    }.get(kind, "")
    if kind in ("days", "weeks") and float(value) == int(float(value)):
        n = int(float(value))
        if kind == "days":
            return counted(n, WhyText.tr("1 day"), WhyText.tr("%n days", "", n))
        return counted(n, WhyText.tr("1 week"), WhyText.tr("%n weeks", "", n))
    if kind in ("days", "weeks"):  # a fraction: "1.5 weeks"
        unit = " " + (WhyText.tr("days") if kind == "days" else WhyText.tr("weeks"))
    return _number(value) + unit


def describe(key: str) -> tuple[str, str]:
    """(phrase, kind) for a key: from the table, a session key, or the key's own words."""
    if key in _LABELS:
        phrase, kind = _LABELS[key]
        return WhyText.tr(phrase), kind
    match = _SESSION_KEY.fullmatch(key)
    if match and match.group(2) in _SESSION_PARTS:
        part, kind = _SESSION_PARTS[match.group(2)]
        words = WhyText.tr("Session %1, %2").replace("%1", match.group(1))
        return words.replace("%2", WhyText.tr(part)), kind
    for suffix, kind in _SUFFIX_KINDS:
        if key.endswith(suffix):
            return tidy(key[: -len(suffix)]), kind
    if key in red_flag_phrases():
        return red_flag_phrases()[key], "text"
    return tidy(key), "text"


def why_lines(
    why: Mapping[str, WhyValue],
    units: Units = Units.KM,
    names: Callable[[], Mapping[str, str]] = exercise_names,
) -> list[str]:
    """The numbers behind a piece of advice, one readable line each."""
    lines = []
    for key, value in why.items():
        phrase, kind = describe(key)
        lines.append(f"{phrase}: {format_value(kind, value, units, names)}")
    return lines
