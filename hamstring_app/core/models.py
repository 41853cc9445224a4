"""The app's vocabulary: frozen dataclasses shared by every layer.

Each dataclass checks its own values when it is built, so an invalid object cannot
exist anywhere in the app. Checks that need "today" (no future dates) take it as a
parameter: see :func:`check_not_future`. A failed check raises :class:`ValidationError`
naming the field and saying, in plain words, what is wrong.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hamstring_app.core.episodes import Episode, ProfessionalAssessment

# --------------------------------------------------------------------------- errors


class ValidationError(ValueError):
    """A value the app cannot accept. ``field`` names it; ``message`` says why."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(f"{field_name}: {message}")
        self.field = field_name
        self.message = message


# --------------------------------------------------------------------------- enums


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"
    BOTH = "both"


class PainSite(StrEnum):
    MID_THIGH = "mid_thigh"
    HIGH_NEAR_SIT_BONE = "high_near_sit_bone"


class Units(StrEnum):
    KM = "km"
    MILES = "miles"


KM_PER_MILE = 1.609344


class RunType(StrEnum):
    EASY = "easy"
    LONG = "long"
    TEMPO = "tempo"
    INTERVALS = "intervals"
    HILLS = "hills"
    RACE = "race"
    OTHER = "other"

    @property
    def is_intensity(self) -> bool:
        return self in INTENSITY_RUN_TYPES


# A run is hard from this session effort (CR-10 RPE) up, or when its type is an intensity
# type (source article: back-to-back hard sessions; the cut-off is the app's reading of
# "hard" on the CR-10 scale). The rules engine uses this same constant (thresholds.HARD_RPE).
HARD_RPE = 7

# A set with pain above this in a guided session offers the easier version or to stop the
# exercise, unless the runner sets another limit: the top of the pain-monitoring model's
# "acceptable" band (docs/evidence.md, section 6). Declared here for the settings and the
# session; the rules engine uses the same constant (thresholds.SET_PAIN_THRESHOLD_DEFAULT).
SET_PAIN_THRESHOLD_DEFAULT = 5

INTENSITY_RUN_TYPES = frozenset({RunType.TEMPO, RunType.INTERVALS, RunType.HILLS, RunType.RACE})


class RunSource(StrEnum):
    MANUAL = "manual"
    FILE = "file"


class Verdict(StrEnum):
    """Today's running verdict. Ordered: continue < modify < hold < stop."""

    CONTINUE = "continue"
    MODIFY = "modify"
    HOLD = "hold"
    STOP = "stop"

    @property
    def rank(self) -> int:
        return _VERDICT_ORDER.index(self)

    def __lt__(self, other: object) -> bool:  # type: ignore[override]
        if not isinstance(other, Verdict):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:  # type: ignore[override]
        if not isinstance(other, Verdict):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:  # type: ignore[override]
        if not isinstance(other, Verdict):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:  # type: ignore[override]
        if not isinstance(other, Verdict):
            return NotImplemented
        return self.rank >= other.rank


_VERDICT_ORDER = (Verdict.CONTINUE, Verdict.MODIFY, Verdict.HOLD, Verdict.STOP)


class Referral(StrEnum):
    """Whether to see a professional, and how soon. Ordered: none < routine < urgent."""

    NONE = "none"
    ROUTINE = "routine"
    URGENT = "urgent"

    @property
    def rank(self) -> int:
        return _REFERRAL_ORDER.index(self)


_REFERRAL_ORDER = (Referral.NONE, Referral.ROUTINE, Referral.URGENT)


class Level(StrEnum):
    """How loudly a piece of advice speaks. Ordered: info < caution < warning < danger."""

    INFO = "info"
    CAUTION = "caution"
    WARNING = "warning"
    DANGER = "danger"

    @property
    def rank(self) -> int:
        return _LEVEL_ORDER.index(self)


_LEVEL_ORDER = (Level.INFO, Level.CAUTION, Level.WARNING, Level.DANGER)


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
        return f"{value:g}"
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
        raise ValidationError(name, f"{value.isoformat()} is too far in the past")


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


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class Profile:
    """The runner and the current injury episode."""

    injury_start: date
    side: Side = Side.LEFT
    pain_site: PainSite = PainSite.MID_THIGH
    long_standing: bool = False  # symptoms for more than 6 weeks
    usual_weekly_km: float | None = None
    usual_cadence_spm: int | None = None
    units: Units = Units.KM

    def __post_init__(self) -> None:
        check_date("injury_start", self.injury_start)
        _check_enum("side", self.side, Side)
        _check_enum("pain_site", self.pain_site, PainSite)
        check_bool("long_standing", self.long_standing, optional=False)
        check_number("usual_weekly_km", self.usual_weekly_km, 0, MAX_USUAL_WEEKLY_KM, unit="km")
        if self.usual_cadence_spm is not None:
            if isinstance(self.usual_cadence_spm, bool) or not isinstance(
                self.usual_cadence_spm, int
            ):
                raise ValidationError("usual_cadence_spm", "must be a whole number of steps")
            check_number("usual_cadence_spm", self.usual_cadence_spm, *CADENCE_RANGE, unit="spm")
        _check_enum("units", self.units, Units)


