"""The lean read path: plain ``sqlite3`` queries that return core dataclasses.

Every read of the store goes through here, so opening the app and ``assess --db`` need
no SQLAlchemy at all (its imports alone cost more than reading five years of data).
The columns read are the dataclasses' own fields, in order, and each value is decoded by
the field's declared type (``date``, ``datetime``, ``bool``, an enum; numbers and text as
stored); tests/store/test_reader.py checks that every column of tables.py is read.

Rows read back were checked twice on the way in (the dataclass checks, then the schema's
CHECK constraints, which mirror them), so the bulk readers build records without running
every check again: for five years of history that check was half the load time.

Functions take a DB-API ``sqlite3`` connection (or cursor): the repository passes its own
read connection, or inside a write the connection of that transaction.
"""

from __future__ import annotations

import gc
import sqlite3
import typing
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields
from datetime import date, datetime
from enum import Enum
from types import NoneType, UnionType
from typing import Any, Union

from hamstring_app.core.models import (
    AppMeta,
    CheckIn,
    History,
    Profile,
    Run,
    SetLog,
    StrengthSession,
)
from hamstring_app.store.deferred_sets import SetsLoader, defer_older
from hamstring_app.store.episode_records import read_assessments, read_episodes
from hamstring_app.store.unreadable import (
    DECODE_ERRORS,
    BadText,
    UnreadableRow,
    build_each,
    decode_reason,
    fetch_tolerant,
    is_undecodable,
)
from hamstring_app.store.unreadable import (
    _note as note_unreadable,
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

_checkin = _builder(CheckIn, CHECKIN_COLUMNS)
_run = _builder(Run, RUN_COLUMNS)
_set = _builder(SetLog, SET_COLUMNS)
_session = _builder(StrengthSession, SESSION_COLUMNS)


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


def _fetch(conn: Any, sql: str, params: Sequence[Any] = ()) -> list[Any]:
    try:
        return conn.execute(sql, params).fetchall()  # type: ignore[no-any-return]
    except sqlite3.OperationalError as exc:
        if not is_undecodable(exc):
            raise
        return fetch_tolerant(conn, sql, params)


def _all(
    build: Build, rows: Sequence[Any], table: str, describe: Callable[[Sequence[Any]], str]
) -> tuple[Any, ...]:
    try:
        return tuple(map(build, rows))
    except DECODE_ERRORS:
        return build_each(build, rows, table, describe)


def _first(
    build: Build, row: Any, table: str, describe: Callable[[Sequence[Any]], str]
) -> Any:
    if row is None:
        return None
    built = _all(build, [row], table, describe)
    return built[0] if built else None


_RUN_DAY, _RUN_ID = RUN_COLUMNS.index("day"), RUN_COLUMNS.index("id")
_SESSION_DAY = SESSION_COLUMNS.index("day")


def _checkin_what(row: Sequence[Any]) -> str:
    return f"the check-in dated {row[0]}"


def _run_what(row: Sequence[Any]) -> str:
    return f"the run dated {row[_RUN_DAY]} (id {row[_RUN_ID]})"


def _session_what(row: Sequence[Any]) -> str:
    return f"the strength session of {row[_SESSION_DAY]} (id {row[_SESSION_ID_AT]})"


def _set_what(row: Sequence[Any]) -> str:
    return f"a set of the strength session with id {row[0]}"


_SESSION_ID_AT = SESSION_COLUMNS.index("id")


def _between(column: str, start: date | None, end: date | None) -> tuple[str, list[str]]:
    clauses, params = [], []
    if start is not None:
        clauses.append(f"{column} >= ?")
        params.append(start.isoformat())
    if end is not None:
        clauses.append(f"{column} <= ?")
        params.append(end.isoformat())
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


@contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while many objects are made at once.

    A bulk load makes tens of thousands of records and no reference cycles; each
    collection pass would walk all of them again (the load became slightly worse than
    linear in the years of history). Reference counting still frees everything as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# ----------------------------------------------------------------------- records


_PROFILE_DECODERS = tuple(
    _decoder(typing.get_type_hints(Profile)[name]) or (lambda value: value)
    for name in PROFILE_COLUMNS
)


def _read_profile(conn: Any) -> tuple[Profile | None, str | None]:
    """The profile row built the ordinary, fully checked way, or why it cannot be."""
    rows = _fetch(conn, PROFILE_SELECT)
    if not rows:
        return None, None
    if isinstance(rows[0], BadText):
        return None, "text that is not valid UTF-8"
    try:
        values = (decode(v) for decode, v in zip(_PROFILE_DECODERS, rows[0], strict=True))
        return Profile(*values), None
    except DECODE_ERRORS as exc:
        return None, decode_reason(exc)


def profile(conn: Any) -> Profile | None:
    """The one profile row (it is read rarely). One that cannot be read is noted and
    read as None: writes that would replace it check :func:`profile_problem` first."""
    found, problem = _read_profile(conn)
    if problem is not None:
        note_unreadable(UnreadableRow("profile", "your profile", problem))
    return found


def profile_problem(conn: Any) -> str | None:
    """Why the saved profile row cannot be read; None when it reads or there is none."""
    return _read_profile(conn)[1]


def checkin_from_row(row: Sequence[Any]) -> CheckIn:
    return _checkin(row)  # type: ignore[no-any-return]


def run_from_row(row: Sequence[Any]) -> Run:
    return _run(row)  # type: ignore[no-any-return]


def _one(rows: list[Any]) -> Any:
    return rows[0] if rows else None


def checkin(conn: Any, day: date) -> CheckIn | None:
    row = _one(_fetch(conn, CHECKIN_SELECT + " WHERE day = ?", (day.isoformat(),)))
    return _first(_checkin, row, "checkin", _checkin_what)  # type: ignore[no-any-return]


def checkins(conn: Any, start: date | None = None, end: date | None = None) -> tuple[CheckIn, ...]:
    where, params = _between("day", start, end)
    rows = _fetch(conn, CHECKIN_SELECT + where + " ORDER BY day", params)
    return _all(_checkin, rows, "checkin", _checkin_what)


def last_checkin_before(conn: Any, day: date) -> CheckIn | None:
    row = _one(
        _fetch(
            conn, CHECKIN_SELECT + " WHERE day < ? ORDER BY day DESC LIMIT 1", (day.isoformat(),)
        )
    )
    return _first(_checkin, row, "checkin", _checkin_what)  # type: ignore[no-any-return]


def run(conn: Any, run_id: int) -> Run | None:
    row = _one(_fetch(conn, RUN_SELECT + " WHERE id = ?", (run_id,)))
    return _first(_run, row, "run", _run_what)  # type: ignore[no-any-return]


def runs(conn: Any, start: date | None = None, end: date | None = None) -> tuple[Run, ...]:
    where, params = _between("day", start, end)
    rows = _fetch(conn, RUN_SELECT + where + " ORDER BY day, id", params)
    return _all(_run, rows, "run", _run_what)


# Where the session id (what sets point at) is in a session row.
_SESSION_ID = SESSION_COLUMNS.index("id")


def session(conn: Any, session_id: int) -> StrengthSession | None:
    row = _one(_fetch(conn, SESSION_SELECT + " WHERE id = ?", (session_id,)))
    if row is None:
        return None
    set_rows = _fetch(conn, SET_SELECT + " WHERE session_id = ? ORDER BY id", (session_id,))
    found = _sessions_of([row], set_rows)
    return found[0] if found else None


def runs_where(conn: Any, condition: str, params: Sequence[Any] = ()) -> tuple[Run, ...]:
    """Runs meeting an SQL ``condition`` over the run table's columns, by day then id."""
    rows = _fetch(conn, RUN_SELECT + f" WHERE {condition} ORDER BY day, id", params)
    return _all(_run, rows, "run", _run_what)


def _sessions_of(rows: list[Any], set_rows: list[Any]) -> tuple[StrengthSession, ...]:
    try:
        return _sessions_fast(rows, set_rows)
    except DECODE_ERRORS:
        return _sessions_each(rows, set_rows)


def _sessions_each(rows: list[Any], set_rows: list[Any]) -> tuple[StrengthSession, ...]:
    """Row by row, leaving out (and noting) the sessions and sets that cannot be read."""
    sets = build_each(lambda row: (row[0], _set(row[1:])), set_rows, "set_log", _set_what)
    by_session: dict[int, list[SetLog]] = {}
    for session_id, built in sets:
        by_session.setdefault(session_id, []).append(built)
    set_sets = StrengthSession.__dict__["sets"].__set__
    out = []
    for record in build_each(
        lambda row: (row[_SESSION_ID], _session(row)), rows, "strength_session", _session_what
    ):
        set_sets(record[1], tuple(by_session.get(record[0], ())))
        out.append(record[1])
    return tuple(out)


def _sessions_fast(rows: list[Any], set_rows: list[Any]) -> tuple[StrengthSession, ...]:
    by_session: dict[int, list[SetLog]] = {}
    build_set = _set
    for set_row in set_rows:
        found = by_session.get(set_row[0])
        if found is None:
            found = by_session[set_row[0]] = []
        found.append(build_set(set_row[1:]))
    set_sets = StrengthSession.__dict__["sets"].__set__
    out = []
    for row in rows:
        record = _session(row)
        set_sets(record, tuple(by_session.get(row[_SESSION_ID], ())))
        out.append(record)
    return tuple(out)


def sessions(
    conn: Any, start: date | None = None, end: date | None = None
) -> tuple[StrengthSession, ...]:
    where, params = _between("day", start, end)
    rows = _fetch(conn, SESSION_SELECT + where + " ORDER BY day, id", params)
    set_where, set_params = _between("s.day", start, end)
    set_rows = _fetch(
        conn,
        "SELECT l.session_id, "
        + ", ".join(f"l.{c}" for c in SET_COLUMNS)
        + " FROM set_log AS l JOIN strength_session AS s ON s.id = l.session_id"
        + set_where
        + " ORDER BY l.id",
        set_params,
    )
    return _sessions_of(rows, set_rows)


def unfinished_session_id(conn: Any) -> int | None:
    row = conn.execute(
        "SELECT id FROM strength_session WHERE finished_at IS NULL ORDER BY id DESC LIMIT 1"
    ).fetchone()
    return None if row is None else int(row[0])


def recent_sets_sessions(
    conn: Any, start: date | None, sets_from: date, loader: SetsLoader
) -> tuple[StrengthSession, ...]:
    """``sessions(conn, start)``, but the sets of those dated before ``sets_from`` are
    left for ``loader`` to read when first needed (store.deferred_sets)."""
    where, params = _between("day", start, None)
    rows = _fetch(conn, SESSION_SELECT + where + " ORDER BY day, id", params)
    set_where, set_params = _between("s.day", max(start or sets_from, sets_from), None)
    set_rows = _fetch(
        conn,
        "SELECT l.session_id, "
        + ", ".join(f"l.{c}" for c in SET_COLUMNS)
        + " FROM set_log AS l JOIN strength_session AS s ON s.id = l.session_id"
        + set_where
        + " ORDER BY l.id",
        set_params,
    )
    return defer_older(_sessions_of(rows, set_rows), sets_from, loader)


def history(
    conn: Any,
    start: date | None = None,
    *,
    sets_from: date | None = None,
    loader: SetsLoader | None = None,
) -> History:
    """Profile and every record from ``start`` on (everything without it), oldest first.
    The caller gives one read transaction, so the four reads see one snapshot. With
    ``sets_from`` and ``loader``, the sets of older sessions are read on first use."""
    with no_cyclic_gc():
        return History(
            profile=profile(conn),
            checkins=checkins(conn, start),
            runs=runs(conn, start),
            strength_sessions=(
                sessions(conn, start)
                if sets_from is None or loader is None
                else recent_sets_sessions(conn, start, sets_from, loader)
            ),
            episodes=read_episodes(conn),
            assessments=read_assessments(conn),
        )


def settings_strings(conn: Any) -> dict[str, str]:
    return {key: value for key, value in conn.execute("SELECT key, value FROM setting")}


def meta(conn: Any) -> AppMeta:
    row = conn.execute("SELECT schema_revision, app_version FROM app_meta WHERE id = 1").fetchone()
    if row is None:
        raise LookupError("app_meta has no row")
    return AppMeta(schema_revision=row[0], app_version=row[1])


@contextmanager
def snapshot(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One read transaction on an autocommit connection: every read inside sees the same
    committed state, whatever another connection writes meanwhile. Inside a transaction
    already (a write's, or ``Repository.atomic``) it simply joins it."""
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN")
    try:
        yield conn
    finally:
        conn.execute("COMMIT")
