"""The schema drift check covers every table the app uses: its list is derived from
store/tables.py (and kept in step with it here), and a file that says it is current but
lacks any table, column or unique key is refused, naming what is missing, unchanged."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reliability"))

from bad_data import TODAY, digest, make_data, spoil

from hamstring_app.store import schema_names, tables
from hamstring_app.store.errors import DatabaseUnreadable
from hamstring_app.store.repository import open_repository

DERIVED = schema_names.derive(tables.metadata, tables.alembic_version)
REGENERATE = "run: python -m hamstring_app.store.schema_names, and paste its output"


def test_the_list_is_the_one_derived_from_the_tables():
    columns, keys = DERIVED
    assert columns == schema_names.COLUMNS, REGENERATE
    assert keys == schema_names.KEYS, REGENERATE
    text = Path(schema_names.__file__).read_text()
    assert schema_names.source(columns, keys) in text, REGENERATE


def test_every_table_of_the_schema_is_listed():
    names = {t.name for t in tables.metadata.sorted_tables} | {"alembic_version"}
    assert set(schema_names.COLUMNS) == names
    assert {"episode", "professional_assessment"} <= names  # not only the core tables


def _refused(folder: Path) -> str:
    with pytest.raises(DatabaseUnreadable) as caught:
        open_repository(folder, today=lambda: TODAY, app_version="test")
    return str(caught.value)


# alembic_version is checked before the drift check (a file without it is not ours)
@pytest.mark.parametrize("table", sorted(set(schema_names.COLUMNS) - {"alembic_version"}))
def test_a_missing_table_is_refused_by_name(tmp_path, table):
    path = make_data(tmp_path)
    before = spoil(path, "PRAGMA foreign_keys = OFF", f'DROP TABLE "{table}"')
    message = _refused(tmp_path)
    assert f"the table {table}" in message and "missing" in message
    assert digest(path) == before


@pytest.mark.parametrize(
    ("statement", "named"),
    [
        (
            "ALTER TABLE professional_assessment RENAME COLUMN note TO remark",
            "the column note of the table professional_assessment",
        ),
        ("ALTER TABLE episode RENAME COLUMN ended TO finished", "the column ended"),
        ("DROP INDEX ix_run_content_hash", "the unique key (content_hash) of the table run"),
    ],
)
def test_a_missing_column_or_unique_key_is_refused_by_name(tmp_path, statement, named):
    path = make_data(tmp_path)
    before = spoil(path, statement)
    message = _refused(tmp_path)
    assert named in message
    assert "CREATE" not in message and "SELECT" not in message
    assert digest(path) == before


def test_a_whole_file_has_nothing_missing(tmp_path):
    import sqlite3

    path = make_data(tmp_path)
    conn = sqlite3.connect(path)
    try:
        assert schema_names.missing_parts(conn) == []
    finally:
        conn.close()