RED_FLAG_FIELDS = (
    "sharp_pain",
    "pain_increases_with_speed",
    "gait_changed",
    "pain_in_daily_activities",
    "sudden_onset_with_weakness",
    "nerve_signs",
)
"""Check-in answers that each mean: stop running and get assessed."""

OVERSTRIDE_FIELDS = ("overstride_long_stride", "overstride_loud_landing", "overstride_heel_ahead")


@dataclass(frozen=True, slots=True)
class CheckIn:
    """One day's check-in. ``None`` always means "not answered", never "no"."""

    day: date
    pain_rest: int | None = None
    pain_run: int | None = None  # pain during the day's run; None with ran=False: no run
    pain_next_morning: int | None = None  # pain or stiffness on waking
    ran: bool | None = None  # did the runner run since the last check-in
    eased_during_run: bool | None = None
    settled_within_24h: bool | None = None
    # red flags
    sharp_pain: bool | None = None
    pain_increases_with_speed: bool | None = None
    gait_changed: bool | None = None
    pain_in_daily_activities: bool | None = None
    sudden_onset_with_weakness: bool | None = None
    nerve_signs: bool | None = None  # tingling, numbness or pain below the knee
    # overstriding signs the runner noticed (optional)
    overstride_long_stride: bool | None = None
    overstride_loud_landing: bool | None = None
    overstride_heel_ahead: bool | None = None
    fatigue: int | None = None  # 0-10
    sleep_hours: float | None = None
    note: str = ""

    def __post_init__(self) -> None:
        check_date("date", self.day)
        for name in ("pain_rest", "pain_run", "pain_next_morning"):
            check_pain(name, getattr(self, name))
        for name in (
            "ran",
            "eased_during_run",
            "settled_within_24h",
            *RED_FLAG_FIELDS,
            *OVERSTRIDE_FIELDS,
        ):
            check_bool(name, getattr(self, name))
        if self.ran is False and self.pain_run is not None:
            raise ValidationError("pain_run", "cannot be given on a day with no run")
        check_score("fatigue", self.fatigue)
        check_number("sleep_hours", self.sleep_hours, 0, 24, unit="hours")
        check_text("note", self.note)

    @property
    def red_flags(self) -> tuple[str, ...]:
        """Names of the red flags answered yes."""
        return tuple(name for name in RED_FLAG_FIELDS if getattr(self, name) is True)

    @property
    def overstride_signs(self) -> tuple[str, ...]:
        return tuple(name for name in OVERSTRIDE_FIELDS if getattr(self, name) is True)


@dataclass(frozen=True, slots=True)
class Run:
    day: date
    distance_km: float
    duration_min: float | None = None
    type: RunType = RunType.EASY
    rpe: int | None = None  # session RPE, CR-10 scale 0-10
    cadence_spm: int | None = None
    descent_m: float | None = None
    pain: int | None = None  # pain during the run, 0-10
    note: str = ""
    source: RunSource = RunSource.MANUAL
    # from a watch file (see hamstring_app.importer); empty or None for runs typed in
    started_at: datetime | None = None  # with its UTC offset; matches the same run twice
    avg_hr_bpm: int | None = None
    source_file: str = ""  # the file's name, e.g. "123456.fit.gz"
    content_hash: str | None = None  # sha256 of the file's content
    details: str = ""  # what the import did to the values ("cadence doubled ...")
    needs_review: bool = False  # imported from the watched folder: pain and RPE to add
    id: int | None = None  # set by the store

    def __post_init__(self) -> None:
        check_date("date", self.day)
        check_number(
            "distance_km", self.distance_km, 0, MAX_RUN_KM, unit="km", optional=False,
            low_inclusive=False,
        )
        check_number(
            "duration_min", self.duration_min, 0, MAX_RUN_MINUTES, unit="min", low_inclusive=False
        )
        _check_enum("type", self.type, RunType)
        check_score("rpe", self.rpe)
        if self.cadence_spm is not None:
            if isinstance(self.cadence_spm, bool) or not isinstance(self.cadence_spm, int):
                raise ValidationError("cadence_spm", "must be a whole number of steps per minute")
            check_number("cadence_spm", self.cadence_spm, *CADENCE_RANGE, unit="spm")
        check_number("descent_m", self.descent_m, 0, MAX_DESCENT_M, unit="m")
        check_pain("pain", self.pain)
        check_text("note", self.note)
        _check_enum("source", self.source, RunSource)
        if self.started_at is not None and not isinstance(self.started_at, datetime):
            raise ValidationError("started_at", f"must be a date and time, not {self.started_at!r}")
        if self.avg_hr_bpm is not None:
            if isinstance(self.avg_hr_bpm, bool) or not isinstance(self.avg_hr_bpm, int):
                raise ValidationError("avg_hr_bpm", "must be a whole number of beats per minute")
            check_number("avg_hr_bpm", self.avg_hr_bpm, *HEART_RATE_RANGE, unit="bpm")
        check_text("source_file", self.source_file, MAX_FILE_NAME_CHARS)
        if self.content_hash is not None:
            check_text("content_hash", self.content_hash, MAX_HASH_CHARS)
        check_text("details", self.details)
        check_bool("needs_review", self.needs_review, optional=False)
        check_id("id", self.id)

    @property
    def session_load(self) -> float | None:
        """Session RPE x minutes (Foster 2001), or None when either is unknown."""
        if self.rpe is None or self.duration_min is None:
            return None
        return self.rpe * self.duration_min

    @property
    def is_hard(self) -> bool:
        return self.type.is_intensity or (self.rpe is not None and self.rpe >= HARD_RPE)


