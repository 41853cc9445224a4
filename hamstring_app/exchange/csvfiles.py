"""A history as three CSV files for spreadsheets: check-ins, runs and strength sets.

Each file has a header row; the columns are documented in docs/data-formats.md and are
listed here once (``CHECKIN_COLUMNS`` ...), in file order. Text is UTF-8 with a byte-order
mark (so spreadsheet programs show accents), dates are ``YYYY-MM-DD``, yes/no answers are
``yes`` or ``no``, and an empty cell means "not answered". Distances are always km.

A text cell that starts with ``=``, ``+``, ``-``, ``@`` or a tab gets a ``'`` in front, so
a spreadsheet shows it as text instead of running it as a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence

from hamstring_app.core.models import (
    OVERSTRIDE_FIELDS,
    RED_FLAG_FIELDS,
    CheckIn,
    History,
    Run,
    StrengthSession,
)

CHECKINS_FILE = "checkins.csv"
RUNS_FILE = "runs.csv"
SETS_FILE = "strength_sets.csv"

CHECKIN_COLUMNS = (
    "date",
    "pain_rest",
    "pain_run",
    "pain_next_morning",
    "ran",
    "eased_during_run",
    "settled_within_24h",
    *RED_FLAG_FIELDS,
    *OVERSTRIDE_FIELDS,
    "fatigue",
    "sleep_hours",
    "note",
)
RUN_COLUMNS = (
    "date",
    "distance_km",
    "duration_min",
    "type",
    "rpe",
    "cadence_spm",
    "descent_m",
    "pain",
    "source",
    "note",
)
SET_COLUMNS = (
    "date",
    "session",
    "phase",
    "programme",
    "session_pain_next_morning",
    "finished",
    "exercise",
    "exercise_name",
    "set_number",
    "reps",
    "hold_s",
    "load_kg",
    "pain",
    "completed",
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> str:
    """One value as CSV text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if hasattr(value, "isoformat"):
        return value.isoformat()  # type: ignore[no-any-return]
    if hasattr(value, "value"):  # an enum
        return str(value.value)  # type: ignore[attr-defined]
    if isinstance(value, float):
        return repr(value)
    return str(value)


def text_cell(value: str | None) -> str:
    if not value:
        return ""
    return "'" + value if value.startswith(_FORMULA_START) else value


def checkin_rows(checkins: Iterable[CheckIn]) -> Iterable[list[str]]:
    for c in checkins:
        row = [cell(c.day)]
        row.extend(cell(getattr(c, name)) for name in CHECKIN_COLUMNS[1:-1])
        row.append(text_cell(c.note))
        yield row


def run_rows(runs: Iterable[Run]) -> Iterable[list[str]]:
    for r in runs:
        yield [
            cell(r.day),
            cell(r.distance_km),
            cell(r.duration_min),
            cell(r.type),
            cell(r.rpe),
            cell(r.cadence_spm),
            cell(r.descent_m),
            cell(r.pain),
            cell(r.source),
            text_cell(r.note),
        ]


def set_rows(
    sessions: Iterable[StrengthSession], names: Mapping[str, str] | None = None
) -> Iterable[list[str]]:
    """One row per set; a session without sets gets one row with the set cells empty."""
    for number, s in enumerate(sessions, start=1):
        head = [
            cell(s.day),
            str(number),
            cell(s.phase),
            text_cell(s.programme_id),
            cell(s.pain_next_morning),
            cell(s.finished),
        ]
        if not s.sets:
            yield head + [""] * (len(SET_COLUMNS) - len(head))
        for set_log in s.sets:
            name = names.get(set_log.exercise_id) if names else None
            yield [
                *head,
                text_cell(set_log.exercise_id),
                text_cell(name),
                cell(set_log.set_number),
                cell(set_log.reps),
                cell(set_log.hold_s),
                cell(set_log.load_kg),
                cell(set_log.pain),
                cell(set_log.completed),
            ]


def to_csv(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """The rows as CSV text (with a header row), ready to write with ``utf-8-sig``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def csv_files(history: History, names: Mapping[str, str] | None = None) -> dict[str, str]:
    """File name -> CSV text for the three files."""
    return {
        CHECKINS_FILE: to_csv(CHECKIN_COLUMNS, checkin_rows(history.checkins)),
        RUNS_FILE: to_csv(RUN_COLUMNS, run_rows(history.runs)),
        SETS_FILE: to_csv(SET_COLUMNS, set_rows(history.strength_sessions, names)),
    }
