"""Migrations: every revision upgrades to head with its data, failures change nothing,
and batch table rebuilds never cascade-delete child rows."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import textwrap
from pathlib import Path

import pytest
from alembic.migration import MigrationContext
from alembic.operations import Operations
from sqlalchemy import Integer, text
from sqlalchemy.schema import Column
from store_samples import TODAY, TZ, full_session

from hamstring_app.paths import DB_NAME
from hamstring_app.store import db
from hamstring_app.store.db import HEAD_REVISION, all_revisions, open_database
from hamstring_app.store.errors import MigrationFailed
from hamstring_app.store.repository import Repository, open_repository


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def create_at(path: Path, revision: str, migrations: Path = db.MIGRATIONS_DIR) -> None:
    db._open(path, app_version="0.9", now=None, migrations=migrations, target=revision).close()


# Raw rows valid for every revision so far. A revision that renames or drops one of
# these columns must teach this seed its own shape.
SEED = [
    "INSERT INTO profile VALUES (1, '2026-01-10', 'right', 'high_near_sit_bone', 1, 40.0, 170,"
    " 'km')",
    "INSERT INTO checkin (day, pain_rest, pain_run, ran, nerve_signs, fatigue, sleep_hours, note)"
    " VALUES ('2026-03-01', 2, 3, 1, 0, 4, 7.5, 'seeded')",
    "INSERT INTO checkin (day, pain_rest, ran, note) VALUES ('2026-03-02', 1, 0, '')",
    "INSERT INTO run (id, day, distance_km, duration_min, type, rpe, note, source)"
    " VALUES (7, '2026-03-01', 10.5, 60, 'tempo', 6, 'seeded run', 'manual')",
    "INSERT INTO strength_session (id, day, phase, started_at, finished_at)"
    " VALUES (3, '2026-03-02', 2, '2026-03-02T18:00:00+01:00', '2026-03-02T18:30:00+01:00')",
    "INSERT INTO set_log (session_id, exercise_id, set_number, reps, pain, completed)"
    " VALUES (3, 'nordic_curl', 1, 6, 2, 1)",
    "INSERT INTO set_log (session_id, exercise_id, set_number, reps, pain, completed)"
    " VALUES (3, 'nordic_curl', 2, 6, 3, 1)",
    "INSERT INTO setting VALUES ('sessions_per_week', '4')",
]


def seed(path: Path) -> None:
    conn = sqlite3.connect(path)
    with conn:
        for statement in SEED:
            conn.execute(statement)
    conn.close()


def test_revisions_are_ordered_and_named() -> None:
    revisions = all_revisions()
    assert revisions[0] == "0001"
    assert revisions[-1] == HEAD_REVISION
    assert revisions == sorted(revisions)
    files = sorted(p.name for p in (db.MIGRATIONS_DIR / "versions").glob("*.py"))
    assert [name[:4] for name in files] == revisions


@pytest.mark.parametrize("revision", all_revisions())
def test_upgrade_from_every_revision_keeps_the_data(tmp_path: Path, revision: str) -> None:
    path = tmp_path / DB_NAME
    create_at(path, revision)
    seed(path)
    before = sha256(path)
    database = open_database(path, app_version="2.0")
    repo = Repository(database, lambda: TODAY)
    try:
        assert database.revision == HEAD_REVISION
        assert repo.meta().schema_revision == HEAD_REVISION
        assert repo.meta().app_version == "2.0"
        profile = repo.get_profile()
        assert profile is not None and profile.usual_cadence_spm == 170
        checkins = repo.list_checkins()
        assert [(c.day.isoformat(), c.pain_rest, c.ran, c.note) for c in checkins] == [
            ("2026-03-01", 2, True, "seeded"),
            ("2026-03-02", 1, False, ""),
        ]
        assert checkins[0].nerve_signs is False and checkins[0].sleep_hours == 7.5
        (run,) = repo.list_runs()
        assert (run.id, run.distance_km, run.type.value, run.note) == (
            7,
            10.5,
            "tempo",
            "seeded run",
        )
        (session,) = repo.list_strength_sessions()
        assert session.id == 3 and session.finished_at is not None
        assert session.finished_at.utcoffset() == TZ.utcoffset(None)
        assert [(s.set_number, s.pain) for s in session.sets] == [(1, 2), (2, 3)]
        assert repo.get_settings().sessions_per_week == 4
    finally:
        repo.close()
    if revision == HEAD_REVISION:
        assert database.backup_path is None
        return
    # An older file was copied aside, whole and private, before it was changed.
    backup = database.backup_path
    assert backup is not None and backup.parent == tmp_path / "backups"
    assert backup.name.startswith("hamstring-coach-") and f"rev{revision}" in backup.name
    copy = sqlite3.connect(backup)
    assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (revision,)
    assert copy.execute("SELECT count(*) FROM set_log").fetchone() == (2,)
    copy.close()
    assert (backup.stat().st_mode & 0o777) == 0o600
    assert sha256(path) != before


def _scripts_with(tmp_path: Path, revision: str, body: str) -> Path:
    """A copy of the app's migrations plus one extra revision on top of head."""
    scripts = tmp_path / "scripts"
    scripts.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(db.MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    source = textwrap.dedent(
        f'''
        """Test-only revision."""
        import sqlalchemy as sa
        from alembic import op

        revision = "{revision}"
        down_revision = "{HEAD_REVISION}"
        branch_labels = None
        depends_on = None


        def upgrade():
        '''
    ) + textwrap.indent(textwrap.dedent(body), "    ")
    (scripts / "versions" / f"{revision}_test_only.py").write_text(source)
    return scripts


def _count(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def _populated(tmp_path: Path) -> Path:
    repo = open_repository(tmp_path, today=lambda: TODAY, app_version="1.0")
    repo.start_strength_session(full_session())
    repo.start_strength_session(full_session(n_sets=1))
    repo.close()
    return tmp_path / DB_NAME


def test_failing_migration_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    path = _populated(tmp_path)
    before = sha256(path)
    scripts = _scripts_with(
        tmp_path,
        "9001",
        """
        op.add_column("run", sa.Column("extra", sa.Integer()))
        op.execute("DELETE FROM set_log")
        op.create_table("half_done", sa.Column("id", sa.Integer(), primary_key=True))
        op.execute("SELECT * FROM no_such_table")
        """,
    )
    with pytest.raises(MigrationFailed) as caught:
        db._open(path, app_version="2.0", now=None, migrations=scripts)
    error = caught.value
    assert error.backup is not None and error.backup.exists()
    assert str(error.backup) in str(error) and "Nothing was changed" in str(error)
    # the reason in plain words, never the SQL statement that failed
    assert "SELECT" not in str(error) and "[SQL" not in str(error)
    assert "no such table" in str(error)
    assert sha256(path) == before  # transactional DDL: the rollback undid everything
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(DB_NAME)] == [DB_NAME]
    # and the app's own migrations still open it, data intact
    repo = open_repository(tmp_path, today=lambda: TODAY, app_version="1.0")
    try:
        assert len(repo.list_strength_sessions()) == 2
        assert repo.meta().schema_revision == HEAD_REVISION
    finally:
        repo.close()


def test_migration_leaving_broken_references_is_refused(tmp_path: Path) -> None:
    path = _populated(tmp_path)
    before = sha256(path)
    scripts = _scripts_with(
        tmp_path,
        "9002",
        """
        op.execute(
            "INSERT INTO set_log (session_id, exercise_id, set_number, completed)"
            " VALUES (999, 'orphan', 1, 1)"
        )
        """,
    )
    with pytest.raises(MigrationFailed, match="do not exist"):
        db._open(path, app_version="2.0", now=None, migrations=scripts)
    assert sha256(path) == before


REBUILD_SESSIONS = """
with op.batch_alter_table("strength_session", recreate="always") as batch:
    batch.add_column(sa.Column("extra", sa.Integer()))
"""


def test_batch_rebuild_does_not_cascade_delete_sets(tmp_path: Path) -> None:
    path = _populated(tmp_path)
    sets = _count(path, "set_log")
    assert sets == 6
    scripts = _scripts_with(tmp_path, "9003", REBUILD_SESSIONS)
    database = db._open(path, app_version="2.0", now=None, migrations=scripts)
    try:
        with database.engine.connect() as conn:
            columns = [
                row[1] for row in conn.exec_driver_sql("PRAGMA table_info(strength_session)")
            ]
            assert "extra" in columns
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1  # back on after
            # cascade still works after the rebuild
            conn.execute(text("DELETE FROM strength_session"))
            conn.commit()
        assert database.revision == "9003"
    finally:
        database.close()
    assert _count(path, "set_log") == 0


def test_the_same_rebuild_with_foreign_keys_on_would_lose_the_sets(tmp_path: Path) -> None:
    """Control for the test above: the pitfall is real on this stack."""
    path = _populated(tmp_path)
    engine = db.make_engine(path)
    try:
        with engine.begin() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            operations = Operations(
                MigrationContext.configure(conn, opts={"render_as_batch": True})
            )
            with operations.batch_alter_table("strength_session", recreate="always") as batch:
                batch.add_column(Column("extra", Integer()))
    finally:
        engine.dispose()
    assert _count(path, "set_log") == 0


ADD_RUN_COLUMN = 'op.add_column("run", sa.Column("extra", sa.Integer()))'


def test_successful_upgrade_backs_up_the_old_file_first(tmp_path: Path) -> None:
    """A real second revision on top of head: the success path of an upgrade."""
    path = tmp_path / DB_NAME
    create_at(path, HEAD_REVISION)
    seed(path)
    before = sha256(path)
    scripts = _scripts_with(tmp_path / "stack", "9010", ADD_RUN_COLUMN)
    database = db._open(path, app_version="2.0", now=None, migrations=scripts)
    try:
        assert database.revision == "9010"
        with database.engine.connect() as conn:
            columns = [row[1] for row in conn.exec_driver_sql("PRAGMA table_info(run)")]
            assert "extra" in columns
            assert conn.exec_driver_sql("SELECT count(*) FROM set_log").scalar() == 2
            assert conn.exec_driver_sql("SELECT schema_revision FROM app_meta").scalar() == "9010"
    finally:
        database.close()
    backup = database.backup_path
    assert backup is not None and backup.exists() and backup.parent == tmp_path / "backups"
    assert f"rev{HEAD_REVISION}" in backup.name
    copy = sqlite3.connect(backup)
    try:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (
            HEAD_REVISION,
        )
        assert copy.execute("SELECT count(*) FROM set_log").fetchone() == (2,)
        assert copy.execute("SELECT count(*) FROM checkin").fetchone() == (2,)
        assert "extra" not in [row[1] for row in copy.execute("PRAGMA table_info(run)")]
    finally:
        copy.close()
    assert (backup.stat().st_mode & 0o777) == 0o600
    assert sha256(path) != before


def test_only_the_newest_five_backups_are_kept(tmp_path: Path) -> None:
    import os

    path = tmp_path / DB_NAME
    create_at(path, HEAD_REVISION)
    seed(path)
    folder = tmp_path / "backups"
    folder.mkdir()
    old = []
    for n in range(7):
        copy = folder / f"hamstring-coach-2025010{n}-120000-rev0001.sqlite3"
        copy.write_bytes(b"old copy")
        os.utime(copy, (1_700_000_000 + n * 1000, 1_700_000_000 + n * 1000))
        old.append(copy)
    unrelated = folder / "my-own-notes.txt"
    unrelated.write_text("keep me")
    scripts = _scripts_with(tmp_path / "stack", "9011", ADD_RUN_COLUMN)
    database = db._open(path, app_version="2.0", now=None, migrations=scripts)
    database.close()
    kept = sorted(p for p in folder.iterdir() if p.suffix == ".sqlite3")
    assert len(kept) == 5
    assert database.backup_path in kept
    assert set(kept) - {database.backup_path} == set(old[-4:])  # the newest of the old
    assert unrelated.read_text() == "keep me"


def test_0002_rebuild_keeps_autoincrement_record(tmp_path: Path) -> None:
    """A run deleted before the upgrade never has its id handed out again."""
    path = tmp_path / DB_NAME
    create_at(path, "0001")
    seed(path)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("INSERT INTO run (id, day, distance_km, type, note, source)"
                     " VALUES (40, '2026-03-02', 5, 'easy', '', 'manual')")
        conn.execute("DELETE FROM run WHERE id = 40")
    conn.close()
    database = open_database(path, app_version="2.0")
    repo = Repository(database, lambda: TODAY)
    try:
        from hamstring_app.core.models import Run

        added = repo.add_run(Run(day=TODAY, distance_km=3.0))
        assert added.id == 41
        assert repo.list_runs()[0].source_file == ""
    finally:
        repo.close()


def test_a_killed_backup_leaves_nothing_that_counts_or_stays(tmp_path: Path) -> None:
    """A kill during the pre-migration copy used to leave a 0-byte "backup" and its
    -journal; those are pruned, never counted among the five kept. The copy itself is
    written under a temporary name and renamed only when complete."""
    import os

    path = tmp_path / DB_NAME
    create_at(path, HEAD_REVISION)
    seed(path)
    folder = tmp_path / "backups"
    folder.mkdir()
    empty = folder / "hamstring-coach-20250101-120000-rev0001.sqlite3"
    empty.write_bytes(b"")
    journal = folder / "hamstring-coach-20250101-120000-rev0001.sqlite3-journal"
    journal.write_bytes(b"\0" * 512)
    partial = folder / "hamstring-coach-20250102-120000-rev0001.sqlite3.partial"
    partial.write_bytes(b"SQLite format 3\0")
    partial_journal = folder / (partial.name + "-journal")
    partial_journal.write_bytes(b"\0" * 512)
    good = []
    for n in range(4):
        copy = folder / f"hamstring-coach-2025020{n}-120000-rev0001.sqlite3"
        copy.write_bytes(b"old copy")
        os.utime(copy, (1_800_000_000 + n, 1_800_000_000 + n))
        good.append(copy)
    made: list[Path] = []
    real_connect = sqlite3.connect

    def watching(target, *args, **kwargs):  # the name the copy is written under
        made.append(Path(target))
        return real_connect(target, *args, **kwargs)

    scripts = _scripts_with(tmp_path / "stack", "9012", ADD_RUN_COLUMN)
    import unittest.mock

    with unittest.mock.patch.object(db.sqlite3, "connect", watching):
        database = db._open(path, app_version="2.0", now=None, migrations=scripts)
    database.close()
    assert database.backup_path is not None
    assert any(p.name.endswith(".partial") for p in made), made  # written aside first
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted([database.backup_path.name, *(p.name for p in good)])
