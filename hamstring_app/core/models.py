"""The app's vocabulary: frozen dataclasses shared by every layer.

Each dataclass checks its own values when it is built, so an invalid object cannot
exist anywhere in the app. Checks that need "today" (no future dates) take it as a
parameter: see :func:`check_not_future`. A failed check raises :class:`ValidationError`
naming the field and saying, in plain words, what is wrong.

Their kinds (enums) are in :mod:`hamstring_app.core.enums` and their checks in
:mod:`hamstring_app.core.checks`; both are re-exported here, so every record, kind and
check is imported from this one module.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from hamstring_app.core.checks import (
    BIG_INT_DIGITS,
    CADENCE_RANGE,
    EARLIEST_DATE,
    FASTEST_PACE_MIN_PER_KM,
    HEART_RATE_RANGE,
    MAX_DESCENT_M,
    MAX_FILE_NAME_CHARS,
    MAX_HASH_CHARS,
    MAX_HOLD_S,
    MAX_LOAD_KG,
    MAX_NOTE_CHARS,
    MAX_PROGRAMME_ID_CHARS,
    MAX_REPS,
    MAX_RUN_KM,
    MAX_RUN_MINUTES,
    MAX_SETS,
    MAX_USUAL_WEEKLY_KM,
    SLOWEST_PACE_MIN_PER_KM,
    ValidationError,
    _check_enum,
    check_bool,
    check_date,
    check_encodable,
    check_id,
    check_not_future,
    check_number,
    check_pain,
    check_score,
    check_text,
    check_time_order,
    pace_is_possible,
    pace_min_per_km,
    shown,
)
from hamstring_app.core.enums import (
    HARD_RPE,
    INTENSITY_RUN_TYPES,
    KM_PER_MILE,
    SET_PAIN_THRESHOLD_DEFAULT,
    Level,
    PainSite,
    Referral,
    RunSource,
    RunType,
    Side,
    Units,
    Verdict,
)

if TYPE_CHECKING:
    from hamstring_app.core.episodes import Episode, ProfessionalAssessment

__all__ = [
    "BIG_INT_DIGITS", "CADENCE_RANGE", "DAILY_RED_FLAG_FIELDS", "EARLIEST_DATE",
    "FASTEST_PACE_MIN_PER_KM", "HARD_RPE", "HEART_RATE_RANGE", "INTENSITY_RUN_TYPES",
    "KM_PER_MILE", "LESS_COMMON_RED_FLAG_FIELDS", "MAX_DESCENT_M", "MAX_FILE_NAME_CHARS",
    "MAX_HASH_CHARS", "MAX_HOLD_S", "MAX_LOAD_KG", "MAX_NOTE_CHARS", "MAX_PROGRAMME_ID_CHARS",
    "MAX_REPS", "MAX_RUN_KM", "MAX_RUN_MINUTES", "MAX_SETS", "MAX_USUAL_WEEKLY_KM",
    "OVERSTRIDE_FIELDS", "RED_FLAG_FIELDS", "SET_PAIN_THRESHOLD_DEFAULT",
    "SLOWEST_PACE_MIN_PER_KM", "Advice", "AppMeta", "CheckIn", "History", "Level", "PainSite",
    "Profile", "Referral", "Run", "RunSource", "RunType", "SetLog", "Side", "StrengthSession",
    "Units", "ValidationError", "Verdict", "WhyValue", "check_bool", "check_date",
    "check_encodable", "check_id", "check_not_future", "check_number", "check_pain", "check_score",
    "check_text", "check_time_order", "pace_is_possible", "pace_min_per_km", "shown",
]

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


DAILY_RED_FLAG_FIELDS = (
    "sharp_pain",
    "pain_increases_with_speed",
    "gait_changed",
    "pain_in_daily_activities",
    "sudden_onset_with_weakness",
    "nerve_signs",
)
"""The six warning signs asked every day: "all clear" needs each answered."""

LESS_COMMON_RED_FLAG_FIELDS = (
    "bruising_after_sudden_pain",
    "difficulty_walking",
    "foot_weakness",
    "night_or_rest_pain",
    "feeling_unwell",
)
"""Less common warning signs, asked one click away: a yes counts like any warning sign; one
left unanswered holds nothing back (they were not asked before), but is never stored as no."""

RED_FLAG_FIELDS = DAILY_RED_FLAG_FIELDS + LESS_COMMON_RED_FLAG_FIELDS
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
    # less common red flags (LESS_COMMON_RED_FLAG_FIELDS)
    bruising_after_sudden_pain: bool | None = None  # back of the thigh, days after
    difficulty_walking: bool | None = None  # or sitting
    foot_weakness: bool | None = None
    night_or_rest_pain: bool | None = None  # at night or at rest, and it does not ease
    feeling_unwell: bool | None = None  # fever or generally unwell with the pain
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
