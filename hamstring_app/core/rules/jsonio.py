"""Turn the JSON document read by ``hamstring-app assess`` into core models (pure).

The shape is documented in docs/assess.md. Unknown keys are an error, missing optional
keys are fine, and every problem raises :class:`ValidationError` whose field is a path
such as ``checkins[2].pain_rest`` and whose message quotes the bad value.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from hamstring_app.core.episodes import (
    AssessmentOutcome,
    Episode,
    EpisodeEnd,
    ProfessionalAssessment,
    check_episodes,
)
from hamstring_app.core.models import (
    OVERSTRIDE_FIELDS,
    RED_FLAG_FIELDS,
    CheckIn,
    History,
    PainSite,
    Profile,
    Run,
    RunType,
    SetLog,
    Side,
    StrengthSession,
    Units,
    ValidationError,
    check_not_future,
    shown,
)

TOP_KEYS = (
    "today", "profile", "episodes", "checkins", "runs", "strength_sessions", "assessments"
)
EPISODE_KEYS = ("onset", "side", "pain_site", "long_standing", "ended", "end_reason")
ASSESSMENT_KEYS = ("date", "outcome", "note")
PROFILE_KEYS = (
    "injury_start",
    "pain_site",
    "long_standing",
    "usual_cadence_spm",
    "side",
    "usual_weekly_km",
    "units",
)
CHECKIN_KEYS = (
    "date",
    "pain_rest",
    "pain_run",
    "pain_next_morning",
    "ran",
    "eased_during_run",
    "settled_within_24h",
    *RED_FLAG_FIELDS,
    *OVERSTRIDE_FIELDS,
    "fatigue",
    "sleep_hours",
    "note",
)
RUN_KEYS = (
    "date",
    "distance_km",
    "duration_min",
    "type",
    "rpe",
    "cadence_spm",
    "descent_m",
    "pain",
    "note",
)
SESSION_KEYS = (
    "date",
    "sets",
    "pain_next_morning",
    "phase",
    "programme",
    "started_at",
    "finished_at",
)
SET_KEYS = ("exercise", "set_number", "reps", "hold_s", "load_kg", "pain", "completed")

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # ASCII digits only, as written

# The day assessed may be at most this long after the first record: the engine's work
# grows with the days it covers, and advice about records a century old means nothing.
MAX_SPAN_YEARS = 100
MAX_SPAN_DAYS = 36_525

# Python refuses to turn longer digit strings into whole numbers (a guard against slow
# conversions); no field takes a number anywhere near that long.
MAX_INT_DIGITS = 4300
_LONG_NUMBER = re.compile(r"-?\d{" + str(MAX_INT_DIGITS + 1) + ",}")


class JsonObject(dict[str, Any]):
    """A JSON object as read, remembering the first key it was given twice."""

    repeated: str | None = None


def json_object(pairs: list[tuple[str, Any]]) -> JsonObject:
    """``object_pairs_hook`` for :func:`json.loads`: keeps duplicate keys visible, so the
    parser can refuse them with the object's path instead of keeping the last one."""
    obj = JsonObject()
    for key, value in pairs:
        if key in obj and obj.repeated is None:
            obj.repeated = key
        obj[key] = value
    return obj


class NumberTooLong(ValueError):
    """A whole number with more digits than Python will convert."""

    def __init__(self, digits: int) -> None:
        super().__init__(f"a number {digits:,} digits long")
        self.digits = digits


def json_int(text: str) -> int:
    """``parse_int`` for :func:`json.loads`: refuses over-long numbers before converting."""
    digits = len(text.lstrip("-"))
    if digits > MAX_INT_DIGITS:
        raise NumberTooLong(digits)
    return int(text)


def long_number_at(text: str) -> tuple[int, int, int] | None:
    """(digits, line, column) of the first over-long number in ``text``, if any."""
    found = _LONG_NUMBER.search(text)
    if found is None:
        return None
    line = text.count("\n", 0, found.start()) + 1
    column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    return len(found.group().lstrip("-")), line, column


