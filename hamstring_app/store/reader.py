"""The lean read path: plain ``sqlite3`` queries that return core dataclasses.

Every read of the store goes through here, so opening the app and ``assess --db`` need
no SQLAlchemy at all (its imports alone cost more than reading five years of data).
How a row becomes a record (the columns read, each value decoded by its field's declared
type, a row that cannot be read left out) is store/reader_rows.py; strength sessions with
their sets are store/reader_sessions.py, re-exported here.

Rows read back were checked twice on the way in (the dataclass checks, then the schema's
CHECK constraints, which mirror them), so the bulk readers build records without running
every check again: for five years of history that check was half the load time.

Functions take a DB-API ``sqlite3`` connection (or cursor): the repository passes its own
read connection, or inside a write the connection of that transaction.
"""

from __future__ import annotations

import gc
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any

from hamstring_app.core.models import AppMeta, CheckIn, History, Profile, Run
from hamstring_app.store.deferred_sets import SetsLoader
from hamstring_app.store.episode_records import read_assessments, read_episodes
from hamstring_app.store.reader_rows import (
    CHECKIN_COLUMNS,
    CHECKIN_SELECT,
    PROFILE_COLUMNS,
    PROFILE_DECODERS,
    PROFILE_SELECT,
    RUN_COLUMNS,
    RUN_SELECT,
    SESSION_COLUMNS,
    SET_COLUMNS,
    between,
    build_all,
    build_checkin,
    build_first,
    build_run,
    checkin_what,
    fetch,
    first_row,
    run_what,
)
from hamstring_app.store.reader_sessions import (
    recent_sets_sessions,
    session,
    sessions,
    unfinished_session_id,
)
from hamstring_app.store.unreadable import (
    DECODE_ERRORS,
    BadText,
    UnreadableRow,
    decode_reason,
)
from hamstring_app.store.unreadable import (
    _note as note_unreadable,
)

__all__ = [
    "CHECKIN_COLUMNS", "PROFILE_COLUMNS", "RUN_COLUMNS", "SESSION_COLUMNS", "SET_COLUMNS",
    "checkin", "checkin_from_row", "checkins", "history", "last_checkin_before", "meta",
    "no_cyclic_gc", "profile", "profile_problem", "recent_sets_sessions", "run",
    "run_from_row", "runs", "runs_where", "session", "sessions", "settings_strings",
    "snapshot", "unfinished_session_id",
]


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


def _read_profile(conn: Any) -> tuple[Profile | None, str | None]:
    """The profile row built the ordinary, fully checked way, or why it cannot be."""
    rows = fetch(conn, PROFILE_SELECT)
    if not rows:
        return None, None
    if isinstance(rows[0], BadText):
        return None, "text that is not valid UTF-8"
    try:
        values = (decode(v) for decode, v in zip(PROFILE_DECODERS, rows[0], strict=True))
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
    return build_checkin(row)  # type: ignore[no-any-return]


def run_from_row(row: Sequence[Any]) -> Run:
    return build_run(row)  # type: ignore[no-any-return]



def checkin(conn: Any, day: date) -> CheckIn | None:
    row = first_row(fetch(conn, CHECKIN_SELECT + " WHERE day = ?", (day.isoformat(),)))
    return build_first(build_checkin, row, "checkin", checkin_what)  # type: ignore[no-any-return]


def checkins(conn: Any, start: date | None = None, end: date | None = None) -> tuple[CheckIn, ...]:
    where, params = between("day", start, end)
    rows = fetch(conn, CHECKIN_SELECT + where + " ORDER BY day", params)
    return build_all(build_checkin, rows, "checkin", checkin_what)


def last_checkin_before(conn: Any, day: date) -> CheckIn | None:
    row = first_row(
        fetch(
            conn, CHECKIN_SELECT + " WHERE day < ? ORDER BY day DESC LIMIT 1", (day.isoformat(),)
        )
    )
    return build_first(build_checkin, row, "checkin", checkin_what)  # type: ignore[no-any-return]


def run(conn: Any, run_id: int) -> Run | None:
    row = first_row(fetch(conn, RUN_SELECT + " WHERE id = ?", (run_id,)))
    return build_first(build_run, row, "run", run_what)  # type: ignore[no-any-return]


def runs(conn: Any, start: date | None = None, end: date | None = None) -> tuple[Run, ...]:
    where, params = between("day", start, end)
    rows = fetch(conn, RUN_SELECT + where + " ORDER BY day, id", params)
    return build_all(build_run, rows, "run", run_what)




def runs_where(conn: Any, condition: str, params: Sequence[Any] = ()) -> tuple[Run, ...]:
    """Runs meeting an SQL ``condition`` over the run table's columns, by day then id."""
    rows = fetch(conn, RUN_SELECT + f" WHERE {condition} ORDER BY day, id", params)
    return build_all(build_run, rows, "run", run_what)



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
