"""Every table of the app's schema with its columns and the unique keys its writes rely on
(primary keys, UNIQUE constraints and unique indexes), as plain data: what a file that
says it is at the current format must have, checked on every open (db_check._refuse_drift).

It is derived from store/tables.py, which needs SQLAlchemy (too slow to import on every
start just for this): ``python -m hamstring_app.store.schema_names`` prints it from the
tables, and tests/store/test_schema_names.py fails, naming the difference, whenever
tables.py changes and this file was not brought along. Do not edit the two dicts by hand.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

# --- generated from store/tables.py: python -m hamstring_app.store.schema_names ---
COLUMNS: dict[str, tuple[str, ...]] = {
    "alembic_version": ("version_num",),
    "app_meta": ("id", "schema_revision", "app_version"),
    "checkin": (
        "day",
        "pain_rest",
        "pain_run",
        "pain_next_morning",
        "ran",
        "eased_during_run",
        "settled_within_24h",
        "sharp_pain",
        "pain_increases_with_speed",
        "gait_changed",
        "pain_in_daily_activities",
        "sudden_onset_with_weakness",
        "nerve_signs",
        "overstride_long_stride",
        "overstride_loud_landing",
        "overstride_heel_ahead",
        "fatigue",
        "sleep_hours",
        "note",
        "bruising_after_sudden_pain",
        "difficulty_walking",
        "foot_weakness",
        "night_or_rest_pain",
        "feeling_unwell",
    ),
    "episode": ("id", "onset", "side", "pain_site", "long_standing", "ended", "end_reason"),
    "professional_assessment": ("id", "day", "outcome", "note"),
    "profile": (
        "id",
        "injury_start",
        "side",
        "pain_site",
        "long_standing",
        "usual_weekly_km",
        "usual_cadence_spm",
        "units",
    ),
    "run": (
        "id",
        "day",
        "distance_km",
        "duration_min",
        "type",
        "rpe",
        "cadence_spm",
        "descent_m",
        "pain",
        "note",
        "source",
        "started_at",
        "avg_hr_bpm",
        "source_file",
        "content_hash",
        "details",
        "needs_review",
    ),
    "set_log": (
        "id",
        "session_id",
        "exercise_id",
        "set_number",
        "reps",
        "hold_s",
        "load_kg",
        "pain",
        "completed",
        "started_at",
        "finished_at",
    ),
    "setting": ("key", "value"),
    "strength_session": (
        "id",
        "day",
        "pain_next_morning",
        "phase",
        "programme_id",
        "started_at",
        "finished_at",
    ),
}
KEYS: dict[str, tuple[tuple[str, ...], ...]] = {
    "alembic_version": (("version_num",),),
    "app_meta": (("id",),),
    "checkin": (("day",),),
    "episode": (("id",), ("onset",)),
    "professional_assessment": (("id",),),
    "profile": (("id",),),
    "run": (("content_hash",), ("id",)),
    "set_log": (("id",), ("session_id", "exercise_id", "set_number")),
    "setting": (("key",),),
    "strength_session": (("id",),),
}
# --- end of generated part ---


def derive(metadata: Any, *extra_tables: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """COLUMNS and KEYS for the SQLAlchemy ``metadata`` (and tables outside it)."""
    from sqlalchemy import PrimaryKeyConstraint, UniqueConstraint

    columns: dict[str, tuple[str, ...]] = {}
    keys: dict[str, tuple[tuple[str, ...], ...]] = {}
    for table in sorted([*metadata.tables.values(), *extra_tables], key=lambda t: t.name):
        columns[table.name] = tuple(c.name for c in table.columns)
        found = [
            tuple(c.name for c in constraint.columns)
            for constraint in table.constraints
            if isinstance(constraint, PrimaryKeyConstraint | UniqueConstraint)
            and constraint.columns
        ]
        found += [tuple(c.name for c in index.columns) for index in table.indexes if index.unique]
        keys[table.name] = tuple(sorted(set(found)))
    return columns, keys


def _entry(name: str, value: tuple[Any, ...]) -> list[str]:
    one = f"    {json.dumps(name)}: {_literal(value)},"
    if len(one) <= 99:
        return [one]
    return [f"    {json.dumps(name)}: (", *(f"        {_literal(v)}," for v in value), "    ),"]


def _literal(value: Any) -> str:
    if isinstance(value, str):
        return json.dumps(value)
    inner = ", ".join(_literal(v) for v in value)
    return f"({inner},)" if len(value) == 1 else f"({inner})"


def source(columns: Mapping[str, Sequence[str]], keys: Mapping[str, Any]) -> str:
    """The generated part of this file, for those COLUMNS and KEYS."""
    lines = ["COLUMNS: dict[str, tuple[str, ...]] = {"]
    for name, cols in columns.items():
        lines += _entry(name, tuple(cols))
    lines += ["}", "KEYS: dict[str, tuple[tuple[str, ...], ...]] = {"]
    for name, found in keys.items():
        lines += _entry(name, tuple(found))
    lines.append("}")
    return "\n".join(lines)


def missing_parts(conn: sqlite3.Connection) -> list[str]:
    """What the file lacks of COLUMNS and KEYS, in plain words (empty: nothing)."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    missing: list[str] = []
    for table, wanted in COLUMNS.items():
        if table not in tables:
            missing.append(f"the table {table}")
            continue
        info = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
        have = {row[1] for row in info}
        missing += [f"the column {c} of the table {table}" for c in wanted if c not in have]
        present = {tuple(row[1] for row in sorted((r for r in info if r[5]), key=lambda r: r[5]))}
        for index in conn.execute(f'PRAGMA index_list("{table}")').fetchall():
            if index[2]:  # unique
                cols = conn.execute(f'PRAGMA index_info("{index[1]}")').fetchall()
                present.add(tuple(r[2] for r in sorted(cols)))
        missing += [
            f"the unique key ({', '.join(key)}) of the table {table}"
            for key in KEYS.get(table, ())
            if key not in present and all(c in have for c in key)
        ]
    return missing


def main() -> None:  # pragma: no cover - a maintenance command
    from hamstring_app.store import tables

    print(source(*derive(tables.metadata, tables.alembic_version)))


if __name__ == "__main__":  # pragma: no cover
    main()
