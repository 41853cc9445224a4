"""The migrated schema matches tables.py, and its CHECK constraints refuse bad rows."""

from __future__ import annotations

import re
import shutil
import sqlite3
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from schema_shape import schema_shape, shape_differences

from hamstring_app.core.models import PainSite, RunSource, RunType, Side, Units
from hamstring_app.store import db, tables
from hamstring_app.store.db import make_engine, open_database


def migrate_new(path: Path) -> Path:
    """A new file brought to head by running every migration, as an old file would be."""
    path.touch()
    engine = make_engine(path)
    try:
        config = db._alembic_config(db.MIGRATIONS_DIR)
        db._migrate(
            engine, config, db.HEAD_REVISION, path=path, backup=None, app_version="1.0"
        )
    finally:
        engine.dispose()
    return path


@pytest.fixture(scope="module")
def migrated_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = migrate_new(tmp_path_factory.mktemp("migrated") / "migrated.sqlite3")
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no -wal or -journal
    return path


@pytest.fixture
def migrated(tmp_path: Path, migrated_once: Path) -> Iterator[Path]:
    """A copy of the file migrated once for this module: each test changes its own."""
    path = tmp_path / "migrated.sqlite3"
    shutil.copyfile(migrated_once, path)
    yield path


@pytest.fixture
def created(tmp_path: Path) -> Iterator[Path]:
    """A new file as the app makes it: every table at once, stamped head, no Alembic."""
    path = tmp_path / "created.sqlite3"
    open_database(path, app_version="1.0").close()
    yield path


def test_a_created_database_has_the_schema_the_migrations_make(
    created: Path, migrated: Path
) -> None:
    created_shape, migrated_shape = schema_shape(created), schema_shape(migrated)
    assert len(created_shape["tables"]) >= 8
    differences = shape_differences(created_shape, migrated_shape)
    assert differences == [], (
        "a new database (tables.py, created at once) and a migrated one differ; "
        "tables.py and migrations/versions must describe the same schema:\n  "
        + "\n  ".join(differences)
    )


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ("ALTER TABLE run ADD COLUMN surface VARCHAR(20)", "column 'surface' is only in"),
        ("DROP INDEX IF EXISTS sqlite_autoindex_set_log_1", None),  # cannot be dropped
        ("CREATE INDEX ix_run_day ON run (day)", "index 'ix_run_day' is only in"),
        ("DELETE FROM alembic_version", "alembic_version differs"),
    ],
)
def test_the_schema_comparison_names_what_differs(
    created: Path, change: str, expected: str | None
) -> None:
    before = schema_shape(created)
    conn = sqlite3.connect(created)
    try:
        conn.execute(change)
        conn.commit()
    except sqlite3.Error:
        assert expected is None
        return
    finally:
        conn.close()
    lines = shape_differences(schema_shape(created), before)
    assert len(lines) == 1 and expected in lines[0], lines


def test_the_schema_comparison_sees_checks_types_and_column_order(tmp_path: Path) -> None:
    def shape(sql: str) -> dict[str, object]:
        path = tmp_path / f"{abs(hash(sql))}.sqlite3"
        conn = sqlite3.connect(path)
        conn.executescript(sql + "; CREATE TABLE alembic_version (version_num VARCHAR(32))")
        conn.close()
        return schema_shape(path)

    base = shape("CREATE TABLE t (a INTEGER NOT NULL, b TEXT, CONSTRAINT ck_t_a CHECK (a > 0))")
    check = shape("CREATE TABLE t (a INTEGER NOT NULL, b TEXT, CONSTRAINT ck_t_a CHECK (a > 1))")
    typed = shape("CREATE TABLE t (a INTEGER NOT NULL, b REAL, CONSTRAINT ck_t_a CHECK (a > 0))")
    moved = shape("CREATE TABLE t (b TEXT, a INTEGER NOT NULL, CONSTRAINT ck_t_a CHECK (a > 0))")
    null = shape("CREATE TABLE t (a INTEGER, b TEXT, CONSTRAINT ck_t_a CHECK (a > 0))")
    assert shape_differences(base, base) == []
    assert shape_differences(base, check) == [
        "table t: CHECK 'ck_t_a' differs: created 'a > 0' vs migrated 'a > 1'"
    ]
    assert "column 'b' differs" in shape_differences(base, typed)[0]
    assert "different order" in shape_differences(base, moved)[0]
    assert "column 'a' differs" in shape_differences(base, null)[0]


