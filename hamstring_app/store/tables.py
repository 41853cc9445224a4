"""The database tables, as SQLAlchemy Core ``Table`` objects.

Only the store uses these; everything outside it sees core dataclasses. They are plain
Core tables, not ORM classes: the store reads and writes with Core statements, and the
ORM's machinery (a quarter of a second of imports) bought nothing here. The schema
itself guards every value with CHECK constraints, so a bad row is refused even when it
is written by hand. Changing anything here needs a new migration in migrations/versions
(tests/store/test_schema.py compares this file with the migrated schema).

Dates are stored as ISO 8601 text (``YYYY-MM-DD``), date-times as ISO 8601 text with
their UTC offset when they have one, so a file stays readable by any SQLite tool.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.types import TypeDecorator

from hamstring_app.core import models as m
from hamstring_app.core.episodes import AssessmentOutcome, EpisodeEnd

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class IsoDate(TypeDecorator[date]):
    """A calendar date kept as ``YYYY-MM-DD`` text."""

    impl = String(10)
    cache_ok = True

    def process_bind_param(self, value: date | None, dialect: Dialect) -> str | None:
        return None if value is None else value.isoformat()

    def process_result_value(self, value: Any, dialect: Dialect) -> date | None:
        return None if value is None else date.fromisoformat(value)


class IsoDateTime(TypeDecorator[datetime]):
    """A date-time kept as ISO 8601 text; a UTC offset, when present, is kept too."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        return None if value is None else value.isoformat()

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        return None if value is None else datetime.fromisoformat(value)


# ----------------------------------------------------------------- CHECK text helpers


def _in(column: str, values: tuple[object, ...], *, nullable: bool = False) -> str:
    listed = ", ".join(f"'{v}'" if isinstance(v, str) else str(v) for v in values)
    text = f"{column} IN ({listed})"
    return f"{column} IS NULL OR {text}" if nullable else text


def _enum(column: str, enum: type[StrEnum]) -> str:
    return _in(column, tuple(e.value for e in enum))


def _bool(column: str, *, nullable: bool = True) -> str:
    return _in(column, (0, 1), nullable=nullable)


def _int_range(column: str, low: int, high: int) -> str:
    return (
        f"{column} IS NULL OR (typeof({column}) = 'integer' AND {column} BETWEEN {low} AND {high})"
    )


def _real_range(column: str, low: float, high: float, *, low_open: bool = False) -> str:
    op = ">" if low_open else ">="
    return (
        f"{column} IS NULL OR (typeof({column}) IN ('integer', 'real') "
        f"AND {column} {op} {low:g} AND {column} <= {high:g})"
    )


def _iso_date(column: str) -> str:
    return (
        f"{column} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' "
        f"AND {column} >= '{m.EARLIEST_DATE.isoformat()}'"
    )


def _iso_datetime(column: str) -> str:
    return f"{column} IS NULL OR {column} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T*'"


def _note(column: str = "note") -> str:
    return f"length({column}) <= {m.MAX_NOTE_CHARS}"


def _checks(*pairs: tuple[str, str]) -> tuple[CheckConstraint, ...]:
    return tuple(CheckConstraint(text, name=name) for name, text in pairs)


PAINS = ("pain_rest", "pain_run", "pain_next_morning")
CHECKIN_BOOLS = (
    "ran",
    "eased_during_run",
    "settled_within_24h",
    *m.DAILY_RED_FLAG_FIELDS,
    *m.OVERSTRIDE_FIELDS,
)
# added by revision 0004, so after the note in a file brought up to date and a new one alike
LATER_CHECKIN_BOOLS = m.LESS_COMMON_RED_FLAG_FIELDS


metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _column(name: str, type_: Any, *args: Any) -> Column[Any]:
    """A column that may be NULL (an unanswered or unknown value)."""
    return Column(name, type_, *args, nullable=True)


def _required(name: str, type_: Any, *args: Any, **kwargs: Any) -> Column[Any]:
    return Column(name, type_, *args, nullable=False, **kwargs)


def _id() -> Column[Any]:
    return Column("id", Integer, primary_key=True)


# One row: which schema revision and app version last wrote this file.
app_meta = Table(
    "app_meta",
    metadata,
    _id(),
    _required("schema_revision", String(32)),
    _required("app_version", String(64)),
    *_checks(("single_row", "id = 1")),
)