def parse_date(name: str, value: object) -> date:
    """A YYYY-MM-DD string that names a real calendar day."""
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise ValidationError(name, f"must be a date written YYYY-MM-DD, not {shown(value)}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValidationError(name, f"{shown(value)} is not a real calendar date") from None


def parse_datetime(name: str, value: object) -> datetime | None:
    """An optional ISO 8601 date and time (``2026-03-12T18:05:00+01:00``), or None."""
    if value is None:
        return None
    if not isinstance(value, str) or not _ISO_DATE.match(value) or "T" not in value:
        raise ValidationError(
            name, f"must be a date and time written YYYY-MM-DDTHH:MM:SS, not {value!r}"
        )
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise ValidationError(name, f"{value!r} is not a real date and time") from None


def _object(name: str, value: object, allowed: tuple[str, ...]) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise ValidationError(
            name or "document", f"must be an object ({{...}}), not {shown(value)}"
        )
    repeated = getattr(value, "repeated", None)
    if repeated is not None:
        raise ValidationError(
            f"{name}.{repeated}" if name else repeated,
            "is given twice in the same object; give each field once",
        )
    for key in value:
        if key not in allowed:
            raise ValidationError(
                f"{name}.{key}" if name else key,
                f"is not a known field (known fields: {', '.join(allowed)})",
            )
    return value


def _list(name: str, value: object) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValidationError(name, f"must be a list ([...]), not {shown(value)}")
    return value


def _enum(name: str, value: object, enum: type[StrEnum]) -> StrEnum:
    try:
        return enum(value)
    except (ValueError, TypeError):
        allowed = ", ".join(m.value for m in enum)
        raise ValidationError(name, f"must be one of {allowed}, not {shown(value)}") from None


def _build(prefix: str, make: Callable[[], Any]) -> Any:
    """Build a model; re-raise its own error with the full path of the field."""
    try:
        return make()
    except ValidationError as e:
        raise ValidationError(f"{prefix}.{e.field}", e.message) from None


def _required(prefix: str, data: Mapping[str, Any], key: str) -> Any:
    if key not in data or data[key] is None:
        raise ValidationError(f"{prefix}.{key}", "is required")
    return data[key]


def parse_profile(value: object, *, default_start: date | None = None) -> Profile:
    """The profile; ``injury_start`` may be left out when episodes give ``default_start``."""
    data = _object("profile", value, PROFILE_KEYS)
    if default_start is not None and data.get("injury_start") is None:
        start = default_start
    else:
        start = parse_date("profile.injury_start", _required("profile", data, "injury_start"))
    kw: dict[str, Any] = {"injury_start": start}
    for key, enum in (("pain_site", PainSite), ("side", Side), ("units", Units)):
        if data.get(key) is not None:
            kw[key] = _enum(f"profile.{key}", data[key], enum)
    for key in ("long_standing", "usual_cadence_spm", "usual_weekly_km"):
        if key in data and (data[key] is not None or key != "long_standing"):
            kw[key] = data[key]
    return _build("profile", lambda: Profile(**kw))


def _dated(
    prefix: str, value: object, keys: tuple[str, ...]
) -> tuple[Mapping[str, Any], date, dict[str, Any]]:
    """A record's object, its date, and its other fields (a null note left out)."""
    data = _object(prefix, value, keys)
    day = parse_date(f"{prefix}.date", _required(prefix, data, "date"))
    kw = {key: v for key, v in data.items() if key != "date"}
    if kw.get("note") is None:
        kw.pop("note", None)
    return data, day, kw


def parse_checkin(k: int, value: object) -> CheckIn:
    prefix = f"checkins[{k}]"
    _data, day, kw = _dated(prefix, value, CHECKIN_KEYS)
    return _build(prefix, lambda: CheckIn(day=day, **kw))


def parse_run(k: int, value: object) -> Run:
    prefix = f"runs[{k}]"
    data, day, kw = _dated(prefix, value, RUN_KEYS)
    _required(prefix, data, "distance_km")
    if kw.get("type") is not None:
        kw["type"] = _enum(f"{prefix}.type", kw["type"], RunType)
    else:
        kw.pop("type", None)
    return _build(prefix, lambda: Run(day=day, **kw))


def parse_session(k: int, value: object) -> StrengthSession:
    prefix = f"strength_sessions[{k}]"
    data = _object(prefix, value, SESSION_KEYS)
    day = parse_date(f"{prefix}.date", _required(prefix, data, "date"))
    sets: list[SetLog] = []
    counts: dict[str, int] = {}
    numbered: dict[tuple[str, int], int] = {}  # (exercise, set number) -> index in sets
    for j, raw in enumerate(_list(f"{prefix}.sets", data.get("sets"))):
        set_prefix = f"{prefix}.sets[{j}]"
        s = _object(set_prefix, raw, SET_KEYS)
        exercise = _required(set_prefix, s, "exercise")
        if not isinstance(exercise, str):
            raise ValidationError(f"{set_prefix}.exercise", f"must be text, not {shown(exercise)}")
        counts[exercise] = counts.get(exercise, 0) + 1
        kw = {key: v for key, v in s.items() if key not in ("exercise", "set_number")}
        if kw.get("completed") is None:
            kw.pop("completed", None)
        number = s.get("set_number", counts[exercise])
        built = _build(
            set_prefix,
            lambda exercise=exercise, number=number, kw=kw: SetLog(
                exercise_id=exercise, set_number=number, **kw
            ),
        )
        key = (exercise, built.set_number)
        if key in numbered:
            raise ValidationError(
                f"{set_prefix}.set_number",
                f"{exercise} already has a set {built.set_number} in this session "
                f"(sets[{numbered[key]}])",
            )
        numbered[key] = j
        sets.append(built)
    frozen = tuple(sets)
    programme = data.get("programme")
    if programme is not None and (
        not isinstance(programme, str) or not programme.strip() or len(programme) > 100
    ):
        raise ValidationError(
            f"{prefix}.programme", f"must name a programme (1-100 characters), not {programme!r}"
        )
    started = parse_datetime(f"{prefix}.started_at", data.get("started_at"))
    finished = parse_datetime(f"{prefix}.finished_at", data.get("finished_at"))
    same_kind = started and finished and (started.tzinfo is None) == (finished.tzinfo is None)
    if same_kind and finished < started:  # type: ignore[operator]
        raise ValidationError(f"{prefix}.finished_at", "is before the session started")
    return _build(
        prefix,
        lambda: StrengthSession(
            day=day,
            sets=frozen,
            pain_next_morning=data.get("pain_next_morning"),
            phase=data.get("phase"),
            programme_id=programme,
            started_at=started,
            finished_at=finished,
        ),
    )


def parse_episode(k: int, value: object) -> Episode:
    prefix = f"episodes[{k}]"
    data = _object(prefix, value, EPISODE_KEYS)
    kw: dict[str, Any] = {"onset": parse_date(f"{prefix}.onset", _required(prefix, data, "onset"))}
    if data.get("ended") is not None:
        kw["ended"] = parse_date(f"{prefix}.ended", data["ended"])
    for key, enum in (("side", Side), ("pain_site", PainSite), ("end_reason", EpisodeEnd)):
        if data.get(key) is not None:
            kw[key] = _enum(f"{prefix}.{key}", data[key], enum)
    if data.get("long_standing") is not None:
        kw["long_standing"] = data["long_standing"]
    return _build(prefix, lambda: Episode(**kw))


def parse_assessment(k: int, value: object) -> ProfessionalAssessment:
    prefix = f"assessments[{k}]"
    data = _object(prefix, value, ASSESSMENT_KEYS)
    day = parse_date(f"{prefix}.date", _required(prefix, data, "date"))
    outcome = None
    if data.get("outcome") is not None:
        outcome = _enum(f"{prefix}.outcome", data["outcome"], AssessmentOutcome)
    note = data.get("note")
    return _build(
        prefix,
        lambda: ProfessionalAssessment(
            day=day, outcome=outcome, note="" if note is None else note  # type: ignore[arg-type]
        ),
    )


def parse_document(
    value: object, *, cli_today: date | None, system_today: date
) -> tuple[History, date]:
    """The history and the day to assess.

    The day is ``cli_today`` if given, else the document's ``today``, else ``system_today``
    (which the caller reads from the clock at the edge). No record may be after that day.
    """
    data = _object("", value, TOP_KEYS)
    if cli_today is not None:
        today = cli_today
    elif data.get("today") is not None:
        today = parse_date("today", data["today"])
    else:
        today = system_today
    episodes = [parse_episode(k, v) for k, v in enumerate(_list("episodes", data.get("episodes")))]
    check_episodes(episodes)
    latest = episodes[-1].onset if episodes else None
    profile = (
        parse_profile(data["profile"], default_start=latest)
        if data.get("profile") is not None
        else None
    )
    checkins = [parse_checkin(k, v) for k, v in enumerate(_list("checkins", data.get("checkins")))]
    runs = [parse_run(k, v) for k, v in enumerate(_list("runs", data.get("runs")))]
    sessions = [
        parse_session(k, v)
        for k, v in enumerate(_list("strength_sessions", data.get("strength_sessions")))
    ]
    assessments = [
        parse_assessment(k, v) for k, v in enumerate(_list("assessments", data.get("assessments")))
    ]
    if profile is not None:
        check_not_future("profile.injury_start", profile.injury_start, today)
    seen: dict[date, int] = {}
    for k, c in enumerate(checkins):
        if c.day in seen:
            raise ValidationError(
                f"checkins[{k}].date",
                f"{c.day.isoformat()} already has a check-in (checkins[{seen[c.day]}])",
            )
        seen[c.day] = k
    named: tuple[tuple[str, list[Any]], ...] = (
        ("checkins", checkins),
        ("runs", runs),
        ("strength_sessions", sessions),
        ("assessments", assessments),
    )
    for k, e in enumerate(episodes):
        check_not_future(f"episodes[{k}].onset", e.onset, today)
        if e.ended is not None:
            check_not_future(f"episodes[{k}].ended", e.ended, today)
    for name, items in named:
        for k, item in enumerate(items):
            check_not_future(f"{name}[{k}].date", item.day, today)
    history = History(
        profile=profile,
        checkins=tuple(sorted(checkins, key=lambda c: c.day)),
        runs=tuple(sorted(runs, key=lambda r: r.day)),
        strength_sessions=tuple(sorted(sessions, key=lambda s: s.day)),
        assessments=tuple(sorted(assessments, key=lambda a: a.day)),
        episodes=tuple(episodes),
    )
    check_span("--today" if cli_today is not None else "today", history, today)
    return history, today


def first_record_day(history: History, today: date) -> date | None:
    """The earliest day of any record on or before ``today`` (None without records)."""
    records = (*history.checkins, *history.runs, *history.strength_sessions)
    return min((x.day for x in records if x.day <= today), default=None)


def check_span(name: str, history: History, today: date) -> None:
    """Refuse a day to assess more than MAX_SPAN_YEARS after the first record."""
    first = first_record_day(history, today)
    if first is not None and (today - first).days > MAX_SPAN_DAYS:
        raise ValidationError(
            name,
            f"{today.isoformat()} is more than {MAX_SPAN_YEARS} years after the first "
            f"record ({first.isoformat()}); assess a day within {MAX_SPAN_YEARS} years of it",
        )