def test_orm_metadata_matches_migrated_schema(migrated: Path) -> None:
    engine = make_engine(migrated)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            diffs = compare_metadata(context, tables.metadata)
    finally:
        engine.dispose()
    diffs = [d for d in diffs if "alembic_version" not in repr(d)]
    assert diffs == [], "tables.py changed without a migration: " + repr(diffs)


_CHECK = re.compile(
    r"CONSTRAINT (\w+) CHECK \((.*?)\)(?=,\s*(?:CONSTRAINT|UNIQUE|FOREIGN|PRIMARY)|\s*\)$)", re.S
)


def _checks(path: Path) -> dict[str, str]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table'").fetchall()
    finally:
        conn.close()
    found: dict[str, str] = {}
    for (sql,) in rows:
        for name, body in _CHECK.findall(sql or ""):
            found[name] = " ".join(body.split())
    return found


def test_check_constraints_match_tables_py(tmp_path: Path, migrated: Path) -> None:
    """compare_metadata ignores CHECKs, so compare them here, name by name."""
    fresh = tmp_path / "create_all.sqlite3"
    engine = make_engine(fresh)
    tables.metadata.create_all(engine)
    engine.dispose()
    expected = _checks(fresh)
    assert len(expected) > 50
    assert _checks(migrated) == expected


VALID_ROWS: dict[str, dict[str, object]] = {
    "profile": {
        "id": 1,
        "injury_start": "2026-01-01",
        "side": "left",
        "pain_site": "mid_thigh",
        "long_standing": 0,
        "units": "km",
    },
    "checkin": {"day": "2026-01-01", "note": ""},
    "run": {
        "day": "2026-01-01",
        "distance_km": 5.0,
        "type": "easy",
        "note": "",
        "source": "manual",
    },
    "strength_session": {"id": 1, "day": "2026-01-01"},
    "set_log": {"session_id": 1, "exercise_id": "bridge", "set_number": 1, "completed": 1},
    "setting": {"key": "k", "value": "v"},
    "app_meta": {"id": 1, "schema_revision": "x", "app_version": "y"},
}