# One row: the runner and the current injury episode.
profile = Table(
    "profile",
    metadata,
    _id(),
    _required("injury_start", IsoDate),
    _required("side", String(20)),
    _required("pain_site", String(30)),
    _required("long_standing", Boolean),
    _column("usual_weekly_km", Float),
    _column("usual_cadence_spm", Integer),
    _required("units", String(10)),
    *_checks(
        ("single_row", "id = 1"),
        ("injury_start", _iso_date("injury_start")),
        ("side", _enum("side", m.Side)),
        ("pain_site", _enum("pain_site", m.PainSite)),
        ("long_standing", _bool("long_standing", nullable=False)),
        ("usual_weekly_km", _real_range("usual_weekly_km", 0, 1000)),
        ("usual_cadence_spm", _int_range("usual_cadence_spm", *m.CADENCE_RANGE)),
        ("units", _enum("units", m.Units)),
    ),
)

# One daily check-in per date. NULL always means "not answered".
checkin = Table(
    "checkin",
    metadata,
    Column("day", IsoDate, primary_key=True),
    *(_column(name, Integer) for name in PAINS),
    *(_column(name, Boolean) for name in CHECKIN_BOOLS),
    _column("fatigue", Integer),
    _column("sleep_hours", Float),
    _required("note", Text),
    *(_column(name, Boolean) for name in LATER_CHECKIN_BOOLS),
    *_checks(
        ("day", _iso_date("day")),
        *((name, _int_range(name, 0, 10)) for name in PAINS),
        *((name, _bool(name)) for name in (*CHECKIN_BOOLS, *LATER_CHECKIN_BOOLS)),
        ("pain_run_needs_run", "NOT (ran = 0 AND pain_run IS NOT NULL)"),
        ("fatigue", _int_range("fatigue", 0, 10)),
        ("sleep_hours", _real_range("sleep_hours", 0, 24)),
        ("note", _note()),
    ),
)

run = Table(
    "run",
    metadata,
    _id(),
    _required("day", IsoDate),
    _required("distance_km", Float),
    _column("duration_min", Float),
    _required("type", String(20)),
    _column("rpe", Integer),
    _column("cadence_spm", Integer),
    _column("descent_m", Float),
    _column("pain", Integer),
    _required("note", Text),
    _required("source", String(20)),
    _column("started_at", IsoDateTime),
    _column("avg_hr_bpm", Integer),
    _required("source_file", String(255), server_default=""),
    _column("content_hash", String(80)),
    _required("details", Text, server_default=""),
    _required("needs_review", Boolean, server_default="0"),
    *_checks(
        ("day", _iso_date("day")),
        (
            "distance_km",
            f"typeof(distance_km) IN ('integer', 'real') "
            f"AND distance_km > 0 AND distance_km <= {m.MAX_RUN_KM:g}",
        ),
        ("duration_min", _real_range("duration_min", 0, m.MAX_RUN_MINUTES, low_open=True)),
        ("type", _enum("type", m.RunType)),
        ("rpe", _int_range("rpe", 0, 10)),
        ("cadence_spm", _int_range("cadence_spm", *m.CADENCE_RANGE)),
        ("descent_m", _real_range("descent_m", 0, m.MAX_DESCENT_M)),
        ("pain", _int_range("pain", 0, 10)),
        ("note", _note()),
        ("source", _enum("source", m.RunSource)),
        ("started_at", _iso_datetime("started_at")),
        ("avg_hr_bpm", _int_range("avg_hr_bpm", *m.HEART_RATE_RANGE)),
        ("source_file", f"length(source_file) <= {m.MAX_FILE_NAME_CHARS}"),
        ("content_hash", f"content_hash IS NULL OR length(content_hash) <= {m.MAX_HASH_CHARS}"),
        ("details", _note("details")),
        ("needs_review", _bool("needs_review", nullable=False)),
    ),
    # a file imported once is not imported again (a second copy is a duplicate)
    Index("ix_run_content_hash", "content_hash", unique=True),
    Index("ix_run_started_at", "started_at"),
    sqlite_autoincrement=True,
)

