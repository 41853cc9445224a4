"""Strength sessions read with their sets, for store/reader.py.

The sets are read in one query beside their sessions and put in place in one pass; a
session or set that cannot be read is left out and noted (store/unreadable.py).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from hamstring_app.core.models import SetLog, StrengthSession
from hamstring_app.store.deferred_sets import SetsLoader, defer_older
from hamstring_app.store.reader_rows import (
    SESSION_ID,
    SESSION_SELECT,
    SET_COLUMNS,
    SET_SELECT,
    between,
    build_session,
    build_set,
    fetch,
    first_row,
    session_what,
    set_what,
)
from hamstring_app.store.unreadable import DECODE_ERRORS, build_each

# the sets of the sessions dated in a range (the WHERE clause goes between the two parts)
_SETS_OF_SESSIONS = (
    "SELECT l.session_id, "
    + ", ".join(f"l.{c}" for c in SET_COLUMNS)
    + " FROM set_log AS l JOIN strength_session AS s ON s.id = l.session_id",
    " ORDER BY l.id",
)


def session(conn: Any, session_id: int) -> StrengthSession | None:
    row = first_row(fetch(conn, SESSION_SELECT + " WHERE id = ?", (session_id,)))
    if row is None:
        return None
    set_rows = fetch(conn, SET_SELECT + " WHERE session_id = ? ORDER BY id", (session_id,))
    found = _sessions_of([row], set_rows)
    return found[0] if found else None


def sessions(
    conn: Any, start: date | None = None, end: date | None = None
) -> tuple[StrengthSession, ...]:
    return _sessions_of(_session_rows(conn, start, end), _set_rows(conn, start, end))


def recent_sets_sessions(
    conn: Any, start: date | None, sets_from: date, loader: SetsLoader
) -> tuple[StrengthSession, ...]:
    """``sessions(conn, start)``, but the sets of those dated before ``sets_from`` are
    left for ``loader`` to read when first needed (store.deferred_sets)."""
    session_rows = _session_rows(conn, start, None)
    set_rows = _set_rows(conn, max(start or sets_from, sets_from), None)
    return defer_older(_sessions_of(session_rows, set_rows), sets_from, loader)


def unfinished_session_id(conn: Any) -> int | None:
    row = conn.execute(
        "SELECT id FROM strength_session WHERE finished_at IS NULL ORDER BY id DESC LIMIT 1"
    ).fetchone()
    return None if row is None else int(row[0])


def _session_rows(conn: Any, start: date | None, end: date | None) -> list[Any]:
    where, params = between("day", start, end)
    return fetch(conn, SESSION_SELECT + where + " ORDER BY day, id", params)


def _set_rows(conn: Any, start: date | None, end: date | None) -> list[Any]:
    """The sets of the sessions dated from ``start`` to ``end``, each with its session id."""
    where, params = between("s.day", start, end)
    select, order = _SETS_OF_SESSIONS
    return fetch(conn, select + where + order, params)


def _sessions_of(rows: list[Any], set_rows: list[Any]) -> tuple[StrengthSession, ...]:
    try:
        return _sessions_fast(rows, set_rows)
    except DECODE_ERRORS:
        return _sessions_each(rows, set_rows)


def _sessions_each(rows: list[Any], set_rows: list[Any]) -> tuple[StrengthSession, ...]:
    """Row by row, leaving out (and noting) the sessions and sets that cannot be read."""
    sets = build_each(lambda row: (row[0], build_set(row[1:])), set_rows, "set_log", set_what)
    by_session: dict[int, list[SetLog]] = {}
    for session_id, built in sets:
        by_session.setdefault(session_id, []).append(built)
    set_sets = StrengthSession.__dict__["sets"].__set__
    out = []
    for record in build_each(
        lambda row: (row[SESSION_ID], build_session(row)), rows, "strength_session", session_what
    ):
        set_sets(record[1], tuple(by_session.get(record[0], ())))
        out.append(record[1])
    return tuple(out)


def _sessions_fast(rows: list[Any], set_rows: list[Any]) -> tuple[StrengthSession, ...]:
    by_session: dict[int, list[SetLog]] = {}
    make_set = build_set
    for set_row in set_rows:
        found = by_session.get(set_row[0])
        if found is None:
            found = by_session[set_row[0]] = []
        found.append(make_set(set_row[1:]))
    set_sets = StrengthSession.__dict__["sets"].__set__
    out = []
    for row in rows:
        record = build_session(row)
        set_sets(record, tuple(by_session.get(row[SESSION_ID], ())))
        out.append(record)
    return tuple(out)
