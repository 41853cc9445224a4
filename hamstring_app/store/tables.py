"""The database tables, as SQLAlchemy 2.x typed ORM classes.

Only the store uses these; everything outside it sees core dataclasses. The schema
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
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from hamstring_app.core import models as m

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
    *m.RED_FLAG_FIELDS,
    *m.OVERSTRIDE_FIELDS,
)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class AppMetaRow(Base):
    """One row: which schema revision and app version last wrote this file."""

    __tablename__ = "app_meta"
    __table_args__ = _checks(("single_row", "id = 1"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    schema_revision: Mapped[str] = mapped_column(String(32))
    app_version: Mapped[str] = mapped_column(String(64))


class ProfileRow(Base):
    """One row: the runner and the current injury episode."""

    __tablename__ = "profile"
    __table_args__ = _checks(
        ("single_row", "id = 1"),
        ("injury_start", _iso_date("injury_start")),
        ("side", _enum("side", m.Side)),
        ("pain_site", _enum("pain_site", m.PainSite)),
        ("long_standing", _bool("long_standing", nullable=False)),
        ("usual_weekly_km", _real_range("usual_weekly_km", 0, 1000)),
        ("usual_cadence_spm", _int_range("usual_cadence_spm", *m.CADENCE_RANGE)),
        ("units", _enum("units", m.Units)),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    injury_start: Mapped[date] = mapped_column(IsoDate)
    side: Mapped[str] = mapped_column(String(20))
    pain_site: Mapped[str] = mapped_column(String(30))
    long_standing: Mapped[bool] = mapped_column(Boolean)
    usual_weekly_km: Mapped[float | None] = mapped_column(Float)
    usual_cadence_spm: Mapped[int | None] = mapped_column(Integer)
    units: Mapped[str] = mapped_column(String(10))


class CheckInRow(Base):
    """One daily check-in per date. NULL always means "not answered"."""

    __tablename__ = "checkin"
    __table_args__ = _checks(
        ("day", _iso_date("day")),
        *((name, _int_range(name, 0, 10)) for name in PAINS),
        *((name, _bool(name)) for name in CHECKIN_BOOLS),
        ("pain_run_needs_run", "NOT (ran = 0 AND pain_run IS NOT NULL)"),
        ("fatigue", _int_range("fatigue", 0, 10)),
        ("sleep_hours", _real_range("sleep_hours", 0, 24)),
        ("note", _note()),
    )

    day: Mapped[date] = mapped_column(IsoDate, primary_key=True)
    pain_rest: Mapped[int | None] = mapped_column(Integer)
    pain_run: Mapped[int | None] = mapped_column(Integer)
    pain_next_morning: Mapped[int | None] = mapped_column(Integer)
    ran: Mapped[bool | None] = mapped_column(Boolean)
    eased_during_run: Mapped[bool | None] = mapped_column(Boolean)
    settled_within_24h: Mapped[bool | None] = mapped_column(Boolean)
    sharp_pain: Mapped[bool | None] = mapped_column(Boolean)
    pain_increases_with_speed: Mapped[bool | None] = mapped_column(Boolean)
    gait_changed: Mapped[bool | None] = mapped_column(Boolean)
    pain_in_daily_activities: Mapped[bool | None] = mapped_column(Boolean)
    sudden_onset_with_weakness: Mapped[bool | None] = mapped_column(Boolean)
    nerve_signs: Mapped[bool | None] = mapped_column(Boolean)
    overstride_long_stride: Mapped[bool | None] = mapped_column(Boolean)
    overstride_loud_landing: Mapped[bool | None] = mapped_column(Boolean)
    overstride_heel_ahead: Mapped[bool | None] = mapped_column(Boolean)
    fatigue: Mapped[int | None] = mapped_column(Integer)
    sleep_hours: Mapped[float | None] = mapped_column(Float)
    note: Mapped[str] = mapped_column(Text)


class RunRow(Base):
    __tablename__ = "run"
    __table_args__ = (
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
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(IsoDate)
    distance_km: Mapped[float] = mapped_column(Float)
    duration_min: Mapped[float | None] = mapped_column(Float)
    type: Mapped[str] = mapped_column(String(20))
    rpe: Mapped[int | None] = mapped_column(Integer)
    cadence_spm: Mapped[int | None] = mapped_column(Integer)
    descent_m: Mapped[float | None] = mapped_column(Float)
    pain: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(20))
    started_at: Mapped[datetime | None] = mapped_column(IsoDateTime)
    avg_hr_bpm: Mapped[int | None] = mapped_column(Integer)
    source_file: Mapped[str] = mapped_column(String(255), server_default="")
    content_hash: Mapped[str | None] = mapped_column(String(80))
    details: Mapped[str] = mapped_column(Text, server_default="")
    needs_review: Mapped[bool] = mapped_column(Boolean, server_default="0")


class StrengthSessionRow(Base):
    __tablename__ = "strength_session"
    __table_args__ = (
        *_checks(
            ("day", _iso_date("day")),
            ("pain_next_morning", _int_range("pain_next_morning", 0, 10)),
            ("phase", _in("phase", (1, 2, 3, 4), nullable=True)),
            ("started_at", _iso_datetime("started_at")),
            ("finished_at", _iso_datetime("finished_at")),
        ),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(IsoDate)
    pain_next_morning: Mapped[int | None] = mapped_column(Integer)
    phase: Mapped[int | None] = mapped_column(Integer)
    programme_id: Mapped[str | None] = mapped_column(String(100))
    started_at: Mapped[datetime | None] = mapped_column(IsoDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(IsoDateTime)


class SetLogRow(Base):
    """One set of one exercise; deleted with its session (ON DELETE CASCADE)."""

    __tablename__ = "set_log"
    __table_args__ = (
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
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("strength_session.id", ondelete="CASCADE"))
    exercise_id: Mapped[str] = mapped_column(String(100))
    set_number: Mapped[int] = mapped_column(Integer)
    reps: Mapped[int | None] = mapped_column(Integer)
    hold_s: Mapped[float | None] = mapped_column(Float)
    load_kg: Mapped[float | None] = mapped_column(Float)
    pain: Mapped[int | None] = mapped_column(Integer)
    completed: Mapped[bool] = mapped_column(Boolean)
    started_at: Mapped[datetime | None] = mapped_column(IsoDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(IsoDateTime)


class SettingRow(Base):
    """Settings as text key/value pairs; core.settings declares keys, types and defaults."""

    __tablename__ = "setting"
    __table_args__ = _checks(("key", "length(key) > 0"))

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


app_meta = AppMetaRow.__table__
profile = ProfileRow.__table__
checkin = CheckInRow.__table__
run = RunRow.__table__
strength_session = StrengthSessionRow.__table__
set_log = SetLogRow.__table__
setting = SettingRow.__table__
