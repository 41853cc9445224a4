"""Migration 0003 with data: the profile's injury becomes episode 1 and nothing is lost."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from store_samples import TODAY
from test_migrations import SEED, create_at

from hamstring_app.core.episodes import Episode, EpisodeEnd
from hamstring_app.core.models import PainSite, Side
from hamstring_app.paths import DB_NAME
from hamstring_app.store.db import HEAD_REVISION, open_database
from hamstring_app.store.repository import Repository

OLD_TABLES = ("profile", "checkin", "run", "strength_session", "set_log", "setting")


def dump(
    path: Path, columns: dict[str, list[str]] | None = None
) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the old tables, in the given columns (by default all the file has:
    a later revision may add columns, and these must keep their values)."""
    conn = sqlite3.connect(path)
    try:
        names = columns or columns_of(conn)
        return {
            table: conn.execute(
                f"SELECT {', '.join(names[table])} FROM {table} ORDER BY 1, 2"
            ).fetchall()
            for table in OLD_TABLES
        }
    finally:
        conn.close()


def columns_of(conn: sqlite3.Connection) -> dict[str, list[str]]:
    return {
        table: [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
        for table in OLD_TABLES
    }


def seeded_at_0002(tmp_path: Path, statements: list[str]) -> Path:
    path = tmp_path / DB_NAME
    create_at(path, "0002")
    conn = sqlite3.connect(path)
    with conn:
        for statement in statements:
            conn.execute(statement)
    conn.close()
    return path


def test_the_profile_becomes_episode_1_and_every_row_is_kept(tmp_path: Path) -> None:
    path = seeded_at_0002(tmp_path, SEED)
    conn = sqlite3.connect(path)
    old_columns = columns_of(conn)
    conn.close()
    before = dump(path)
    database = open_database(path, app_version="2.0")
    repo = Repository(database, lambda: TODAY)
    try:
        assert database.revision == HEAD_REVISION
        (episode,) = repo.list_episodes()
        assert episode == Episode(
            date(2026, 1, 10), Side.RIGHT, PainSite.HIGH_NEAR_SIT_BONE, True, id=episode.id
        )
        assert episode.is_open and repo.current_episode() == episode
        assert repo.list_assessments() == ()
        history = repo.load_history()
        assert history.episodes == (episode,)
        assert history.profile is not None and history.profile.injury_start == episode.onset
    finally:
        repo.close()
    assert dump(path, old_columns) == before  # every older row, byte for byte the same values
    backup = database.backup_path
    assert backup is not None
    assert dump(backup) == before


def test_without_a_profile_there_is_no_episode(tmp_path: Path) -> None:
    path = seeded_at_0002(tmp_path, [s for s in SEED if "INTO profile" not in s])
    database = open_database(path, app_version="2.0")
    repo = Repository(database, lambda: TODAY)
    try:
        assert repo.list_episodes() == ()
        assert len(repo.list_checkins()) == 2
    finally:
        repo.close()


def test_a_second_episode_after_the_migration(tmp_path: Path) -> None:
    path = seeded_at_0002(tmp_path, SEED)
    repo = Repository(open_database(path, app_version="2.0"), lambda: TODAY)
    try:
        new = repo.start_episode(
            Episode(date(2026, 3, 10), Side.LEFT, PainSite.MID_THIGH),
            previous_end=EpisodeEnd.RECOVERED,
        )
        first, second = repo.list_episodes()
        assert first.ended == date(2026, 3, 9) and first.end_reason is EpisodeEnd.RECOVERED
        assert second == new and second.is_open
        profile = repo.get_profile()
        assert profile is not None
        assert (profile.injury_start, profile.side, profile.pain_site) == (
            date(2026, 3, 10),
            Side.LEFT,
            PainSite.MID_THIGH,
        )
        assert profile.usual_cadence_spm == 170  # the rest of the profile is kept
    finally:
        repo.close()
