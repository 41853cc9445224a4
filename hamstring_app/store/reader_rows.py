"""Stored rows to core dataclasses, for store/reader.py: the columns read and their
SELECTs, the builders that make a record from a row, and the defensive fetch-and-build
that leaves out (and notes) a row that cannot be read.

The columns read are the dataclasses' own fields, in order, and each value is decoded by
the field's declared type (``date``, ``datetime``, ``bool``, an enum; numbers and text as
stored); tests/store/test_reader.py checks that every column of tables.py is read.
"""

from __future__ import annotations

import sqlite3
import typing
from collections.abc import Callable, Sequence
from dataclasses import fields
from datetime import date, datetime
from enum import Enum
from types import NoneType, UnionType
from typing import Any, Union

from hamstring_app.core.models import CheckIn, Profile, Run, SetLog, StrengthSession
from hamstring_app.store.unreadable import (
    DECODE_ERRORS,
    build_each,
    fetch_tolerant,
    is_undecodable,
)

Build = Callable[[Sequence[Any]], Any]

# ----------------------------------------------------------------------- decoding


def _bool(value: Any) -> bool | None:
    return None if value is None else bool(value)


def _date(value: Any) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _datetime(value: Any) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


class _Bools(dict[Any, Any]):
    """Stored 0, 1 and NULL as False, True and None in one lookup made in C; any other
    value as ``bool`` says (the same as ``_bool``)."""

    def __missing__(self, value: Any) -> bool:
        return bool(value)


_BOOLS = _Bools({0: False, 1: True, None: None})


def _enum(kind: type[Enum]) -> Callable[[Any], Any]:
    members = {e.value: e for e in kind}
    return members.__getitem__


def _decoder(hint: Any) -> Callable[[Any], Any] | None:
    """How to turn a stored value into a field of type ``hint`` (None: as stored)."""
    if typing.get_origin(hint) in (Union, UnionType):
        kinds = [a for a in typing.get_args(hint) if a is not NoneType]
        hint = kinds[0] if len(kinds) == 1 else hint
    if hint is bool:
        return _bool
    if hint is datetime:
        return _datetime
    if hint is date:
        return _date
    if isinstance(hint, type) and issubclass(hint, Enum):
        return _enum(hint)
    return None


def _builder(cls: type[Any], names: Sequence[str]) -> Build:
    """A function that makes a ``cls`` from stored values for the fields ``names`` (in that
    order; the others keep their defaults), decoding each by its declared type.

    It is written out field by field (no loop, no per-value dispatch) because it runs for
    every row of the history: tens of thousands of times at start-up.
    """
    hints = typing.get_type_hints(cls)
    namespace: dict[str, Any] = {
        "new": object.__new__, "cls": cls, "bools": _BOOLS.__getitem__,
        "to_date": date.fromisoformat, "to_datetime": datetime.fromisoformat,
    }
    lines = ["def build(row):", "    record = new(cls)"]
    given = set(names)
    for f in fields(cls):
        namespace[f"set_{f.name}"] = cls.__dict__[f.name].__set__
        if f.name not in given:
            namespace[f"default_{f.name}"] = f.default
            lines.append(f"    set_{f.name}(record, default_{f.name})")
    for index, name in enumerate(names):
        decode = _decoder(hints[name])
        value = f"row[{index}]"
        # the usual decoders written out in place: no Python call per value
        if decode is _bool:
            value = f"bools({value})"
        elif decode is _date or decode is _datetime:
            to = "to_date" if decode is _date else "to_datetime"
            value = f"(None if (v := {value}) is None else {to}(v))"
        elif decode is not None:
            namespace[f"decode_{name}"] = decode
            value = f"decode_{name}({value})"
        lines.append(f"    set_{name}(record, {value})")
    lines.append("    return record")
    exec("\n".join(lines), namespace)  # a generated builder, like dataclasses' own
    return namespace["build"]  # type: ignore[no-any-return]


def _names(cls: type[Any], *skip: str) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls) if f.name not in skip)


CHECKIN_COLUMNS = _names(CheckIn)
RUN_COLUMNS = _names(Run)
SET_COLUMNS = _names(SetLog)
SESSION_COLUMNS = _names(StrengthSession, "sets")
PROFILE_COLUMNS = _names(Profile)

build_checkin = _builder(CheckIn, CHECKIN_COLUMNS)
build_run = _builder(Run, RUN_COLUMNS)
build_set = _builder(SetLog, SET_COLUMNS)
build_session = _builder(StrengthSession, SESSION_COLUMNS)


def _select(table: str, columns: Sequence[str]) -> str:
    return f"SELECT {', '.join(columns)} FROM {table}"


CHECKIN_SELECT = _select("checkin", CHECKIN_COLUMNS)
RUN_SELECT = _select("run", RUN_COLUMNS)
SESSION_SELECT = _select("strength_session", SESSION_COLUMNS)
SET_SELECT = _select("set_log", ("session_id", *SET_COLUMNS))
PROFILE_SELECT = _select("profile", PROFILE_COLUMNS) + " WHERE id = 1"

# ----------------------------------------------------------------------- defensive reads
# The fast path builds all rows at once; only if that fails (a row that passed the CHECKs
# but cannot be decoded) is each row built alone, and the bad ones left out and noted.


def fetch(conn: Any, sql: str, params: Sequence[Any] = ()) -> list[Any]:
    try:
        return conn.execute(sql, params).fetchall()  # type: ignore[no-any-return]
    except sqlite3.OperationalError as exc:
        if not is_undecodable(exc):
            raise
        return fetch_tolerant(conn, sql, params)


def build_all(
    build: Build, rows: Sequence[Any], table: str, describe: Callable[[Sequence[Any]], str]
) -> tuple[Any, ...]:
    try:
        return tuple(map(build, rows))
    except DECODE_ERRORS:
        return build_each(build, rows, table, describe)


def build_first(
    build: Build, row: Any, table: str, describe: Callable[[Sequence[Any]], str]
) -> Any:
    if row is None:
        return None
    built = build_all(build, [row], table, describe)
    return built[0] if built else None


_RUN_DAY, _RUN_ID = RUN_COLUMNS.index("day"), RUN_COLUMNS.index("id")
_SESSION_DAY, SESSION_ID = SESSION_COLUMNS.index("day"), SESSION_COLUMNS.index("id")


def checkin_what(row: Sequence[Any]) -> str:
    return f"the check-in dated {row[0]}"


def run_what(row: Sequence[Any]) -> str:
    return f"the run dated {row[_RUN_DAY]} (id {row[_RUN_ID]})"


def session_what(row: Sequence[Any]) -> str:
    return f"the strength session of {row[_SESSION_DAY]} (id {row[SESSION_ID]})"


def set_what(row: Sequence[Any]) -> str:
    return f"a set of the strength session with id {row[0]}"


def between(column: str, start: date | None, end: date | None) -> tuple[str, list[str]]:
    clauses, params = [], []
    if start is not None:
        clauses.append(f"{column} >= ?")
        params.append(start.isoformat())
    if end is not None:
        clauses.append(f"{column} <= ?")
        params.append(end.isoformat())
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


PROFILE_DECODERS = tuple(
    _decoder(typing.get_type_hints(Profile)[name]) or (lambda value: value)
    for name in PROFILE_COLUMNS
)


def first_row(rows: list[Any]) -> Any:
    return rows[0] if rows else None