@dataclass(frozen=True, slots=True)
class SetLog:
    """One set of one exercise in a strength session."""

    exercise_id: str
    set_number: int
    reps: int | None = None
    hold_s: float | None = None
    load_kg: float | None = None
    pain: int | None = None
    completed: bool = True
    started_at: datetime | None = None
    finished_at: datetime | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.exercise_id, str) or not self.exercise_id.strip():
            raise ValidationError("exercise", "must name an exercise")
        check_encodable("exercise", self.exercise_id)
        if (
            isinstance(self.set_number, bool)
            or not isinstance(self.set_number, int)
            or not 1 <= self.set_number <= MAX_SETS
        ):
            raise ValidationError("set_number", f"must be a whole number from 1 to {MAX_SETS}")
        if self.reps is not None and (
            isinstance(self.reps, bool) or not isinstance(self.reps, int)
        ):
            raise ValidationError("reps", f"must be a whole number, not {shown(self.reps)}")
        check_number("reps", self.reps, 0, MAX_REPS)
        check_number("hold_s", self.hold_s, 0, MAX_HOLD_S, unit="s")
        check_number("load_kg", self.load_kg, 0, MAX_LOAD_KG, unit="kg")
        check_pain("pain", self.pain)
        check_bool("completed", self.completed, optional=False)
        check_time_order(self.started_at, self.finished_at, what="the set")


@dataclass(frozen=True, slots=True)
class StrengthSession:
    day: date
    sets: tuple[SetLog, ...] = ()
    pain_next_morning: int | None = None  # how the hamstring answered the next morning
    phase: int | None = None  # rehab phase 1-4 the session was planned for
    programme_id: str | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None  # None while the session is in progress
    id: int | None = None  # set by the store

    def __post_init__(self) -> None:
        check_date("date", self.day)
        if not isinstance(self.sets, tuple):
            raise ValidationError("sets", "must be a tuple of sets")
        for s in self.sets:
            if not isinstance(s, SetLog):
                raise ValidationError("sets", f"holds something that is not a set: {shown(s)}")
        check_pain("pain_next_morning", self.pain_next_morning)
        if self.phase is not None and (
            isinstance(self.phase, bool) or self.phase not in (1, 2, 3, 4)
        ):
            raise ValidationError("phase", f"must be 1, 2, 3 or 4, not {shown(self.phase)}")
        if self.programme_id is not None:
            if not isinstance(self.programme_id, str) or not self.programme_id.strip():
                raise ValidationError(
                    "programme_id", f"must name a programme, not {shown(self.programme_id)}"
                )
            check_text("programme_id", self.programme_id, MAX_PROGRAMME_ID_CHARS)
        check_id("id", self.id)

    @property
    def finished(self) -> bool:
        return self.finished_at is not None

    @property
    def max_pain(self) -> int | None:
        pains = [s.pain for s in self.sets if s.pain is not None]
        return max(pains) if pains else None


@dataclass(frozen=True, slots=True)
class History:
    """Everything the rules engine looks at. Sequences are sorted oldest first."""

    profile: Profile | None = None
    checkins: tuple[CheckIn, ...] = ()
    runs: tuple[Run, ...] = ()
    strength_sessions: tuple[StrengthSession, ...] = ()
    # injury episodes, oldest first (empty: the profile's injury start is the one episode)
    episodes: tuple[Episode, ...] = ()
    # "assessed by a qualified professional" records, oldest first
    assessments: tuple[ProfessionalAssessment, ...] = ()


# --------------------------------------------------------------------------- advice

WhyValue = int | float | str | bool | None


@dataclass(frozen=True, slots=True)
class Advice:
    """One piece of advice with its reason ("why") and how strong the evidence is."""

    rule: str  # stable id, e.g. "load.single_run_spike"
    level: Level
    title: str
    message: str
    why: Mapping[str, WhyValue] = field(default_factory=dict)
    evidence: str = ""


@dataclass(frozen=True, slots=True)
class AppMeta:
    schema_revision: str
    app_version: str