BAD_VALUES = [
    ("profile", "id", 2),
    ("profile", "injury_start", "15/03/2026"),
    ("profile", "injury_start", "1989-12-31"),
    ("profile", "side", "up"),
    ("profile", "pain_site", "knee"),
    ("profile", "long_standing", 2),
    ("profile", "usual_weekly_km", -1),
    ("profile", "usual_weekly_km", 1000.5),
    ("profile", "usual_cadence_spm", 99),
    ("profile", "usual_cadence_spm", 170.5),
    ("profile", "units", "furlongs"),
    ("checkin", "day", "yesterday"),
    ("checkin", "pain_rest", 11),
    ("checkin", "pain_rest", -1),
    ("checkin", "pain_run", 4.5),
    ("checkin", "pain_next_morning", "bad"),
    ("checkin", "ran", 3),
    ("checkin", "sharp_pain", "yes"),
    ("checkin", "nerve_signs", -1),
    ("checkin", "overstride_heel_ahead", 2),
    ("checkin", "fatigue", 12),
    ("checkin", "sleep_hours", 25),
    ("checkin", "sleep_hours", -0.5),
    ("checkin", "note", "x" * 2001),
    ("run", "day", "2026-13-45x"),
    ("run", "distance_km", 0),
    ("run", "distance_km", -3),
    ("run", "distance_km", 400.1),
    ("run", "distance_km", "far"),
    ("run", "duration_min", 0),
    ("run", "duration_min", 4321),
    ("run", "type", "jog"),
    ("run", "rpe", 11),
    ("run", "cadence_spm", 300),
    ("run", "descent_m", 10001),
    ("run", "pain", 11),
    ("run", "note", "y" * 2001),
    ("run", "source", "telepathy"),
    ("strength_session", "day", ""),
    ("strength_session", "pain_next_morning", 11),
    ("strength_session", "phase", 5),
    ("strength_session", "started_at", "6pm"),
    ("strength_session", "finished_at", "later"),
    ("set_log", "session_id", 42),  # no such session: foreign key
    ("set_log", "exercise_id", "   "),
    ("set_log", "set_number", 0),
    ("set_log", "set_number", 51),
    ("set_log", "reps", 201),
    ("set_log", "reps", 2.5),
    ("set_log", "hold_s", 601),
    ("set_log", "load_kg", 500.5),
    ("set_log", "pain", 11),
    ("set_log", "completed", 7),
    ("set_log", "started_at", "noon"),
    ("setting", "key", ""),
    ("app_meta", "id", 2),
]


def _insert(conn: sqlite3.Connection, table: str, row: dict[str, object]) -> None:
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(row.values()))


@pytest.fixture
def raw(migrated: Path) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(migrated)
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("DELETE FROM app_meta")
    _insert(conn, "strength_session", VALID_ROWS["strength_session"])
    conn.commit()
    yield conn
    conn.close()


@pytest.mark.parametrize("table", sorted(VALID_ROWS))
def test_valid_rows_are_accepted(raw: sqlite3.Connection, table: str) -> None:
    if table == "strength_session":
        raw.execute("DELETE FROM strength_session")
    _insert(raw, table, VALID_ROWS[table])


@pytest.mark.parametrize(("table", "column", "value"), BAD_VALUES)
def test_check_constraints_refuse_bad_rows(
    raw: sqlite3.Connection, table: str, column: str, value: object
) -> None:
    row = {**VALID_ROWS[table], column: value}
    if table == "strength_session":
        row["id"] = 2
    with pytest.raises(sqlite3.IntegrityError) as caught:
        _insert(raw, table, row)
    if column != "session_id":  # a foreign key failure names no constraint
        constraint = "single_row" if column == "id" else column
        assert f"ck_{table}_{constraint}" in str(caught.value)


def test_pain_during_a_run_needs_a_run(raw: sqlite3.Connection) -> None:
    with pytest.raises(sqlite3.IntegrityError, match="pain_run_needs_run"):
        _insert(raw, "checkin", {**VALID_ROWS["checkin"], "ran": 0, "pain_run": 2})


def test_one_checkin_per_date_and_one_set_per_number(raw: sqlite3.Connection) -> None:
    _insert(raw, "checkin", VALID_ROWS["checkin"])
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        _insert(raw, "checkin", VALID_ROWS["checkin"])
    _insert(raw, "set_log", VALID_ROWS["set_log"])
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        _insert(raw, "set_log", VALID_ROWS["set_log"])


@pytest.mark.parametrize(
    ("table", "column", "enum"),
    [
        ("profile", "side", Side),
        ("profile", "pain_site", PainSite),
        ("profile", "units", Units),
        ("run", "type", RunType),
        ("run", "source", RunSource),
    ],
)
def test_every_enum_value_is_allowed_by_the_schema(
    raw: sqlite3.Connection, table: str, column: str, enum: type[StrEnum]
) -> None:
    """A new enum member in core.models needs a migration widening the CHECK."""
    for member in enum:
        raw.execute(f"DELETE FROM {table}")
        _insert(raw, table, {**VALID_ROWS[table], column: member.value})
