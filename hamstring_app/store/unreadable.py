"""Rows that pass the schema's CHECKs yet cannot be read (an impossible date, text that
is not UTF-8, a garbled time): skipped in memory, left untouched in the file, and named
in one plain sentence. (The check that a file has every table and column its format
promises is store/schema_names.py.)

The reader's fast path builds every row at once; only when that fails does it go row by
row through :func:`build_each`, so healthy files pay nothing for this.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)

# What a failed decode raises: date/datetime parsing, an unknown enum value, a wrong type.
DECODE_ERRORS = (ValueError, TypeError, KeyError, AttributeError, OverflowError)


@dataclass(frozen=True)
class UnreadableRow:
    table: str  # the table's name
    what: str  # "the check-in dated 2026-02-30", "the run with id 7"
    reason: str  # "not a real calendar date", "text that is not valid UTF-8"


_collected: ContextVar[list[UnreadableRow] | None] = ContextVar("unreadable", default=None)


@contextmanager
def collecting() -> Iterator[list[UnreadableRow]]:
    """Gather the rows skipped by the reads made inside, in order."""
    found: list[UnreadableRow] = []
    token = _collected.set(found)
    try:
        yield found
    finally:
        _collected.reset(token)


def _note(row: UnreadableRow) -> None:
    log.warning("left out an unreadable row of %s: %s (%s)", row.table, row.what, row.reason)
    found = _collected.get()
    if found is not None:
        found.append(row)


def decode_reason(exc: BaseException) -> str:
    """Why a stored value could not be decoded, in a few plain words."""
    text = str(exc)
    if "out of range" in text or "day is out of range" in text:
        return "not a real calendar date"
    if "isoformat" in text:
        return "a date or time that cannot be read"
    return "a value this version cannot read"


def build_each(
    build: Callable[[Sequence[Any]], Any],
    rows: Sequence[Any],
    table: str,
    describe: Callable[[Sequence[Any]], str],
) -> tuple[Any, ...]:
    """Build each row, leaving out (and noting) those that cannot be built."""
    out = []
    for row in rows:
        if isinstance(row, BadText):
            _note(UnreadableRow(table, describe(row.row), "text that is not valid UTF-8"))
            continue
        try:
            out.append(build(row))
        except DECODE_ERRORS as exc:
            _note(UnreadableRow(table, describe(row), decode_reason(exc)))
    return tuple(out)


@dataclass(frozen=True)
class BadText:
    """A row holding text that is not valid UTF-8; ``row`` has such text replaced."""

    row: tuple[Any, ...]


def _text(value: Any) -> Any:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value


def fetch_tolerant(conn: Any, sql: str, params: Sequence[Any] = ()) -> list[Any]:
    """Rows of ``sql`` read with text as bytes, so one undecodable text cannot fail the
    whole query; rows whose text is not UTF-8 come back as :class:`BadText`."""
    connection = conn if isinstance(conn, sqlite3.Connection) else conn.connection
    previous = connection.text_factory
    connection.text_factory = bytes
    try:
        raw = connection.execute(sql, params).fetchall()
    finally:
        connection.text_factory = previous
    out: list[Any] = []
    for row in raw:
        try:
            out.append(tuple(v.decode("utf-8") if isinstance(v, bytes) else v for v in row))
        except UnicodeDecodeError:
            out.append(BadText(tuple(_text(v) for v in row)))
    return out


def is_undecodable(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and "decode" in str(exc).lower()


_KINDS = {
    "checkin": "check-in",
    "run": "run",
    "strength_session": "strength session",
    "set_log": "set",
    "profile": "profile",
}


def sentence(rows: Sequence[UnreadableRow]) -> str:
    """One plain sentence for the person, naming each skipped row and what to do."""
    if not rows:
        return ""
    named = "; ".join(f"{r.what} ({r.reason})" for r in rows[:5])
    more = f"; and {len(rows) - 5} more" if len(rows) > 5 else ""
    count = "1 saved record" if len(rows) == 1 else f"{len(rows)} saved records"
    return (
        f"{count} could not be read and {'is' if len(rows) == 1 else 'are'} left out for now: "
        f"{named}{more}. {'It is' if len(rows) == 1 else 'They are'} left unchanged in the "
        "data file; everything else was read. To get it back, restore a copy from the "
        "backups folder, or enter it again."
    )