strength_session = Table(
    "strength_session",
    metadata,
    _id(),
    _required("day", IsoDate),
    _column("pain_next_morning", Integer),
    _column("phase", Integer),
    _column("programme_id", String(100)),
    _column("started_at", IsoDateTime),
    _column("finished_at", IsoDateTime),
    *_checks(
        ("day", _iso_date("day")),
        ("pain_next_morning", _int_range("pain_next_morning", 0, 10)),
        ("phase", _in("phase", (1, 2, 3, 4), nullable=True)),
        ("started_at", _iso_datetime("started_at")),
        ("finished_at", _iso_datetime("finished_at")),
    ),
    sqlite_autoincrement=True,
)

# One set of one exercise; deleted with its session (ON DELETE CASCADE).
set_log = Table(
    "set_log",
    metadata,
    _id(),
    _required("session_id", Integer, ForeignKey("strength_session.id", ondelete="CASCADE")),
    _required("exercise_id", String(100)),
    _required("set_number", Integer),
    _column("reps", Integer),
    _column("hold_s", Float),
    _column("load_kg", Float),
    _column("pain", Integer),
    _required("completed", Boolean),
    _column("started_at", IsoDateTime),
    _column("finished_at", IsoDateTime),
    *_checks(
        ("exercise_id", "length(trim(exercise_id)) > 0"),
        (
            "set_number",
            f"typeof(set_number) = 'integer' AND set_number BETWEEN 1 AND {m.MAX_SETS}",
        ),
        ("reps", _int_range("reps", 0, m.MAX_REPS)),
        ("hold_s", _real_range("hold_s", 0, m.MAX_HOLD_S)),
        ("load_kg", _real_range("load_kg", 0, m.MAX_LOAD_KG)),
        ("pain", _int_range("pain", 0, 10)),
        ("completed", _bool("completed", nullable=False)),
        ("started_at", _iso_datetime("started_at")),
        ("finished_at", _iso_datetime("finished_at")),
    ),
    UniqueConstraint("session_id", "exercise_id", "set_number"),
    sqlite_autoincrement=True,
)

# Injury episodes, oldest first: one per time the pain started. Only the latest may be
# open (ended NULL); the profile's injury start, side and pain site are the current one's.
episode = Table(
    "episode",
    metadata,
    _id(),
    _required("onset", IsoDate),
    _required("side", String(20)),
    _required("pain_site", String(30)),
    _required("long_standing", Boolean),
    _column("ended", IsoDate),
    _column("end_reason", String(20)),
    *_checks(
        ("onset", _iso_date("onset")),
        ("side", _enum("side", m.Side)),
        ("pain_site", _enum("pain_site", m.PainSite)),
        ("long_standing", _bool("long_standing", nullable=False)),
        ("ended", "ended IS NULL OR (" + _iso_date("ended") + ")"),
        ("end_reason", _in("end_reason", tuple(e.value for e in EpisodeEnd), nullable=True)),
        ("ended_with_reason", "(ended IS NULL) = (end_reason IS NULL)"),
        ("ended_after_onset", "ended IS NULL OR ended >= onset"),
    ),
    UniqueConstraint("onset"),
    sqlite_autoincrement=True,
)

# "I have been assessed by a qualified professional": a date and, optionally, the outcome.
professional_assessment = Table(
    "professional_assessment",
    metadata,
    _id(),
    _required("day", IsoDate),
    _column("outcome", String(20)),
    _required("note", Text),
    *_checks(
        ("day", _iso_date("day")),
        ("outcome", _in("outcome", tuple(o.value for o in AssessmentOutcome), nullable=True)),
        ("note", _note()),
    ),
    sqlite_autoincrement=True,
)

# Settings as text key/value pairs; core.settings declares keys, types and defaults.
setting = Table(
    "setting",
    metadata,
    Column("key", String(100), primary_key=True),
    _required("value", Text),
    *_checks(("key", "length(key) > 0")),
)


# Alembic's own record of the schema revision, as Alembic itself creates it. Kept out of
# ``metadata`` (it is not the app's data); db_schema.py creates it when it makes a new file
# without running the migrations.
alembic_version = Table(
    "alembic_version",
    MetaData(),
    _required("version_num", String(32)),
    PrimaryKeyConstraint("version_num", name="alembic_version_pkc"),
)
