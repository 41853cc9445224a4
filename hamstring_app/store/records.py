"""Conversion between table rows and core dataclasses, and the checks done before writing.

Reads use Core ``select`` statements whose columns come in the dataclass's field order,
so each row becomes a dataclass with one positional call (fast for five years of data).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import fields
from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, Row, Select, select

from hamstring_app.core.models import (
    CheckIn,
    PainSite,
    Profile,
    Run,
    RunSource,
    RunType,
    SetLog,
    Side,
    StrengthSession,
    Units,
    ValidationError,
    check_id,
    check_not_future,
    check_time_order,
)
from hamstring_app.store import tables as t

CHECKIN_FIELDS = tuple(f.name for f in fields(CheckIn))
RUN_FIELDS = tuple(f.name for f in fields(Run))
SET_FIELDS = tuple(f.name for f in fields(SetLog))
SESSION_COLUMNS = (
    "id",
    "day",
    "pain_next_morning",
    "phase",
    "programme_id",
    "started_at",
    "finished_at",
)


def _columns(table: Any, names: Sequence[str]) -> list[Column[Any]]:
    return [table.c[name] for name in names]


# ----------------------------------------------------------------------- selects

CHECKIN_SELECT: Select[Any] = select(*_columns(t.checkin, CHECKIN_FIELDS))
RUN_SELECT: Select[Any] = select(*_columns(t.run, RUN_FIELDS))
SESSION_SELECT: Select[Any] = select(*_columns(t.strength_session, SESSION_COLUMNS))
SET_SELECT: Select[Any] = select(t.set_log.c.session_id, *_columns(t.set_log, SET_FIELDS))
PROFILE_SELECT: Select[Any] = select(*_columns(t.profile, tuple(f.name for f in fields(Profile))))


# ----------------------------------------------------------------------- rows -> records
#
# Rows read back were checked twice on the way in (the dataclass checks, then the
# schema's CHECK constraints, which mirror them), so the bulk readers build records
# without running every check again: for five years of history that check was half the
# load time. tests/store/test_schema.py keeps the CHECKs in step with tables.py.


def _trusted(cls: type[Any]) -> Callable[[Sequence[Any]], Any]:
    """A builder that fills ``cls``'s fields, in order, from an already-checked row."""
    setters = [cls.__dict__[f.name].__set__ for f in fields(cls)]
    new = object.__new__

    def build(values: Sequence[Any]) -> Any:
        record = new(cls)
        for setter, value in zip(setters, values, strict=True):
            setter(record, value)
        return record

    return build


_checkin = _trusted(CheckIn)
_run = _trusted(Run)
_set = _trusted(SetLog)
_session = _trusted(StrengthSession)

_RUN_TYPE = {e.value: e for e in RunType}
_RUN_SOURCE = {e.value: e for e in RunSource}
_RUN_TYPE_AT = RUN_FIELDS.index("type")
_RUN_SOURCE_AT = RUN_FIELDS.index("source")
_RUN_REVIEW_AT = RUN_FIELDS.index("needs_review")


def checkin_from_row(row: Row[Any]) -> CheckIn:
    return _checkin(row)  # type: ignore[no-any-return]


def run_from_row(row: Row[Any]) -> Run:
    values = list(row)
    values[_RUN_TYPE_AT] = _RUN_TYPE[values[_RUN_TYPE_AT]]
    values[_RUN_SOURCE_AT] = _RUN_SOURCE[values[_RUN_SOURCE_AT]]
    values[_RUN_REVIEW_AT] = bool(values[_RUN_REVIEW_AT])
    return _run(values)  # type: ignore[no-any-return]


def set_from_row(row: Sequence[Any]) -> SetLog:
    """``row`` starts with session_id, then the SetLog fields in order."""
    return _set(row[1:])  # type: ignore[no-any-return]


def session_from_row(row: Row[Any], sets: tuple[SetLog, ...]) -> StrengthSession:
    id_, day, pain_next_morning, phase, programme_id, started_at, finished_at = row
    return _session(  # type: ignore[no-any-return]
        (day, sets, pain_next_morning, phase, programme_id, started_at, finished_at, id_)
    )


def profile_from_row(row: Row[Any]) -> Profile:
    """One row, read rarely: built the ordinary, fully checked way."""
    injury_start, side, pain_site, long_standing, weekly_km, cadence, units = row
    return Profile(
        injury_start,
        Side(side),
        PainSite(pain_site),
        long_standing,
        weekly_km,
        cadence,
        Units(units),
    )


# ----------------------------------------------------------------------- records -> rows


_ENUMS = (RunType, RunSource, Side, PainSite, Units)


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, _ENUMS) else value


def checkin_values(checkin: CheckIn) -> dict[str, Any]:
    return {name: getattr(checkin, name) for name in CHECKIN_FIELDS}


def run_values(run: Run, *, with_id: bool) -> dict[str, Any]:
    names = RUN_FIELDS if with_id else RUN_FIELDS[:-1]
    return {name: _plain(getattr(run, name)) for name in names}


def set_values(session_id: int, set_log: SetLog) -> dict[str, Any]:
    values = {name: getattr(set_log, name) for name in SET_FIELDS}
    values["session_id"] = session_id
    return values


def session_values(session: StrengthSession, *, with_id: bool) -> dict[str, Any]:
    values = {name: getattr(session, name) for name in SESSION_COLUMNS}
    if not with_id:
        del values["id"]
    return values


def profile_values(profile: Profile) -> dict[str, Any]:
    values = {f.name: _plain(getattr(profile, f.name)) for f in fields(Profile)}
    values["id"] = 1
    return values


# ----------------------------------------------------------------------- checks


def revalidate(record: object, kind: type) -> None:
    """Re-run a record's own checks: nothing invalid reaches SQL, however it was built."""
    if not isinstance(record, kind):
        raise ValidationError(
            kind.__name__.lower(), f"must be a {kind.__name__}, not {type(record).__name__}"
        )
    record.__post_init__()  # type: ignore[attr-defined]


def check_day(name: str, day: date, today: date) -> None:
    check_not_future(name, day, today)


def check_record_id(name: str, value: object) -> int:
    """An id given to a repository method: a whole number from 1 (``True`` is refused)."""
    if value is None:
        raise ValidationError(name, "is needed")
    check_id(name, value)
    return value  # type: ignore[return-value]


def check_moment(name: str, moment: datetime | None, today: date) -> None:
    if moment is not None:
        if isinstance(moment, bool) or not isinstance(moment, datetime):
            raise ValidationError(name, f"must be a date and time, not {moment!r}")
        check_not_future(name, moment.date(), today)


def check_order(started: datetime | None, finished: datetime | None) -> None:
    """A finish before the start is refused, and so is a start and a finish of which only
    one has a time zone (they cannot be put in order)."""
    check_time_order(started, finished, what="the session")


def check_set(set_log: SetLog, today: date) -> None:
    revalidate(set_log, SetLog)
    check_moment("started_at", set_log.started_at, today)
    check_moment("finished_at", set_log.finished_at, today)


def check_session(session: StrengthSession, today: date) -> None:
    revalidate(session, StrengthSession)
    check_day("date", session.day, today)
    check_moment("started_at", session.started_at, today)
    check_moment("finished_at", session.finished_at, today)
    check_order(session.started_at, session.finished_at)
    seen: set[tuple[str, int]] = set()
    for set_log in session.sets:
        check_set(set_log, today)
        key = (set_log.exercise_id, set_log.set_number)
        if key in seen:
            raise ValidationError(
                "sets", f"set {set_log.set_number} of {set_log.exercise_id} is listed twice"
            )
        seen.add(key)
