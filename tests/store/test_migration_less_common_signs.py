"""Migration 0004 with data: the five less common warning signs come in as unanswered
(NULL) on every saved check-in, nothing else changes, and a downgrade gives 0003 back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from store_samples import TODAY
from test_migration_episodes import columns_of, dump
from test_migrations import SEED, create_at

from hamstring_app.core.models import LESS_COMMON_RED_FLAG_FIELDS, CheckIn
from hamstring_app.paths import DB_NAME
from hamstring_app.store import db
from hamstring_app.store.db import HEAD_REVISION, open_database
from hamstring_app.store.db_connect import make_engine
from hamstring_app.store.db_schema import _alembic_config
from hamstring_app.store.repository import Repository

NEW = LESS_COMMON_RED_FLAG_FIELDS


def seeded_at_0003(tmp_path: Path) -> Path:
    path = tmp_path / DB_NAME
    create_at(path, "0003")
    conn = sqlite3.connect(path)
    with conn:
        for statement in SEED:
            conn.execute(statement)
        conn.execute(
            "INSERT INTO checkin (day, pain_rest, sharp_pain, nerve_signs, note)"
            " VALUES ('2026-03-03', 6, 1, 1, 'two signs')"
        )
        conn.execute("INSERT INTO professional_assessment (day, outcome, note)"
                     " VALUES ('2026-03-04', 'rehab_only', 'seen')")
    conn.close()
    return path


def _raw(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_upgrade_from_0003_keeps_every_row_and_leaves_the_new_signs_unanswered(
    tmp_path: Path,
) -> None:
    path = seeded_at_0003(tmp_path)
    conn = sqlite3.connect(path)
    old_columns = columns_of(conn)
    conn.close()
    before = dump(path)
    assessments = _raw(path, "SELECT * FROM professional_assessment")
    database = open_database(path, app_version="2.0")
    repo = Repository(database, lambda: TODAY)
    try:
        assert database.revision == HEAD_REVISION == "0004"
        checkins = repo.list_checkins()
        assert [c.day.isoformat() for c in checkins] == ["2026-03-01", "2026-03-02", "2026-03-03"]
        for c in checkins:
            assert all(getattr(c, name) is None for name in NEW)
        assert checkins[2].red_flags == ("sharp_pain", "nerve_signs")
        # the new answers are saved and read back, yes and no alike
        answered = CheckIn(day=TODAY, pain_rest=0, foot_weakness=True, feeling_unwell=False)
        repo.save_checkin(answered)
        assert repo.get_checkin(TODAY) == answered
    finally:
        repo.close()
    after = dump(path, old_columns)
    assert after["checkin"][:3] == before["checkin"]  # the old rows, every value the same
    assert {k: v for k, v in after.items() if k != "checkin"} == {
        k: v for k, v in before.items() if k != "checkin"
    }
    assert _raw(path, "SELECT * FROM professional_assessment") == assessments
    new_values = _raw(path, f"SELECT day, {', '.join(NEW)} FROM checkin ORDER BY day")
    assert new_values == [
        ("2026-03-01", None, None, None, None, None),
        ("2026-03-02", None, None, None, None, None),
        ("2026-03-03", None, None, None, None, None),
        (TODAY.isoformat(), None, None, 1, None, 0),
    ]


@pytest.mark.parametrize("name", NEW)
def test_the_new_columns_refuse_anything_but_yes_no_or_unanswered(
    tmp_path: Path, name: str
) -> None:
    path = seeded_at_0003(tmp_path)
    open_database(path, app_version="2.0")
    conn = sqlite3.connect(path)
    try:
        with pytest.raises(sqlite3.IntegrityError, match=f"ck_checkin_{name}"):
            conn.execute(f"UPDATE checkin SET {name} = 2 WHERE day = '2026-03-01'")
    finally:
        conn.close()


def test_downgrade_to_0003_drops_the_new_columns_and_keeps_the_rest(tmp_path: Path) -> None:
    path = seeded_at_0003(tmp_path)
    conn = sqlite3.connect(path)
    old_columns = columns_of(conn)
    conn.close()
    before = dump(path)
    repo = Repository(open_database(path, app_version="2.0"), lambda: TODAY)
    repo.save_checkin(CheckIn(day=TODAY, pain_rest=1, difficulty_walking=True))
    repo.close()
    engine = make_engine(path, existing=True)
    config = _alembic_config(db.MIGRATIONS_DIR)
    try:
        with engine.connect() as conn, conn.begin():
            config.attributes["connection"] = conn
            command.downgrade(config, "0003")
    finally:
        config.attributes.pop("connection", None)
        engine.dispose()
    conn = sqlite3.connect(path)
    try:
        assert columns_of(conn) == old_columns
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0003",)
        (table_sql,) = conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'checkin'"
        ).fetchone()
        assert not any(name in table_sql for name in NEW)
        assert "ck_checkin_nerve_signs" in table_sql
    finally:
        conn.close()
    after = dump(path)
    assert after["checkin"][:3] == before["checkin"]
    assert after["checkin"][3][:2] == (TODAY.isoformat(), 1)
    assert {k: v for k, v in after.items() if k != "checkin"} == {
        k: v for k, v in before.items() if k != "checkin"
    }
